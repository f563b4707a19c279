import type { DuckDBConnection } from '@duckdb/node-api';

/** Rows as DuckDB's own JSON conversion gives them (every type JSON-safe). */
export type Rows = ReadonlyArray<Readonly<Record<string, unknown>>>;

/** Runs a query and returns JSON-safe rows. */
export async function query(
  conn: DuckDBConnection,
  sql: string,
  params?: Record<string, string | number>,
): Promise<{ columns: string[]; rows: Rows }> {
  const reader = params ? await conn.runAndReadAll(sql, params) : await conn.runAndReadAll(sql);
  return { columns: reader.columnNames(), rows: reader.getRowObjectsJson() as Rows };
}

/** Arithmetic findings per table, failures first (`kbiz-etl check`). */
export const qualityFindings = (conn: DuckDBConnection) =>
  query(
    conn,
    `
    SELECT q.document_id, q.table_id, t.title, count(*) AS checks, count(*) FILTER (WHERE NOT passed) AS failed,
           string_agg(CASE WHEN NOT passed THEN q.message END, ' | ') AS findings
    FROM quality_checks q LEFT JOIN report_tables t USING (document_id, table_id)
    GROUP BY ALL ORDER BY failed DESC, q.document_id, min(t.line_start)`,
  );

/** What the warehouse holds of each document (`kbiz-etl sources`). */
export const loadedDocuments = (conn: DuckDBConnection) =>
  query(
    conn,
    `
    SELECT d.document_id, d.source_sha256, d.loaded_at, d.pipeline_version,
           (SELECT count(*) FROM facts f WHERE f.document_id = d.document_id) AS facts,
      (SELECT count(*) FROM issues i WHERE i.document_id = d.document_id) AS issues
    FROM documents d`,
  );

/**
 * A fact with the source line it came from (`kbiz-etl trace`), and what gives it its meaning: the
 * section path, the table's title and unit note, where the unit was read, and its metric.
 */
export const traceFact = (conn: DuckDBConnection, factId: string, documentId?: string) =>
  query(
    conn,
    `
    SELECT f.document_id, f.fact_id, f.raw_text, f.value, f.unit_raw, f.value_base, f.base_unit, f.row_labels, f.col_labels,
           d.source_path, f.line_no, s.page, s.kind, s.text, sec.title_path AS section_path, f.table_id,
           t.title AS table_title, t.unit_note, f.unit_source, f.subject, f.period_year, f.region_code, f.metric_id,
           m.name_ko AS metric_name_ko, m.name_en AS metric_name_en, f.measure_kind
    FROM facts f JOIN documents d USING (document_id)
    JOIN source_lines s ON s.document_id = f.document_id AND s.line_no = f.line_no
    LEFT JOIN sections sec ON sec.document_id = f.document_id AND sec.section_id = f.section_id
    LEFT JOIN report_tables t ON t.document_id = f.document_id AND t.table_id = f.table_id
    LEFT JOIN metrics m ON m.metric_id = f.metric_id
    WHERE f.fact_id = $id ${documentId ? 'AND f.document_id = $doc' : ''} ORDER BY f.document_id`,
    documentId ? { id: factId, doc: documentId } : { id: factId },
  );

/**
 * The normalized artifact (sha256 of its bytes) each document was loaded from by this pipeline
 * version: one query for a whole run, so a rerun over thousands of documents asks once.
 */
export async function loadedArtifacts(conn: DuckDBConnection, version: string): Promise<Map<string, string>> {
  const { rows } = await query(
    conn,
    'SELECT document_id, artifact_sha256 FROM documents WHERE pipeline_version = $v AND artifact_sha256 IS NOT NULL',
    { v: version },
  );
  return new Map(rows.map((r) => [String(r.document_id), String(r.artifact_sha256)]));
}

export interface DocumentCounts {
  readonly lines: number;
  readonly sections: number;
  readonly tables: number;
  readonly facts: number;
  /** Rows of `issues`: what the pipeline doubted (a unit never stated, a region conflict, a damaged part …). */
  readonly issues: number;
}

/** Lines, sections, tables, facts and issues per loaded document, for the run summary. */
export async function documentCounts(conn: DuckDBConnection): Promise<Map<string, DocumentCounts>> {
  const { rows } = await query(
    conn,
    `
    SELECT d.document_id, d.line_count AS lines,
      (SELECT count(*) FROM sections s WHERE s.document_id = d.document_id) AS sections,
      (SELECT count(*) FROM report_tables t WHERE t.document_id = d.document_id) AS tables,
      (SELECT count(*) FROM facts f WHERE f.document_id = d.document_id) AS facts,
      (SELECT count(*) FROM issues i WHERE i.document_id = d.document_id) AS issues
    FROM documents d`,
  );
  const n = (v: unknown) => Number(v);
  return new Map(
    rows.map((x) => [
      String(x.document_id),
      { lines: n(x.lines), sections: n(x.sections), tables: n(x.tables), facts: n(x.facts), issues: n(x.issues) },
    ]),
  );
}
