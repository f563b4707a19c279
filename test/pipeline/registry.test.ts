import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../pipeline/index.js';
import { REPORT_PATH, tempDir, runCli } from '../helpers.js';

const kbiz = runCli;

const SHA_2020 = '6f3fb8912f5ef08e9caa62e800733e3ccc61f5f866d46ecf75b0f7e74a2ee36a';
const entry = (over: Record<string, unknown> = {}) => ({
  document_id: 'kbiz-2020',
  publisher: '중소기업중앙회',
  title: '2020년도 사업보고 요약',
  report_year: 2020,
  published_on: '2021-02',
  format: 'text',
  path: 'report.txt',
  sha256: SHA_2020,
  ...over,
});

describe('the source registry', () => {
  it('bundles the 2020 report with its checksum', () => {
    const [doc] = loadRegistry();
    expect(doc!.entry).toMatchObject({ document_id: 'kbiz-2020', report_year: 2020, format: 'text', sha256: SHA_2020 });
    expect(doc!.absolutePath).toBe(REPORT_PATH);
  });

  it('refuses a registered file whose sha256 does not match, naming it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'report.txt'), `${readFileSync(REPORT_PATH, 'utf8')}추가된 줄\n`);
    writeFileSync(join(dir, 'registry.json'), JSON.stringify({ sources: [entry()] }));
    const r = await kbiz('run', '--registry', join(dir, 'registry.json'), '--out', join(dir, 'out'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      new RegExp(`failed: ${join(dir, 'report.txt')}: sha256 is [0-9a-f]{64}, registry says ${SHA_2020}`),
    );
  });

  it('refuses an invalid registry with the path of the problem', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'registry.json'), JSON.stringify({ sources: [entry({ report_year: 'twenty' })] }));
    const r = await kbiz('sources', '--registry', join(dir, 'registry.json'));
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `kbiz-etl: ${join(dir, 'registry.json')}: invalid registry at sources.0.report_year: Invalid input: expected number, received string`,
    );
  });

  it('shows which documents are loaded, and which changed since', async () => {
    const dir = tempDir();
    copyFileSync(REPORT_PATH, join(dir, 'report.txt'));
    const registry = join(dir, 'registry.json');
    writeFileSync(registry, JSON.stringify({ sources: [entry()] }));
    const out = join(dir, 'out');
    const status = async () =>
      (
        JSON.parse((await kbiz('sources', '--registry', registry, '--out', out, '--json')).out) as Array<{
          status: string;
        }>
      )[0]!.status;
    expect(await status()).toBe('not loaded');
    expect((await kbiz('run', '--registry', registry, '--out', out, '--quiet')).code).toBe(0);
    expect(await status()).toBe('loaded');
    writeFileSync(registry, JSON.stringify({ sources: [entry({ sha256: 'a'.repeat(64) })] }));
    expect(await status()).toBe('stale (source changed)');
  });
});
