import Papa from 'papaparse';
import type { Rows } from '../warehouse/index.js';

/**
 * Text safe to print on a terminal: no escape sequences (ESC … and C1 CSI/OSC, which can recolour,
 * retitle or rewrite the screen), no other C0/C1 controls and no bidi overrides (which can show
 * text in another order than it is); tab and newline stay.
 */
export const terminalText = (s: string): string =>
  s
    .replace(/\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|[ -/]*[0-~])?/g, '')
    .replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g, '');

/** A value on one terminal line: controls gone, any whitespace run one space. */
export const oneLine = (v: unknown): string => terminalText(cellText(v)).replace(/\s+/g, ' ');

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return `[${v.map(cellText).join(', ')}]`;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
};

/** Display width: Hangul and other wide characters take two columns in a terminal. */
const width = (s: string) =>
  [...s].reduce(
    (n, ch) =>
      n +
      (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
        ? 2
        : 1),
    0,
  );
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));

/** A text table for terminals, columns aligned by display width. */
export function formatTable(columns: readonly string[], rows: Rows): string {
  const heads = columns.map(oneLine);
  const cells = rows.map((r) => columns.map((c) => oneLine(r[c])));
  const widths = heads.map((c, i) => Math.min(60, Math.max(width(c), ...cells.map((r) => width(r[i]!)))));
  const clip = (s: string, w: number) => (width(s) <= w ? s : `${[...s].slice(0, w - 1).join('')}…`);
  const line = (vals: readonly string[]) =>
    vals
      .map((v, i) => pad(clip(v, widths[i]!), widths[i]!))
      .join(' │ ')
      .trimEnd();
  const count = `(${rows.length} row${rows.length === 1 ? '' : 's'})`;
  return [line(heads), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...cells.map(line), count].join('\n');
}

/** A number as text, as DuckDB writes BIGINT, DECIMAL, HUGEINT and DOUBLE's infinities in JSON. */
const NUMBER = /^[+-]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?|infinity|inf|nan)$/i;

/**
 * RFC 4180 CSV with the values as DuckDB returns them, so pandas or R read back the same data.
 * `spreadsheetSafe` (`--format csv-safe`) is for files opened in a spreadsheet: a text cell starting
 * with = + - @ (or tab/CR) that is not a number gets a leading apostrophe, as OWASP recommends, so
 * it is never run as a formula; numbers are never altered.
 */
export function formatCsv(columns: readonly string[], rows: Rows, opts: { spreadsheetSafe?: boolean } = {}): string {
  const value = (v: unknown) => {
    const s = cellText(v);
    return opts.spreadsheetSafe && typeof v === 'string' && /^[=+\-@\t\r]/.test(s) && !NUMBER.test(s) ? `'${s}` : s;
  };
  return Papa.unparse({ fields: [...columns], data: rows.map((r) => columns.map((c) => value(r[c]))) });
}

export const formatJson = (rows: Rows): string =>
  JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? Number(v) : v), 2);
