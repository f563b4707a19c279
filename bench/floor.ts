import {
  DuckDBInstance,
  DuckDBDataChunk,
  DOUBLE,
  INTEGER,
  VARCHAR,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { globSync } from 'tinyglobby';

/**
 * The floor: the work any program loading these reports cannot avoid, done as plainly as
 * possible, for `npm run bench` to set the pipeline against. Node starts, DuckDB opens, each
 * report is read, hashed, split into lines and scanned for numbers with one regular expression;
 * its lines and numbers are appended in one transaction per document (through the same data-chunk
 * appender the pipeline uses), and both tables are written to year-partitioned Parquet. A report
 * whose bytes are already loaded is skipped, as the pipeline skips it. No parsing of tables,
 * units, labels or years beyond the title's, no checks, no artifacts, no progress display.
 *
 * `node dist/bench/floor.js --input 'dir/*.txt' --out dir` prints one JSON line like the
 * pipeline's `--json` summary.
 */
const { values } = parseArgs({ options: { input: { type: 'string' }, out: { type: 'string' } } });
if (!values.input || !values.out) throw new Error('usage: floor --input GLOB --out DIR');
const t0 = performance.now();
mkdirSync(values.out, { recursive: true });
const instance = await DuckDBInstance.create(join(values.out, 'floor.duckdb'), { memory_limit: '256MB' });
const conn = await instance.connect();
await conn.run(`
  CREATE TABLE IF NOT EXISTS documents (document_id VARCHAR, report_year INTEGER, source_sha256 VARCHAR);
  CREATE TABLE IF NOT EXISTS source_lines (document_id VARCHAR, report_year INTEGER, line_no INTEGER, text VARCHAR);
  CREATE TABLE IF NOT EXISTS facts (document_id VARCHAR, report_year INTEGER, line_no INTEGER, raw VARCHAR, value DOUBLE);`);
const loaded = new Set(
  (await conn.runAndReadAll('SELECT source_sha256 FROM documents')).getRows().map((r) => String(r[0])),
);

const NUMBER = /[△Δ-]?\d[\d,]*(?:\.\d+)?/g;
const CHUNK = 2048;

async function append(table: string, types: DuckDBType[], columns: DuckDBValue[][]): Promise<void> {
  const appender = await conn.createAppender(table);
  const n = columns[0]!.length;
  for (let start = 0; start < n; start += CHUNK) {
    const chunk = DuckDBDataChunk.create(types, Math.min(CHUNK, n - start));
    chunk.setColumns(columns.map((c) => c.slice(start, start + CHUNK)));
    appender.appendDataChunk(chunk);
  }
  appender.flushSync();
  appender.closeSync();
}

let rows = 0;
let bytes = 0;
let documents = 0;
for (const file of globSync(values.input).sort()) {
  const buf = readFileSync(file);
  bytes += buf.length;
  const sha = createHash('sha256').update(buf).digest('hex');
  if (loaded.has(sha)) continue;
  const text = buf.toString('utf8');
  const id = file.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
  const year = Number(/(\d{4})년도/.exec(text)?.[1] ?? 0);
  const lines = text.split('\n');
  const line = { no: [] as number[], text: [] as string[] };
  const num = { no: [] as number[], raw: [] as string[], value: [] as number[] };
  lines.forEach((l, i) => {
    line.no.push(i + 1);
    line.text.push(l);
    for (const m of l.matchAll(NUMBER)) {
      num.no.push(i + 1);
      num.raw.push(m[0]);
      num.value.push(Number(m[0].replace(/[,△Δ]/g, '')) * (/^[△Δ]/.test(m[0]) ? -1 : 1));
    }
  });
  const fill = (n: number, v: DuckDBValue) => new Array<DuckDBValue>(n).fill(v);
  await conn.run('BEGIN TRANSACTION');
  await append('documents', [VARCHAR, INTEGER, VARCHAR], [[id], [year], [sha]]);
  await append(
    'source_lines',
    [VARCHAR, INTEGER, INTEGER, VARCHAR],
    [fill(lines.length, id), fill(lines.length, year), line.no, line.text],
  );
  const n = num.no.length;
  await append(
    'facts',
    [VARCHAR, INTEGER, INTEGER, VARCHAR, DOUBLE],
    [fill(n, id), fill(n, year), num.no, num.raw, num.value],
  );
  await conn.run('COMMIT');
  rows += 1 + lines.length + n;
  documents++;
}

if (documents) {
  const dir = join(values.out, 'parquet');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await conn.run('SET partitioned_write_flush_threshold = 20000');
  for (const t of ['source_lines', 'facts'])
    await conn.run(`COPY ${t} TO '${join(dir, t)}' (FORMAT parquet, PARTITION_BY (report_year))`);
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
