import type { IRBlock, IRTable } from 'kordoc';

/** A cell that holds a statistic: `353,452`, `1.1`, `△0.3`, `+4,165`, `47.2 m`, `-` (none); a phone number is not. */
const NUMERIC = /^[-+△▲▽−]?\s*\d[\d,]*(?:\.\d+)?\s*(?:%p?|[가-힣a-zA-Z]{0,3})?$/;
const CONTACT = /\d{2,4}\)?[-.)]\s?\d{3,4}-\d{4}|담당\s*(?:부서|자|과장)|연락|문의|☎/;
/** Prose in a cell, longer than any label or figure of a statistical table. */
const PROSE_CHARS = 60;

export const cellText = (text: string): string => text.replace(/\s*[\r\n\t]+\s*/g, ' ').trim();

/**
 * Whether a table lays out the page rather than holding data, so its cells are read as text:
 * a single row or a single column (a title box, `보도시점 | 2026. 4. 10.`, a `☞ 신청방법` box), or a
 * grid with no numeric cell below its first row whose cells are prose or contact details (the
 * press release's 담당 부서 box, a 내역사업명 | 주요 내용 description list).
 */
export function isLayoutTable(table: IRTable): boolean {
  if (table.rows <= 1 || table.cols <= 1) return true;
  const below = table.cells
    .slice(1)
    .flat()
    .map((c) => cellText(c.text))
    .filter(Boolean);
  if (below.some((t) => NUMERIC.test(t) && !/^-$/.test(t))) return false;
  const all = table.cells.flat().map((c) => c.text);
  return all.some((t) => cellText(t).length >= PROSE_CHARS || CONTACT.test(t));
}

/** A table's cells with every merged cell's text spread over its range, as the header model expects. */
export function spreadGrid(table: IRTable): string[][] {
  const grid = table.cells.map((row) => row.map(() => ''));
  const filled = grid.map((row) => row.map(() => false));
  table.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (filled[r]![c]) return;
      const text = cellText(cell.blocks ? ownText(cell.blocks) : cell.text);
      for (let dr = 0; dr < Math.max(1, cell.rowSpan); dr++) {
        for (let dc = 0; dc < Math.max(1, cell.colSpan); dc++) {
          if (grid[r + dr]?.[c + dc] === undefined) continue;
          grid[r + dr]![c + dc] = text;
          filled[r + dr]![c + dc] = true;
        }
      }
    }),
  );
  return grid;
}

/** A cell's own text: its paragraphs, without the text of tables nested in it (read as tables of their own). */
export const ownText = (blocks: readonly IRBlock[]): string =>
  blocks
    .filter((b) => b.type !== 'table' && b.type !== 'image')
    .map((b) => b.text ?? '')
    .join(' ');

/** Tables nested in the cells of `table`, in reading order. */
export const nestedTables = (table: IRTable): IRBlock[] =>
  table.cells.flat().flatMap((c) => (c.blocks ?? []).filter((b) => b.type === 'table'));
