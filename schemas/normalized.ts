import { z } from 'zod';
import { DocumentMeta, Issue, LineKind } from './extracted.js';

export const NormLine = z.object({
  line_no: z.number().int().positive(),
  page: z.number().int().positive().nullable(),
  text: z.string(),
  kind: LineKind,
  section_id: z.string().nullable(),
  table_id: z.string().nullable(),
});
export type NormLine = z.infer<typeof NormLine>;

export const Section = z.object({
  section_id: z.string(),
  parent_id: z.string().nullable(),
  level: z.number().int().min(1).max(4),
  label: z.string(),
  title: z.string(),
  /** Titles from the chapter down to this section. */
  title_path: z.array(z.string()),
  line_start: z.number().int().positive(),
  line_end: z.number().int().positive(),
});
export type Section = z.infer<typeof Section>;

export const CellRole = z.enum(['header', 'row_label', 'data', 'empty']);
export type CellRole = z.infer<typeof CellRole>;

export const Cell = z.object({
  table_id: z.string(),
  row_index: z.number().int().nonnegative(),
  col_index: z.number().int().nonnegative(),
  line_no: z.number().int().positive(),
  raw_text: z.string(),
  role: CellRole,
});
export type Cell = z.infer<typeof Cell>;

export const ReportTable = z.object({
  table_id: z.string(),
  section_id: z.string().nullable(),
  title: z.string(),
  context_path: z.array(z.string()),
  unit_note: z.string().nullable(),
  header_row_count: z.number().int().nonnegative(),
  row_count: z.number().int().positive(),
  col_count: z.number().int().positive(),
  line_start: z.number().int().positive(),
  line_end: z.number().int().positive(),
});
export type ReportTable = z.infer<typeof ReportTable>;

export const Qualifier = z.enum(['max', 'min', 'approx', 'over', 'under', 'plus', 'range_start', 'range_end']);

/**
 * What a number measures over time: a flow (amount in the period), a stock (at period end), a
 * cumulative total (누계, since a start year), a rate or share (with its denominator where the
 * table implies one), a change (증감, B−A) or a ratio (배).
 */
export const MeasureKind = z.enum(['flow', 'stock', 'cumulative', 'rate', 'share', 'change', 'ratio']);
export type MeasureKind = z.infer<typeof MeasureKind>;

/** Where a fact's unit was read: the cell itself, its column or row labels, the table's unit note, its caption, the line introducing it, or nowhere (default). */
export const UnitSource = z.enum(['cell', 'column', 'row', 'note', 'caption', 'intro', 'default']);
export type UnitSource = z.infer<typeof UnitSource>;

export const Fact = z.object({
  fact_id: z.string(),
  origin: z.enum(['table', 'text']),
  section_id: z.string().nullable(),
  table_id: z.string().nullable(),
  line_no: z.number().int().positive(),
  row_labels: z.array(z.string()),
  col_labels: z.array(z.string()),
  context_path: z.array(z.string()),
  subject: z.string().nullable(),
  raw_text: z.string(),
  /** The number as written, sign applied; null for `-` or an empty cell. */
  value: z.number().nullable(),
  unit_raw: z.string().nullable(),
  unit: z.string().nullable(),
  value_base: z.number().nullable(),
  base_unit: z.string().nullable(),
  period_year: z.number().int().nullable(),
  region_code: z.string().nullable(),
  is_total: z.boolean(),
  qualifier: Qualifier.nullable(),
  /** The metric this number is a value of, stable across reports (metrics.metric_id). */
  unit_source: UnitSource,
  metric_id: z.string(),
  /** The normalized labels the metric id comes from: section › table › rows › columns › kind. */
  metric_key: z.string(),
  measure_kind: MeasureKind,
});
export type Fact = z.infer<typeof Fact>;
/** A fact as the table and prose readers make it, before it is given its metric. */
export type FactDraft = Omit<Fact, 'metric_id' | 'metric_key' | 'measure_kind'>;

/** A metric as one document uses it: curated (sources/metrics.csv) or made from its key. */
export const Metric = z.object({
  metric_id: z.string(),
  name_ko: z.string(),
  name_en: z.string().nullable(),
  kind: MeasureKind,
  unit_family: z.string(),
  denominator_metric_id: z.string().nullable(),
  /** For a cumulative metric, the first year it adds up. */
  cumulative_from: z.number().int().nullable(),
  first_year: z.number().int().nullable(),
  last_year: z.number().int().nullable(),
  /** The catalog names it (true) or it was made from the document's labels (false). */
  curated: z.boolean(),
  metric_key: z.string(),
});
export type Metric = z.infer<typeof Metric>;

export const DateMention = z.object({
  line_no: z.number().int().positive(),
  raw_text: z.string(),
  start_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  end_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  subject: z.string().nullable(),
});
export type DateMention = z.infer<typeof DateMention>;

/**
 * What a quality check compares: a total against its parts (rows, a group's rows, columns, a 누계 as an upper
 * bound), a column derived by the formula in its label, a share against the count it is a share of, a column
 * that is a signed combination of others in every row, a prose total against the parts named beside it, and a
 * value 100× its column's others (a warning to check, not an error).
 */
export const CheckKind = z.enum([
  'total_rows',
  'subtotal_rows',
  'total_columns',
  'cumulative_bound',
  'derived_formula',
  'share_of_count',
  'row_identity',
  'prose_total',
  'magnitude',
]);
export type CheckKind = z.infer<typeof CheckKind>;

export const QualityCheck = z.object({
  check_id: z.string(),
  /** Null for a check of prose (prose_total). */
  table_id: z.string().nullable(),
  kind: CheckKind,
  label: z.string(),
  expected: z.number().nullable(),
  actual: z.number().nullable(),
  passed: z.boolean(),
  message: z.string(),
});
export type QualityCheck = z.infer<typeof QualityCheck>;

export const NormalizedDocument = z.object({
  artifact: z.literal('normalized'),
  pipeline_version: z.string(),
  input_sha256: z.string(),
  document: DocumentMeta.extend({ line_count: z.number().int().nonnegative(), encoding: z.string() }),
  lines: z.array(NormLine),
  sections: z.array(Section),
  tables: z.array(ReportTable),
  cells: z.array(Cell),
  facts: z.array(Fact),
  date_mentions: z.array(DateMention),
  quality_checks: z.array(QualityCheck),
  metrics: z.array(Metric),
  issues: z.array(Issue),
});
export type NormalizedDocument = z.infer<typeof NormalizedDocument>;
