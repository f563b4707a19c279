import {
  BIGINT,
  BOOLEAN,
  DOUBLE,
  DuckDBDataChunk,
  INTEGER,
  LIST,
  VARCHAR,
  listValue,
  type DuckDBConnection,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { ColumnSpec, ColumnType, TableSpec } from '../schemas/index.js';

export type Row = Readonly<Record<string, unknown>>;

/** Chunk types per column type; dates and timestamps go in as text (ISO 8601, Z for UTC) and DuckDB casts them. */
const CHUNK_TYPE: Record<ColumnType, DuckDBType> = {
  VARCHAR,
  INTEGER,
  BIGINT,
  DOUBLE,
  BOOLEAN,
  DATE: VARCHAR,
  TIMESTAMP: VARCHAR,
  TIMESTAMPTZ: VARCHAR,
  'VARCHAR[]': LIST(VARCHAR),
};

function toValue(col: ColumnSpec, v: unknown): DuckDBValue {
  if (v === null || v === undefined) return null;
  switch (col.type) {
    case 'VARCHAR':
    case 'DATE':
    case 'TIMESTAMP':
    case 'TIMESTAMPTZ':
      return String(v);
    case 'INTEGER':
    case 'DOUBLE':
      return Number(v);
    case 'BIGINT':
      return BigInt(v as number);
    case 'BOOLEAN':
      return Boolean(v);
    case 'VARCHAR[]':
      return listValue((v as unknown[]).map(String));
  }
}

/** DuckDB's vector size: a data chunk holds at most this many rows. */
const CHUNK_ROWS = 2048;

/**
 * Appends rows through DuckDB's Appender, a data chunk (2,048 rows) at a time: one native call
 * per chunk instead of one per value. `constants` fill columns the rows do not carry (a
 * document's id and year) without copying every row.
 */
export async function appendRows(
  conn: DuckDBConnection,
  spec: TableSpec,
  rows: readonly Row[],
  constants: Row = {},
): Promise<number> {
  if (!rows.length) return 0;
  const types = spec.columns.map((c) => CHUNK_TYPE[c.type]);
  const appender = await conn.createAppender(spec.name);
  try {
    for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
      const slice = rows.slice(start, start + CHUNK_ROWS);
      const chunk = DuckDBDataChunk.create(types, slice.length);
      chunk.setColumns(
        spec.columns.map((col) => {
          if (col.name in constants)
            return new Array<DuckDBValue>(slice.length).fill(toValue(col, constants[col.name]));
          return slice.map((row) => toValue(col, row[col.name]));
        }),
      );
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  return rows.length;
}
