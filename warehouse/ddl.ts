import type { DuckDBConnection } from '@duckdb/node-api';
import { TABLES, type TableSpec } from '../schemas/index.js';

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

export const createTableSql = (t: TableSpec): string =>
  `CREATE TABLE IF NOT EXISTS ${t.name} (${t.columns.map((c) => `${c.name} ${c.type}`).join(', ')})`;

/** Analyst views: facts with their document, section path, table title and region name. */
export const VIEWS: ReadonlyArray<[string, string, string]> = [
  [
    'v_facts',
    'Facts joined with document, section title path, table title and region name',
    `CREATE OR REPLACE VIEW v_facts AS
     SELECT f.*, d.title AS document_title, s.title_path AS section_path, s.title AS section_title,
            t.title AS table_title, r.name_ko AS region_name, r.kind AS region_kind
     FROM facts f
     JOIN documents d USING (document_id)
     LEFT JOIN sections s ON s.document_id = f.document_id AND s.section_id = f.section_id
     LEFT JOIN report_tables t ON t.document_id = f.document_id AND t.table_id = f.table_id
     LEFT JOIN regions r ON r.region_code = f.region_code`,
  ],
  [
    'v_fact_chapters',
    'Facts with the chapter (level-1 section) they belong to',
    `CREATE OR REPLACE VIEW v_fact_chapters AS
     WITH RECURSIVE up(document_id, section_id, ancestor_id, level) AS (
       SELECT document_id, section_id, section_id, level FROM sections
       UNION ALL
       SELECT up.document_id, up.section_id, s.parent_id, p.level
       FROM up JOIN sections s ON s.document_id = up.document_id AND s.section_id = up.ancestor_id
       JOIN sections p ON p.document_id = s.document_id AND p.section_id = s.parent_id)
     SELECT f.*, c.label AS chapter_label, c.title AS chapter_title
     FROM facts f
     LEFT JOIN up ON up.document_id = f.document_id AND up.section_id = f.section_id AND up.level = 1
     LEFT JOIN sections c ON c.document_id = up.document_id AND c.section_id = up.ancestor_id`,
  ],
];

const ready = new WeakSet<DuckDBConnection>();

/** What the warehouse already has: table and column comments by `table` and `table.column`. */
async function existingSchema(conn: DuckDBConnection): Promise<Map<string, string | null>> {
  const have = new Map<string, string | null>();
  const tables = await conn.runAndReadAll(`SELECT table_name, comment FROM duckdb_tables() WHERE schema_name = 'main'`);
  for (const r of tables.getRowObjectsJson()) have.set(String(r.table_name), (r.comment as string | null) ?? null);
  const columns = await conn.runAndReadAll(`SELECT table_name, column_name, comment FROM duckdb_columns() WHERE schema_name = 'main'`);
  for (const r of columns.getRowObjectsJson()) have.set(`${r.table_name}.${r.column_name}`, (r.comment as string | null) ?? null);
  return have;
}

/**
 * Creates every table, documents every table and column, and (re)creates the views; once per
 * connection, and only what is missing or changed (an existing warehouse opens in milliseconds).
 * A warehouse made by an earlier version gains the columns added since (never loses any).
 */
export async function ensureSchema(conn: DuckDBConnection): Promise<void> {
  if (ready.has(conn)) return;
  const have = await existingSchema(conn);
  for (const t of TABLES) {
    if (!have.has(t.name)) await conn.run(createTableSql(t));
    if (have.get(t.name) !== t.comment) await conn.run(`COMMENT ON TABLE ${t.name} IS ${quote(t.comment)}`);
    for (const c of t.columns) {
      const key = `${t.name}.${c.name}`;
      if (!have.has(key)) await conn.run(`ALTER TABLE ${t.name} ADD COLUMN IF NOT EXISTS ${c.name} ${c.type}`);
      if (have.get(key) !== c.comment) await conn.run(`COMMENT ON COLUMN ${t.name}.${c.name} IS ${quote(c.comment)}`);
    }
  }
  for (const [name, comment, sql] of VIEWS) {
    await conn.run(sql);
    await conn.run(`COMMENT ON VIEW ${name} IS ${quote(comment)}`);
  }
  ready.add(conn);
}
