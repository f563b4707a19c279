import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../pipeline/artifacts.js';
import { queryWarehouse, REPORT_PATH, ROOT, runCli, tempDir } from '../helpers.js';

const rows = queryWarehouse;

/** Facts per document (with distinct fact ids) and the Parquet mirror's facts against the warehouse's. */
async function factsState(out: string): Promise<{ perDocument: unknown[]; mirror: unknown }> {
  const perDocument = await rows(
    out,
    `SELECT document_id, count(*) AS facts, count(DISTINCT fact_id) AS ids
    FROM facts GROUP BY 1 ORDER BY 1`,
  );
  const files = join(out, 'parquet', 'facts', '**', '*.parquet');
  const [mirror] = await rows(
    out,
    `SELECT (SELECT count(*) FROM read_parquet('${files}')) AS parquet,
    (SELECT count(*) FROM facts) AS warehouse`,
  );
  return { perDocument, mirror };
}

/** The remarks the last run left in pipeline_runs ('unchanged' aside). */
const notes = (out: string) =>
  rows(
    out,
    `SELECT stage, document_id, message FROM pipeline_runs
    WHERE run_id = (SELECT max(run_id) FROM pipeline_runs) AND message <> 'unchanged' ORDER BY stage`,
  );

const artifact = (out: string, id: string, name: string) => join(out, 'artifacts', id, `${name}.json`);
const truncate = (file: string) => fs.writeFileSync(file, fs.readFileSync(file).subarray(0, 50_000));

/** The registered report and a copy of it under another id, both loaded; and how they were then. */
async function twoDocuments(): Promise<{ out: string; whole: Awaited<ReturnType<typeof factsState>> }> {
  const dir = tempDir();
  const out = join(dir, 'out');
  fs.copyFileSync(REPORT_PATH, join(dir, 'other.txt'));
  expect((await runCli('run', '--out', out, '--quiet')).code).toBe(0);
  expect((await runCli('run', '--input', join(dir, 'other.txt'), '--out', out, '--quiet')).code).toBe(0);
  const whole = await factsState(out);
  // the same report twice: as many facts, each id once, and all of them in Parquet
  const [n] = await rows(out, `SELECT count(*) AS n FROM facts WHERE document_id = 'kbiz-2020'`);
  expect(Number(n!.n)).toBeGreaterThan(800);
  expect(whole).toEqual({
    perDocument: ['kbiz-2020', 'other'].map((document_id) => ({ document_id, facts: n!.n, ids: n!.n })),
    mirror: { parquet: String(2 * Number(n!.n)), warehouse: String(2 * Number(n!.n)) },
  });
  return { out, whole };
}

describe('artifacts are verified on read', () => {
  it('redoes a truncated extracted.json from the source, in a run and in a transform run alone', async () => {
    const { out, whole } = await twoDocuments();
    truncate(artifact(out, 'kbiz-2020', 'extracted'));
    const r = await runCli('run', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^kbiz-2020 transform ok, \d+ rows; extracted artifact was corrupt: redone/m);
    const note = 'extracted artifact was corrupt: redone';
    expect(await notes(out)).toEqual([{ stage: 'transform', document_id: 'kbiz-2020', message: note }]);
    expect(await factsState(out)).toEqual(whole);
    truncate(artifact(out, 'kbiz-2020', 'extracted'));
    const alone = await runCli('transform', '--out', out, '--force');
    expect(alone.code).toBe(0);
    expect(alone.out).toContain(note);
    expect(JSON.parse(fs.readFileSync(artifact(out, 'kbiz-2020', 'extracted'), 'utf8')).lines).toHaveLength(1039);
  });

  it('never loads a normalized.json whose document_id was edited: redone, the other document untouched', async () => {
    const { out, whole } = await twoDocuments();
    const file = artifact(out, 'kbiz-2020', 'normalized');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"document_id":"kbiz-2020"', '"document_id":"other"'));
    const r = await runCli('run', '--out', out);
    expect(r.code).toBe(0);
    const note = 'normalized artifact was for document other: redone';
    expect(await notes(out)).toEqual([{ stage: 'transform', document_id: 'kbiz-2020', message: note }]);
    expect(await factsState(out)).toEqual(whole);
    expect(await rows(out, 'SELECT document_id, source_path FROM documents ORDER BY 1')).toEqual([
      { document_id: 'kbiz-2020', source_path: 'sources/kbiz-2020-business-report-summary.txt' },
      { document_id: 'other', source_path: join(out, '..', 'other.txt') },
    ]);
  });

  it('redoes a truncated normalized.json when the load reads it, in a run and in a load run alone', async () => {
    const { out, whole } = await twoDocuments();
    truncate(artifact(out, 'kbiz-2020', 'normalized'));
    const r = await runCli('run', '--out', out);
    expect(r.code).toBe(0);
    const note = 'normalized artifact was corrupt: redone';
    expect(await notes(out)).toEqual([{ stage: 'load', document_id: 'kbiz-2020', message: note }]);
    expect(await factsState(out)).toEqual(whole);
    truncate(artifact(out, 'kbiz-2020', 'normalized'));
    expect((await runCli('load', '--out', out, '--quiet')).code).toBe(0);
    expect((await runCli('run', '--out', out, '--quiet')).code).toBe(0);
    expect(await factsState(out)).toEqual(whole);
  });
});

describe('write failures', () => {
  it('are one line naming the file, and leave no temp file and the old file whole', () => {
    const dir = tempDir();
    const file = join(dir, 'a', 'extracted.json');
    writeFileAtomic(file, '{"old":true}');
    // a write that has begun its temp file when the disk fills (/dev/full fails every write with ENOSPC)
    const fullDisk = {
      ...fs,
      writeFileSync: (path: string, data: string) => {
        fs.writeFileSync(path, data.slice(0, 3));
        fs.writeFileSync('/dev/full', data);
      },
    };
    expect(() => writeFileAtomic(file, '{"new":true}', fullDisk)).toThrow(`no space left on device writing ${file}`);
    expect(fs.readdirSync(join(dir, 'a'))).toEqual(['extracted.json']);
    expect(fs.readFileSync(file, 'utf8')).toBe('{"old":true}');
  });

  // A real full disk: a tiny tmpfs in a user and mount namespace of its own, where the kernel allows one.
  const mountTmpfs = (size: string) => `mount -t tmpfs -o size=${size} tmpfs /mnt`;
  const canMount = spawnSync('unshare', ['-rm', 'sh', '-c', mountTmpfs('64k')]).status === 0;
  it.skipIf(!canMount)('on a full disk say so, for an artifact and for the warehouse (not "cannot rollback")', () => {
    const run = (size: string) => {
      const cli = `"${process.execPath}" dist/bin/kbiz-etl.js run --out /mnt/out`;
      const script = `${mountTmpfs(size)} && ${cli}; echo "exit $?"; find /mnt -name '*.tmp-*'`;
      return spawnSync('unshare', ['-rm', 'sh', '-c', script], { cwd: ROOT, encoding: 'utf8' }).stdout;
    };
    const artifactFull = run('400k');
    const normalized = '/mnt/out/artifacts/kbiz-2020/normalized.json';
    expect(artifactFull).toContain(`failed: no space left on device writing ${normalized}\nexit 1\n`);
    expect(artifactFull).toMatch(/exit 1\n$/);
    const warehouseFull = run('2m');
    expect(warehouseFull).toMatch(/^failed: no space left on device writing \/mnt\/out\/kbiz\.duckdb(\.wal)?\n/m);
    expect(warehouseFull).toMatch(/exit 1\n$/);
    expect(warehouseFull).not.toContain('rollback');
  });
});
