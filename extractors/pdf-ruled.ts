import type { RowSpread } from '../schemas/index.js';
import { rowSpread } from './build-extracted.js';
import type { GridCell, RuledGrid } from './pdf-grid.js';
import { appendRun, ARROWS, baselines, CELL_GAP_EM, joinWrapped, type TextItem } from './pdf-text.js';

/** A ruled drawing read into lines: a table's tab-separated rows, or a box's text. */
export interface RuledBlock {
  /** The first and last baselines of its text, and their font sizes (for the blank lines around it). */
  readonly top: number;
  readonly topSize: number;
  readonly bottom: number;
  readonly bottomSize: number;
  /** Where its text starts on the left. */
  readonly x: number;
  readonly table: boolean;
  readonly lines: readonly TableRow[];
}

/** A line of a ruled block: a table's tab-separated row with its merged cells' copies marked, or a box's text. */
interface TableRow {
  readonly text: string;
  readonly spread?: RowSpread;
}

/** What the rules of a page decide: blocks read from grids, the items left to positions, boxed prose. */
export interface Placed {
  readonly blocks: readonly RuledBlock[];
  readonly rest: readonly TextItem[];
  /** Items inside a box of one column: their lines are prose, never split into cells. */
  readonly prose: ReadonlySet<TextItem>;
}

interface CellLine {
  readonly text: string;
  readonly parts: readonly string[];
  readonly x: number;
  readonly end: number;
  readonly y: number;
  readonly size: number;
}

const NUMBER = /^[-+△▲▽−Δ]?\s*\d[\d,]*(?:\.\d+)?\s*%?p?$/;
const CONTACT = /\d{2,4}\)?[-.)]\s?\d{3,4}-\d{4}|담당\s*(?:부서|자|과장)|연락|문의|☎/;
/** Prose in a cell, longer than any label or figure of a statistical table. */
const PROSE_CHARS = 60;

const inside = (item: TextItem, c: { x0: number; x1: number; y0: number; y1: number }) => {
  const cx = item.x + item.width / 2;
  const cy = item.y + item.size * 0.35;
  return cx >= c.x0 && cx <= c.x1 && cy >= c.y0 && cy <= c.y1;
};

/** A cell's items as lines: runs on one baseline joined (a space at a word gap), with the parts a wide gap splits. */
function cellLines(items: readonly TextItem[]): CellLine[] {
  return baselines(items).map((row) => {
    const size = Math.max(...row.map((i) => i.size));
    let text = '';
    let end = -Infinity;
    const parts: string[] = [];
    for (const item of row) {
      const gap = item.x - end;
      if (!parts.length || gap >= CELL_GAP_EM * size) parts.push(item.str.trim());
      else parts[parts.length - 1] = appendRun(parts[parts.length - 1]!, item.str.trim(), gap, size);
      text = text ? appendRun(text, item.str, gap, size) : item.str;
      end = Math.max(end, item.x + item.width);
    }
    return { text: text.replace(/\s+$/, ''), parts, x: row[0]!.x, end, y: row[0]!.y, size };
  });
}

/** A cell's text with its wrapped lines joined; `right` is how far text reaches in its column. */
function cellText(lines: readonly CellLine[], right: number): string {
  return lines.reduce((text, line, k) => {
    if (!k) return line.text;
    const prev = lines[k - 1]!;
    return joinWrapped(text, line.text, right - prev.end >= 0.9 * line.size);
  }, '');
}

/**
 * Whether a grid's text shows columns or rows its rules do not draw (a frame around an unruled
 * table): a line of two numbers apart, or a cell of several lines that are each a number.
 */
const unruledInside = (lines: ReadonlyArray<readonly CellLine[]>): boolean =>
  lines.some(
    (cell) =>
      cell.some((l) => l.parts.filter((p) => NUMBER.test(p)).length >= 2) ||
      (cell.length >= 2 && cell.filter((l) => NUMBER.test(l.text.trim())).length >= 2),
  );

/**
 * Whether a grid lays out the page rather than holding data (the rule the HWP reader applies):
 * a step of a flow chart (a cell of arrows only), or no number below the first row while some
 * cell is prose or contact details.
 */
function isLayout(grid: RuledGrid, texts: readonly string[]): boolean {
  if (texts.some((t) => t && ARROWS.test(t))) return true;
  const below = grid.cells.flatMap((c, i) => (c.row > 0 && texts[i] ? [texts[i]!] : []));
  if (below.some((t) => NUMBER.test(t) && t !== '-')) return false;
  return texts.some((t) => t.length >= PROSE_CHARS || CONTACT.test(t));
}

/** An empty column narrower than this (points) is a gap between two borders that do not quite meet. */
const SLIVER = 6;

/**
 * Cells' texts spread over the rows and columns they span, each copy marked as one (see `RowSpread`). Rows with
 * no text are dropped (as positions never see them); an empty column is kept, as a text table keeps its empty
 * cells, unless it is a sliver between misaligned borders.
 */
function spread(grid: RuledGrid, texts: readonly string[]): TableRow[] {
  const rows = grid.ys.length - 1;
  const cols = grid.xs.length - 1;
  const out = Array.from({ length: rows }, () => Array.from({ length: cols }, () => ''));
  const left = out.map((row) => row.map(() => false));
  const above = out.map((row) => row.map(() => false));
  grid.cells.forEach((c: GridCell, i) => {
    for (let r = c.row; r < c.row + c.rowSpan; r++) {
      for (let k = c.col; k < c.col + c.colSpan; k++) {
        out[r]![k] = texts[i]!;
        left[r]![k] = r === c.row && k > c.col;
        above[r]![k] = r > c.row;
      }
    }
  });
  const filledCols = out[0]!.map((_, k) => out.some((row) => row[k]) || grid.xs[k + 1]! - grid.xs[k]! >= SLIVER);
  const kept = <T>(row: readonly T[]) => row.filter((_, k) => filledCols[k]);
  return out.flatMap((row, r) => {
    if (!row.some(Boolean)) return [];
    const marks = rowSpread(kept(left[r]!), kept(above[r]!));
    return [{ text: kept(row).join('\t'), ...(marks ? { spread: marks } : {}) }];
  });
}

function block(items: readonly TextItem[], table: boolean, lines: readonly TableRow[]): RuledBlock {
  const rows = baselines(items);
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  return {
    top: first[0]!.y,
    topSize: Math.max(...first.map((i) => i.size)),
    bottom: last[0]!.y,
    bottomSize: Math.max(...last.map((i) => i.size)),
    x: Math.min(...items.map((i) => i.x)),
    table,
    lines,
  };
}

/** A layout grid's text: row by row, a cell's lines joined; a row of one-line cells is one line. */
function layoutLines(grid: RuledGrid, lines: ReadonlyArray<readonly CellLine[]>): string[] {
  const out: string[] = [];
  const rows = [...new Set(grid.cells.map((c) => c.row))];
  for (const r of rows) {
    const cells = grid.cells.flatMap((c, i) => (c.row === r && lines[i]!.length ? [lines[i]!] : []));
    if (cells.every((l) => l.length === 1)) out.push(cells.map((l) => l[0]!.text.trim()).join(' '));
    else for (const l of cells) out.push(...l.map((x) => x.text.trim()));
  }
  return out.filter(Boolean);
}

/**
 * Reads each ruled grid of a page. A grid framing an unruled table or a chart's figures leaves
 * them to the column positions; a grid of one column (a box around prose, a title box) leaves its
 * text to the line layout, as prose; a flow chart or a box of prose becomes text lines; any other grid is a table whose
 * cells are its rules' boxes, each cell's wrapped lines joined and spanned cells spread.
 */
export function placeInGrids(items: readonly TextItem[], grids: readonly RuledGrid[]): Placed {
  const taken = new Set<TextItem>();
  const prose = new Set<TextItem>();
  const blocks: RuledBlock[] = [];
  for (const grid of grids) {
    const free = items.filter((i) => !taken.has(i) && !prose.has(i));
    const perCell = grid.cells.map((c) => free.filter((i) => inside(i, c)));
    const mine = perCell.flat();
    if (!mine.length) continue;
    const lines = perCell.map(cellLines);
    if (unruledInside(lines)) continue;
    if (grid.xs.length === 2) {
      mine.forEach((i) => prose.add(i));
      continue;
    }
    const right = new Map<number, number>();
    grid.cells.forEach((c, i) => {
      const last = c.col + c.colSpan;
      right.set(last, Math.max(right.get(last) ?? -Infinity, ...lines[i]!.map((l) => l.end)));
    });
    const texts = grid.cells.map((c, i) => cellText(lines[i]!, right.get(c.col + c.colSpan)!));
    const layout = isLayout(grid, texts);
    const rows = layout ? layoutLines(grid, lines).map((text) => ({ text })) : spread(grid, texts);
    blocks.push(block(mine, !layout, rows));
    mine.forEach((i) => taken.add(i));
  }
  return { blocks, rest: items.filter((i) => !taken.has(i)), prose };
}
