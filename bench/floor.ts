import {
  BIGINT,
  BOOLEAN,
  DOUBLE,
  DuckDBDataChunk,
  DuckDBInstance,
  INTEGER,
  LIST,
  VARCHAR,
  listValue,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { globSync } from 'tinyglobby';

/**
 * The floor: the work any program that loads these reports into this warehouse cannot avoid,
 * done as plainly as possible, for `npm run bench` to set the pipeline against. Node starts,
 * DuckDB opens, the tables are created; each report is read and hashed (a report already loaded
 * is skipped, as the pipeline skips it); the rows the pipeline stores for it — the same rows, in
 * the same tables — are appended through DuckDB's appender in one transaction per document; every
 * table is written to (year-partitioned) Parquet. What it leaves out is what the pipeline adds:
 * reading the report's text into those rows, checking, artifacts, progress, comments.
 *
 * The rows come ready-made, from a pipeline run's normalized artifacts (`--rows OUT`), and the
 * tables from `--schema FILE` (written by the bench from the pipeline's declarations), so the
 * floor loads neither zod nor the transforms. It prints one JSON line like the pipeline's `--json`.
 */
const { values } = parseArgs({
  options: { input: { type: 'string' }, rows: { type: 'string' }, schema: { type: 'string' }, out: { type: 'string' } },
});
if (!values.input || !values.rows || !values.schema || !values.out)
  throw new Error('usage: floor --input GLOB --rows PIPELINE_OUT --schema FILE --out DIR');

export interface FloorTable {
  readonly name: string;
  readonly perDocument: boolean;
  /** Where a per-document table's rows are in a normalized artifact (`documents` is its `document` object). */
  readonly key: string;
  readonly columns: ReadonlyArray<{ readonly name: string; readonly type: string }>;
  /** A dimension table's rows (units, regions …), loaded once. */
  readonly rows?: ReadonlyArray<Record<string, unknown>>;
}

const t0 = performance.now();
const tables = JSON.parse(readFileSync(values.schema, 'utf8')) as FloorTable[];
mkdirSync(values.out, { recursive: true });
const instance = await DuckDBInstance.create(join(values.out, 'floor.duckdb'), { memory_limit: '256MB' });
const conn = await instance.connect();
await conn.run(
  tables
    .map((t) => `CREATE TABLE IF NOT EXISTS ${t.name} (${t.columns.map((c) => `${c.name} ${c.type}`).join(', ')});`)
    .join('\n'),
);
const loaded = new Set(
  (await conn.runAndReadAll('SELECT source_sha256 FROM documents')).getRows().map((r) => String(r[0])),
);

const CHUNK_TYPE: Record<string, DuckDBType> = { INTEGER, BIGINT, DOUBLE, BOOLEAN, 'VARCHAR[]': LIST(VARCHAR) };
const value = (type: string, v: unknown): DuckDBValue =>
  v === null || v === undefined
    ? null
    : type === 'BIGINT'
      ? BigInt(v as number)
      : type === 'VARCHAR[]'
        ? listValue(v as string[])
        : (v as DuckDBValue);
const CHUNK = 2048;

/**
 * The pipeline's append loop (warehouse/append-rows.ts) written again, plainly: importing it goes
 * through warehouse/index.js, which would load zod and the schemas into the floor's start-up.
 */
async function append(t: FloorTable, rows: ReadonlyArray<Record<string, unknown>>, id: string, year: number) {
  if (!rows.length) return 0;
  const types = t.columns.map((c) => CHUNK_TYPE[c.type] ?? VARCHAR);
  const appender = await conn.createAppender(t.name);
  for (let start = 0; start < rows.length; start += CHUNK) {
    const slice = rows.slice(start, start + CHUNK);
    const chunk = DuckDBDataChunk.create(types, slice.length);
    chunk.setColumns(
      t.columns.map(({ name, type }) =>
        name === 'document_id'
          ? new Array<DuckDBValue>(slice.length).fill(id)
          : name === 'report_year'
            ? new Array<DuckDBValue>(slice.length).fill(year)
            : slice.map((r) => value(type, r[name])),
      ),
    );
    appender.appendDataChunk(chunk);
  }
  appender.flushSync();
  appender.closeSync();
  return rows.length;
}

let rows = 0;
let bytes = 0;
let documents = 0;
if (!loaded.size) {
  await conn.run('BEGIN TRANSACTION');
  for (const t of tables) await append(t, t.rows ?? [], '', 0);
  await conn.run('COMMIT');
}
for (const file of globSync(values.input).sort()) {
  const buf = readFileSync(file);
  bytes += buf.length;
  const sha = createHash('sha256').update(buf).digest('hex');
  if (loaded.has(sha)) continue;
  const id = basename(file, extname(file));
  const doc = JSON.parse(readFileSync(join(values.rows, 'artifacts', id, 'normalized.json'), 'utf8')) as Record<
    string,
    unknown
  > & { document: { report_year: number } };
  const year = doc.document.report_year;
  await conn.run('BEGIN TRANSACTION');
  for (const t of tables.filter((x) => x.perDocument)) {
    const own = t.name === 'documents' ? [{ ...doc.document, source_sha256: sha }] : doc[t.key];
    rows += await append(t, own as Array<Record<string, unknown>>, id, year);
  }
  await conn.run('COMMIT');
  documents++;
}

if (documents) {
  const dir = join(values.out, 'parquet');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await conn.run('SET partitioned_write_flush_threshold = 20000');
  for (const t of tables) {
    const to = t.perDocument ? `'${join(dir, t.name)}'` : `'${join(dir, t.name)}.parquet'`;
    const partition = t.perDocument ? ', PARTITION_BY (report_year), WRITE_PARTITION_COLUMNS true' : '';
    if (!t.perDocument || rows) await conn.run(`COPY ${t.name} TO ${to} (FORMAT parquet${partition})`);
  }
}
conn.closeSync();
instance.closeSync();
const cpu = process.cpuUsage();
console.log(
  JSON.stringify({
    documents,
    rows_loaded: rows,
    input_bytes: bytes,
    seconds: (performance.now() - t0) / 1000,
    cpu_seconds: (cpu.user + cpu.system) / 1e6,
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
  }),
);
