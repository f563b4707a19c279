import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticReport } from '../../bench/synthetic-reports.js';
import { openWarehouse } from '../../warehouse/index.js';
import { queryWarehouse, ROOT, reportText, tempDir } from '../helpers.js';

const BIN = join(ROOT, 'dist', 'bin', 'kbiz-etl.js');
const kbiz = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

/** N synthetic reports (other numbers, years and chapter order) in a folder. */
function reports(dir: string, n: number): string {
  const inputs = join(dir, 'in');
  mkdirSync(inputs, { recursive: true });
  for (let k = 0; k < n; k++)
    writeFileSync(join(inputs, `report-${String(k).padStart(3, '0')}.txt`), syntheticReport(reportText(), k));
  return inputs;
}

const rows = queryWarehouse;

/** Every loaded document is whole: all its lines, and exactly the facts of its artifact. */
async function documentsAreWhole(out: string): Promise<number> {
  const docs = await rows(
    out,
    `SELECT d.document_id, d.line_count, (SELECT count(*) FROM source_lines s WHERE s.document_id = d.document_id) AS lines,
    (SELECT count(*) FROM facts f WHERE f.document_id = d.document_id) AS facts FROM documents d`,
  );
  for (const d of docs) {
    expect(Number(d.lines)).toBe(d.line_count);
    const artifact = JSON.parse(
      readFileSync(join(out, 'artifacts', String(d.document_id), 'normalized.json'), 'utf8'),
    ) as { facts: unknown[] };
    expect(Number(d.facts)).toBe(artifact.facts.length);
  }
  const orphans = await rows(
    out,
    `SELECT count(*) AS n FROM facts WHERE document_id NOT IN (SELECT document_id FROM documents)`,
  );
  expect(orphans).toEqual([{ n: '0' }]);
  return docs.length;
}

describe('back-fills of many documents', () => {
  it('loads every document of a glob; a bad one fails alone and is named', async () => {
    const dir = tempDir();
    const inputs = reports(dir, 6);
    writeFileSync(join(inputs, 'report-bad.txt'), '\u0000\u0001\u0002binary');
    const r = kbiz('run', '--input', join(inputs, '*.txt'), '--out', join(dir, 'out'));
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^documents 6\/7, .*$/m);
    expect(r.stdout).toContain(`failed: ${join(inputs, 'report-bad.txt')}: binary content, not a text document`);
    expect(await documentsAreWhole(join(dir, 'out'))).toBe(6);
    const years = await rows(join(dir, 'out'), 'SELECT report_year FROM documents ORDER BY 1');
    expect(years.map((y) => y.report_year)).toEqual([2000, 2001, 2002, 2003, 2004, 2005]);
  });

  it('skips unchanged stages and says so; --force redoes them; --from/--to pick the range', () => {
    const dir = tempDir();
    const inputs = reports(dir, 2);
    const args = ['--input', join(inputs, '*.txt'), '--out', join(dir, 'out')];
    expect(kbiz('run', ...args).status).toBe(0);
    const again = kbiz('run', ...args);
    expect(again.stdout.split('\n').filter((l) => l.includes('skipped (unchanged)'))).toHaveLength(7);
    const forced = kbiz('run', ...args, '--force', '--from', 'transform', '--to', 'load');
    expect(forced.stdout).not.toContain('skipped');
    expect(forced.stdout).not.toMatch(/ extract | export /);
    expect(forced.stdout.match(/ transform ok/g)).toHaveLength(2);
  });

  it('reruns an unchanged back-fill without a worker, and notices an artifact edited behind its back', () => {
    const dir = tempDir();
    const inputs = reports(dir, 3);
    const out = join(dir, 'out');
    const run = (o = out) => {
      const r = kbiz('run', '--input', join(inputs, '*.txt'), '--out', o, '--json');
      expect(r.status, r.stderr).toBe(0);
      return {
        lines: r.stdout,
        summary: JSON.parse(r.stdout.trim().split('\n').pop()!) as { workers_started: number },
      };
    };
    expect(run().summary.workers_started).toBe(2);
    const again = run();
    expect(again.summary.workers_started).toBe(0);
    const stages = (lines: string) =>
      lines
        .split('\n')
        .filter((l) => l.includes('"type":"stage"'))
        .map((l) => (JSON.parse(l) as { record: { stage: string; document_id: string | null; status: string } }).record)
        .map((r) => `${r.document_id ?? '(all)'} ${r.stage} ${r.status}`);
    expect(new Set(stages(again.lines).map((s) => s.split(' ')[2]))).toEqual(new Set(['skipped']));
    // one byte changed in place, its size and modification time put back: the change time still tells
    const file = join(out, 'artifacts', 'report-001', 'extracted.json');
    const { mtimeNs } = statSync(file, { bigint: true });
    writeFileSync(file, readFileSync(file, 'utf8').replace('사업보고', '사업보공'));
    const ns = String(mtimeNs % 1_000_000_000n).padStart(9, '0');
    expect(spawnSync('touch', ['-m', '-d', `@${mtimeNs / 1_000_000_000n}.${ns}`, file]).status).toBe(0);
    expect(statSync(file, { bigint: true }).mtimeNs).toBe(mtimeNs);
    const edited = run();
    expect(stages(edited.lines).filter((l) => !l.endsWith('skipped'))).toEqual([
      'report-001 transform ok',
      'report-001 load ok',
      '(all) export ok',
    ]);
    // a copied folder (new inodes) is hashed once, and its notes are remembered for the next rerun
    const copy = join(dir, 'copy');
    cpSync(out, copy, { recursive: true });
    expect(run(copy).summary.workers_started).toBe(0);
    const copied = join(copy, 'artifacts', 'report-002', 'normalized.json');
    expect(readFileSync(`${copied}.sha256`, 'utf8').split(':').pop()).toBe(String(statSync(copied).ino));
  });

  it('loads the same rows whether documents are prepared on worker threads or in the main thread', async () => {
    const dir = tempDir();
    const inputs = reports(dir, 2);
    const state = async (concurrency: string) => {
      const out = join(dir, `out-${concurrency}`);
      const r = kbiz('run', '--input', join(inputs, '*.txt'), '--out', out, '--concurrency', concurrency, '--json');
      expect(r.status, r.stderr).toBe(0);
      const workers = (JSON.parse(r.stdout.trim().split('\n').pop()!) as { workers_started: number }).workers_started;
      const tables = ['source_lines', 'sections', 'report_tables', 'table_cells', 'facts', 'date_mentions'];
      const sums = await rows(
        out,
        tables
          .concat('quality_checks', 'issues', 'document_metrics')
          .map((t) => `SELECT '${t}' AS t, count(*)::VARCHAR AS n, sum(hash(x))::VARCHAR AS h FROM ${t} x`)
          .join(' UNION ALL ') + ' ORDER BY t',
      );
      return { workers, sums };
    };
    const inline = await state('1');
    const workers = await state('2');
    expect([inline.workers, workers.workers]).toEqual([0, 2]);
    expect(workers.sums).toEqual(inline.sums);
  });

  it('redoes a stage when its options change, not only its bytes (--year)', async () => {
    const dir = tempDir();
    const file = join(dir, 'report.txt');
    writeFileSync(file, reportText());
    const out = join(dir, 'out');
    expect(kbiz('run', '--input', file, '--out', out, '--quiet').status).toBe(0);
    const again = kbiz('run', '--input', file, '--out', out, '--year', '2019');
    expect(again.stdout).toMatch(/^report extract ok/m);
    expect(again.stdout).toMatch(/^report load ok/m);
    expect(await rows(out, 'SELECT report_year FROM documents')).toEqual([{ report_year: 2019 }]);
  });

  it('writes byte-identical artifacts for the same input', () => {
    const dir = tempDir();
    const inputs = reports(dir, 2);
    for (const out of ['a', 'b'])
      expect(
        kbiz('run', '--input', join(inputs, '*.txt'), '--out', join(dir, out), '--to', 'transform', '--quiet').status,
      ).toBe(0);
    const files = (out: string) =>
      readdirSync(join(dir, out, 'artifacts'), { recursive: true })
        .filter((f) => String(f).endsWith('.json'))
        .sort();
    expect(files('a')).toHaveLength(4);
    for (const f of files('a'))
      expect(readFileSync(join(dir, 'b', 'artifacts', String(f)))).toEqual(
        readFileSync(join(dir, 'a', 'artifacts', String(f))),
      );
  });
});

describe('safe failure', () => {
  it('tells a second writer that the warehouse is locked, and damages nothing', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    expect(kbiz('run', '--out', out, '--quiet').status).toBe(0);
    const holder = await openWarehouse(join(out, 'kbiz.duckdb'));
    try {
      const r = kbiz('run', '--out', out, '--force');
      expect(r.status).toBe(1);
      expect(r.stderr.trim()).toBe(
        `kbiz-etl: ${join(out, 'kbiz.duckdb')}: warehouse is locked by another process; wait for it to finish`,
      );
    } finally {
      holder.close();
    }
    expect(await documentsAreWhole(out)).toBe(1);
  });

  it('survives kill -9 in the middle of loading: every document is whole or absent, and a rerun finishes', async () => {
    const dir = tempDir();
    const inputs = reports(dir, 30);
    const out = join(dir, 'out');
    const args = [BIN, 'run', '--input', join(inputs, '*.txt'), '--out', out, '--json'];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise((resolve) => child.on('close', resolve));
    let loaded = 0;
    await new Promise<void>((resolve) => {
      let buffer = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        for (const line of lines) if (line.includes('"stage":"load"') && line.includes('"status":"ok"')) loaded++;
        if (loaded >= 3 && child.exitCode === null && !child.killed) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => resolve());
    });
    await exited;
    expect(child.signalCode).toBe('SIGKILL');
    const whole = await documentsAreWhole(out);
    expect(whole).toBeGreaterThanOrEqual(3);
    expect(whole).toBeLessThan(30);
    const rerun = kbiz('run', '--input', join(inputs, '*.txt'), '--out', out, '--quiet');
    expect(rerun.status).toBe(0);
    expect(await documentsAreWhole(out)).toBe(30);
  });
});
