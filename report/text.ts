/** Plain rows as the warehouse queries give them (every value JSON-safe). */
export type Row = Readonly<Record<string, unknown>>;
export type Rows = ReadonlyArray<Row>;

/** A field as text ('' for NULL). */
export const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** A field as a number, or null. */
export const numOrNull = (v: unknown): number | null => {
  if (v === null || v === undefined || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
};

/** A list field (DuckDB lists come as arrays). */
export const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(str) : []);

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML, in an element or an attribute: every report string goes through here. */
export const esc = (v: unknown): string => str(v).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/** A number as the report prints it: thousands separators, at most `digits` decimals. */
export const fmt = (v: unknown, digits = 2): string => {
  const n = numOrNull(v);
  return n === null ? '' : n.toLocaleString('en-US', { maximumFractionDigits: digits });
};

/** A stored comment (`한국어 | English`) in its two languages; one language goes where its script says. */
export function splitComment(comment: unknown): { ko: string; en: string } {
  const text = str(comment);
  const at = text.indexOf(' | ');
  if (at >= 0) return { ko: text.slice(0, at), en: text.slice(at + 3) };
  return /[가-힣]/.test(text) ? { ko: text, en: '' } : { ko: '', en: text };
}

/** A printed number as it stands in a cell: `4,014`, `0.95`, `△12`, `34.6%`. */
const PRINTED_NUMBER = /^([-−△Δ▲]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?)(%?)$/;

export interface PrintedNumber {
  /** The value as printed (a percent as printed too: 34.6 for `34.6%`). */
  readonly value: number;
  readonly decimals: number;
  readonly percent: boolean;
  readonly grouped: boolean;
}

/** The number a cell prints, when the whole cell is one number; null for text, `-`, or several numbers. */
export function printedNumber(raw: string): PrintedNumber | null {
  const m = PRINTED_NUMBER.exec(raw.replace(/\s+/g, ''));
  if (!m) return null;
  const value = Number(m[2]!.replace(/,/g, '')) * (m[1] ? -1 : 1);
  return { value, decimals: m[3]?.length ?? 0, percent: m[4] === '%', grouped: m[2]!.includes(',') };
}

/** How wide text shows in a fixed-width grid: Hangul, Hanja and full-width forms take two columns. */
const WIDE = /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/;
export const displayWidth = (text: string): number => [...text].reduce((w, ch) => w + (WIDE.test(ch) ? 2 : 1), 0);

/** Spaced-out Korean labels as they are read (`합 계` → `합계`); other text as it is. */
export const compactLabel = (text: string): string =>
  /^(?:[가-힣] )+[가-힣]$/.test(text.trim()) ? text.replace(/\s+/g, '') : text.trim();
