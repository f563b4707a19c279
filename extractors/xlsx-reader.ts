import ExcelJS from 'exceljs';
import type { ExtractedDocument, Issue } from '../schemas/index.js';
import { EtlError } from '../schemas/index.js';
import { buildExtracted, rowSpread, type PageLine } from './build-extracted.js';
import { MAX_DOCUMENT_CELLS } from './cell-caps.js';
import type { SourceRef } from './extractor.js';
import { OLE2 } from './xlsx.js';
import { guardZip } from './zip-guard.js';

const MAX_ROWS = 100_000;
const MAX_COLS = 1_000;

/** A cell's text, as shown: numbers stay numbers (`-1495`), text stays verbatim (even `=1+1`), formulas give their cached value. */
function cellText(cell: ExcelJS.Cell, where: string, line_no: number, issues: Issue[]): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    issues.push({
      code: 'formula_cell',
      message: `${where}: formula =${(v as ExcelJS.CellFormulaValue).formula ?? '(shared)'} not evaluated; its cached value ${JSON.stringify(result ?? null)} is used`,
      line_no,
    });
    if (result === undefined || result === null) return '';
    return typeof result === 'object' && 'error' in result
      ? String(result.error)
      : result instanceof Date
        ? result.toISOString().slice(0, 10)
        : String(result);
  }
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('text' in v) return String(v.text);
  if ('error' in v) return String(v.error);
  return String(cell.text ?? '');
}

/**
 * One row as a line. Merged cells are spread over their range (a header over three columns
 * labels all three), each copy marked as one; a row that is one merged cell (a title across the sheet), or one
 * filled cell in column A, is a line of text. Empty cells stay, as tabs keep them in text.
 */
function rowLine(ws: ExcelJS.Worksheet, r: number, columns: number, line_no: number, issues: Issue[]): PageLine {
  const row = ws.getRow(r);
  const cells: string[] = [];
  const left: boolean[] = [];
  const above: boolean[] = [];
  const sources = new Set<string>();
  const read = new Map<string, string>();
  for (let c = 1; c <= columns; c++) {
    const cell = row.getCell(c);
    const source = cell.isMerged && cell.master ? cell.master : cell;
    // exceljs types a cell's row and column as strings; they are numbers
    const [mr, mc] = [Number(source.row), Number(source.col)];
    above.push(mr < r);
    left.push(mr === r && mc < c);
    let text = read.get(source.address);
    if (text === undefined) {
      text = cellText(source, `${ws.name}!${source.address}`, line_no, issues);
      if (/[\t\r\n]/.test(text)) {
        issues.push({
          code: 'cell_whitespace',
          message: `${ws.name}!${source.address}: tabs or line breaks in the cell read as spaces`,
          line_no,
        });
        text = text.replace(/[\t\r\n]+/g, ' ');
      }
      read.set(source.address, text);
    }
    if (text.trim()) sources.add(source.address);
    cells.push(text);
  }
  const filled = cells.filter((c) => c.trim());
  if (sources.size === 1 && filled.length > 1) return { text: filled[0]!, page: null };
  const textLine = filled.length === 0 || (filled.length === 1 && cells[0]!.trim() !== '');
  if (textLine) return { text: cells[0]!, page: null };
  const spread = rowSpread(left, above);
  return { text: cells.join('\t'), page: null, ...(spread ? { spread } : {}) };
}

/**
 * XLSX → lines: each sheet starts with its name as a caption (so its table is titled by it);
 * each row becomes a tab-separated line, merged cells spread over their range. Formulas are never
 * evaluated. The ZIP is checked for bombs before exceljs inflates anything.
 */
export async function readXlsxLines(bytes: Uint8Array, source: string, issues: Issue[]): Promise<PageLine[]> {
  if (OLE2.every((b, i) => bytes[i] === b)) {
    throw new EtlError('encrypted_input', 'an encrypted workbook or a legacy .xls (OLE2), not an XLSX', {
      stage: 'extract',
      source,
    });
  }
  await guardZip(bytes, source);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new EtlError('unreadable_input', `not a readable XLSX: ${(e as Error).message}`, {
      stage: 'extract',
      source,
      cause: e,
    });
  }
  const lines: PageLine[] = [];
  let grid = 0;
  for (const ws of wb.worksheets) {
    // exceljs's columnCount walks every row: read once per sheet, not once per row (quadratic)
    const columns = ws.columnCount;
    if (ws.rowCount > MAX_ROWS || columns > MAX_COLS) {
      const message = `sheet ${ws.name} is ${ws.rowCount} × ${columns} (limit ${MAX_ROWS} × ${MAX_COLS})`;
      throw new EtlError('input_too_large', message, { stage: 'extract', source });
    }
    // every row is read across every column: two far-apart cells make a grid of millions
    grid += ws.rowCount * columns;
    if (grid > MAX_DOCUMENT_CELLS) {
      const size = `${ws.rowCount.toLocaleString('en')} × ${columns.toLocaleString('en')}`;
      const limit = MAX_DOCUMENT_CELLS.toLocaleString('en');
      const message = `sheet ${ws.name} spans ${size} cells (limit ${limit} per workbook)`;
      throw new EtlError('input_too_large', message, { stage: 'extract', source });
    }
    if (lines.length) lines.push({ text: '', page: null });
    lines.push({ text: `〈 ${ws.name} 〉`, page: null }, { text: '', page: null });
    for (let r = 1; r <= ws.rowCount; r++) {
      lines.push(rowLine(ws, r, columns, lines.length + 1, issues));
    }
  }
  return lines;
}

/** XLSX → extracted artifact. */
export async function readXlsx(
  bytes: Uint8Array,
  ref: SourceRef,
  pipeline_version: string,
): Promise<ExtractedDocument> {
  const issues: Issue[] = [];
  const lines = await readXlsxLines(bytes, ref.source_path, issues);
  return buildExtracted(ref, lines, { format: 'xlsx', encoding: 'xlsx', pipeline_version, issues });
}
