import type { DateMention } from '../../schemas/index.js';
import { resolveDate, tokenizeNumbers } from '../../vocabulary/index.js';

/**
 * A cell that is one date with its year (`2005. 2`, `'24.3.19`, `2024. 3. 19.`): a date, not the
 * numbers 2005 and 2. A bare decimal (`5.7`) or a KOSIS period (`2020.01`) stays a number.
 */
const DATE_CELL =
  /^(?:['‘’]\d{2}\.\s?\d{1,2}(?:\.\s?\d{1,2})?|(?:19|20)\d{2}\.\s\d{1,2}(?:\.\s?\d{1,2})?|(?:19|20)\d{2}\.\d{1,2}\.\d{1,2})\.?$/;

/** A period of days without its year, each day closed by its dot (`4.14.~4.30.`): a schedule, not two decimals. */
const DAY_RANGE_CELL = /^(?:0?[1-9]|1[0-2])\.\s?\d{1,2}\.\s?[~∼-]\s?(?:(?:0?[1-9]|1[0-2])\.\s?)?\d{1,2}\.?$/;

export const isDateCell = (raw: string): boolean => DATE_CELL.test(raw.trim()) || DAY_RANGE_CELL.test(raw.trim());

/**
 * The dates a table cell mentions (`2022. 12월말 기준`, `‘18.3.19~현재`, a history's `2005. 2 …`),
 * a date without its year in the year of the cell's row or column (else the report's).
 */
export function cellDates(
  raw: string,
  line_no: number,
  label: string | null,
  rowYear: number | null,
  reportYear: number,
): DateMention[] {
  const text = raw.trim().replace(/\.$/, '');
  const tokens = tokenizeNumbers(text).filter((t) => t.cls === 'date' && t.date);
  // What the cell says besides its dates (`인터넷대출 개시`) is their subject; else the row's label.
  const words = tokens
    .reduceRight((s, t) => s.slice(0, t.start) + s.slice(t.end), text)
    .replace(/^[\s\-ㅇ·]+|\s+$/g, '');
  const subject = words && /[가-힣A-Za-z]/.test(words) ? words.slice(0, 80) : label;
  const out: DateMention[] = [];
  for (const t of tokens) {
    const range = resolveDate(t.date!, t.date!.from.y === null ? (rowYear ?? reportYear) : reportYear);
    if (range) out.push({ line_no, raw_text: t.raw, start_date: range.start, end_date: range.end, subject });
  }
  return out;
}
