/** Column types the loader knows how to append. */
export type ColumnType = 'VARCHAR' | 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN' | 'DATE' | 'TIMESTAMP' | 'VARCHAR[]';

export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
  readonly comment: string;
}

export interface TableSpec {
  readonly name: string;
  readonly comment: string;
  /** Per-document tables are replaced document by document and exported partitioned by report_year. */
  readonly perDocument: boolean;
  readonly columns: readonly ColumnSpec[];
}

const c = (name: string, type: ColumnType, comment: string): ColumnSpec => ({ name, type, comment });
const DOC = c('document_id', 'VARCHAR', 'Registered document id, e.g. kbiz-2020');
const YEAR = c('report_year', 'INTEGER', 'Year the report covers (partition key of the Parquet export)');

/**
 * The warehouse contract (DESIGN.md) plus a few extras; DDL, comments, loading and export derive
 * from it. The Appender fills columns by position and older warehouses gain new columns at the
 * end (`ensureSchema`), so a column is only ever added after the last one.
 */
export const TABLES: readonly TableSpec[] = [
  {
    name: 'documents', comment: 'One row per loaded source document', perDocument: true, columns: [
      DOC, c('publisher', 'VARCHAR', 'Publishing body (중소기업중앙회)'), c('title', 'VARCHAR', 'Title as on the cover'), YEAR,
      c('published_on', 'VARCHAR', 'Publication month (YYYY-MM) as on the cover'), c('source_format', 'VARCHAR', 'text, pdf, xlsx or csv'),
      c('source_path', 'VARCHAR', 'Path of the source file'), c('source_sha256', 'VARCHAR', 'SHA-256 of the source bytes'),
      c('line_count', 'INTEGER', 'Number of lines of the decoded source (= rows in source_lines)'), c('encoding', 'VARCHAR', 'Text encoding detected'),
      c('pipeline_version', 'VARCHAR', 'Version of kbiz-etl that loaded it'), c('loaded_at', 'TIMESTAMP', 'When it was loaded (UTC)'),
      c('artifact_sha256', 'VARCHAR', 'SHA-256 of the normalized artifact loaded (a rerun from the same artifact is skipped)'),
    ],
  },
  {
    name: 'source_lines', comment: 'Every line of every decoded source, blank lines included', perDocument: true, columns: [
      DOC, YEAR, c('line_no', 'INTEGER', '1-based line number'), c('page', 'INTEGER', 'PDF page, NULL for text'), c('text', 'VARCHAR', 'The line verbatim'),
      c('kind', 'VARCHAR', 'title, toc, heading, bullet, caption, unit_note, table_row, text or blank'),
      c('section_id', 'VARCHAR', 'Innermost section containing the line'), c('table_id', 'VARCHAR', 'Table the line belongs to'),
    ],
  },
  {
    name: 'sections', comment: 'Outline: chapters (I…V), sections (1.), subsections (1)) and ○ topics', perDocument: true, columns: [
      DOC, YEAR, c('section_id', 'VARCHAR', 'Section id, unique in the document'), c('parent_id', 'VARCHAR', 'Enclosing section'),
      c('level', 'INTEGER', '1 chapter, 2 section, 3 subsection, 4 topic'), c('label', 'VARCHAR', 'III, 1, 1) or ○'), c('title', 'VARCHAR', 'Heading text without its label'),
      c('title_path', 'VARCHAR[]', 'Titles from the chapter down to this section'), c('line_start', 'INTEGER', 'Heading line'), c('line_end', 'INTEGER', 'Last line before the next heading of the same or a higher level'),
    ],
  },
  {
    name: 'report_tables', comment: 'Tables of the report', perDocument: true, columns: [
      DOC, YEAR, c('table_id', 'VARCHAR', 'Table id, unique in the document'), c('section_id', 'VARCHAR', 'Innermost section containing the table'),
      c('title', 'VARCHAR', 'Caption, or the line that introduces the table'), c('context_path', 'VARCHAR[]', 'Headings, topics and bullets leading to the table, outermost first'),
      c('unit_note', 'VARCHAR', 'Unit note such as (단위 : 억원)'), c('header_row_count', 'INTEGER', 'Header rows at the top'),
      c('row_count', 'INTEGER', 'Rows of the raw grid'), c('col_count', 'INTEGER', 'Cells of the widest raw row'),
      c('line_start', 'INTEGER', 'First line'), c('line_end', 'INTEGER', 'Last line'),
    ],
  },
  {
    name: 'table_cells', comment: 'Every cell of every raw table grid, verbatim', perDocument: true, columns: [
      DOC, YEAR, c('table_id', 'VARCHAR', 'Table'), c('row_index', 'INTEGER', '0-based row in the grid'), c('col_index', 'INTEGER', '0-based column in the grid'),
      c('line_no', 'INTEGER', 'Source line'), c('raw_text', 'VARCHAR', 'Cell text verbatim'), c('role', 'VARCHAR', 'header, row_label, data or empty'),
    ],
  },
  {
    name: 'facts', comment: 'Every number of the report, from table cells and prose, unit-normalized', perDocument: true, columns: [
      DOC, c('fact_id', 'VARCHAR', 'Fact id, unique in the document'), YEAR, c('origin', 'VARCHAR', 'table or text'),
      c('section_id', 'VARCHAR', 'Innermost section'), c('table_id', 'VARCHAR', 'Table, NULL for prose'), c('line_no', 'INTEGER', 'Source line'),
      c('row_labels', 'VARCHAR[]', 'Row header path, spaced-out words joined'), c('col_labels', 'VARCHAR[]', 'Column header path, spaced-out words joined'),
      c('context_path', 'VARCHAR[]', 'Headings, topics and parent bullets, outermost first'), c('subject', 'VARCHAR', 'What the number counts (table title or phrase)'),
      c('raw_text', 'VARCHAR', 'The number as written'), c('value', 'DOUBLE', 'Number as written in unit_raw, sign applied; NULL for - or empty'),
      c('unit_raw', 'VARCHAR', 'Unit spelling (억원, 건, %)'), c('unit', 'VARCHAR', 'What is counted or the currency (KRW, USD, case, person, percent, number)'),
      c('value_base', 'DOUBLE', 'value × multiplier of unit_raw, in base_unit'), c('base_unit', 'VARCHAR', 'KRW, USD, count, percent, percent_point, number …'),
      c('period_year', 'INTEGER', 'Year named by labels or caption'), c('region_code', 'VARCHAR', 'Region of the cell or phrase (regions.region_code)'),
      c('is_total', 'BOOLEAN', 'Total or subtotal (계, 합계, 누계, 총계)'), c('qualifier', 'VARCHAR', 'max, min, approx, over, under, plus, range_start, range_end'),
    ],
  },
  {
    name: 'date_mentions', comment: 'Dates and date ranges in the text, resolved with the report year', perDocument: true, columns: [
      DOC, YEAR, c('line_no', 'INTEGER', 'Source line'), c('raw_text', 'VARCHAR', 'As written (5.7, 3.17~31)'),
      c('start_date', 'DATE', 'First day'), c('end_date', 'DATE', 'Last day'), c('subject', 'VARCHAR', 'Phrase the date belongs to'),
    ],
  },
  {
    name: 'quality_checks', comment: 'Arithmetic audit: totals and subtotals against the sum of their parts', perDocument: true, columns: [
      DOC, YEAR, c('check_id', 'VARCHAR', 'Check id'), c('table_id', 'VARCHAR', 'Table audited'),
      c('kind', 'VARCHAR', 'total_rows, subtotal_rows, total_columns, cumulative_bound'), c('label', 'VARCHAR', 'Labels of the total checked'),
      c('expected', 'DOUBLE', 'Sum of the parts'), c('actual', 'DOUBLE', 'Published total'), c('passed', 'BOOLEAN', 'Whether they agree (within rounding)'), c('message', 'VARCHAR', 'Finding in words'),
    ],
  },
  {
    name: 'issues', comment: 'Warnings recorded while reading a document (unknown unit, ragged table …)', perDocument: true, columns: [
      DOC, YEAR, c('code', 'VARCHAR', 'Warning code'), c('message', 'VARCHAR', 'What was doubted'), c('line_no', 'INTEGER', 'Source line'),
    ],
  },
  {
    name: 'units', comment: 'Unit spellings and their conversion', perDocument: false, columns: [
      c('unit_raw', 'VARCHAR', 'Spelling (억원)'), c('unit', 'VARCHAR', 'What is counted or the currency'), c('base_unit', 'VARCHAR', 'Unit of value_base'),
      c('multiplier', 'DOUBLE', 'value × multiplier = value_base'), c('quantity_kind', 'VARCHAR', 'money, count, ratio, duration, mass'),
    ],
  },
  {
    name: 'regions', comment: 'Sido and KBIZ regional headquarters', perDocument: false, columns: [
      c('region_code', 'VARCHAR', 'Our key: ISO code for sido (KR-11), KBIZ-… for composite headquarters'), c('name_ko', 'VARCHAR', 'Official Korean name'),
      c('name_en', 'VARCHAR', 'English name'), c('kind', 'VARCHAR', 'sido, kbiz_hq or subregion'), c('iso_3166_2', 'VARCHAR', 'ISO 3166-2:KR code'),
      c('sido_code', 'VARCHAR', 'KOSTAT statistical sido code'), c('admin_code', 'VARCHAR', 'Interior ministry administrative sido code'),
      c('valid_from', 'DATE', 'First day the region exists, NULL if before 2000'), c('valid_to', 'DATE', 'Last day, NULL while it exists'),
    ],
  },
  {
    name: 'region_names', comment: 'Former official names of regions', perDocument: false, columns: [
      c('region_code', 'VARCHAR', 'Region'), c('name_ko', 'VARCHAR', 'Former name'), c('valid_to', 'DATE', 'Last day the name was official'),
    ],
  },
  { name: 'region_aliases', comment: 'Every spelling of a region seen or plausible', perDocument: false, columns: [c('alias', 'VARCHAR', 'Spelling'), c('region_code', 'VARCHAR', 'Region')] },
  { name: 'region_members', comment: 'Sido a region covers (a sido covers itself)', perDocument: false, columns: [c('region_code', 'VARCHAR', 'Region'), c('member_iso_3166_2', 'VARCHAR', 'ISO code of a sido covered')] },
  {
    name: 'pipeline_runs', comment: 'Run log: one row per stage run per document', perDocument: false, columns: [
      c('run_id', 'VARCHAR', 'Run id'), c('stage', 'VARCHAR', 'extract, transform, load or export'), c('document_id', 'VARCHAR', 'Document, NULL for export'),
      c('started_at', 'TIMESTAMP', 'Start (UTC)'), c('finished_at', 'TIMESTAMP', 'End (UTC)'), c('status', 'VARCHAR', 'ok, skipped or failed'),
      c('rows', 'BIGINT', 'Rows produced'), c('message', 'VARCHAR', 'Error or note'),
    ],
  },
];

export const tableSpec = (name: string): TableSpec => {
  const spec = TABLES.find((t) => t.name === name);
  if (!spec) throw new Error(`no table ${name}`);
  return spec;
};
