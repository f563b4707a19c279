import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../warehouse/index.js';
import { openWarehouse } from '../../warehouse/index.js';
import { encryptedPdf } from '../fixtures/minimal-pdf.js';
import { zipWith } from '../fixtures/minimal-zip.js';
import { ROOT, tempDir, runCli } from '../helpers.js';

const kbiz = runCli;

async function state(out: string) {
  const wh = await openWarehouse(join(out, 'kbiz.duckdb'), { readOnly: true });
  try {
    const q = async (sql: string) => (await query(wh.conn, sql)).rows;
    return {
      documents: await q('SELECT document_id, source_sha256, loaded_at, line_count FROM documents ORDER BY 1'),
      facts: await q('SELECT count(*) AS n, sum(value) AS s FROM facts'),
      lines: await q('SELECT count(*) AS n FROM source_lines'),
      artifact: readFileSync(join(out, 'artifacts', 'kbiz-2020', 'normalized.json'), 'utf8'),
    };
  } finally {
    wh.close();
  }
}

describe('bad input never damages what was loaded before', () => {
  const dir = tempDir();
  const out = join(dir, 'out');
  let before: Awaited<ReturnType<typeof state>>;
  beforeAll(async () => {
    expect((await kbiz('run', '--out', out, '--quiet')).code).toBe(0);
    before = await state(out);
  });

  const ruled = readFileSync(join(ROOT, 'test', 'fixtures', 'kbiz-2020-ruled.pdf'));
  const cases: Array<[string, () => Buffer | Promise<Buffer>, string]> = [
    ['empty.txt', () => Buffer.alloc(0), 'file is empty'],
    [
      'binary.txt',
      () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 73) % 256)),
      'binary content, not a text document',
    ],
    [
      'unknown.txt',
      () => Buffer.from(Array.from({ length: 300 }, (_, i) => (i % 3 ? 0x80 : 0x41))),
      'not UTF-8, UTF-16 or CP949 text',
    ],
    [
      'long-line.txt',
      () => Buffer.from(`2020년도 사업보고\n${'1'.repeat(50_000_000)}\n`),
      ':2: line is 50,000,000 characters (limit 100,000)',
    ],
    ['truncated.pdf', () => ruled.subarray(0, ruled.length / 3), 'not a readable PDF: Invalid PDF structure.'],
    ['encrypted.pdf', encryptedPdf, 'PDF is encrypted (password protected)'],
    [
      'not-a.pdf',
      () => Buffer.from('2020년도 사업보고 요약\n'),
      'declared pdf but the content is text (use --format to force)',
    ],
    ['bomb.xlsx', () => zipWith('xl/worksheets/sheet1.xml', Buffer.alloc(16 << 20)), 'inflates'],
  ];

  it.each(cases)('%s fails with a clear error naming it', async (name, make, message) => {
    const file = join(dir, name);
    writeFileSync(file, await make());
    const r = await kbiz('run', '--input', file, '--out', out, '--year', '2020');
    expect(r.code).toBe(1);
    const failure = r.out.split('\n').find((l) => l.startsWith('failed: '));
    expect(failure).toContain(`failed: ${file}`);
    expect(failure).toContain(message);
    expect(await state(out)).toEqual(before);
  });

  it('reads a file whose name lies when --format says what it is', async () => {
    const file = join(dir, 'actually-text.pdf');
    writeFileSync(file, readFileSync(join(ROOT, 'sources', 'kbiz-2020-business-report-summary.txt')));
    const scratch = join(dir, 'forced');
    expect((await kbiz('run', '--input', file, '--out', scratch, '--quiet')).code).toBe(1);
    const forced = await kbiz('run', '--input', file, '--out', scratch, '--format', 'text', '--quiet');
    expect(forced.code).toBe(0);
    const wh = await openWarehouse(join(scratch, 'kbiz.duckdb'), { readOnly: true });
    try {
      expect((await query(wh.conn, 'SELECT source_format, line_count FROM documents')).rows).toEqual([
        { source_format: 'text', line_count: 1039 },
      ]);
    } finally {
      wh.close();
    }
  });

  it('exports the facts as a workbook whose cells are never formulas', async () => {
    const file = join(dir, 'facts.xlsx');
    const r = await kbiz('export', '--xlsx', file, '--out', out);
    const tableFacts = await openWarehouse(join(out, 'kbiz.duckdb'), { readOnly: true }).then(async (wh) => {
      try {
        return Number((await query(wh.conn, `SELECT count(*) AS n FROM facts WHERE origin = 'table'`)).rows[0]!.n);
      } finally {
        wh.close();
      }
    });
    expect(tableFacts).toBeGreaterThan(500);
    expect(r.out).toBe(`${file}: 36 sheets, 34 tables, 304 prose facts`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets).toHaveLength(36);
    const t58 = wb.getWorksheet("회원 현황 ('20. 12월말 기준)")!;
    expect(t58.getCell('A2').value).toBe('(단위 : 개)');
    expect(t58.getCell('D11').value).toBe(681494); // 계 × 조합원(회원업체)수
    expect(t58.getCell('D5').value).toBe('-');
    const xml = execFileSync('unzip', ['-p', file, 'xl/worksheets/*.xml'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(xml).not.toMatch(/<f[ >]/);
  });
});
