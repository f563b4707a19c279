import { EtlError } from '../schemas/index.js';

/**
 * Limits on table cells, checked on the lines (by counting tabs) before anything splits them:
 * a few megabytes of tabs are millions of cells, and every cell becomes objects in each later
 * stage, so without limits V8 aborts. A report table has tens of columns and hundreds of cells;
 * a table of 130,000 cells is still read (tested), in about a minute and 600 MB of heap.
 */
export const MAX_COLUMNS = 1_000;
export const MAX_TABLE_CELLS = 200_000;
export const MAX_DOCUMENT_CELLS = 500_000;

const fmt = (n: number): string => n.toLocaleString('en');

/** Cells of a line as a table row: one more than its tabs; a line without tabs has none. */
function cellCount(text: string): number {
  let tabs = 0;
  for (let i = text.indexOf('\t'); i >= 0; i = text.indexOf('\t', i + 1)) tabs++;
  return tabs ? tabs + 1 : 0;
}

const tooLarge = (message: string, source: string, line: number) =>
  new EtlError('input_too_large', message, { stage: 'extract', source, line });

/**
 * Checks every line's cells, each table's (a run of `table_row` lines) and the document's.
 * `isTableRow(i)` tells a table row; without it (before classification) only rows and the
 * document total are checked.
 */
export function checkCells(texts: readonly string[], source: string, isTableRow?: (i: number) => boolean): void {
  let total = 0;
  let table = 0;
  let tableStart = 0;
  texts.forEach((text, i) => {
    const cells = cellCount(text);
    if (cells > MAX_COLUMNS) throw tooLarge(`row has ${fmt(cells)} cells (limit ${fmt(MAX_COLUMNS)})`, source, i + 1);
    total += cells;
    if (total > MAX_DOCUMENT_CELLS) {
      const message = `more than ${fmt(MAX_DOCUMENT_CELLS)} table cells up to this line (limit per document)`;
      throw tooLarge(message, source, i + 1);
    }
    if (!isTableRow) return;
    if (!isTableRow(i)) return void (table = 0);
    if (table === 0) tableStart = i + 1;
    table += cells;
    if (table > MAX_TABLE_CELLS) {
      throw tooLarge(`table has more than ${fmt(MAX_TABLE_CELLS)} cells (limit per table)`, source, tableStart);
    }
  });
}
