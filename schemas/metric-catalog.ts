import { z } from 'zod';
import { MeasureKind } from './normalized.js';

/**
 * One curated metric (a row of sources/metrics.csv): a readable name in both languages, its kind,
 * and the metric keys that name it in any report year (a later report's changed labels).
 */
export const CatalogMetric = z.object({
  metric_id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, . _ -'),
  name_ko: z.string().min(1),
  name_en: z.string().min(1),
  kind: MeasureKind,
  unit_family: z.string().min(1),
  /** Metric keys (as in facts.metric_key), separated by ` ; ` in the CSV. */
  aliases: z.array(z.string().min(1)).min(1),
  denominator_metric_id: z.string().nullable(),
  first_year: z.number().int().nullable(),
  last_year: z.number().int().nullable(),
});
export type CatalogMetric = z.infer<typeof CatalogMetric>;

export const MetricCatalog = z.array(CatalogMetric).superRefine((rows, ctx) => {
  const seen = new Map<string, string>();
  for (const r of rows) {
    for (const a of r.aliases) {
      const other = seen.get(a);
      if (other && other !== r.metric_id)
        ctx.addIssue({ code: 'custom', message: `metric key ${a} is an alias of both ${other} and ${r.metric_id}` });
      seen.set(a, r.metric_id);
    }
  }
});
export type MetricCatalog = z.infer<typeof MetricCatalog>;
