import type { PageLine } from './text.js';

/** A run of text as pdf.js places it: baseline origin, width and font size, in points. */
export interface TextItem {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly size: number;
}

export interface PageItems {
  readonly page: number;
  readonly items: readonly TextItem[];
}

/** One visual line: its cells (runs separated by a column-wide gap) with their left edges. */
interface VisualLine {
  readonly page: number;
  readonly y: number;
  readonly size: number;
  readonly cells: ReadonlyArray<{ readonly x: number; readonly text: string }>;
}

/** Gap (in ems) that separates table cells; word spaces are a quarter to a third of an em. */
const CELL_GAP_EM = 0.8;
const SPACE_GAP_EM = 0.15;

/** pdf.js may emit spaces as U+0001 (browser-printed PDFs) or as separate blank items. */
const cleanText = (s: string) => s.replace(/\u0001/g, ' ');

/** Items on one baseline (within half a font size), left to right, as cells and words. */
function toLines(page: PageItems): VisualLine[] {
  const items = page.items.map((i) => ({ ...i, str: cleanText(i.str) })).filter((i) => i.str.trim());
  items.sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: TextItem[][] = [];
  for (const item of items) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0]!.y - item.y) <= Math.max(row[0]!.size, item.size) * 0.5) row.push(item);
    else rows.push([item]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    const size = Math.max(...row.map((i) => i.size));
    const cells: Array<{ x: number; text: string; end: number }> = [];
    for (const item of row) {
      const last = cells[cells.length - 1];
      const gap = last ? item.x - last.end : Infinity;
      if (last && gap < CELL_GAP_EM * size) {
        last.text += (gap > SPACE_GAP_EM * size && !last.text.endsWith(' ') && !item.str.startsWith(' ') ? ' ' : '') + item.str;
        last.end = Math.max(last.end, item.x + item.width);
      } else {
        cells.push({ x: item.x, text: item.str, end: item.x + item.width });
      }
    }
    return { page: page.page, y: row[0]!.y, size, cells: cells.map((c) => ({ x: c.x, text: c.text.replace(/\s+$/, '') })) };
  });
}

/**
 * Column starts shared by the rows of a table block: left edges within half an em of each other
 * are one column. A row's cells then fall into those columns, and a column with no cell in a row
 * is an empty cell — what tabs would have said in a text rendition.
 */
function columnStarts(block: readonly VisualLine[]): number[] {
  const tol = 0.5 * Math.min(...block.map((l) => l.size));
  const xs = block.flatMap((l) => l.cells.map((c) => c.x)).sort((a, b) => a - b);
  const starts: number[] = [];
  for (const x of xs) if (!starts.length || x - starts[starts.length - 1]! > tol) starts.push(x);
  return starts;
}

function gridText(line: VisualLine, starts: readonly number[]): string {
  const cells = starts.map(() => '');
  for (const cell of line.cells) {
    let col = 0;
    for (let i = 0; i < starts.length; i++) if (starts[i]! <= cell.x + 0.5) col = i;
    cells[col] = cells[col] ? `${cells[col]} ${cell.text}` : cell.text;
  }
  return cells.join('\t');
}

/**
 * Rebuilds text lines from positioned items: one line per baseline; table rows (two or more
 * cells) as tab-separated cells aligned to the columns of their block; prose indented by its
 * offset from the left margin; blank lines where the vertical gap says a line was left empty.
 */
export function layoutLines(pages: readonly PageItems[]): PageLine[] {
  const visual = pages.flatMap(toLines);
  if (!visual.length) return [];
  const margin = Math.min(...visual.map((l) => l.cells[0]!.x));
  const out: PageLine[] = [];
  for (let i = 0; i < visual.length; i++) {
    const line = visual[i]!;
    const prev = visual[i - 1];
    if (prev && prev.page === line.page) {
      const step = Math.min(prev.size, line.size) * 1.45;
      const blanks = Math.round((prev.y - line.y) / step) - 1;
      for (let b = 0; b < Math.min(blanks, 3); b++) out.push({ text: '', page: line.page });
    }
    if (line.cells.length >= 2) {
      const block: VisualLine[] = [line];
      while ((visual[i + block.length]?.cells.length ?? 0) >= 2) {
        const next = visual[i + block.length]!;
        const last = block[block.length - 1]!;
        if (next.page === last.page && last.y - next.y > last.size * 2.5) break;
        block.push(next);
      }
      const starts = columnStarts(block);
      for (const row of block) out.push({ text: gridText(row, starts), page: row.page });
      i += block.length - 1;
      continue;
    }
    const indentEm = (line.cells[0]!.x - margin) / line.size;
    const spaces = indentEm < 0.15 ? 0 : Math.max(1, Math.round(indentEm / 0.3));
    out.push({ text: ' '.repeat(spaces) + line.cells[0]!.text, page: line.page });
  }
  return out;
}
