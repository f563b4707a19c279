import type { PageLine } from './build-extracted.js';

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
  readonly cells: ReadonlyArray<{ readonly x: number; readonly end: number; readonly text: string }>;
}

/**
 * Gap (in ems) between two text runs on one baseline that separates table cells: word spaces
 * are a quarter to a third of an em, the padding between cells of a browser-printed table about
 * two thirds.
 */
const CELL_GAP_EM = 0.5;
const SPACE_GAP_EM = 0.15;

/**
 * pdf.js may emit spaces as U+0001 (browser-printed PDFs); a subset font may map a Hanja glyph
 * to its Kangxi radical or compatibility code point (`⼈` for `人`), which NFKC folds back.
 */
const cleanText = (s: string) =>
  s.replace(/\u0001/g, ' ').replace(/[\u2f00-\u2fdf\u2e80-\u2eff\uf900-\ufaff]/g, (ch) => ch.normalize('NFKC'));

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
    return { page: page.page, y: row[0]!.y, size, cells: cells.map((c) => ({ x: c.x, end: c.end, text: c.text.replace(/\s+$/, '') })) };
  });
}

/**
 * Column starts shared by the rows of a table block: left edges within half an em of each other
 * are one column. A row's cells then fall into those columns, and a column with no cell in a row
 * is an empty cell — what tabs would have said in a text rendition. In a grid no cell reaches
 * into the next column; when one does, the two "columns" are one whose cells are right-aligned
 * or centred (numbers often are), and they merge.
 */
function columnStarts(block: readonly VisualLine[]): number[] {
  const tol = 0.5 * Math.min(...block.map((l) => l.size));
  const cells = block.flatMap((l) => l.cells).sort((a, b) => a.x - b.x);
  const columns: Array<{ start: number; end: number }> = [];
  for (const c of cells) {
    const last = columns[columns.length - 1];
    if (last && c.x - last.start <= tol) last.end = Math.max(last.end, c.end);
    else columns.push({ start: c.x, end: c.end });
  }
  const merged: Array<{ start: number; end: number }> = [];
  for (const col of columns) {
    const last = merged[merged.length - 1];
    if (last && last.end > col.start + tol) last.end = Math.max(last.end, col.end);
    else merged.push({ ...col });
  }
  return merged.map((c) => c.start);
}

const columnOf = (x: number, starts: readonly number[]) => {
  let col = 0;
  for (let i = 0; i < starts.length; i++) if (starts[i]! <= x + 0.5) col = i;
  return col;
};

/** A line's text per column, and where each column's text ends. */
function gridCells(line: VisualLine, starts: readonly number[]): { text: string[]; end: number[] } {
  const text = starts.map(() => '');
  const end = starts.map(() => -Infinity);
  for (const cell of line.cells) {
    const col = columnOf(cell.x, starts);
    text[col] = text[col] ? `${text[col]} ${cell.text}` : cell.text;
    end[col] = Math.max(end[col]!, cell.end);
  }
  return { text, end };
}

/**
 * Joins a cell's wrapped lines. A line that stopped with room for another syllable broke at a
 * space (`설명회 교육` + `등`); one filled to the cell's edge broke inside a word, which browsers
 * do to Korean (`지원규` + `모`) — there Hangul meets Hangul without a space.
 */
function joinWrapped(a: string, b: string, roomLeft: boolean): string {
  // words that stand alone after a space in report prose: `설명회 교육 등`, `조합 및 단체`
  if (roomLeft || /^(등|및|외|또는)(\s|$)/.test(b)) return `${a} ${b}`;
  return /[가-힣]$/.test(a) && /^[가-힣]/.test(b) ? `${a}${b}` : a.includes(' ') ? `${a} ${b}` : `${a}${b}`;
}

/**
 * Table rows from a block of visual lines. A line closer to the one above than rows usually are
 * (under 0.9 of the block's typical row pitch), with text only in columns the line above has
 * text in, is that row's cells wrapping onto another line, not a row of its own.
 */
function blockRows(block: readonly VisualLine[], starts: readonly number[]): Array<{ cells: string[]; page: number }> {
  const pitches = block.slice(1).map((l, i) => (l.page === block[i]!.page ? block[i]!.y - l.y : NaN)).filter((d) => d > 0).sort((a, b) => a - b);
  const rowPitch = pitches.length ? pitches[Math.floor(pitches.length * 0.75)]! : Infinity;
  const grids = block.map((line) => gridCells(line, starts));
  // where each column's text reaches at most: the cell's usable width
  const right = starts.map((_, col) => Math.max(...grids.map((g) => g.end[col]!)));
  const rows: Array<{ cells: string[]; ends: number[]; page: number; y: number }> = [];
  block.forEach((line, k) => {
    const { text, end } = grids[k]!;
    const prev = rows[rows.length - 1];
    const wraps = prev && prev.page === line.page && prev.y - line.y < 0.9 * rowPitch && text.every((c, i) => !c || prev.cells[i]);
    if (!wraps) {
      rows.push({ cells: text, ends: end, page: line.page, y: line.y });
      return;
    }
    text.forEach((c, i) => {
      if (!c) return;
      prev.cells[i] = joinWrapped(prev.cells[i]!, c, right[i]! - prev.ends[i]! >= 0.9 * line.size);
      prev.ends[i] = end[i]!;
    });
    prev.y = line.y;
  });
  return rows;
}

/**
 * Page furniture: a line that stands among the first or last two lines of most pages, alike but
 * for its digits (a running title, a date, `3/18`, a URL). Left in the flow it would cut tables
 * that run over a page break, and a running header would pass for the report's title.
 */
function furnitureKeys(pages: readonly VisualLine[][]): Set<string> {
  const key = (l: VisualLine) => l.cells.map((c) => c.text).join(' ').replace(/\d+/g, '#');
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edge = new Set([...lines.slice(0, 2), ...lines.slice(-2)].map(key));
    for (const k of edge) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const needed = Math.max(3, Math.ceil(pages.length * 0.5));
  return new Set([...counts].filter(([, n]) => n >= needed).map(([k]) => k));
}

/**
 * Rebuilds text lines from positioned items: one line per baseline; table rows (two or more
 * cells) as tab-separated cells aligned to the columns of their block; prose indented by its
 * offset from the left margin; blank lines where the vertical gap says a line was left empty.
 */
export function layoutLines(pages: readonly PageItems[]): PageLine[] {
  const perPage = pages.map(toLines);
  const furniture = furnitureKeys(perPage);
  const isFurniture = (l: VisualLine) => furniture.has(l.cells.map((c) => c.text).join(' ').replace(/\d+/g, '#'));
  const visual = perPage.flat().filter((l) => !isFurniture(l));
  const moved = perPage.flat().filter(isFurniture);
  if (!visual.length && !moved.length) return [];
  const margin = Math.min(...(visual.length ? visual : moved).map((l) => l.cells[0]!.x));
  const out: PageLine[] = [];
  for (let i = 0; i < visual.length; i++) {
    const line = visual[i]!;
    const prev = visual[i - 1];
    if (prev && prev.page === line.page) {
      // a line pitch of about 1.2–1.5 em: each further pitch of gap was an empty line
      const step = Math.min(prev.size, line.size) * 1.45;
      const blanks = Math.round((prev.y - line.y) / step) - 1;
      for (let b = 0; b < Math.min(blanks, 3); b++) out.push({ text: '', page: line.page });
    }
    if (line.cells.length >= 2) {
      const block: VisualLine[] = [line];
      for (let next = visual[i + 1]; next; next = visual[i + block.length]) {
        const last = block[block.length - 1]!;
        if (next.page === last.page && last.y - next.y > last.size * 2.5) break;
        // one cell right under the line above, at one of its cells' left edge: a wrapped cell
        const wrapped = next.cells.length === 1 && next.page === last.page && last.y - next.y < last.size * 1.3 &&
          last.cells.some((c) => Math.abs(c.x - next!.cells[0]!.x) < 0.5 * last.size);
        if (next.cells.length < 2 && !wrapped) break;
        block.push(next);
      }
      const starts = columnStarts(block);
      for (const row of blockRows(block, starts)) out.push({ text: row.cells.join('\t'), page: row.page });
      i += block.length - 1;
      continue;
    }
    const indentEm = (line.cells[0]!.x - margin) / line.size;
    const spaces = indentEm < 0.15 ? 0 : Math.max(1, Math.round(indentEm / 0.3));
    out.push({ text: ' '.repeat(spaces) + line.cells[0]!.text, page: line.page });
  }
  // Kept, not dropped: running headers and footers follow the content, each with its page.
  if (moved.length) out.push({ text: '', page: null });
  for (const line of moved) out.push({ text: line.cells.map((c) => c.text).join(' '), page: line.page, furniture: true });
  return out;
}
