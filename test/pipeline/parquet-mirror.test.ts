import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_MANIFEST, openWarehouse, warehouseFingerprint } from '../../warehouse/index.js';
import { queryWarehouse, reportText, runCli, tempDir } from '../helpers.js';

const rows = queryWarehouse;

/** Facts and documents in the Parquet mirror and in the warehouse. */
async function mirror(out: string): Promise<Record<string, number>> {
  const parquet = (t: string) => `read_parquet('${join(out, 'parquet', t, '**', '*.parquet')}')`;
  const counts = (
    await rows(
      out,
      `SELECT
    (SELECT count(*) FROM ${parquet('facts')}) AS parquet_facts, (SELECT count(*) FROM facts) AS facts,
    (SELECT count(*) FROM ${parquet('documents')}) AS parquet_documents,
    (SELECT count(*) FROM documents) AS documents`,
    )
  )[0]!;
  return Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)]));
}

const exportLine = (stdout: string) => /^\(all\) export (\w+)/m.exec(stdout)?.[1];

/** A second report (2019) in `dir`: another document for the same warehouse. */
function secondReport(dir: string): string {
  const file = join(dir, 'kbiz-2019.txt');
  writeFileSync(file, reportText().replace('2020년도 사업보고 요약', '2019년도 사업보고 요약'));
  return file;
}

describe('the Parquet mirror', () => {
  it('catches up after `run --to load`, and is skipped only when the warehouse is unchanged', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    expect((await runCli('run', '--out', out, '--quiet')).code).toBe(0);
    const n = (await mirror(out)).facts!;
    expect(n).toBeGreaterThan(800);
    expect(await mirror(out)).toEqual({ parquet_facts: n, facts: n, parquet_documents: 1, documents: 1 });
    const other = secondReport(dir);
    expect((await runCli('run', '--input', other, '--to', 'load', '--out', out, '--quiet')).code).toBe(0);
    expect(await mirror(out)).toMatchObject({ parquet_facts: n, facts: 2 * n }); // no export asked for yet
    const next = await runCli('run', '--out', out);
    expect(next.out).toMatch(/^kbiz-2020 load skipped/m);
    expect(exportLine(next.out)).toBe('ok');
    expect(await mirror(out)).toEqual({ parquet_facts: 2 * n, facts: 2 * n, parquet_documents: 2, documents: 2 });
    expect(exportLine((await runCli('run', '--out', out)).out)).toBe('skipped');
    const factsParquet = join(out, 'parquet', 'facts', '**', '*.parquet');
    const years = `SELECT DISTINCT report_year FROM read_parquet('${factsParquet}') ORDER BY 1`;
    // BIGINT from the partition folders' names, as JSON text
    expect(await rows(out, years)).toEqual([{ report_year: '2019' }, { report_year: '2020' }]);
  });

  it('catches up after a `load` run alone, and after a forced reload', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const other = secondReport(dir);
    expect((await runCli('run', '--out', out, '--quiet')).code).toBe(0);
    const n = (await mirror(out)).facts!;
    expect((await runCli('run', '--input', other, '--to', 'transform', '--out', out, '--quiet')).code).toBe(0);
    expect((await runCli('load', '--input', other, '--out', out, '--quiet')).code).toBe(0);
    expect(await mirror(out)).toMatchObject({ parquet_facts: n, facts: 2 * n });
    expect(exportLine((await runCli('run', '--input', other, '--out', out)).out)).toBe('ok');
    expect(await mirror(out)).toEqual({ parquet_facts: 2 * n, facts: 2 * n, parquet_documents: 2, documents: 2 });
    // a forced load changes loaded_at, which documents.parquet holds
    expect((await runCli('load', '--force', '--out', out, '--quiet')).code).toBe(0);
    expect(exportLine((await runCli('run', '--out', out)).out)).toBe('ok');
    const loadedAt = `SELECT loaded_at::VARCHAR AS t FROM documents WHERE document_id = 'kbiz-2020'`;
    const documentsParquet = join(out, 'parquet', 'documents', '**', '*.parquet');
    const exported = `SELECT loaded_at::VARCHAR AS t FROM read_parquet('${documentsParquet}')
      WHERE document_id = 'kbiz-2020'`;
    expect(await rows(out, exported)).toEqual(await rows(out, loadedAt));
  });

  it('redoes an export that was cut short, and leaves no staging folders', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    expect((await runCli('run', '--out', out, '--quiet')).code).toBe(0);
    const n = (await mirror(out)).facts!;
    // what a kill in the middle of an export leaves: no manifest yet, a staging folder beside
    rmSync(join(out, 'parquet', EXPORT_MANIFEST));
    mkdirSync(join(out, 'parquet.tmp-99999', 'facts'), { recursive: true });
    rmSync(join(out, 'parquet', 'facts'), { recursive: true });
    const r = await runCli('run', '--out', out);
    expect(exportLine(r.out)).toBe('ok');
    expect(await mirror(out)).toEqual({ parquet_facts: n, facts: n, parquet_documents: 1, documents: 1 });
    expect(readdirSync(out).filter((f) => f.startsWith('parquet.'))).toEqual([]);
  });

  it('records the fingerprint of the warehouse it mirrors, last', async () => {
    const out = join(tempDir(), 'out');
    expect((await runCli('run', '--out', out, '--quiet')).code).toBe(0);
    const text = readFileSync(join(out, 'parquet', EXPORT_MANIFEST), 'utf8');
    const manifest = JSON.parse(text) as { fingerprint: string; tables: string[] };
    const wh = await openWarehouse(join(out, 'kbiz.duckdb'), { readOnly: true });
    try {
      expect(manifest.fingerprint).toBe(await warehouseFingerprint(wh.conn));
    } finally {
      wh.close();
    }
    expect(manifest.tables).toContain('facts');
    const exported = (t: string) =>
      existsSync(join(out, 'parquet', t)) || existsSync(join(out, 'parquet', `${t}.parquet`));
    for (const t of manifest.tables) expect(exported(t), t).toBe(true);
  });
});
