import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportLines, ROOT } from '../helpers.js';

export const fixture = (name: string): Buffer => readFileSync(join(ROOT, 'test', 'fixtures', name));

/** The committed PDF renditions of the bundled report (`npm run fixtures`), and what sets each apart. */
export const PDF_RENDITIONS = [
  ['PDF with ruled tables', 'kbiz-2020-ruled.pdf'],
  ['PDF with columns aligned by spacing', 'kbiz-2020-aligned.pdf'],
  [
    'PDF printed by a browser (filled-rectangle borders, wrapped cells, running header and footer)',
    'kbiz-2020-browser.pdf',
  ],
  [
    'PDF printed by a browser without borders, header or footer (cells wrap at spaces and inside words)',
    'kbiz-2020-browser-plain.pdf',
  ],
] as const;

/** The bundled report as CSV, a record per line, as a spreadsheet would save it. */
export const wholeReportCsv = (): Buffer =>
  Buffer.from(
    `${Papa.unparse(
      reportLines().map((l) => l.split('\t')),
      { newline: '\n' },
    )}\n`,
  );

/** The bundled report as one sheet, a row per line, numbers written as numbers. */
export async function wholeReportWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2020 사업보고');
  for (const line of reportLines()) {
    const number = (c: string) => /^-?\d{1,3}(,\d{3})*(\.\d+)?$/.test(c.trim());
    ws.addRow(line.split('\t').map((c) => (number(c) ? Number(c.replace(/,/g, '')) : c)));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
