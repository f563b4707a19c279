import { MAGNITUDES, UNITS, lookupUnit } from './units.js';

/** One number as written, with its unit spelling and any qualifier around it. */
export interface Quantity {
  readonly raw: string;
  /** The number as written in `unit_raw`, sign applied. */
  readonly value: number;
  readonly unit_raw: string | null;
  readonly qualifier: 'max' | 'min' | 'approx' | 'over' | 'under' | 'plus' | 'range_start' | 'range_end' | null;
  readonly start: number;
  readonly end: number;
}

const NUM = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/y;
const SMALL: Record<string, number> = { 십: 10, 백: 100, 천: 1000 };
const BIG: Record<string, number> = { 만: 1e4, 억: 1e8, 조: 1e12 };
/** Marks of a negative number in Korean tables and prose: `Δ1,495`, `▲3.2%`. */
export const NEGATIVE_MARKS = 'Δ△▲▼';
/** In a cell a dash is a minus too; in prose it is a bullet or a hyphen. */
const NEGATIVE = new Set([...NEGATIVE_MARKS, '-', '−', '–']);
/** Units that take no magnitude word, longest first (`개사` before `개`). */
const BASE_UNITS = [...UNITS.values()]
  .filter((u) => !MAGNITUDES.some(([w]) => u.unit_raw.startsWith(w) && UNITS.has(u.unit_raw.slice(w.length))))
  .map((u) => u.unit_raw)
  .sort((a, b) => b.length - a.length);
/** BASE_UNITS by first character, longest first as there: a number tries only the units that can follow it. */
const UNITS_BY_FIRST = new Map<number, string[]>();
for (const u of BASE_UNITS) {
  const c = u.charCodeAt(0);
  (UNITS_BY_FIRST.get(c) ?? UNITS_BY_FIRST.set(c, []).get(c)!).push(u);
}
/** The longest base unit written at `i`. */
const unitAt = (text: string, i: number): string | undefined =>
  UNITS_BY_FIRST.get(text.charCodeAt(i))?.find((u) => text.startsWith(u, i));

/**
 * Largest amount read as a number: far above any report's (the national budget is 6e14 won), and
 * low enough that a base value (× 조원, 1e12) or a column sum stays a finite double. A longer run
 * of digits is no number (no fact); `outOfRangeAt` lets the extractor record it as an issue.
 */
export const MAX_AMOUNT = 1e290;

interface Amount {
  readonly end: number;
  readonly value: number;
  readonly unit_raw: string | null;
  readonly approx: boolean;
}

/** One space, then a money word that ends there (`원` of `원 이내`, not of `원장`). */
const SPACED_MONEY = /^ (?:달러|원)(?![가-힣])/;

/**
 * Reads a Korean amount at `pos`: digit groups and decimals, magnitude words alone or combined
 * (`7천5백만원`, `1조 2,300억원`, `15백만원`, `5,000천불`, `51만명`) and the unit after them.
 * A compound amount is expressed in its last big magnitude (`7천5백만원` = 7,500 만원).
 */
export function readAmount(text: string, pos: number): Amount | null {
  let i = pos;
  let total = 0;
  let pending = 0; // small-magnitude parts waiting for their big word: 7천 + 5백 … 만
  let lastBig = '';
  let segments = 0;
  let single: { n: number; words: string } | null = null;
  for (;;) {
    NUM.lastIndex = i;
    const m = NUM.exec(text);
    if (!m) break;
    const n = Number(m[0].replace(/,/g, ''));
    let j = i + m[0].length;
    let words = '';
    let part = n;
    while (
      SMALL[text[j] ?? ''] &&
      !(text[j] === '십' && segments === 0 && !BIG[text[j + 1] ?? ''] && !UNITS.has('십' + (text[j + 1] ?? '')))
    ) {
      part *= SMALL[text[j]!]!;
      words += text[j];
      j++;
    }
    let big = '';
    if (BIG[text[j] ?? '']) {
      big = text[j]!;
      words += big;
      j++;
    }
    segments++;
    single = segments === 1 ? { n, words } : null;
    if (big) {
      total += (pending + part) * BIG[big]!;
      pending = 0;
      lastBig = big;
    } else {
      pending += part;
    }
    i = j;
    if (!words) break;
    // Another digit group continues a compound amount: `7천5백만`, `1조 2,300억`.
    const gap = big && text[i] === ' ' && /\d/.test(text[i + 1] ?? '') ? 1 : 0;
    if (!/\d/.test(text[i + gap] ?? '')) break;
    i += gap;
  }
  if (!segments) return null;
  total += pending;
  if (!(total <= MAX_AMOUNT)) return null;
  let approx = false;
  if (text[i] === '여' && unitAt(text, i + 1) !== undefined) {
    approx = true;
    i++;
  }
  // a money word set off by one space is still the amount's unit: `100만 달러`, `51,000백만 원 이내`
  if (SPACED_MONEY.test(text.slice(i, i + 4))) i++;
  const unit = unitAt(text, i);
  if (single && single.words && !unit) {
    // `300만` with no unit after it: a plain number scaled by its magnitude words.
    return { end: i, value: total, unit_raw: null, approx };
  }
  if (single) {
    const spelled = unit ? single.words + unit : null;
    if (spelled && lookupUnit(spelled)) return { end: i + unit!.length, value: single.n, unit_raw: spelled, approx };
    if (!single.words) return { end: i + (unit?.length ?? 0), value: single.n, unit_raw: unit ?? null, approx };
  }
  const inBig = lastBig && unit && lookupUnit(lastBig + unit) ? lastBig + unit : (unit ?? null);
  const factor = inBig ? lookupUnit(inBig)!.multiplier / lookupUnit(unit!)!.multiplier : 1;
  return { end: i + (unit?.length ?? 0), value: round(total / factor), unit_raw: inBig, approx };
}

const round = (x: number) => Number(x.toPrecision(15));

/** Where `text` has a number above `MAX_AMOUNT` (hundreds of digits), or -1. Cheap: only long digit runs are read. */
export function outOfRangeAt(text: string): number {
  for (const m of text.matchAll(/\d[\d,]{200,}/g)) if (!readAmount(text, m.index)) return m.index;
  return -1;
}

/** `Δ1,495` → sign -1 and the index after the sign. */
function readSign(text: string, pos: number): { sign: number; end: number } {
  const c = text[pos] ?? '';
  if (!/\d/.test(text[pos + 1] ?? '')) return { sign: 1, end: pos };
  // `+4,165` in a 증감 column: an explicit plus is a positive number, as `△` is a negative one
  return NEGATIVE.has(c) ? { sign: -1, end: pos + 1 } : c === '+' ? { sign: 1, end: pos + 1 } : { sign: 1, end: pos };
}

export type CellValue =
  | { readonly kind: 'empty' }
  | { readonly kind: 'nil' }
  | { readonly kind: 'quantities'; readonly quantities: readonly Quantity[] }
  | { readonly kind: 'text' };

/**
 * A table cell that is nothing but quantities: `22,363`, `Δ1,495`, `0.0%`, `38개(11.8%)`, `-`
 * (stated nil), empty. Anything else is text (which may still mention quantities).
 */
export function parseCell(raw: string): CellValue {
  const text = raw.trim();
  if (!text) return { kind: 'empty' };
  if (/^[-–—―‐]$/.test(text)) return { kind: 'nil' };
  const quantities: Quantity[] = [];
  let i = 0;
  const offset = raw.indexOf(text);
  while (i < text.length) {
    const paren = quantities.length > 0 && text[i] === '(';
    const { sign, end } = readSign(text, paren ? i + 1 : i);
    const amount = readAmount(text, end);
    if (!amount) return { kind: 'text' };
    let stop = amount.end;
    if (paren) {
      if (text[stop] !== ')') return { kind: 'text' };
      stop++;
    }
    const start = paren ? i + 1 : i;
    quantities.push({
      raw: text.slice(start, amount.end),
      value: sign * amount.value,
      unit_raw: amount.unit_raw,
      qualifier: amount.approx ? 'approx' : null,
      start: offset + start,
      end: offset + amount.end,
    });
    i = stop;
    while (text[i] === ' ') i++;
    if (quantities.length > 2) return { kind: 'text' };
  }
  return { kind: 'quantities', quantities };
}
