import { EtlError } from '../schemas/index.js';
import type { Flags } from './cli-commands.js';
import { oneLine } from './format-rows.js';

/** How many metrics, facts or rows an analyst command prints before it says how many more there are. */
export const SHOWN = 50;

/** --format of the analyst commands: a table for people (the default) or JSON; --json is JSON too. */
export function outputFormat(command: string, flags: Flags): 'table' | 'json' {
  if (flags.json) return 'json';
  const format = flags.format ?? 'table';
  if (format === 'table' || format === 'json') return format;
  throw new EtlError('usage', `${command}: --format takes table, json (not ${oneLine(format)})`);
}

/** A number as people read it in a report: 790000000000 → 790,000,000,000; NULL → empty. */
export const num = (v: unknown): string =>
  v === null || v === undefined ? '' : Number(v).toLocaleString('en-US', { maximumFractionDigits: 6 });

/** A value with its unit: `7,900 억원`. */
export const withUnit = (v: unknown, unit: unknown): string =>
  v === null || v === undefined ? '' : `${num(v)} ${oneLine(unit)}`.trim();

/** `2007–2020`, or one year. */
export const years = (first: unknown, last: unknown): string =>
  first === null || first === undefined ? '' : first === last || last === null ? String(first) : `${first}–${last}`;

/** A row's and a column's labels as one phrase: `'20년 × 부금지출(억원) › 공제금지급`. */
export const labelPath = (rows: unknown, cols: unknown): string =>
  [rows, cols]
    .map((l) => (Array.isArray(l) ? l.map(oneLine).join(' › ') : ''))
    .filter(Boolean)
    .join(' × ');

/** "… and 12 more" under a list cut at SHOWN, or nothing. */
export const more = (total: number, shown: number, what: string): string[] =>
  total > shown ? [`… and ${total - shown} more ${what} (the first ${shown} shown; narrow the text)`] : [];

/** Rows without the columns queries add for ordering and counting. */
export const withoutInternals = (rows: ReadonlyArray<Readonly<Record<string, unknown>>>, ...internal: string[]) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !internal.includes(k))));
