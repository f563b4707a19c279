import type { Segment } from './pdf-rules.js';

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
  /** The page's ruling lines (strokes, thin fills): where present, they draw tables' cells. */
  readonly rules?: readonly Segment[];
}

/**
 * Gap (in ems) between two text runs on one baseline that separates table cells: word spaces
 * are a quarter to a third of an em, the padding between cells of a browser-printed table about
 * two thirds.
 */
export const CELL_GAP_EM = 0.5;
export const SPACE_GAP_EM = 0.15;

/**
 * pdf.js may emit spaces as U+0001 (browser-printed PDFs); a subset font may map a Hanja glyph
 * to its Kangxi radical or compatibility code point (`⼈` for `人`), which NFKC folds back.
 */
export const cleanText = (s: string): string =>
  s.replace(/\u0001/g, ' ').replace(/[\u2f00-\u2fdf\u2e80-\u2eff\uf900-\ufaff]/g, (ch) => ch.normalize('NFKC'));

/** Arrows of a flow chart: a cell that holds only these is a step between boxes, not data. */
export const ARROWS = /^[\s➜➔➝➞➡⇨⇦⇩⇧⇒⇐⇓⇑→←↓↑▶▷◀◁▼▽►⟶]+$/;

/** Items on one baseline (within half a font size of the first), top line first, each left to right. */
export function baselines<T extends TextItem>(items: readonly T[]): T[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: T[][] = [];
  for (const item of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0]!.y - item.y) <= Math.max(row[0]!.size, item.size) * 0.5) row.push(item);
    else rows.push([item]);
  }
  for (const row of rows) row.sort((a, b) => a.x - b.x);
  return rows;
}

/** Appends a run to a cell's text: a space where the gap is wider than a letter's spacing. */
export const appendRun = (text: string, run: string, gap: number, size: number): string =>
  text + (gap > SPACE_GAP_EM * size && !text.endsWith(' ') && !run.startsWith(' ') ? ' ' : '') + run;

/**
 * Joins a cell's wrapped lines. A line that stopped with room for another syllable broke at a
 * space (`설명회 교육` + `등`); one filled to the cell's edge broke inside a word, which browsers
 * do to Korean (`지원규` + `모`) — there Hangul meets Hangul without a space.
 */
export function joinWrapped(a: string, b: string, roomLeft: boolean): string {
  // words that stand alone after a space in report prose: `설명회 교육 등`, `조합 및 단체`
  if (roomLeft || /^(등|및|외|또는)(\s|$)/.test(b)) return `${a} ${b}`;
  return /[가-힣]$/.test(a) && /^[가-힣]/.test(b) ? `${a}${b}` : a.includes(' ') ? `${a} ${b}` : `${a}${b}`;
}
