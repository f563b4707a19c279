import type { DuckDBConnection } from '@duckdb/node-api';
import type { Rows } from './format-rows.js';

/** Runs a query and returns JSON-safe rows (DuckDB's own JSON conversion of every type). */
export async function query(conn: DuckDBConnection, sql: string, params?: Record<string, string | number>): Promise<{ columns: string[]; rows: Rows }> {
  const reader = params ? await conn.runAndReadAll(sql, params) : await conn.runAndReadAll(sql);
  return { columns: reader.columnNames(), rows: reader.getRowObjectsJson() as Rows };
}
