import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { TABLES } from '../schemas/index.js';
import { DOCUMENT_TABLE_KEYS, dimensionRows } from '../warehouse/index.js';
import type { FloorTable } from './floor.js';
import { syntheticReport } from './synthetic-reports.js';

/**
 * `npm run bench`: N synthetic reports through the whole pipeline as a real CLI process, beside
 * the floor (bench/floor.ts: the same files read and hashed, the same rows appended in one
 * transaction per document, the same tables written to Parquet), for N = 1, 10, 100, 1000
 * (or `--sizes 1,10`). For each: wall and CPU seconds, peak RSS, and an unchanged rerun, each
 * with its ratio to the floor; then the pipeline's seconds per stage. Small N are run
 * `--repeat` times (default 3 up to N = 10) and the fastest run of each program is kept.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist', 'bin', 'kbiz-etl.js');
const floor = join(root, 'dist', 'bench', 'floor.js');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1,10,100,1000' },
    repeat: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const base = readFileSync(join(root, 'sources', 'kbiz-2020-business-report-summary.txt'), 'utf8');

interface Summary {
  documents?: Array<{ status: string }> | number;
  input_bytes: number;
  stage_seconds?: Record<string, number>;
  rows_loaded: number;
  peak_rss_mb: number;
  cpu_seconds: number;
}

interface Measured {
  readonly summary: Summary;
  readonly wall: number;
}

function run(script: string, args: string[]): Measured {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = (performance.now() - t0) / 1000;
  const last = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0) throw new Error(`${script} ${args.join(' ')} exited ${r.status}: ${r.stderr || last}`);
  return { summary: JSON.parse(last) as Summary, wall };
}

/** The floor's tables: the pipeline's, with the dimension tables' rows and where each per-document table's rows are. */
function floorSchema(file: string): string {
  const dimensions: Record<string, { rows: readonly object[] }> = dimensionRows();
  const keys: Record<string, string> = { ...DOCUMENT_TABLE_KEYS, documents: 'document' };
  const tables: FloorTable[] = TABLES.filter((t) => t.name !== 'pipeline_runs').map((t) => ({
    name: t.name,
    perDocument: t.perDocument,
    key: keys[t.name] ?? '',
    columns: t.columns.map(({ name, type }) => ({ name, type })),
    ...(t.perDocument ? {} : { rows: dimensions[t.name]!.rows as Array<Record<string, unknown>> }),
  }));
  writeFileSync(file, JSON.stringify(tables));
  return file;
}

/**
 * The pipeline into a new folder, then again with nothing changed; then the floor the same two
 * ways, with the rows the pipeline's run stored.
 */
function pipelineAndFloor(glob: string, dir: string, schema: string): Array<[Measured, Measured]> {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}`);
  const args = ['run', '--input', glob, '--out', join(out, 'pipeline'), '--json'];
  const pipeline: [Measured, Measured] = [run(cli, args), run(cli, args)];
  const fargs = ['--input', glob, '--rows', join(out, 'pipeline'), '--schema', schema, '--out', join(out, 'floor')];
  const floored: [Measured, Measured] = [run(floor, fargs), run(floor, fargs)];
  if (!values.keep) rmSync(out, { recursive: true, force: true });
  return [pipeline, floored];
}

const fastest = (runs: Array<[Measured, Measured]>, k: 0 | 1) =>
  runs.map((r) => r[k]).reduce((a, b) => (b.wall < a.wall ? b : a));
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

const compare: string[][] = [];
const stages: string[][] = [];
for (const n of sizes) {
  const dir = mkdtempSync(join(tmpdir(), `kbiz-bench-${n}-`));
  const inputs = join(dir, 'in');
  mkdirSync(inputs);
  for (let k = 0; k < n; k++)
    writeFileSync(join(inputs, `report-${String(k).padStart(4, '0')}.txt`), n === 1 ? base : syntheticReport(base, k));
  const glob = join(inputs, '*.txt');
  const repeat = Number(values.repeat ?? (n <= 10 ? 3 : 1));
  const pipe: Array<[Measured, Measured]> = [];
  const flo: Array<[Measured, Measured]> = [];
  const schema = floorSchema(join(dir, 'floor-schema.json'));
  for (let i = 0; i < repeat; i++) {
    const [p, f] = pipelineAndFloor(glob, dir, schema);
    pipe.push(p!);
    flo.push(f!);
  }
  const [p, f, pr, fr] = [fastest(pipe, 0), fastest(flo, 0), fastest(pipe, 1), fastest(flo, 1)];
  const docs = p.summary.documents as Array<{ status: string }>;
  const failed = docs.filter((d) => d.status !== 'ok').length;
  if (failed) throw new Error(`${failed} of ${n} documents failed`);
  const s = p.summary;
  compare.push([
    String(n),
    `${p.wall.toFixed(2)} / ${f.wall.toFixed(2)}`,
    ratio(p.wall, f.wall),
    `${s.cpu_seconds.toFixed(2)} / ${f.summary.cpu_seconds.toFixed(2)}`,
    ratio(s.cpu_seconds, f.summary.cpu_seconds),
    `${s.peak_rss_mb.toFixed(0)} / ${f.summary.peak_rss_mb.toFixed(0)}`,
    `${pr.wall.toFixed(2)} / ${fr.wall.toFixed(2)}`,
    ratio(pr.wall, fr.wall),
    `${s.rows_loaded.toLocaleString('en')} / ${f.summary.rows_loaded.toLocaleString('en')}`,
  ]);
  const st = (k: string) => (s.stage_seconds?.[k] ?? 0).toFixed(2);
  stages.push([
    String(n),
    (n / p.wall).toFixed(1),
    (s.input_bytes / 1e6 / p.wall).toFixed(2),
    st('extract'),
    st('transform'),
    st('load'),
    st('export'),
    Math.round(s.rows_loaded / (s.stage_seconds?.load ?? 1)).toLocaleString('en'),
  ]);
  const walls = (runs: Array<[Measured, Measured]>) => runs.map(([m]) => m.wall.toFixed(2)).join(', ');
  console.log(
    `N=${n}: pipeline ${p.wall.toFixed(2)} s, floor ${f.wall.toFixed(2)} s (${ratio(p.wall, f.wall)}); ` +
      `rerun ${pr.wall.toFixed(2)} s vs ${fr.wall.toFixed(2)} s` +
      (repeat > 1 ? ` (every run: pipeline ${walls(pipe)} s; floor ${walls(flo)} s)` : ''),
  );
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}

const table = (header: string[], rows: string[][]) =>
  [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => ' --- ').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
console.log('\npipeline / floor, and their ratio (wall and CPU in seconds, peak RSS in MB):\n');
console.log(
  table(['N', 'wall s', 'wall ×', 'CPU s', 'CPU ×', 'peak RSS MB', 'rerun s', 'rerun ×', 'rows into DuckDB'], compare),
);
console.log('\nthe pipeline by stage (seconds summed over documents; extract and transform run on worker threads):\n');
console.log(
  table(['N', 'docs/s', 'MB/s', 'extract s', 'transform s', 'load s', 'export s', 'rows/s into DuckDB'], stages),
);
