import type { DuckDBConnection } from '@duckdb/node-api';
import { query, type Rows } from './queries.js';

/**
 * Search text as the analyst commands compare it: lower case, words split at whitespace. Labels
 * are stored without spaces (공제금지급) and people type them with (공제금 지급), so every
 * searched text is compared without whitespace and each word must occur in it.
 */
export interface Search {
  readonly words: readonly string[];
}

export const searchOf = (text: string): Search => ({ words: text.toLowerCase().split(/\s+/).filter(Boolean) });

/** A text expression as searches compare it: lower case, without whitespace. */
const compact = (expr: string) => `lower(regexp_replace(coalesce(${expr}, ''), '\\s+', '', 'g'))`;
/** Separates searched fields, so that no word matches across two of them. */
const SEP = 'chr(31)';

/**
 * `$w0`, `$w1` … (bound, never spliced) and, where the query uses it (DuckDB refuses a parameter
 * a statement does not have), the words joined (`$phrase`) or their length in characters (`$len`).
 */
function searchParams(s: Search, extra: 'phrase' | 'len'): Record<string, string | number> {
  const joined = s.words.join('');
  const params: Record<string, string | number> = extra === 'phrase' ? { phrase: joined } : { len: [...joined].length };
  s.words.forEach((w, i) => (params[`w${i}`] = w));
  return params;
}
const allWords = (s: Search, expr: string) => s.words.map((_, i) => `contains(${expr}, $w${i})`).join(' AND ');

/**
 * Metrics whose names (Korean, English), id or label keys hold every word, with the latest
 * report's value of the latest period (the whole country first). Curated metrics first, then the
 * closest names: `leftover` counts the characters of the name the words do not cover.
 */
export async function searchMetrics(conn: DuckDBConnection, s: Search, limit: number): Promise<Rows> {
  // the label part of each key: without its last two fields, unit and kind (`count`, `flow` would match everything)
  const labels = `list_transform(metric_keys, lambda k: regexp_replace(k, '(\\|[^|]*){2}$', ''))`;
  const keys = `array_to_string(${labels}, ${SEP})`;
  const { rows } = await query(
    conn,
    `
    WITH m AS (
      SELECT *, ${compact('name_ko')} AS ko, ${compact('name_en')} AS en,
             ${compact(`concat_ws(${SEP}, metric_id, name_ko, name_en, ${keys})`)} AS hay
      FROM metrics),
    hits AS (
      SELECT metric_id, name_ko, name_en, kind, unit_family, first_year, last_year, curated,
             least(CASE WHEN ${allWords(s, 'ko')} THEN length(ko) - $len END,
                   CASE WHEN ${allWords(s, 'en')} THEN length(en) - $len END) AS leftover
      FROM m WHERE ${allWords(s, 'hay')}),
    latest AS (
      SELECT metric_id, period_year, region_code, value, unit_raw, value_base, base_unit FROM v_metric_latest
      WHERE metric_id IN (SELECT metric_id FROM hits)
      QUALIFY row_number() OVER (PARTITION BY metric_id
                                 ORDER BY region_code IS NULL DESC, period_year DESC, region_code) = 1)
    SELECT h.*, l.period_year AS latest_period, l.region_code AS latest_region, l.value AS latest_value,
           l.unit_raw AS latest_unit, l.value_base AS latest_value_base, l.base_unit AS latest_base_unit,
           count(*) OVER () AS matches
    FROM hits h LEFT JOIN latest l USING (metric_id)
    ORDER BY h.curated DESC, h.leftover NULLS LAST, h.metric_id
    LIMIT $limit`,
    { ...searchParams(s, 'len'), limit },
  );
  return rows;
}

/**
 * Facts whose labels, subject, table title, metric names or source line hold every word. Those
 * holding the whole text in their labels come first, then in their names, then in their line.
 */
export async function searchFacts(conn: DuckDBConnection, s: Search, limit: number): Promise<Rows> {
  const labels = `concat_ws(${SEP}, array_to_string(f.row_labels, ${SEP}), array_to_string(f.col_labels, ${SEP}))`;
  const { rows } = await query(
    conn,
    `
    WITH f AS (
      SELECT f.document_id, f.report_year, f.fact_id, f.row_labels, f.col_labels, f.value, f.unit_raw,
             f.value_base, f.base_unit, f.period_year, f.region_code, f.line_no, t.title AS table_title, f.subject,
             f.metric_id,
             ${compact(labels)} AS labels,
             ${compact(`concat_ws(${SEP}, f.subject, t.title, m.name_ko, m.name_en)`)} AS names,
             ${compact('s.text')} AS line
      FROM facts f
      LEFT JOIN report_tables t ON t.document_id = f.document_id AND t.table_id = f.table_id
      LEFT JOIN metrics m ON m.metric_id = f.metric_id
      LEFT JOIN source_lines s ON s.document_id = f.document_id AND s.line_no = f.line_no)
    SELECT * EXCLUDE (labels, names, line),
           CASE WHEN contains(labels, $phrase) THEN 0 WHEN contains(names, $phrase) THEN 1
                WHEN contains(line, $phrase) THEN 2 ELSE 3 END AS rank,
           count(*) OVER () AS matches
    FROM f WHERE ${allWords(s, `concat_ws(${SEP}, labels, names, line)`)}
    ORDER BY rank, document_id, line_no, fact_id
    LIMIT $limit`,
    { ...searchParams(s, 'phrase'), limit },
  );
  return rows;
}

/** One metric by its id (letter case ignored), or none. */
export async function metricById(conn: DuckDBConnection, id: string): Promise<Rows> {
  return (await query(conn, 'SELECT * FROM metrics WHERE lower(metric_id) = lower($id)', { id })).rows;
}

/**
 * A metric's values (v_metric_series), one row per region and period: the latest report's, or,
 * where reports disagree (restated), each report's.
 */
export async function metricSeries(conn: DuckDBConnection, metricId: string, region?: string): Promise<Rows> {
  const { rows } = await query(
    conn,
    `
    SELECT period_year, region_code, value, unit_raw, value_base, base_unit, report_year, document_id, restated,
           fact_id, facts_in_report
    FROM v_metric_series WHERE metric_id = $id ${region ? 'AND region_code = $region' : ''}
    QUALIFY restated
         OR row_number() OVER (PARTITION BY region_code, period_year ORDER BY report_year DESC, document_id DESC) = 1
    ORDER BY region_code NULLS FIRST, period_year, report_year, document_id`,
    region ? { id: metricId, region } : { id: metricId },
  );
  return rows;
}

/** Loaded documents, oldest report first. */
export async function documentList(conn: DuckDBConnection): Promise<Rows> {
  const { rows } = await query(
    conn,
    'SELECT document_id, report_year, title FROM documents ORDER BY report_year, document_id',
  );
  return rows;
}

/**
 * One value per document, metric, region and period, picked as v_metric_series picks one per
 * report year (a table cell before prose, then the first line); per document here, so two
 * documents of the same year compare too.
 */
const PICKED = `
  picked AS (
    SELECT f.document_id, f.metric_id, f.region_code, coalesce(f.period_year, f.report_year) AS period_year,
           f.value, f.unit_raw, f.value_base, f.base_unit, f.fact_id
    FROM facts f
    WHERE f.value IS NOT NULL AND f.metric_id IS NOT NULL AND f.document_id IN ($a, $b)
    QUALIFY row_number() OVER (
      PARTITION BY f.document_id, f.metric_id, f.region_code, coalesce(f.period_year, f.report_year)
      ORDER BY (f.origin = 'table') DESC, f.line_no, f.fact_id) = 1)`;

/** Metrics document `b` gives values for and `a` does not (swap them for the metrics gone). */
export async function metricsOnlyIn(conn: DuckDBConnection, b: string, a: string, limit: number): Promise<Rows> {
  const { rows } = await query(
    conn,
    `
    WITH ${PICKED}
    SELECT p.metric_id, any_value(m.name_ko) AS name_ko, any_value(m.kind) AS kind, count(*) AS values,
           min(p.period_year) AS first_year, max(p.period_year) AS last_year, count(*) OVER () AS matches
    FROM picked p LEFT JOIN metrics m USING (metric_id)
    WHERE p.document_id = $b AND p.metric_id NOT IN (SELECT metric_id FROM picked WHERE document_id = $a)
    GROUP BY p.metric_id ORDER BY p.metric_id LIMIT $limit`,
    { a, b, limit },
  );
  return rows;
}

/** Values both documents give for the same metric, region and period, that differ (value_base). */
export async function restatedValues(conn: DuckDBConnection, a: string, b: string, limit: number): Promise<Rows> {
  const { rows } = await query(
    conn,
    `
    WITH ${PICKED}
    SELECT pa.metric_id, m.name_ko, pa.region_code, pa.period_year, pa.value AS value_a, pa.unit_raw AS unit_a,
           pb.value AS value_b, pb.unit_raw AS unit_b, pa.value_base AS value_base_a, pb.value_base AS value_base_b,
           pa.base_unit, pa.fact_id AS fact_a, pb.fact_id AS fact_b, count(*) OVER () AS matches
    FROM picked pa
    JOIN picked pb ON pb.document_id = $b AND pb.metric_id = pa.metric_id
                  AND pb.region_code IS NOT DISTINCT FROM pa.region_code AND pb.period_year = pa.period_year
    LEFT JOIN metrics m ON m.metric_id = pa.metric_id
    WHERE pa.document_id = $a AND pa.value_base IS DISTINCT FROM pb.value_base
    ORDER BY pa.metric_id, pa.region_code NULLS FIRST, pa.period_year LIMIT $limit`,
    { a, b, limit },
  );
  return rows;
}

/** Every table and view of the warehouse with its comment, tables first, each by name. */
export async function relations(conn: DuckDBConnection): Promise<Rows> {
  const { rows } = await query(
    conn,
    `
    SELECT name, kind, comment FROM (
      SELECT table_name AS name, 'table' AS kind, comment FROM duckdb_tables()
      WHERE schema_name = 'main' AND NOT internal
      UNION ALL
      SELECT view_name, 'view', comment FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal)
    ORDER BY kind, name`,
  );
  return rows;
}

/** The columns of one table or view: name, type and comment, in order. */
export async function relationColumns(conn: DuckDBConnection, name: string): Promise<Rows> {
  const { rows } = await query(
    conn,
    `
    SELECT column_name AS name, data_type AS type, comment FROM duckdb_columns()
    WHERE schema_name = 'main' AND table_name = $name ORDER BY column_index`,
    { name },
  );
  return rows;
}

/**
 * The cells around a table fact: its row, and the header cells of its column. The row and column
 * come from the fact id (`t<line>-r<row>c<col>`, the cell's place in the grid); prose has none.
 */
export async function neighbourCells(conn: DuckDBConnection, documentId: string, factId: string): Promise<Rows> {
  const { rows } = await query(
    conn,
    `
    WITH f AS (
      SELECT document_id, table_id,
             TRY_CAST(regexp_extract(fact_id, '^t\\d+-r(\\d+)c(\\d+)', 1) AS INTEGER) AS r,
             TRY_CAST(regexp_extract(fact_id, '^t\\d+-r(\\d+)c(\\d+)', 2) AS INTEGER) AS c
      FROM facts WHERE document_id = $doc AND fact_id = $id AND table_id IS NOT NULL)
    SELECT c.row_index, c.col_index, c.raw_text, c.role, c.row_index = f.r AS in_row, c.col_index = f.c AS in_col
    FROM table_cells c JOIN f ON c.document_id = f.document_id AND c.table_id = f.table_id
    WHERE c.role <> 'empty' AND (c.row_index = f.r OR (c.col_index = f.c AND c.role = 'header'))
    ORDER BY c.row_index, c.col_index`,
    { doc: documentId, id: factId },
  );
  return rows;
}
