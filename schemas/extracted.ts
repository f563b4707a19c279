import { z } from 'zod';
import { SourceFormat } from './source.js';

/** The line kinds of the warehouse contract (`source_lines.kind`). */
export const LineKind = z.enum([
  'title',
  'toc',
  'heading',
  'bullet',
  'caption',
  'unit_note',
  'table_row',
  'text',
  'blank',
]);
export type LineKind = z.infer<typeof LineKind>;

/** Outline level of a heading: chapter `I`, section `1.`, subsection `1)`, topic `○`. */
export const HeadingInfo = z.object({
  level: z.number().int().min(1).max(4),
  /** `III`, `1`, `1)`, `○`; the chapter label comes from the table of contents when the body omits it. */
  label: z.string(),
  title: z.string(),
});
export type HeadingInfo = z.infer<typeof HeadingInfo>;

export const Line = z.object({
  line_no: z.number().int().positive(),
  page: z.number().int().positive().nullable(),
  /** The line as the parser reads it: NFC, full-width and look-alike characters folded, invisible ones removed. */
  text: z.string(),
  /** The line as written, present only when `text` differs from it; `source_lines.text` keeps this. */
  verbatim: z.string().optional(),
  kind: LineKind,
  /** Bullet depth (1 = `- `, 2 = ` - `), present on bullets only. */
  depth: z.number().int().positive().optional(),
  heading: HeadingInfo.optional(),
  /**
   * What the line says without its marker: a bullet's text after `-`/`·`, a caption's title inside
   * its brackets (`〈 회원 현황 〉` → `회원 현황`). Present on bullets and captions only.
   */
  body: z.string().optional(),
  /** A PDF's running header or footer (page furniture): kept as a line, never a fact. */
  furniture: z.boolean().optional(),
  table_id: z.string().nullable(),
});
export type Line = z.infer<typeof Line>;

const ColumnIndexes = z.array(z.number().int().nonnegative());

/**
 * The cells of a row that repeat a merged cell: the extractor spreads a merged cell's text over every cell it
 * covers (so headers and row labels label each column and row they span), and says here which copies are not the
 * cell itself. `left`: cells continuing a merged cell begun to their left in this row; `above`: cells continuing
 * one begun in a row above. Column indexes of `cells`; absent in formats without merges and in rows with none.
 */
export const RowSpread = z.object({ left: ColumnIndexes.optional(), above: ColumnIndexes.optional() });
export type RowSpread = z.infer<typeof RowSpread>;

export const RawRow = z.object({
  line_no: z.number().int().positive(),
  cells: z.array(z.string()),
  spread: RowSpread.optional(),
});
export type RawRow = z.infer<typeof RawRow>;

/** A grid exactly as written: ragged rows stay ragged, cells verbatim. */
export const RawTable = z.object({
  table_id: z.string(),
  line_start: z.number().int().positive(),
  line_end: z.number().int().positive(),
  rows: z.array(RawRow).min(1),
});
export type RawTable = z.infer<typeof RawTable>;

/** Something a stage doubted but could work around; recorded, never thrown. */
export const Issue = z.object({
  code: z.string(),
  message: z.string(),
  line_no: z.number().int().positive().nullable(),
});
export type Issue = z.infer<typeof Issue>;

export const DocumentMeta = z.object({
  document_id: z.string(),
  /** Who published it: the registry's word or `--publisher`; NULL for an ad-hoc file nobody named. */
  publisher: z.string().nullable(),
  title: z.string(),
  report_year: z.number().int(),
  published_on: z.string().nullable(),
  source_format: SourceFormat,
  source_path: z.string(),
  source_sha256: z.string(),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

export const ExtractedDocument = z.object({
  artifact: z.literal('extracted'),
  pipeline_version: z.string(),
  input_sha256: z.string(),
  document: DocumentMeta,
  encoding: z.string(),
  lines: z.array(Line),
  tables: z.array(RawTable),
  issues: z.array(Issue),
});
export type ExtractedDocument = z.infer<typeof ExtractedDocument>;
