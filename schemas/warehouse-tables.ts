import { z } from 'zod';
import { Issue } from './extracted.js';
import { Cell, DateMention, Fact, NormalizedDocument, NormLine, QualityCheck, ReportTable, Section } from './normalized.js';
import { declareTable, type TableSpec } from './table-declaration.js';

/** The two columns every per-document row carries (the loader fills them once per document). */
const DocumentKeys = { document_id: z.string(), report_year: z.number().int() };
const perDocument = <S extends z.ZodRawShape>(schema: z.ZodObject<S>) => schema.extend(DocumentKeys);

const DOC = ['VARCHAR', 'Registered document id, e.g. kbiz-2020'] as const;
const YEAR = ['INTEGER', 'Year the report covers (partition key of the Parquet export)'] as const;

export const DocumentRow = NormalizedDocument.shape.document.extend({
  pipeline_version: z.string(),
  loaded_at: z.string(),
  artifact_sha256: z.string().nullable(),
});

export const UnitRow = z.object({
  unit_raw: z.string(),
  unit: z.string(),
  base_unit: z.string(),
  multiplier: z.number(),
  quantity_kind: z.string(),
});

export const RegionRow = z.object({
  region_code: z.string(),
  name_ko: z.string(),
  name_en: z.string(),
  kind: z.enum(['sido', 'kbiz_hq', 'subregion']),
  iso_3166_2: z.string().nullable(),
  sido_code: z.string().nullable(),
  admin_code: z.string().nullable(),
  valid_from: z.string().nullable(),
  valid_to: z.string().nullable(),
});

export const RegionNameRow = z.object({ region_code: z.string(), name_ko: z.string(), valid_to: z.string() });
export const RegionAliasRow = z.object({ alias: z.string(), region_code: z.string() });
export const RegionMemberRow = z.object({ region_code: z.string(), member_iso_3166_2: z.string() });

export const PipelineRunRow = z.object({
  run_id: z.string(),
  stage: z.string(),
  document_id: z.string().nullable(),
  started_at: z.string(),
  finished_at: z.string(),
  status: z.enum(['ok', 'skipped', 'failed']),
  rows: z.number().int(),
  message: z.string().nullable(),
});

const documents = declareTable('documents', 'One row per loaded source document', true, DocumentRow, {
  document_id: DOC,
  publisher: ['VARCHAR', 'Publishing body (중소기업중앙회)'],
  title: ['VARCHAR', 'Title as on the cover'],
  report_year: YEAR,
  published_on: ['VARCHAR', 'Publication month (YYYY-MM) as on the cover'],
  source_format: ['VARCHAR', 'text, pdf, xlsx or csv'],
  source_path: ['VARCHAR', 'Path of the source file'],
  source_sha256: ['VARCHAR', 'SHA-256 of the source bytes'],
  line_count: ['INTEGER', 'Number of lines of the decoded source (= rows in source_lines)'],
  encoding: ['VARCHAR', 'Text encoding detected'],
  pipeline_version: ['VARCHAR', 'Version of kbiz-etl that loaded it'],
  loaded_at: ['TIMESTAMP', 'When it was loaded (UTC)'],
  artifact_sha256: ['VARCHAR', 'SHA-256 of the normalized artifact loaded (a rerun from the same artifact is skipped)'],
});

const source_lines = declareTable('source_lines', 'Every line of every decoded source, blank lines included', true, perDocument(NormLine), {
  document_id: DOC,
  report_year: YEAR,
  line_no: ['INTEGER', '1-based line number'],
  page: ['INTEGER', 'PDF page, NULL for text'],
  text: ['VARCHAR', 'The line verbatim'],
  kind: ['VARCHAR', 'title, toc, heading, bullet, caption, unit_note, table_row, text or blank'],
  section_id: ['VARCHAR', 'Innermost section containing the line'],
  table_id: ['VARCHAR', 'Table the line belongs to'],
});

const sections = declareTable('sections', 'Outline: chapters (I…V), sections (1.), subsections (1)) and ○ topics', true, perDocument(Section), {
  document_id: DOC,
  report_year: YEAR,
  section_id: ['VARCHAR', 'Section id, unique in the document'],
  parent_id: ['VARCHAR', 'Enclosing section'],
  level: ['INTEGER', '1 chapter, 2 section, 3 subsection, 4 topic'],
  label: ['VARCHAR', 'III, 1, 1) or ○'],
  title: ['VARCHAR', 'Heading text without its label'],
  title_path: ['VARCHAR[]', 'Titles from the chapter down to this section'],
  line_start: ['INTEGER', 'Heading line'],
  line_end: ['INTEGER', 'Last line before the next heading of the same or a higher level'],
});

const report_tables = declareTable('report_tables', 'Tables of the report', true, perDocument(ReportTable), {
  document_id: DOC,
  report_year: YEAR,
  table_id: ['VARCHAR', 'Table id, unique in the document'],
  section_id: ['VARCHAR', 'Innermost section containing the table'],
  title: ['VARCHAR', 'Caption, or the line that introduces the table'],
  context_path: ['VARCHAR[]', 'Headings, topics and bullets leading to the table, outermost first'],
  unit_note: ['VARCHAR', 'Unit note such as (단위 : 억원)'],
  header_row_count: ['INTEGER', 'Header rows at the top'],
  row_count: ['INTEGER', 'Rows of the raw grid'],
  col_count: ['INTEGER', 'Cells of the widest raw row'],
  line_start: ['INTEGER', 'First line'],
  line_end: ['INTEGER', 'Last line'],
});

const table_cells = declareTable('table_cells', 'Every cell of every raw table grid, verbatim', true, perDocument(Cell), {
  document_id: DOC,
  report_year: YEAR,
  table_id: ['VARCHAR', 'Table'],
  row_index: ['INTEGER', '0-based row in the grid'],
  col_index: ['INTEGER', '0-based column in the grid'],
  line_no: ['INTEGER', 'Source line'],
  raw_text: ['VARCHAR', 'Cell text verbatim'],
  role: ['VARCHAR', 'header, row_label, data or empty'],
});

const facts = declareTable('facts', 'Every number of the report, from table cells and prose, unit-normalized', true, perDocument(Fact), {
  document_id: DOC,
  fact_id: ['VARCHAR', 'Fact id, unique in the document'],
  report_year: YEAR,
  origin: ['VARCHAR', 'table or text'],
  section_id: ['VARCHAR', 'Innermost section'],
  table_id: ['VARCHAR', 'Table, NULL for prose'],
  line_no: ['INTEGER', 'Source line'],
  row_labels: ['VARCHAR[]', 'Row header path, spaced-out words joined'],
  col_labels: ['VARCHAR[]', 'Column header path, spaced-out words joined'],
  context_path: ['VARCHAR[]', 'Headings, topics and parent bullets, outermost first'],
  subject: ['VARCHAR', 'What the number counts (table title or phrase)'],
  raw_text: ['VARCHAR', 'The number as written'],
  value: ['DOUBLE', 'Number as written in unit_raw, sign applied; NULL for - or empty'],
  unit_raw: ['VARCHAR', 'Unit spelling (억원, 건, %)'],
  unit: ['VARCHAR', 'What is counted or the currency (KRW, USD, case, person, percent, number)'],
  value_base: ['DOUBLE', 'value × multiplier of unit_raw, in base_unit'],
  base_unit: ['VARCHAR', 'KRW, USD, count, percent, percent_point, number …'],
  period_year: ['INTEGER', 'Year named by labels or caption'],
  region_code: ['VARCHAR', 'Region of the cell or phrase (regions.region_code)'],
  is_total: ['BOOLEAN', 'Total or subtotal (계, 합계, 누계, 총계)'],
  qualifier: ['VARCHAR', 'max, min, approx, over, under, plus, range_start, range_end'],
});

const date_mentions = declareTable('date_mentions', 'Dates and date ranges in the text, resolved with the report year', true, perDocument(DateMention), {
  document_id: DOC,
  report_year: YEAR,
  line_no: ['INTEGER', 'Source line'],
  raw_text: ['VARCHAR', 'As written (5.7, 3.17~31)'],
  start_date: ['DATE', 'First day'],
  end_date: ['DATE', 'Last day'],
  subject: ['VARCHAR', 'Phrase the date belongs to'],
});

const quality_checks = declareTable('quality_checks', 'Arithmetic audit: totals and subtotals against the sum of their parts', true, perDocument(QualityCheck), {
  document_id: DOC,
  report_year: YEAR,
  check_id: ['VARCHAR', 'Check id'],
  table_id: ['VARCHAR', 'Table audited'],
  kind: ['VARCHAR', 'total_rows, subtotal_rows, total_columns, cumulative_bound or derived_formula (B-A, B/A)'],
  label: ['VARCHAR', 'Labels of the total checked'],
  expected: ['DOUBLE', 'Sum of the parts'],
  actual: ['DOUBLE', 'Published total'],
  passed: ['BOOLEAN', 'Whether they agree (within rounding)'],
  message: ['VARCHAR', 'Finding in words'],
});

const issues = declareTable('issues', 'Warnings recorded while reading a document (unknown unit, ragged table …)', true, perDocument(Issue), {
  document_id: DOC,
  report_year: YEAR,
  code: ['VARCHAR', 'Warning code'],
  message: ['VARCHAR', 'What was doubted'],
  line_no: ['INTEGER', 'Source line'],
});

const units = declareTable('units', 'Unit spellings and their conversion', false, UnitRow, {
  unit_raw: ['VARCHAR', 'Spelling (억원)'],
  unit: ['VARCHAR', 'What is counted or the currency'],
  base_unit: ['VARCHAR', 'Unit of value_base'],
  multiplier: ['DOUBLE', 'value × multiplier = value_base'],
  quantity_kind: ['VARCHAR', 'money, count, ratio, duration, mass'],
});

const regions = declareTable('regions', 'Sido and KBIZ regional headquarters', false, RegionRow, {
  region_code: ['VARCHAR', 'Our key: ISO code for sido (KR-11), KBIZ-… for composite headquarters'],
  name_ko: ['VARCHAR', 'Official Korean name'],
  name_en: ['VARCHAR', 'English name'],
  kind: ['VARCHAR', 'sido, kbiz_hq or subregion'],
  iso_3166_2: ['VARCHAR', 'ISO 3166-2:KR code'],
  sido_code: ['VARCHAR', 'KOSTAT statistical sido code'],
  admin_code: ['VARCHAR', 'Interior ministry administrative sido code'],
  valid_from: ['DATE', 'First day the region exists, NULL if before 2000'],
  valid_to: ['DATE', 'Last day, NULL while it exists'],
});

const region_names = declareTable('region_names', 'Former official names of regions', false, RegionNameRow, {
  region_code: ['VARCHAR', 'Region'],
  name_ko: ['VARCHAR', 'Former name'],
  valid_to: ['DATE', 'Last day the name was official'],
});

const region_aliases = declareTable('region_aliases', 'Every spelling of a region seen or plausible', false, RegionAliasRow, {
  alias: ['VARCHAR', 'Spelling'],
  region_code: ['VARCHAR', 'Region'],
});

const region_members = declareTable('region_members', 'Sido a region covers (a sido covers itself)', false, RegionMemberRow, {
  region_code: ['VARCHAR', 'Region'],
  member_iso_3166_2: ['VARCHAR', 'ISO code of a sido covered'],
});

const pipeline_runs = declareTable('pipeline_runs', 'Run log: one row per stage run per document', false, PipelineRunRow, {
  run_id: ['VARCHAR', 'Run id'],
  stage: ['VARCHAR', 'extract, transform, load or export'],
  document_id: ['VARCHAR', 'Document, NULL for export'],
  started_at: ['TIMESTAMP', 'Start (UTC)'],
  finished_at: ['TIMESTAMP', 'End (UTC)'],
  status: ['VARCHAR', 'ok, skipped or failed'],
  rows: ['BIGINT', 'Rows produced'],
  message: ['VARCHAR', 'Error or note'],
});

/**
 * The warehouse contract (DESIGN.md) plus a few extras, in one declaration: DDL, comments, the
 * loader, the Parquet export and the artifacts' zod schemas all derive from it. Older
 * warehouses gain new columns at the end (`ensureSchema`), so a column is only ever added last.
 */
export const WAREHOUSE_TABLES = {
  documents,
  source_lines,
  sections,
  report_tables,
  table_cells,
  facts,
  date_mentions,
  quality_checks,
  issues,
  units,
  regions,
  region_names,
  region_aliases,
  region_members,
  pipeline_runs,
} as const;

export type WarehouseTableName = keyof typeof WAREHOUSE_TABLES;
/** A row of a warehouse table, as the loader appends it. */
export type WarehouseRow<T extends WarehouseTableName> = z.infer<(typeof WAREHOUSE_TABLES)[T]['row']>;

export const TABLES: readonly TableSpec[] = Object.values(WAREHOUSE_TABLES);
