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

type Convert = (v: unknown) => DuckDBValue;

const asText: Convert = (v) => (v === null || v === undefined ? null : typeof v === 'string' ? v : String(v));
const asNumber: Convert = (v) => (v === null || v === undefined ? null : typeof v === 'number' ? v : Number(v));

/** One converter per column type, chosen once per column rather than once per value. */
const CONVERT: Record<ColumnType, Convert> = {
  VARCHAR: asText,
  DATE: asText,
  TIMESTAMP: asText,
  TIMESTAMPTZ: asText,
  INTEGER: asNumber,
  DOUBLE: asNumber,
  BIGINT: (v) => (v === null || v === undefined ? null : BigInt(v as number)),
  BOOLEAN: (v) => (v === null || v === undefined ? null : Boolean(v)),
  'VARCHAR[]': (v) => (v === null || v === undefined ? null : listValue((v as unknown[]).map(String))),
};

/** One column of a chunk: `rows[start..end)`'s values of `col`, or `constants`' value on every row. */
function columnValues(col: ColumnSpec, rows: readonly Row[], start: number, end: number, constants: Row) {
  const convert = CONVERT[col.type];
  const values = new Array<DuckDBValue>(end - start);
  if (col.name in constants) return values.fill(convert(constants[col.name]));
  const name = col.name;
  for (let i = start; i < end; i++) values[i - start] = convert(rows[i]![name]);
  return values;
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
      const end = Math.min(start + CHUNK_ROWS, rows.length);
      const chunk = DuckDBDataChunk.create(types, end - start);
      chunk.setColumns(spec.columns.map((col) => columnValues(col, rows, start, end, constants)));
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  return rows.length;
}
