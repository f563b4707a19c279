import type { DuckDBConnection } from '@duckdb/node-api';
import { query, type Rows } from './queries.js';

/**
 * What the HTML report and the workbook are made of, read on a read-only session: plain rows,
 * one query each, so `report/` renders them without knowing SQL.
 */

/** Loaded documents, oldest report first. */
export const reportDocuments = async (conn: DuckDBConnection): Promise<Rows> =>
  (
    await query(
      conn,
      `
    SELECT document_id, report_year, title, source_path, line_count FROM documents
    ORDER BY report_year, document_id`,
    )
  ).rows;

/** Chapters (level-1 sections) of every document, in reading order. */
export const reportChapters = async (conn: DuckDBConnection): Promise<Rows> =>
  (
    await query(
      conn,
      `
    SELECT document_id, section_id, label, title, line_start, line_end FROM sections WHERE level = 1
    ORDER BY document_id, line_start`,
    )
  ).rows;

/** The chapter holding a table: the level-1 section whose lines contain the table's first line. */
const CHAPTER_OF_TABLE = `
  LEFT JOIN sections ch ON ch.document_id = t.document_id AND ch.level = 1
   AND t.line_start BETWEEN ch.line_start AND coalesce(ch.line_end, t.line_start)`;

/** Report tables with their chapter, in reading order; `tableIds` (`t756` or `kbiz-2020.t756`) picks some. */
export async function reportTables(conn: DuckDBConnection, tableIds: readonly string[] = []): Promise<Rows> {
  const { rows } = await query(
    conn,
    `
    SELECT t.document_id, t.report_year, t.table_id, t.title, t.unit_note, t.header_row_count, t.row_count, t.col_count,
           t.context_path, t.line_start, t.line_end, ch.section_id AS chapter_id
    FROM report_tables t ${CHAPTER_OF_TABLE}
    WHERE len($ids::VARCHAR[]) = 0 OR t.table_id IN (SELECT unnest($ids::VARCHAR[]))
       OR t.document_id || '.' || t.table_id IN (SELECT unnest($ids::VARCHAR[]))
    QUALIFY row_number() OVER (PARTITION BY t.document_id, t.table_id ORDER BY ch.line_start DESC) = 1
    ORDER BY t.document_id, t.line_start`,
    { ids: JSON.stringify(tableIds) },
  );
  return rows;
}

/** Every cell of every table grid (or of `tableIds`' grids), verbatim with its role. */
export async function reportCells(conn: DuckDBConnection, tableIds: readonly string[] = []): Promise<Rows> {
  const { rows } = await query(
    conn,
    `
    SELECT document_id, table_id, row_index, col_index, raw_text, role FROM table_cells
    WHERE len($ids::VARCHAR[]) = 0 OR table_id IN (SELECT unnest($ids::VARCHAR[]))
       OR document_id || '.' || table_id IN (SELECT unnest($ids::VARCHAR[]))
    ORDER BY document_id, table_id, row_index, col_index`,
    { ids: JSON.stringify(tableIds) },
  );
  return rows;
}

/**
 * Table facts that form a series: of a metric with two or more years, or two or more regions, in
 * one table (totals left out, they have no year or region). The label that is not the year or the
 * region names the series; the metric's curated names, where it has them, too.
 */
export const reportChartFacts = async (conn: DuckDBConnection): Promise<Rows> =>
  (
    await query(
      conn,
      `
    WITH f AS (
      SELECT f.document_id, f.table_id, f.fact_id, f.metric_id, f.row_labels, f.col_labels, f.value, f.unit_raw,
             f.period_year, f.region_code, f.measure_kind, f.line_no,
             count(DISTINCT f.period_year) OVER w AS years, count(DISTINCT f.region_code) OVER w AS regions
      FROM facts f
      WHERE f.origin = 'table' AND f.value IS NOT NULL AND f.metric_id IS NOT NULL
        AND (f.period_year IS NOT NULL OR f.region_code IS NOT NULL)
      WINDOW w AS (PARTITION BY f.document_id, f.table_id, f.metric_id))
    SELECT f.* EXCLUDE (years, regions), CASE WHEN f.years > 1 THEN 'year' ELSE 'region' END AS axis,
           m.name_ko AS metric_name_ko, m.name_en AS metric_name_en, m.curated
    FROM f LEFT JOIN metrics m USING (metric_id)
    WHERE f.years > 1 OR f.regions > 1
    ORDER BY f.document_id, f.table_id, f.line_no, TRY_CAST(regexp_extract(f.fact_id, 'c(\\d+)', 1) AS INTEGER),
             f.fact_id`,
    )
  ).rows;

/** Regions that gather several sido (composite headquarters, subregions) with the sido they cover. */
export const reportCompositeRegions = async (conn: DuckDBConnection): Promise<Rows> =>
  (
    await query(
      conn,
      `
    SELECT r.region_code, r.name_ko, r.name_en, r.kind,
           list(s.name_ko ORDER BY s.iso_3166_2) AS members_ko, list(s.name_en ORDER BY s.iso_3166_2) AS members_en
    FROM regions r
    JOIN region_members m ON m.region_code = r.region_code
    JOIN regions s ON s.kind = 'sido' AND s.iso_3166_2 = m.member_iso_3166_2
    WHERE r.kind <> 'sido'
    GROUP BY ALL ORDER BY r.region_code`,
    )
  ).rows;

/**
 * The arithmetic audit, failures first: each check with the value it checked (the fact named by
 * the last part of check_id) and that fact's source line, number and text.
 */
export const reportFindings = async (conn: DuckDBConnection): Promise<Rows> =>
  (
    await query(
      conn,
      `
    SELECT q.document_id, q.check_id, q.table_id, t.title AS table_title, q.kind, q.label, q.expected, q.actual,
           q.passed, q.message, f.fact_id, f.raw_text, f.unit_raw, s.line_no, s.text AS line_text
    FROM quality_checks q
    LEFT JOIN report_tables t ON t.document_id = q.document_id AND t.table_id = q.table_id
    LEFT JOIN facts f ON f.document_id = q.document_id AND f.fact_id = split_part(q.check_id, ':', 3)
    LEFT JOIN source_lines s ON s.document_id = f.document_id AND s.line_no = f.line_no
    ORDER BY q.passed, q.document_id, s.line_no, q.check_id`,
    )
  ).rows;

/** Every table and view with its comment, and every column with its type and comment. */
export const reportDictionary = async (conn: DuckDBConnection): Promise<Rows> =>
  (
    await query(
      conn,
      `
    WITH rel AS (
      SELECT table_name AS name, 'table' AS kind, comment FROM duckdb_tables()
      WHERE schema_name = 'main' AND NOT internal
      UNION ALL
      SELECT view_name, 'view', comment FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal)
    SELECT rel.name, rel.kind, rel.comment,
           list({'name': c.column_name, 'type': c.data_type, 'comment': c.comment} ORDER BY c.column_index) AS columns
    FROM rel JOIN duckdb_columns() c ON c.schema_name = 'main' AND c.table_name = rel.name
    GROUP BY ALL ORDER BY rel.kind, rel.name`,
    )
  ).rows;

/**
 * Series of the curated metrics and of every metric some report restates, from v_metric_series:
 * one row per metric, region, period and report (restated periods show each report's value).
 */
export const reportMetricSeries = async (conn: DuckDBConnection): Promise<Rows> =>
  (
    await query(
      conn,
      `
    SELECT metric_id, name_ko, name_en, kind, region_code, period_year, report_year, document_id, value, unit_raw,
           restated, fact_id
    FROM v_metric_series
    WHERE metric_id IN (SELECT metric_id FROM metrics WHERE curated)
       OR metric_id IN (SELECT metric_id FROM v_metric_series WHERE restated)
    ORDER BY metric_id, region_code NULLS FIRST, period_year, report_year, document_id`,
    )
  ).rows;

/** Numbers of the prose (not of tables), with the section and the line they were read from. */
export const reportProseFacts = async (conn: DuckDBConnection): Promise<Rows> =>
  (
    await query(
      conn,
      `
    SELECT f.document_id, f.fact_id, sec.title_path AS section_path, f.subject, f.raw_text, f.value, f.unit_raw,
           f.value_base, f.base_unit, f.period_year, f.region_code, f.qualifier, f.metric_id, f.line_no,
           s.text AS line_text
    FROM facts f
    LEFT JOIN sections sec ON sec.document_id = f.document_id AND sec.section_id = f.section_id
    LEFT JOIN source_lines s ON s.document_id = f.document_id AND s.line_no = f.line_no
    WHERE f.origin <> 'table'
    ORDER BY f.document_id, f.line_no, f.fact_id`,
    )
  ).rows;
