import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { syntheticReport } from './synthetic-reports.js';

/**
 * `npm run bench`: N synthetic reports through the whole pipeline as a real CLI process, for
 * N = 1, 10, 100, 1000 (or `--sizes 1,10`). Prints documents/s, MB/s of input, seconds per
 * stage, rows/s into DuckDB, peak RSS, and the time of a rerun with nothing changed.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist', 'pipeline', 'cli.js');
const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '1,10,100,1000' }, keep: { type: 'boolean', default: false } },
});
const sizes = values.sizes
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const base = readFileSync(join(root, 'sources', 'kbiz-2020-business-report-summary.txt'), 'utf8');

interface Summary {
  documents: Array<{ status: string }>;
  seconds: number;
  input_bytes: number;
  stage_seconds: Record<string, number>;
  rows_loaded: number;
  peak_rss_mb: number;
}

function run(args: string[]): { summary: Summary; wall: number } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, ...args, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = (performance.now() - t0) / 1000;
  const last = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0) throw new Error(`kbiz-etl ${args.join(' ')} exited ${r.status}: ${r.stderr || last}`);
  return { summary: JSON.parse(last) as Summary, wall };
}

const rows: string[][] = [];
const header = [
  'N',
  'wall s',
  'docs/s',
  'MB/s',
  'extract s',
  'transform s',
  'load s',
  'export s',
  'rows/s into DuckDB',
  'peak RSS MB',
  'rerun s',
];
for (const n of sizes) {
  const dir = mkdtempSync(join(tmpdir(), `kbiz-bench-${n}-`));
  const inputs = join(dir, 'in');
  mkdirSync(inputs);
  for (let k = 0; k < n; k++)
    writeFileSync(join(inputs, `report-${String(k).padStart(4, '0')}.txt`), n === 1 ? base : syntheticReport(base, k));
  const args = ['run', '--input', join(inputs, '*.txt'), '--out', join(dir, 'out')];
  const { summary: s, wall } = run(args);
  const failed = s.documents.filter((d) => d.status !== 'ok').length;
  if (failed) throw new Error(`${failed} of ${n} documents failed`);
  const rerun = run(args).wall;
  const st = (k: string) => (s.stage_seconds[k] ?? 0).toFixed(2);
  rows.push([
    String(n),
    wall.toFixed(2),
    (n / wall).toFixed(1),
    (s.input_bytes / 1e6 / wall).toFixed(2),
    st('extract'),
    st('transform'),
    st('load'),
    st('export'),
    Math.round(s.rows_loaded / (s.stage_seconds.load ?? 1)).toLocaleString('en'),
    s.peak_rss_mb.toFixed(0),
    rerun.toFixed(2),
  ]);
  console.log(
    `N=${n}: ${wall.toFixed(2)} s wall, peak RSS ${s.peak_rss_mb.toFixed(0)} MB, rerun ${rerun.toFixed(2)} s`,
  );
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}
console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => ' --- ').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log('\nstage seconds are summed over documents (extract and transform run on worker threads in parallel).');
