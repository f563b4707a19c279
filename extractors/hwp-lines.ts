import type { IRBlock, IRTable } from 'kordoc';
import type { RowSpread } from '../schemas/index.js';
import type { PageLine } from './build-extracted.js';
import { cellText, isLayoutTable, nestedTables, ownText, spreadGrid } from './hwp-layout.js';
import { withoutLinks } from './hwp-links.js';
import { matchUnitNote } from './line-patterns.js';

type Page = number | null;

/**
 * kordoc's blocks → the common line model: paragraphs, headings and list items are lines (one per
 * line break the author typed); a data table is a run of tab-separated rows framed by blank lines,
 * its caption (and a unit note written as its first, merged row) above it and tables nested in its
 * cells after it; a layout table is read as the text it holds. Images, separators are skipped.
 */
export function blocksToLines(blocks: readonly IRBlock[], paged: boolean): PageLine[] {
  const lines: PageLine[] = [];
  const emit = (text: string, page: Page, spread?: RowSpread) =>
    lines.push({ text, page, ...(spread ? { spread } : {}) });
  const walk = (items: readonly IRBlock[]): void => {
    for (const block of items) {
      const page = paged ? (block.pageNumber ?? null) : null;
      if (block.type === 'table' && block.table) emitTable(block.table, page, emit, walk);
      else if (block.type === 'paragraph' || block.type === 'heading') textLines(block.text ?? '', page, emit);
      else if (block.type === 'list') {
        for (const item of block.children ?? []) textLines(item.text ?? '', page, emit);
      }
    }
  };
  walk(blocks);
  return lines;
}

function textLines(text: string, page: Page, emit: (t: string, p: Page) => void): void {
  for (const line of withoutLinks(text).split(/\r?\n/)) emit(line.replace(/\t/g, ' ').trimEnd(), page);
}

/** Rows that are one cell spread across the table (all equal): a unit note or a note, not data. */
const isBanner = (row: readonly string[]) => row.length > 1 && row.every((c) => c === row[0]);

function emitTable(
  table: IRTable,
  page: Page,
  emit: (t: string, p: Page, spread?: RowSpread) => void,
  walk: (b: readonly IRBlock[]) => void,
): void {
  if (isLayoutTable(table)) {
    for (const row of table.cells) {
      if (row.length === 1 && row[0]!.blocks) walk(row[0]!.blocks);
      else {
        const texts = row.map((c) => cellText(c.blocks ? ownText(c.blocks) : c.text)).filter(Boolean);
        if (texts.length) emit(texts.join(' '), page);
        for (const cell of row) walk((cell.blocks ?? []).filter((b) => b.type === 'table'));
      }
    }
    return;
  }
  let grid = spreadGrid(table);
  while (grid.length && grid[grid.length - 1]!.cells.every((c) => !c)) grid = grid.slice(0, -1);
  emit('', page);
  if (table.caption) emit(cellText(table.caption), page);
  while (grid.length && isBanner(grid[0]!.cells) && matchUnitNote(grid[0]!.cells[0]!)) {
    emit(grid[0]!.cells[0]!, page);
    grid = grid.slice(1);
  }
  const trailing: string[] = [];
  while (grid.length > 2 && isBanner(grid[grid.length - 1]!.cells)) trailing.unshift(grid.pop()!.cells[0]!);
  for (const row of grid) emit(row.cells.join('\t'), page, row.spread);
  emit('', page);
  for (const note of trailing) emit(note, page);
  walk(nestedTables(table));
}
