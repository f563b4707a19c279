import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  buildExtracted,
  extractHwp,
  extractHwpx,
  extractXlsx,
  layoutLines,
  type TextItem,
} from '../../extractors/index.js';
import type { ExtractedDocument } from '../../schemas/extracted.js';
import { ExtractedDocument as ExtractedSchema } from '../../schemas/extracted.js';
import type { Segment } from '../../extractors/pdf-rules.js';
import { normalize } from '../../transforms/index.js';
import { ref } from '../helpers.js';
import { hwp5Document, type Hwp5Cell } from './hwp5-package.js';
import { hwpxPackage, paragraph, table } from './hwpx-package.js';

/**
 * One table in every format that knows merged cells. The header merges (구 분 over two rows, 예산 over two
 * columns) label every row and column they cover; the body merges are one value each: 300 spans 2020 and 2021,
 * 400 spans the rows 다 and 라. Spread as the header model needs, they were two facts each, and the column summed
 * to 1,810 instead of 1,110.
 *
 *   구 분 │      예산
 *         │ 2020년 │ 2021년
 *   가    │  100 │  200
 *   나    │     300
 *   다    │  400 │   50
 *   라    │      │   60
 */
const ROWS: ReadonlyArray<readonly Hwp5Cell[]> = [
  [
    { text: '구 분', col: 0, rowSpan: 2 },
    { text: '예산', col: 1, colSpan: 2 },
  ],
  [
    { text: '2020년', col: 1 },
    { text: '2021년', col: 2 },
  ],
  [
    { text: '가', col: 0 },
    { text: '100', col: 1 },
    { text: '200', col: 2 },
  ],
  [
    { text: '나', col: 0 },
    { text: '300', col: 1, colSpan: 2 },
  ],
  [
    { text: '다', col: 0 },
    { text: '400', col: 1, rowSpan: 2 },
    { text: '50', col: 2 },
  ],
  [
    { text: '라', col: 0 },
    { text: '60', col: 2 },
  ],
];

/** Row labels | column labels | value | unit | year of every table fact. */
const EXPECTED = [
  '가 | 예산/2020년 | 100 | 억원 | 2020',
  '가 | 예산/2021년 | 200 | 억원 | 2021',
  // one value over both years: labelled by both, of neither year alone
  '나 | 예산/2020년/2021년 | 300 | 억원 | null',
  // one value over both rows: labelled by both
  '다/라 | 예산/2020년 | 400 | 억원 | 2020',
  '다 | 예산/2021년 | 50 | 억원 | 2021',
  '라 | 예산/2021년 | 60 | 억원 | 2021',
];

const at = (file: string) => ref({ source_path: file, report_year: 2021 });

function factsOf(extracted: ExtractedDocument): string[] {
  // the spread marks are part of the artifact and pass its schema
  ExtractedSchema.parse(extracted);
  const doc = normalize(extracted);
  expect(doc.tables.map((t) => [t.title, t.unit_note, t.header_row_count])).toEqual([
    ['예산 현황', '(단위 : 억원)', 2],
  ]);
  return doc.facts
    .filter((f) => f.origin === 'table')
    .map((f) =>
      [f.row_labels.join('/'), f.col_labels.join('/'), f.value, f.unit_raw, f.period_year].map(String).join(' | '),
    );
}

/** The copies of merged cells each row of the table marks. */
const spreads = (extracted: ExtractedDocument) => extracted.tables[0]!.rows.map((r) => r.spread ?? null);

/** Header copies (구 분 below itself, 예산 right of itself) and body copies (300 right, 400 below). */
const SPREADS = [{ left: [2] }, { above: [0] }, null, { left: [2] }, null, { above: [1] }];

describe('a value merged over several columns or rows is one fact; a merged header still labels each column', () => {
  it('HWPX', async () => {
    const body = paragraph('〈 예산 현황 〉') + paragraph('(단위 : 억원)') + table(ROWS);
    const extracted = await extractHwpx(hwpxPackage(body), at('m.hwpx'), 't');
    expect(extracted.tables[0]!.rows.map((r) => r.cells.join('|'))).toEqual([
      '구 분|예산|예산',
      '구 분|2020년|2021년',
      '가|100|200',
      '나|300|300',
      '다|400|50',
      '라|400|60',
    ]);
    expect(spreads(extracted)).toEqual(SPREADS);
    expect(factsOf(extracted)).toEqual(EXPECTED);
  });

  it('HWP 5', async () => {
    const extracted = await extractHwp(
      hwp5Document(['〈 예산 현황 〉', '(단위 : 억원)', { table: ROWS }]),
      at('m.hwp'),
      't',
    );
    expect(spreads(extracted)).toEqual(SPREADS);
    expect(factsOf(extracted)).toEqual(EXPECTED);
  });

  it('PDF with ruled tables (a missing rule merges two grid cells)', () => {
    const h = (y: number, x0: number, x1: number): Segment => ({ x0, x1, y0: y, y1: y });
    const v = (x: number, y0: number, y1: number): Segment => ({ x0: x, x1: x, y0, y1 });
    // columns at x 0, 100, 150, 200; rows from y 140 down to 20, 20pt each; the sides are open
    const rules = [
      h(140, 0, 200),
      h(120, 100, 200), // 구 분 spans two rows
      h(100, 0, 200),
      h(80, 0, 200),
      h(60, 0, 200),
      h(40, 0, 100), // 400 spans two rows
      h(40, 150, 200),
      h(20, 0, 200),
      v(100, 20, 140),
      v(150, 80, 120), // 예산 and 300 span two columns
      v(150, 20, 60),
    ];
    const text: TextItem[] = (
      [
        ['〈 예산 현황 〉', 60, 170],
        ['(단위 : 억원)', 130, 150],
        ['구 분', 30, 115],
        ['예산', 140, 125],
        ['2020년', 105, 105],
        ['2021년', 155, 105],
        ['가', 5, 85],
        ['100', 110, 85],
        ['200', 160, 85],
        ['나', 5, 65],
        ['300', 130, 65],
        ['다', 5, 45],
        ['400', 110, 35],
        ['50', 160, 45],
        ['라', 5, 25],
        ['60', 160, 25],
      ] as const
    ).map(([str, x, y]) => ({ str, x, y, width: [...str].length * 5, size: 9 }));
    const lines = layoutLines([{ page: 1, items: text, rules }]);
    const extracted = buildExtracted(at('m.pdf'), lines, { format: 'pdf', encoding: 'pdf', pipeline_version: 't' });
    expect(spreads(extracted)).toEqual(SPREADS);
    expect(factsOf(extracted)).toEqual(EXPECTED);
  });

  it('XLSX', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('예산 현황');
    ws.addRow(['(단위 : 억원)']);
    ws.mergeCells('A1:C1');
    ws.addRows([
      ['구 분', '예산', null],
      [null, '2020년', '2021년'],
      ['가', 100, 200],
      ['나', 300, null],
      ['다', 400, 50],
      ['라', null, 60],
    ]);
    ws.mergeCells('A2:A3');
    ws.mergeCells('B2:C2');
    ws.mergeCells('B5:C5');
    ws.mergeCells('B6:B7');
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const extracted = await extractXlsx(bytes, at('m.xlsx'), 't');
    expect(spreads(extracted)).toEqual(SPREADS);
    expect(factsOf(extracted)).toEqual(EXPECTED);
  });
});
