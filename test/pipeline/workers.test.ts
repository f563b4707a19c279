import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../pipeline/runner.js';
import { queryWarehouse, ROOT, reportText, tempDir } from '../helpers.js';

/**
 * The worker pool runs only from the compiled code (the sources have no stage-worker.js beside
 * them), so these tests run the built CLI (global-setup builds dist/) as a process.
 */
function runBuilt(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'bin', 'kbiz-etl.js'), ...args], { cwd: ROOT });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}

/** The `--json` run's summary: its last line. */
const summaryOf = (out: string): RunSummary => JSON.parse(out.trim().split('\n').at(-1)!) as RunSummary;

// One core prepares in the main thread, without workers: nothing here to test.
describe.skipIf(availableParallelism() < 2)('worker threads', () => {
  it('a worker out of memory fails its document alone, in one line, and a fresh worker takes the next', async () => {
    const dir = tempDir();
    // The bundled report 50 times over (2.4 MB) cannot be prepared in a 24 MB heap; once (48 KB) can.
    for (const name of ['big-a', 'big-b']) writeFileSync(join(dir, `${name}.txt`), reportText().repeat(50));
    writeFileSync(join(dir, 'small.txt'), reportText());
    const out = join(dir, 'out');
    const inputs = ['big-a', 'big-b', 'small'].flatMap((n) => ['--input', join(dir, `${n}.txt`)]);
    const r = await runBuilt(['run', ...inputs, '--year', '2020', '--out', out, '--max-worker-mb', '24', '--json']);
    expect(r.code).toBe(1);
    const summary = summaryOf(r.out);
    const oom = (n: string) => `${join(dir, n)}.txt: out of memory at 24 MB: rerun with --max-worker-mb 256`;
    expect(summary.documents.map((d) => [d.document_id, d.status, d.error ?? d.counts?.facts])).toEqual([
      ['big-a', 'failed', oom('big-a')],
      ['big-b', 'failed', oom('big-b')],
      ['small', 'ok', 840],
    ]);
    // two workers for the big ones (the cores), then a fresh one for the small one
    expect(summary.workers_started).toBe(3);
    const runs = await queryWarehouse(
      out,
      `SELECT document_id, stage, status, message FROM pipeline_runs
      WHERE document_id IS NOT NULL ORDER BY document_id, started_at`,
    );
    expect(runs).toEqual([
      { document_id: 'big-a', stage: 'extract', status: 'failed', message: oom('big-a') },
      { document_id: 'big-b', stage: 'extract', status: 'failed', message: oom('big-b') },
      { document_id: 'small', stage: 'extract', status: 'ok', message: null },
      { document_id: 'small', stage: 'transform', status: 'ok', message: null },
      { document_id: 'small', stage: 'load', status: 'ok', message: null },
    ]);
    expect(await queryWarehouse(out, 'SELECT document_id FROM documents')).toEqual([{ document_id: 'small' }]);
  });

  it('starts no more workers than documents, whatever --concurrency asks', async () => {
    const dir = tempDir();
    const inputs = ['a', 'b'].flatMap((n) => {
      writeFileSync(join(dir, `${n}.txt`), reportText());
      return ['--input', join(dir, `${n}.txt`)];
    });
    const r = await runBuilt([
      'run',
      ...inputs,
      '--year',
      '2020',
      '--out',
      join(dir, 'out'),
      '--concurrency',
      '64',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const summary = summaryOf(r.out);
    expect(summary.documents.map((d) => d.counts?.facts)).toEqual([840, 840]);
    expect(summary.workers_started).toBe(2);
  });
});
