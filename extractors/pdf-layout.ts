import type { PageLine } from './build-extracted.js';
import { ruledGrids } from './pdf-grid.js';
import { placeInGrids, type RuledBlock } from './pdf-ruled.js';
import {
  appendRun,
  ARROWS,
  baselines,
  CELL_GAP_EM,
  cleanText,
  joinWrapped,
  type PageItems,
  type TextItem,
} from './pdf-text.js';
import { matchCaption, matchUnitNote } from './line-patterns.js';

export type { PageItems, TextItem } from './pdf-text.js';

/** One visual line: its cells (runs separated by a column-wide gap) with their left edges. */
interface VisualLine {
  readonly page: number;
  readonly y: number;
  readonly size: number;
  readonly cells: ReadonlyArray<{ readonly x: number; readonly end: number; readonly text: string }>;
  /** A ruled table or box, read from its grid, standing in the flow at its first baseline. */
  readonly ruled?: RuledBlock;
}

/** Items on one baseline, left to right, as cells and words; a line through boxed prose is one cell. */
function toLines(page: number, items: readonly TextItem[], prose: ReadonlySet<TextItem>): VisualLine[] {
  return baselines(items.filter((i) => i.str.trim())).map((row) => {
    const size = Math.max(...row.map((i) => i.size));
    // a line through a box (prose, a flow chart's steps and the arrows between them) is not a table row
    const boxed = row.some((i) => prose.has(i));
    const cells: Array<{ x: number; text: string; end: number }> = [];
    for (const item of row) {
      const last = cells[cells.length - 1];
      const gap = last ? item.x - last.end : Infinity;
      if (last && (gap < CELL_GAP_EM * size || boxed)) {
        const near = gap < CELL_GAP_EM * size;
        last.text = near ? appendRun(last.text, item.str, gap, size) : `${last.text.trimEnd()} ${item.str}`;
        last.end = Math.max(last.end, item.x + item.width);
      } else {
        cells.push({ x: item.x, text: item.str, end: item.x + item.width });
      }
    }
    const trimmed = cells.map((c) => ({ x: c.x, end: c.end, text: c.text.replace(/\s+$/, '') }));
    return { page, y: row[0]!.y, size, cells: trimmed };
  });
}

/** A page's visual lines: ruled grids read first, the rest of its text by position, top to bottom. */
function pageLines(page: PageItems): VisualLine[] {
  const items = page.items.map((i) => ({ ...i, str: cleanText(i.str) })).filter((i) => i.str.trim());
  const placed = placeInGrids(items, ruledGrids(page.rules ?? []));
  const ruled = placed.blocks.map((b): VisualLine => ({
    page: page.page,
    y: b.top,
    size: b.topSize,
    cells: [{ x: b.x, end: b.x, text: '' }],
    ruled: b,
  }));
  // a stable sort: a ruled block goes before a text line on the same baseline
  return [...ruled, ...toLines(page.page, placed.rest, placed.prose)].sort((a, b) => b.y - a.y);
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
 * Table rows from a block of visual lines. A line closer to the one above than rows usually are
 * (under 0.9 of the block's typical row pitch), with text only in columns the line above has
 * text in, is that row's cells wrapping onto another line, not a row of its own.
 */
function blockRows(block: readonly VisualLine[], starts: readonly number[]): Array<{ cells: string[]; page: number }> {
  const pitches = block
    .slice(1)
    .map((l, i) => (l.page === block[i]!.page ? block[i]!.y - l.y : NaN))
    .filter((d) => d > 0)
    .sort((a, b) => a - b);
  const rowPitch = pitches.length ? pitches[Math.floor(pitches.length * 0.75)]! : Infinity;
  const grids = block.map((line) => gridCells(line, starts));
  // where each column's text reaches at most: the cell's usable width
  const right = starts.map((_, col) => Math.max(...grids.map((g) => g.end[col]!)));
  const rows: Array<{ cells: string[]; ends: number[]; page: number; y: number }> = [];
  block.forEach((line, k) => {
    const { text, end } = grids[k]!;
    const prev = rows[rows.length - 1];
    const wraps =
      prev && prev.page === line.page && prev.y - line.y < 0.9 * rowPitch && text.every((c, i) => !c || prev.cells[i]);
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
const furnitureKey = (l: VisualLine) =>
  l.cells
    .map((c) => c.text)
    .join(' ')
    .replace(/\d+/g, '#');

function furnitureKeys(pages: readonly VisualLine[][]): Set<string> {
  const counts = new Map<string, number>();
  for (const page of pages) {
    const lines = page.filter((l) => !l.ruled);
    const edge = new Set([...lines.slice(0, 2), ...lines.slice(-2)].map(furnitureKey));
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
  const perPage = pages.map(pageLines);
  const furniture = furnitureKeys(perPage);
  const isFurniture = (l: VisualLine) => !l.ruled && furniture.has(furnitureKey(l));
  const visual = perPage.flat().filter((l) => !isFurniture(l));
  const moved = perPage.flat().filter(isFurniture);
  if (!visual.length && !moved.length) return [];
  const margin = Math.min(...(visual.length ? visual : moved).map((l) => l.cells[0]!.x));
  const out: PageLine[] = [];
  // where a page's full lines end: a justified paragraph's lines reach it
  const rightEdge = new Map<number, number>();
  for (const l of visual)
    if (!l.ruled) rightEdge.set(l.page, Math.max(rightEdge.get(l.page) ?? 0, l.cells.at(-1)!.end));
  let prose: VisualLine | null = null;
  for (let i = 0; i < visual.length; i++) {
    const line = visual[i]!;
    const prev = visual[i - 1];
    // the line under a full prose line, with no empty line between, carries on its paragraph: wide word gaps of
    // justified text are no columns (`취업지원을 제공하는 …(1유형)   인원을   확대하고,`)
    const underProse =
      prose !== null &&
      prose === prev &&
      prose.page === line.page &&
      Math.round((prose.y - line.y) / (Math.min(prose.size, line.size) * 1.45)) <= 1;
    const carriesOn = underProse && prose!.cells.at(-1)!.end >= (rightEdge.get(line.page) ?? Infinity) - 2 * line.size;
    prose = null;
    if (prev && prev.page === line.page) {
      // a line pitch of about 1.2–1.5 em: each further pitch of gap was an empty line
      const step = Math.min(prev.ruled?.bottomSize ?? prev.size, line.size) * 1.45;
      const blanks = Math.round(((prev.ruled?.bottom ?? prev.y) - line.y) / step) - 1;
      for (let b = 0; b < Math.min(blanks, 3); b++) out.push({ text: '', page: line.page });
    }
    if (line.ruled) {
      i += emitRuled(line, visual[i + 1], out);
      continue;
    }
    // a marked line (`ㅇ  (고용유지) …`, `▴국민취업지원제도(+801억), ▴…`) is prose, never a table's first row
    const block = line.cells.length >= 2 && !isMarkedProse(line) && !carriesOn ? positionBlock(visual, i) : [];
    // a lone line in parentheses (`(9개  지역  →  13개  지역(+4개  지역), +120억)`) is a remark, and a lone line
    // right under prose the end of its paragraph: neither is a one-row table
    const remark =
      block.length === 1 && (underProse || /^\(.*\)$/.test(line.cells.map((c) => c.text.trim()).join(' ')));
    if (block.length && !remark) {
      const starts = columnStarts(block);
      for (const row of blockRows(block, starts)) out.push({ text: row.cells.join('\t'), page: row.page });
      i += block.length - 1;
      continue;
    }
    const indentEm = (line.cells[0]!.x - margin) / line.size;
    const spaces = indentEm < 0.15 ? 0 : Math.max(1, Math.round(indentEm / 0.3));
    out.push({ text: ' '.repeat(spaces) + line.cells.map((c) => c.text).join(' '), page: line.page });
    prose = line;
  }
  // Kept, not dropped: running headers and footers follow the content, each with its page.
  if (moved.length) out.push({ text: '', page: null });
  for (const line of moved)
    out.push({ text: line.cells.map((c) => c.text).join(' '), page: line.page, furniture: true });
  return out;
}

/** The lines of an unruled table starting at `visual[i]`: lines of two or more cells, and cells wrapping under them. */
function positionBlock(visual: readonly VisualLine[], i: number): VisualLine[] {
  const block: VisualLine[] = [visual[i]!];
  for (let next = visual[i + 1]; next && !next.ruled; next = visual[i + block.length]) {
    const last = block[block.length - 1]!;
    if (next.page === last.page && last.y - next.y > last.size * 2.5) break;
    // one cell right under the line above, at one of its cells' left edge: a wrapped cell
    const wrapped =
      next.cells.length === 1 &&
      next.page === last.page &&
      last.y - next.y < last.size * 1.3 &&
      last.cells.some((c) => Math.abs(c.x - next!.cells[0]!.x) < 0.5 * last.size);
    if ((next.cells.length < 2 && !wrapped) || isMarkedProse(next)) break;
    block.push(next);
  }
  return block;
}

/** A heading or list marker set apart from its text (`3.   지출계획 총괄표`, `ㅇ  사업기간`). */
const MARKER = /^(?:\d{1,2}[.)]|[가-하]\.|[Ⅰ-Ⅻ]\.|\(\d{1,2}\)|[①-⑳ㅇ○◦□■▪◾●◆◇※\-–·]|\*{1,3})$/;
/** A line of a press release's bullets, justified so wide that its words fall apart: `ㅇ (생활안정 지원) …`, `✓…`, `* …`. */
const PROSE_BULLET = /^(?:[ㅇ○◦□\-–]\s|[Ⅰ-Ⅻ]\.\s|[▴✓☞※]|\*{1,3}\s|[<(]\s?(?:붙\s?임|참\s?고)$)/;
/**
 * A line whose first cell is a marker (a letter-spaced `1. 사업 코드 정보` too) or opens with a bullet, a unit
 * note whose words fall apart, and a line of a flow chart's arrows between its boxes are prose: none is a table row.
 */
const isMarkedProse = (line: VisualLine) =>
  MARKER.test(line.cells[0]!.text.trim()) ||
  PROSE_BULLET.test(line.cells[0]!.text.trim()) ||
  matchUnitNote(line.cells.map((c) => c.text.trim()).join(' ')) ||
  line.cells.every((c) => ARROWS.test(c.text));

/**
 * A ruled block's lines; a caption or unit note printed just under a table goes before its rows,
 * where classify-lines looks for it. Returns how many following lines it used (0 or 1).
 */
const isNote = (text: string) => matchUnitNote(text) || matchCaption(text) !== null;

function emitRuled(line: VisualLine, next: VisualLine | undefined, out: PageLine[]): number {
  const ruled = line.ruled!;
  const note =
    next &&
    !next.ruled &&
    next.page === line.page &&
    next.cells.length === 1 &&
    ruled.table &&
    ruled.bottom - next.y < ruled.bottomSize * 3 &&
    isNote(next.cells[0]!.text);
  if (note) out.push({ text: next.cells[0]!.text.trim(), page: line.page });
  for (const row of ruled.lines) out.push({ ...row, page: line.page });
  return note ? 1 : 0;
}
