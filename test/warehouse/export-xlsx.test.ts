import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sheetName } from '../../report/index.js';
import { queryWarehouse, runCli as kbiz, tempDir } from '../helpers.js';

const root = tempDir('kbiz-xlsx-');
const out = join(root, 'out');
const file = join(root, 'report.xlsx');
const wb = new ExcelJS.Workbook();

beforeAll(async () => {
  expect((await kbiz('run', '--out', out, '--quiet')).code).toBe(0);
  const r = await kbiz('export', '--xlsx', file, '--out', out);
  expect(r).toEqual({ code: 0, out: `${file}: 36 sheets, 34 tables, 304 prose facts`, err: '' });
  await wb.xlsx.readFile(file);
});

const values = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1);

describe("export --xlsx: the report's tables as a colleague opens them", () => {
  it("names sheets from table titles, unique, within 31 characters and Excel's characters", async () => {
    const titles = await queryWarehouse(out, 'SELECT title FROM report_tables ORDER BY line_start');
    const names = wb.worksheets.map((ws) => ws.name);
    expect(names[0]).toBe('목차');
    expect(names.at(-1)).toBe('본문 수치');
    expect(names.slice(1, 4)).toEqual([
      "회원 현황 ('20. 12월말 기준)",
      '협동조합 대상(10개) 시상',
      '5개 조합 지원, 조합당 최대 15백만원',
    ]);
    expect(names).toContain('지원내용 - 정부 100억원 지원');
    expect(names.filter((n) => n.startsWith('사업운영 실적'))).toEqual([
      '사업운영 실적',
      '사업운영 실적 (2)',
      '사업운영 실적 (3)',
    ]);
    expect(names.slice(1, -1)).toHaveLength(titles.length);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(names.filter((n) => n.length > 31 || /[:\\/?*[\]]/.test(n))).toEqual([]);
  });

  it('lays a table out as printed: title, unit note, merged header rows, Korean labels, numbers formatted', () => {
    const ws = wb.getWorksheet('연도별 가입해지 현황')!;
    expect(values(ws, 1)).toEqual(['연도별 가입해지 현황']);
    expect(ws.getCell('A3').value).toBe(
      'III 중소기업 공제 사업 › 1. 소기업 · 소상공인공제(노란우산) (kbiz-2020 756–772행)',
    );
    expect(values(ws, 5)).toEqual(['구 분', '가입(건)', '공 제', '해 약', '재적(건)', '비고']);
    expect(ws.model.merges.sort()).toEqual(['A4:A5', 'B4:B5', 'C4:D4', 'E4:E5', 'F4:F5']);
    expect(values(ws, 6)).toEqual(["'07년", 4014, 1, 10, 4003]);
    expect(ws.getCell('B6').numFmt).toBe('#,##0');
    expect(ws.getCell('A20').value).toBe('합 계');
    expect(ws.getCell('B20').value).toBe(1915515);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5, xSplit: 1 });
    expect(ws.autoFilter).toBe('A5:F20');
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(6);
  });

  it('puts the unit note above the table and keeps decimals and percents as printed', () => {
    const fund = wb.getWorksheet('운용현황')!;
    expect(fund.getCell('A2').value).toBe('(단위 : 억원, %)');
    expect(values(fund, 4)).toEqual([
      '구 분',
      '구 분',
      '노란우산',
      '노란우산',
      '노란우산',
      '공제기금',
      '공제기금',
      '공제기금',
    ]);
    expect(fund.model.merges).toContain('A4:B5');
    expect([fund.getCell('C6').value, fund.getCell('D6').value, fund.getCell('D6').numFmt]).toEqual([
      4886,
      3.4,
      '#,##0.0',
    ]);
    expect([fund.getCell('E6').value, fund.getCell('E6').numFmt]).toEqual([0.95, '#,##0.00']);
    const surety = wb.getWorksheet('사업운영 실적')!;
    const ratio = surety.getRow(7).getCell(7);
    expect([ratio.value, ratio.numFmt]).toEqual([0.346, '0.0%']); // printed 34.6%
  });

  it('indexes every table sheet with a link to it', () => {
    const index = wb.getWorksheet('목차')!;
    expect(values(index, 1)[0]).toBe('시트 sheet');
    expect(index.rowCount).toBe(35);
    const link = index.getCell('A2').value as { text: string; hyperlink: string };
    expect(link).toEqual({ text: "회원 현황 ('20. 12월말 기준)", hyperlink: "'회원 현황 (''20. 12월말 기준)'!A1" });
    expect(values(index, 2).slice(1)).toEqual(expect.arrayContaining(['(단위 : 개)', 'kbiz-2020', 't58', 8, 4]));
    expect(index.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('lists the prose numbers, and leaves no sheet empty', async () => {
    const prose = wb.getWorksheet('본문 수치')!;
    const [{ n }] = await queryWarehouse(out, `SELECT count(*) AS n FROM facts WHERE origin <> 'table'`);
    expect(prose.rowCount).toBe(Number(n) + 1);
    expect(wb.worksheets.filter((ws) => ws.actualRowCount < 2)).toEqual([]);
  });

  it('writes numbers as numbers and never a formula', () => {
    const xml = execFileSync('unzip', ['-p', file, 'xl/worksheets/*.xml'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(xml).not.toMatch(/<f[ >]/);
  });

  it('exports only the tables asked for', async () => {
    const some = join(root, 'some.xlsx');
    const r = await kbiz('export', '--xlsx', some, '--table', 't756', '--table', 'kbiz-2020.t796', '--out', out);
    expect(r.out).toBe(`${some}: 3 sheets, 2 tables, 0 prose facts`);
    const picked = new ExcelJS.Workbook();
    await picked.xlsx.readFile(some);
    expect(picked.worksheets.map((ws) => ws.name)).toEqual(['목차', '연도별 가입해지 현황', '부금내 대출 현황']);
    const none = await kbiz('export', '--xlsx', some, '--table', 't1', '--out', out);
    expect([none.code, none.err]).toEqual([2, 'kbiz-etl: --table: no table t1 in the warehouse']);
  });
});

describe('sheetName', () => {
  it('keeps names Excel accepts and unique', () => {
    const taken = new Set<string>();
    expect(sheetName('a/b\\c?d*e[f]g!h', taken)).toBe('a_b_c_d_e_f_g_h');
    expect(sheetName("'quoted'", taken)).toBe('quoted');
    expect(sheetName('x'.repeat(40), taken)).toBe('x'.repeat(31));
    expect(sheetName('X'.repeat(40), taken)).toBe(`${'x'.repeat(0)}${'X'.repeat(27)} (2)`);
    expect(sheetName('', taken)).toBe('Sheet');
  });
});
