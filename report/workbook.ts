import type ExcelJS from 'exceljs';
import { layoutTable, type LaidCell, type TableLayout } from './table-layout.js';
import { displayWidth, list, numOrNull, printedNumber, str, type Row, type Rows } from './text.js';

/** What the workbook is made of: the rows of the warehouse's report queries. */
export interface WorkbookData {
  readonly documents: Rows;
  readonly tables: Rows;
  readonly cells: Rows;
  /** Numbers of the prose; none when the export picks tables. */
  readonly proseFacts: Rows;
}

export const INDEX_SHEET = '목차';
export const PROSE_SHEET = '본문 수치';

/**
 * A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ] (a colon reads as a
 * dash, `지원내용 - 정부 …`; nor !, which breaks a link's address), no apostrophe at either end,
 * unique in the workbook ignoring case (`사업운영 실적 (2)`).
 */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(/\s*:\s*/g, ' - ')
      .replace(/[\\/?*[\]!]/g, '_')
      .replace(/\s+/g, ' ')
      .replace(/^'+|'+$/g, '')
      .trim()
      .slice(0, 31)
      .trim() || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    name = `${base.slice(0, 31 - String(n).length - 3).trim()} (${n})`;
  }
  taken.add(name.toLowerCase());
  return name;
}

const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF2F7' } };
const THIN: ExcelJS.Borders = ['top', 'left', 'bottom', 'right'].reduce(
  (b, side) => ({ ...b, [side]: { style: 'thin', color: { argb: 'FFB8C0CC' } } }),
  {} as ExcelJS.Borders,
);

/** A number format that shows a value as it was printed: thousands separators and its decimals. */
export function numberFormat(decimals: number, percent: boolean): string {
  const fraction = decimals > 0 ? `.${'0'.repeat(decimals)}` : '';
  return percent ? `0${fraction}%` : `#,##0${fraction}`;
}

/** A data cell: a printed number becomes a number in its format (a percent as a fraction); anything else text. */
function writeData(cell: ExcelJS.Cell, text: string): void {
  const n = printedNumber(text);
  if (!n) {
    cell.value = text || null; // a string is written as a string: `=…` never becomes a formula
    return;
  }
  cell.value = n.percent ? Number((n.value / 100).toPrecision(12)) : n.value;
  cell.numFmt = numberFormat(n.decimals, n.percent);
  cell.alignment = { horizontal: 'right' };
}

function writeCell(ws: ExcelJS.Worksheet, top: number, c: LaidCell, headerRows: number): void {
  const cell = ws.getCell(top + c.row, c.col + 1);
  cell.border = THIN;
  if (c.row < headerRows) {
    cell.value = c.text || null;
    Object.assign(cell, { fill: HEAD_FILL, font: { bold: true } });
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    const [row, col] = [top + c.row, c.col + 1];
    if (c.rowspan > 1 || c.colspan > 1) ws.mergeCells(row, col, row + c.rowspan - 1, col + c.colspan - 1);
  } else if (c.kind === 'label') {
    cell.value = c.text;
    cell.font = { bold: true };
  } else {
    writeData(cell, c.text);
  }
}

/** Column widths from the widest text in each column (spanning cells left out), within 6–40. */
function columnWidths(layout: TableLayout, minimum: readonly number[] = []): number[] {
  const widths = Array.from({ length: layout.width }, (_, i) => minimum[i] ?? 6);
  for (const c of layout.rows.flat()) {
    if (c.colspan === 1) widths[c.col] = Math.max(widths[c.col]!, Math.min(40, displayWidth(c.text) + 2));
  }
  return widths;
}

/**
 * One report table as a sheet, in the report's shape: its title, its unit note, where it stands,
 * then its header rows (merged where a label spans) and rows; headers frozen, a filter on the last
 * header row, numbers as numbers formatted as printed.
 */
function tableSheet(ws: ExcelJS.Worksheet, t: Row, cells: Rows): void {
  const layout = layoutTable(cells, t.header_row_count);
  ws.getCell('A1').value = str(t.title);
  ws.getCell('A1').font = { bold: true, size: 13 };
  ws.getCell('A2').value = str(t.unit_note) || null;
  const lines = `${str(t.document_id)} ${str(t.line_start)}–${str(t.line_end)}행`;
  ws.getCell('A3').value = `${list(t.context_path).slice(0, -1).join(' › ')} (${lines})`;
  ws.getCell('A3').font = { italic: true, color: { argb: 'FF5B6472' } };
  const top = 4;
  for (const c of layout.rows.flat()) writeCell(ws, top, c, layout.headerRows);
  const lastHeader = top + layout.headerRows - 1;
  ws.views = [{ state: 'frozen', ySplit: lastHeader, xSplit: layout.labelCols }];
  if (layout.headerRows > 0 && layout.rows.length > layout.headerRows) {
    const lastRow = top + layout.rows.length - 1;
    ws.autoFilter = { from: { row: lastHeader, column: 1 }, to: { row: lastRow, column: layout.width } };
  }
  columnWidths(layout).forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

/** A header row, bold on the header fill, frozen and filtered with the rows under it. */
function listSheet(ws: ExcelJS.Worksheet, head: readonly string[], rows: ReadonlyArray<ReadonlyArray<unknown>>): void {
  ws.addRow([...head]).eachCell((c) => Object.assign(c, { fill: HEAD_FILL, font: { bold: true }, border: THIN }));
  for (const r of rows) ws.addRow([...r]);
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: head.length } };
  head.forEach((h, i) => {
    const widest = Math.max(displayWidth(h), ...rows.slice(0, 500).map((r) => displayWidth(str(r[i]))));
    ws.getColumn(i + 1).width = Math.min(60, Math.max(8, widest + 2));
  });
}

/** A value of the prose sheet: numbers stay numbers (formatted), lists joined, everything else text. */
const proseValue = (v: unknown): unknown => (Array.isArray(v) ? v.join(' › ') : (v ?? null));

const PROSE_COLUMNS = [
  ['document_id', '문서'],
  ['fact_id', 'fact_id'],
  ['section_path', '절'],
  ['subject', '주제'],
  ['raw_text', '원문 표기'],
  ['value', '값'],
  ['unit_raw', '단위'],
  ['value_base', '기준 단위 값'],
  ['base_unit', '기준 단위'],
  ['period_year', '기간'],
  ['region_code', '지역'],
  ['qualifier', '한정어'],
  ['metric_id', '지표'],
  ['line_no', '줄'],
  ['line_text', '원문 줄'],
] as const;

function proseSheet(ws: ExcelJS.Worksheet, facts: Rows): void {
  listSheet(
    ws,
    PROSE_COLUMNS.map(([, ko]) => ko),
    facts.map((f) => PROSE_COLUMNS.map(([k]) => proseValue(f[k]))),
  );
  for (const key of ['value', 'value_base'] as const) {
    const col = ws.getColumn(PROSE_COLUMNS.findIndex(([k]) => k === key) + 1);
    col.eachCell((cell, row) => {
      const v = numOrNull(cell.value);
      const decimals = v === null || Number.isInteger(v) ? 0 : Math.min(6, str(v).split('.')[1]?.length ?? 0);
      if (row > 1 && v !== null) cell.numFmt = numberFormat(decimals, false);
    });
  }
}

/** A link to a sheet's first cell (the name quoted, as Excel addresses it). */
const sheetLink = (name: string) => ({ text: name, hyperlink: `'${name.replace(/'/g, "''")}'!A1` });

/** The index: a row per table sheet, its name a link to it. */
function indexSheet(ws: ExcelJS.Worksheet, sheets: ReadonlyArray<{ name: string; table: Row }>): void {
  const head = [
    '시트 sheet',
    '제목 title',
    '장·절 section',
    '단위 unit',
    '문서 document',
    '표 table_id',
    '행 rows',
    '열 columns',
  ];
  listSheet(
    ws,
    head,
    sheets.map(({ name, table: t }) => [
      name,
      str(t.title),
      list(t.context_path).slice(0, -1).join(' › '),
      str(t.unit_note) || null,
      str(t.document_id),
      str(t.table_id),
      numOrNull(t.row_count),
      numOrNull(t.col_count),
    ]),
  );
  sheets.forEach(({ name }, i) => {
    const cell = ws.getCell(i + 2, 1);
    cell.value = sheetLink(name);
    cell.font = { color: { argb: 'FF1F5FBF' }, underline: true };
  });
}

/**
 * Fills `wb` with the report's tables: an index sheet linking every table sheet, a sheet per
 * table that has cells (named from its title), and the prose numbers. Pure but for the workbook
 * it is given; the caller writes it.
 */
export function fillWorkbook(wb: ExcelJS.Workbook, data: WorkbookData): { sheets: number; tables: number } {
  const taken = new Set([INDEX_SHEET, PROSE_SHEET].map((n) => n.toLowerCase()));
  const index = wb.addWorksheet(INDEX_SHEET);
  const several = data.documents.length > 1;
  const byTable = new Map<string, Row[]>();
  for (const c of data.cells) {
    const k = `${str(c.document_id)}\u0000${str(c.table_id)}`;
    (byTable.get(k) ?? byTable.set(k, []).get(k)!).push(c);
  }
  const sheets: Array<{ name: string; table: Row }> = [];
  for (const t of data.tables) {
    const cells = byTable.get(`${str(t.document_id)}\u0000${str(t.table_id)}`) ?? [];
    if (!cells.some((c) => str(c.raw_text).trim())) continue; // no empty sheets
    const name = sheetName(several ? `${str(t.report_year)} ${str(t.title)}` : str(t.title), taken);
    tableSheet(wb.addWorksheet(name), t, cells);
    sheets.push({ name, table: t });
  }
  indexSheet(index, sheets);
  if (data.proseFacts.length) proseSheet(wb.addWorksheet(PROSE_SHEET), data.proseFacts);
  return { sheets: wb.worksheets.length, tables: sheets.length };
}
