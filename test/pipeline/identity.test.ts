import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../pipeline/index.js';
import { queryWarehouse, REPORT_PATH, reportText, ROOT, runCli, tempDir } from '../helpers.js';

const BIN = join(ROOT, 'dist', 'bin', 'kbiz-etl.js');
/** The built CLI as a process in `cwd`, so that relative paths are typed as a user would. */
const kbizIn = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });

const rows = queryWarehouse;
const documents = (out: string) =>
  rows(
    out,
    `SELECT document_id, source_path,
    (SELECT count(*) FROM facts f WHERE f.document_id = d.document_id) AS facts FROM documents d ORDER BY document_id`,
  );

/** Facts in the bundled report (as this version's transforms find them), for counts of its copies. */
const reportFacts = async (out: string, id: string) =>
  Number((await rows(out, `SELECT count(*) AS n FROM facts WHERE document_id = '${id}'`))[0]!.n);

/** Facts in the Parquet mirror and in the warehouse: always equal after a run. */
const factCounts = async (out: string) => {
  const files = join(out, 'parquet', 'facts', '**', '*.parquet');
  const sql = `SELECT (SELECT count(*) FROM read_parquet('${files}')) AS parquet,
    (SELECT count(*) FROM facts) AS warehouse`;
  const [r] = await rows(out, sql);
  return { parquet: Number(r!.parquet), warehouse: Number(r!.warehouse) };
};

/** The bundled report with one line changed: other bytes, the same facts. */
const edited = (mark: string) => reportText().replace('2020년도 사업보고 요약', `2020년도 사업보고 요약 ${mark}`);
const short = (text: string) => sha256(Buffer.from(text)).slice(0, 6);

describe('ad-hoc document ids', () => {
  it('are unique within a run: same names get a content suffix, the same file twice is one document', async () => {
    const dir = tempDir();
    for (const d of ['a', 'b', 'c']) mkdirSync(join(dir, d));
    copyFileSync(REPORT_PATH, join(dir, 'a', 'report.txt'));
    writeFileSync(join(dir, 'b', 'report.txt'), edited('(b)'));
    writeFileSync(join(dir, 'c', 'report-2.txt'), edited('(c)'));
    const inputs = ['a/report.txt', 'b/report.txt', 'c/report-2.txt', './a/report.txt'].flatMap((f) => ['--input', f]);
    const r = kbizIn(dir, 'run', ...inputs, '--out', 'out');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = join(dir, 'out');
    const n = await reportFacts(out, 'report');
    expect(n).toBeGreaterThan(800);
    expect(r.stdout).toMatch(
      new RegExp(
        `^documents 3/3, sections \\d+, tables \\d+, facts ${3 * n}(, issues \\d+ \\(table issues\\))? → `,
        'm',
      ),
    );
    const loaded = [
      { document_id: 'report', source_path: 'a/report.txt', facts: String(n) },
      { document_id: 'report-2', source_path: 'c/report-2.txt', facts: String(n) },
      { document_id: `report-${short(edited('(b)'))}`, source_path: 'b/report.txt', facts: String(n) },
    ];
    expect(await documents(out)).toEqual(loaded);
    expect(await factCounts(out)).toEqual({ parquet: 3 * n, warehouse: 3 * n });

    // in another order, the same files keep their ids and nothing is redone
    const reordered = ['c/report-2.txt', 'b/report.txt', 'a/report.txt'].flatMap((f) => ['--input', f]);
    const again = kbizIn(dir, 'run', ...reordered, '--out', 'out');
    expect(again.status).toBe(0);
    expect(again.stdout).not.toMatch(/ ok, /);
    expect(await documents(out)).toEqual(loaded);
  });

  it("never take a registered document's place, nor an earlier document's, unless --replace says so", async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    expect((await runCli('run', '--out', out, '--quiet')).code).toBe(0);
    mkdirSync(join(dir, 'x'));
    writeFileSync(join(dir, 'x', 'kbiz-2020.txt'), edited('(x)'));
    const adHoc = join(dir, 'x', 'kbiz-2020.txt');
    expect((await runCli('run', '--input', adHoc, '--out', out, '--quiet')).code).toBe(0);
    mkdirSync(join(dir, 'y'));
    const pdf = join(dir, 'y', 'kbiz-2020.pdf');
    copyFileSync(join(ROOT, 'test', 'fixtures', 'kbiz-2020-ruled.pdf'), pdf);
    expect((await runCli('run', '--input', pdf, '--out', out, '--quiet')).code).toBe(0);
    const pdfId = (await rows(out, `SELECT document_id FROM documents WHERE source_format = 'pdf'`))[0]!.document_id;
    expect(pdfId).toMatch(/^kbiz-2020-[0-9a-f]{6}$/);
    const byFormat = 'SELECT document_id, source_path FROM documents ORDER BY source_format DESC, document_id';
    expect(await rows(out, byFormat)).toEqual([
      { document_id: 'kbiz-2020', source_path: 'sources/kbiz-2020-business-report-summary.txt' },
      { document_id: `kbiz-2020-${short(edited('(x)'))}`, source_path: adHoc },
      { document_id: pdfId, source_path: pdf },
    ]);
    const n = await reportFacts(out, 'kbiz-2020');
    expect(await factCounts(out)).toEqual({ parquet: 3 * n, warehouse: 3 * n });

    const replaced = await runCli('run', '--input', adHoc, '--replace', '--out', out);
    expect(replaced.code).toBe(0);
    expect(replaced.out).toMatch(/^kbiz-2020 load ok/m);
    const registered = `SELECT source_path FROM documents WHERE document_id = 'kbiz-2020'`;
    expect(await rows(out, registered)).toEqual([{ source_path: adHoc }]);
    expect(await factCounts(out)).toEqual({ parquet: 3 * n, warehouse: 3 * n }); // the same three documents
  });
});

describe('cache keys', () => {
  it('do not depend on the working directory: a second run from elsewhere skips every stage', async () => {
    const elsewhere = tempDir();
    const out = join(tempDir(), 'out');
    for (const cwd of [ROOT, elsewhere]) {
      const r = kbizIn(cwd, 'run', '--out', out);
      expect(r.status).toBe(0);
      const paths = await rows(out, 'SELECT source_path FROM documents');
      expect(paths).toEqual([{ source_path: 'sources/kbiz-2020-business-report-summary.txt' }]);
    }
    const runs = await rows(
      out,
      `SELECT stage, status FROM pipeline_runs
      WHERE run_id = (SELECT max(run_id) FROM pipeline_runs)
      ORDER BY list_position(['extract', 'transform', 'load', 'export'], stage)`,
    );
    expect(runs).toEqual(['extract', 'transform', 'load', 'export'].map((stage) => ({ stage, status: 'skipped' })));
  });

  it('do not depend on where an input lies: a moved file with the same bytes is not extracted again', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    for (const d of ['first', 'moved']) {
      mkdirSync(join(dir, d));
      copyFileSync(REPORT_PATH, join(dir, d, 'report.txt'));
      const r = await runCli('run', '--input', join(dir, d, 'report.txt'), '--out', out);
      expect(r.code).toBe(0);
      if (d === 'moved') expect(r.out).not.toMatch(/ ok, /);
    }
    expect(await rows(out, 'SELECT document_id FROM documents')).toEqual([{ document_id: 'report' }]);
  });
});
