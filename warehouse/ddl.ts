import type { DuckDBConnection } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { bilingual, TABLES, WAREHOUSE_TABLES, type TableSpec } from '../schemas/index.js';
import { appendRows } from './append-rows.js';
import { dimensionRows } from './rows.js';
import { VIEWS, viewColumnComments } from './views.js';

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

export const createTableSql = (t: TableSpec): string =>
  `CREATE TABLE IF NOT EXISTS ${t.name} (${t.columns.map((c) => `${c.name} ${c.type}`).join(', ')})`;

const ready = new WeakMap<DuckDBConnection, Promise<{ readonly applied: Promise<void> }>>();

/**
 * What the warehouse already has: table and column comments by `table` and `table.column`, and
 * column types (as DuckDB names them: TIMESTAMP, TIMESTAMP WITH TIME ZONE …) by `table.column`.
 */
interface Existing {
  readonly have: Map<string, string | null>;
  readonly types: Map<string, string>;
}

async function existingSchema(conn: DuckDBConnection): Promise<Existing> {
  const have = new Map<string, string | null>();
  const types = new Map<string, string>();
  const tables = await conn.runAndReadAll(`SELECT table_name, comment FROM duckdb_tables() WHERE schema_name = 'main'`);
  for (const r of tables.getRowObjectsJson()) have.set(String(r.table_name), (r.comment as string | null) ?? null);
  const columns = await conn.runAndReadAll(
    `SELECT table_name, column_name, comment, data_type FROM duckdb_columns() WHERE schema_name = 'main'`,
  );
  for (const r of columns.getRowObjectsJson()) {
    have.set(`${r.table_name}.${r.column_name}`, (r.comment as string | null) ?? null);
    types.set(`${r.table_name}.${r.column_name}`, String(r.data_type));
  }
  return { have, types };
}

/** Where the warehouse records which schema it has: one row, the fingerprint of TABLES and VIEWS. */
const SCHEMA_TABLE = {
  name: 'kbiz_schema',
  comment: bilingual({
    en: 'Fingerprint of the schema (tables, columns, comments, views, dimension rows) kbiz-etl last applied',
    ko: 'kbiz-etl이 마지막으로 적용한 스키마(표·열·설명·보기·차원 표의 행)의 지문',
  }),
  columns: [
    [
      'fingerprint',
      'VARCHAR',
      bilingual({
        en: 'SHA-256 of the declared tables, views and dimension rows',
        ko: '선언한 표·보기와 차원 표 행의 SHA-256',
      }),
    ],
    ['applied_at', 'TIMESTAMPTZ', bilingual({ en: 'When it was applied (UTC)', ko: '적용 시각(UTC)' })],
  ],
} as const;

const DIMENSIONS = dimensionRows();

/**
 * Changes whenever a table, column, comment or view of this version differs, or a row of the
 * dimension tables (units, regions …): those are loaded with the schema, so a run whose warehouse
 * has this fingerprint rewrites none of them.
 */
const FINGERPRINT = createHash('sha256')
  .update(JSON.stringify({ TABLES: TABLES.map(({ row: _row, ...t }) => t), VIEWS, DIMENSIONS }))
  .digest('hex');

async function appliedFingerprint(conn: DuckDBConnection): Promise<string | null> {
  try {
    const r = await conn.runAndReadAll(`SELECT fingerprint FROM ${SCHEMA_TABLE.name}`);
    return (r.getRowObjectsJson()[0]?.fingerprint as string | undefined) ?? null;
  } catch {
    return null; // a warehouse made before the fingerprint, or a new one
  }
}

/**
 * The statements that create, alter and comment only what is missing or changed, then recreate
 * the views: sent to DuckDB as one script (a new warehouse needs some 400 of them, and one round
 * trip each cost more than the work).
 */
async function schemaStatements(conn: DuckDBConnection): Promise<string[]> {
  const { have, types } = await existingSchema(conn);
  const sql: string[] = [];
  for (const t of TABLES) {
    if (!have.has(t.name)) sql.push(createTableSql(t));
    if (have.get(t.name) !== t.comment) sql.push(`COMMENT ON TABLE ${t.name} IS ${quote(t.comment)}`);
    for (const c of t.columns) {
      const key = `${t.name}.${c.name}`;
      if (have.has(t.name) && !have.has(key))
        sql.push(`ALTER TABLE ${t.name} ADD COLUMN IF NOT EXISTS ${c.name} ${c.type}`);
      // Earlier versions stored these UTC instants as TIMESTAMP: read them as UTC, not in the session's time zone.
      if (c.type === 'TIMESTAMPTZ' && types.get(key) === 'TIMESTAMP') {
        const utc = `${c.name} AT TIME ZONE 'UTC'`;
        sql.push(`ALTER TABLE ${t.name} ALTER COLUMN ${c.name} TYPE TIMESTAMPTZ USING ${utc}`);
      }
      if (have.get(key) !== c.comment) sql.push(`COMMENT ON COLUMN ${t.name}.${c.name} IS ${quote(c.comment)}`);
    }
  }
  for (const view of VIEWS) {
    sql.push(view.sql, `COMMENT ON VIEW ${view.name} IS ${quote(bilingual(view))}`);
    for (const [column, comment] of viewColumnComments(view))
      sql.push(`COMMENT ON COLUMN ${view.name}.${column} IS ${quote(comment)}`);
  }
  const { name, comment, columns } = SCHEMA_TABLE;
  // One row, rewritten every time: replaced whole, so an older warehouse's column types go with it.
  sql.push(`CREATE OR REPLACE TABLE ${name} (${columns.map(([c, type]) => `${c} ${type}`).join(', ')})`);
  sql.push(`COMMENT ON TABLE ${name} IS ${quote(comment)}`);
  for (const [c, , text] of columns) sql.push(`COMMENT ON COLUMN ${name}.${c} IS ${quote(text)}`);
  sql.push(`INSERT INTO ${name} VALUES (${quote(FINGERPRINT)}, now())`);
  return sql;
}

/**
 * Creates every table, documents every table, view and column, (re)creates the views and
 * replaces the dimension tables' rows; once per connection (callers at the same time share one
 * application). A warehouse whose recorded fingerprint matches is left alone (one query), and
 * the rest happens in one transaction (each DDL statement on its own would be a commit).
 * A warehouse made by an earlier version gains the columns added since (never loses any).
 */
export const ensureSchema = async (conn: DuckDBConnection): Promise<void> => (await startSchema(conn)).applied;

/**
 * `ensureSchema` in two steps: resolves once DuckDB has been handed the whole schema script (a
 * few queries plan it), with `applied`, its completion. A caller can then do other work in this
 * thread (prepare a document) while DuckDB creates the tables on its own threads.
 */
export function startSchema(conn: DuckDBConnection): Promise<{ readonly applied: Promise<void> }> {
  let started = ready.get(conn);
  if (!started) {
    started = planAndStart(conn);
    ready.set(conn, started);
  }
  return started;
}

async function planAndStart(conn: DuckDBConnection): Promise<{ readonly applied: Promise<void> }> {
  if ((await appliedFingerprint(conn)) === FINGERPRINT) return { applied: Promise.resolve() };
  const script = ['BEGIN TRANSACTION', ...(await schemaStatements(conn))].join(';\n');
  const applied = (async () => {
    try {
      await conn.run(script);
      for (const [name, { rows }] of Object.entries(DIMENSIONS)) {
        await conn.run(`DELETE FROM ${name}`);
        await appendRows(conn, WAREHOUSE_TABLES[name as keyof typeof DIMENSIONS], rows);
      }
      await conn.run('COMMIT');
    } catch (e) {
      await conn.run('ROLLBACK').catch(() => {}); // a script that failed before its BEGIN has nothing to roll back
      throw e;
    }
  })();
  applied.catch(() => {}); // the caller awaits it; until then its failure is not unhandled
  return { applied };
}
