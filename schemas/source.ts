import { z } from 'zod';

/** Formats a document can arrive in; detected from content, declared in the registry. */
export const SourceFormat = z.enum(['text', 'pdf', 'xlsx', 'csv', 'hwpx', 'hwp']);
export type SourceFormat = z.infer<typeof SourceFormat>;

/** One registered document: who published it, which year it reports on, where its bytes are. */
export const SourceEntry = z.object({
  document_id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, . _ -'),
  publisher: z.string().min(1),
  title: z.string().min(1),
  report_year: z.number().int().min(1960).max(2100),
  /** `YYYY-MM` or `YYYY-MM-DD` as printed on the cover, null when unknown. */
  published_on: z
    .string()
    .regex(/^\d{4}-\d{2}(-\d{2})?$/)
    .nullable(),
  format: SourceFormat,
  /** Relative to the registry file's folder. */
  path: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type SourceEntry = z.infer<typeof SourceEntry>;

export const Registry = z
  .object({ sources: z.array(SourceEntry) })
  .refine((r) => new Set(r.sources.map((s) => s.document_id)).size === r.sources.length, {
    message: 'document_id must be unique',
  });
export type Registry = z.infer<typeof Registry>;
