import Papa from 'papaparse';
import type { Rows } from '../warehouse/index.js';

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return `[${v.map(cellText).join(', ')}]`;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
};

/** Display width: Hangul and other wide characters take two columns in a terminal. */
const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));

/** A text table for terminals, columns aligned by display width. */
export function formatTable(columns: readonly string[], rows: Rows): string {
  const cells = rows.map((r) => columns.map((c) => cellText(r[c]).replace(/\s+/g, ' ')));
  const widths = columns.map((c, i) => Math.min(60, Math.max(width(c), ...cells.map((r) => width(r[i]!)))));
  const clip = (s: string, w: number) => (width(s) <= w ? s : `${[...s].slice(0, w - 1).join('')}…`);
  const line = (vals: readonly string[]) => vals.map((v, i) => pad(clip(v, widths[i]!), widths[i]!)).join(' │ ').trimEnd();
  return [line(columns), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...cells.map(line), `(${rows.length} row${rows.length === 1 ? '' : 's'})`].join('\n');
}

/**
 * CSV that a spreadsheet never runs as a formula: a cell starting with = + - @ (or tab/CR) gets
 * a leading apostrophe, as OWASP recommends; numbers stay numbers.
 */
export function formatCsv(columns: readonly string[], rows: Rows): string {
  const safe = (v: unknown) => {
    if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
    const s = cellText(v);
    return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  };
  return Papa.unparse({ fields: [...columns], data: rows.map((r) => columns.map((c) => safe(r[c]))) });
}

export const formatJson = (rows: Rows): string => JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? Number(v) : v), 2);
