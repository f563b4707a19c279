import { LIST, VARCHAR, listValue, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import type { ColumnSpec, TableSpec } from './table-specs.js';

export type Row = Readonly<Record<string, unknown>>;

function appendValue(a: DuckDBAppender, col: ColumnSpec, v: unknown): void {
  if (v === null || v === undefined) return a.appendNull();
  switch (col.type) {
    case 'VARCHAR': return a.appendVarchar(String(v));
    case 'INTEGER': return a.appendInteger(Number(v));
    case 'BIGINT': return a.appendBigInt(BigInt(v as number));
    case 'DOUBLE': return a.appendDouble(Number(v));
    case 'BOOLEAN': return a.appendBoolean(Boolean(v));
    case 'DATE':
    case 'TIMESTAMP': return a.appendVarchar(String(v));
    case 'VARCHAR[]': return a.appendList(listValue((v as unknown[]).map(String)), LIST(VARCHAR));
  }
}

/** Appends rows through DuckDB's Appender (bulk, not one INSERT per row). */
export async function appendRows(conn: DuckDBConnection, spec: TableSpec, rows: readonly Row[]): Promise<number> {
  if (!rows.length) return 0;
  const a = await conn.createAppender(spec.name);
  try {
    for (const row of rows) {
      for (const col of spec.columns) appendValue(a, col, row[col.name]);
      a.endRow();
    }
    a.flushSync();
  } finally {
    a.closeSync();
  }
  return rows.length;
}
