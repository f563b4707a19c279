import { withoutLinks } from './hwp-links.js';
import type { IRBlock, IRTable } from 'kordoc';
import type { RowSpread } from '../schemas/index.js';
import { rowSpread } from './build-extracted.js';

/** A cell that holds a statistic: `353,452`, `1.1`, `△0.3`, `+4,165`, `47.2 m`, `-` (none); a phone number is not. */
const NUMERIC = /^[-+△▲▽−]?\s*\d[\d,]*(?:\.\d+)?\s*(?:%p?|[가-힣a-zA-Z]{0,3})?$/;
const CONTACT = /\d{2,4}\)?[-.)]\s?\d{3,4}-\d{4}|담당\s*(?:부서|자|과장)|연락|문의|☎/;
const ARROW = /^[▶►→⇒➡▷]$/u;
/** Prose in a cell, longer than any label or figure of a statistical table. */
const PROSE_CHARS = 60;

/**
 * A cell's text on one line: its lines joined by a space, except a line that opens with `(` under a single
 * word, which continues it (`증감` over `(B-A)` is `증감(B-A)`, as a PDF of the same cell reads).
 */
export const cellText = (text: string): string => {
  let out = '';
  let segment = '';
  for (const raw of withoutLinks(text).split(/[\r\n]+/)) {
    const line = raw.replace(/\s*\t+\s*/g, ' ').trim();
    if (!line) continue;
    const glued = segment !== '' && line.startsWith('(') && !/\s/.test(segment);
    out = out ? `${out}${glued ? '' : ' '}${line}` : line;
    segment = line;
  }
  return out;
};

/**
 * Whether a table lays out the page rather than holding data, so its cells are read as text:
 * a single row or a single column (a title box, `보도시점 | 2026. 4. 10.`, a `☞ 신청방법` box), or a
 * grid with no numeric cell below its first row whose cells are prose or contact details (the
 * press release's 담당 부서 box, a 내역사업명 | 주요 내용 description list).
 */
export function isLayoutTable(table: IRTable): boolean {
  if (table.rows <= 1 || table.cols <= 1) return true;
  // a flow chart drawn as a table: steps with arrows between them (`과제 접수 | ▶ | 사전 검토 | ▶ | …`)
  if (table.cells.flat().some((c) => ARROW.test(cellText(c.text)))) return true;
  const below = table.cells
    .slice(1)
    .flat()
    .map((c) => cellText(c.text))
    .filter(Boolean);
  if (below.some((t) => NUMERIC.test(t) && !/^-$/.test(t))) return false;
  const all = table.cells.flat().map((c) => c.text);
  return all.some((t) => cellText(t).length >= PROSE_CHARS || CONTACT.test(t));
}

/** A table row: its cells' texts, and which of them repeat a merged cell (see `RowSpread`). */
export interface SpreadRow {
  readonly cells: string[];
  readonly spread?: RowSpread;
}

/**
 * A table's cells with every merged cell's text spread over its range, as the header model expects, each copy
 * marked as one (a value merged over two columns is one value); a row whose label and figures are cells spanning
 * down from the row above is that row's second line, joined to it.
 */
export function spreadGrid(table: IRTable): SpreadRow[] {
  const grid = table.cells.map((row) => row.map(() => ''));
  const filled = grid.map((row) => row.map(() => false));
  const fromAbove = grid.map((row) => row.map(() => false));
  const fromLeft = grid.map((row) => row.map(() => false));
  table.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (filled[r]![c]) return;
      const text = cellText(cell.blocks ? ownText(cell.blocks) : cell.text);
      for (let dr = 0; dr < Math.max(1, cell.rowSpan); dr++) {
        for (let dc = 0; dc < Math.max(1, cell.colSpan); dc++) {
          if (grid[r + dr]?.[c + dc] === undefined) continue;
          grid[r + dr]![c + dc] = text;
          filled[r + dr]![c + dc] = true;
          fromAbove[r + dr]![c + dc] = dr > 0;
          fromLeft[r + dr]![c + dc] = dr === 0 && dc > 0;
        }
      }
    }),
  );
  return joinContinuations(grid, fromAbove, fromLeft);
}

/** A figure, not a year or period label (`2019` spanning two header rows is a label). */
const isFigure = (t: string) => NUMERIC.test(t) && !/^-$/.test(t) && !/^(?:19|20)\d{2}\D{0,3}$/.test(t);

/**
 * Joins a row to the one above when its first cell and a figure span down from there and its own cells are
 * words (`10 | 내일배움카드 | 6,273 | +1,512` over two lines of 주요 내용 and 담당자): spread, the figures
 * would be read twice; a PDF of the table reads the row once, its words joined.
 */
function joinContinuations(grid: string[][], fromAbove: boolean[][], fromLeft: boolean[][]): SpreadRow[] {
  const out: Array<{ cells: string[]; r: number }> = [];
  grid.forEach((row, r) => {
    const span = fromAbove[r]!;
    const prev = out[out.length - 1]?.cells;
    const continues =
      prev !== undefined &&
      span[0] === true &&
      row.some((t, c) => span[c] && isFigure(t)) &&
      row.every((t, c) => span[c] || !isFigure(t));
    if (!continues) {
      out.push({ cells: [...row], r });
      return;
    }
    row.forEach((t, c) => {
      if (!span[c] && t) prev[c] = prev[c] ? `${prev[c]} ${t}` : t;
    });
  });
  return out.map(({ cells, r }) => {
    const spread = rowSpread(fromLeft[r]!, fromAbove[r]!);
    return spread ? { cells, spread } : { cells };
  });
}

/** A cell's own text: its paragraphs, without the text of tables nested in it (read as tables of their own). */
export const ownText = (blocks: readonly IRBlock[]): string =>
  blocks
    .filter((b) => b.type !== 'table' && b.type !== 'image')
    .map((b) => b.text ?? '')
    .join('\n');

/** Tables nested in the cells of `table`, in reading order. */
export const nestedTables = (table: IRTable): IRBlock[] =>
  table.cells.flat().flatMap((c) => (c.blocks ?? []).filter((b) => b.type === 'table'));
