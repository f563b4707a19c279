import type { Issue, Line } from '../schemas/extracted.js';
import type { DateMention, Fact } from '../schemas/normalized.js';
import { unitColumns } from './fact-values.js';
import { tokenizeNumbers, type DateParts } from './number-tokens.js';
import { regionOf, subjectOf } from './prose-phrases.js';

export interface ProseInput {
  readonly lines: readonly Line[];
  readonly sectionOf: ReadonlyArray<string | null>;
  readonly contextOf: ReadonlyArray<readonly string[]>;
  readonly report_year: number;
}

/**
 * Reads a number's phrase from the text around it only: a phrase is local, and scanning the whole
 * line for each of its numbers would cost the square of a long line.
 */
function near<T>(text: string, start: number, end: number, read: (window: string, start: number, end: number) => T): T {
  const from = Math.max(0, start - 240);
  return read(text.slice(from, Math.min(text.length, end + 120)), start - from, end - from);
}

/** Words that may follow a bare number without being its unit. */
const QUALIFIER_WORDS = /^(이상|이하|미만|초과|내외|이내|정도|가량|여|및|또는|중)/;

/** The words of a line that are prose: a heading without its numbering, a bullet without its dash. */
function proseOf(line: Line): { text: string; offset: number } | null {
  if (line.kind === 'table_row' || line.kind === 'blank' || line.kind === 'toc' || line.furniture) return null;
  if (line.heading) {
    const offset = line.text.lastIndexOf(line.heading.title);
    return { text: line.heading.title, offset: Math.max(0, offset) };
  }
  return { text: line.text, offset: 0 };
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Resolves month/day parts against the report year: `(5.7)` in the 2020 report is 2020-05-07. */
export function resolveDate(parts: DateParts, reportYear: number): { start: string; end: string } | null {
  const fromY = parts.from.y ?? reportYear;
  const start = `${fromY}-${pad(parts.from.m)}-${pad(parts.from.end_of_month ? lastDay(fromY, parts.from.m) : parts.from.d ?? 1)}`;
  if (parts.to === 'present') return { start, end: `${Math.max(reportYear, fromY)}-12-31` };
  let toY = parts.to.y ?? fromY;
  if (parts.to.m < parts.from.m && parts.to.y === null) toY = fromY + 1;
  const end = `${toY}-${pad(parts.to.m)}-${pad(parts.to.d ?? lastDay(toY, parts.to.m))}`;
  const valid = (s: string) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s);
  return valid(start) && valid(end) && end >= start ? { start, end } : null;
}

/**
 * Quantities and dates in prose (headings, bullets, text, captions): each number is a fact, a
 * date mention, or a named non-quantity (year, ordinal, name, ratio); anything else is an issue.
 */
export function proseFacts(input: ProseInput, issues: Issue[]): { facts: Fact[]; dates: DateMention[] } {
  const facts: Fact[] = [];
  const dates: DateMention[] = [];
  input.lines.forEach((line, i) => {
    const prose = proseOf(line);
    if (!prose || !/\d/.test(prose.text)) return;
    const tokens = tokenizeNumbers(prose.text);
    const years = tokens.filter((t) => t.cls === 'year');
    const period_year = years.length === 1 ? Number(/\d{4}/.exec(years[0]!.raw)?.[0] ?? 2000 + Number(/\d{2}/.exec(years[0]!.raw)![0])) : null;
    tokens.forEach((t, k) => {
      if (t.cls === 'date' && t.date) {
        const range = resolveDate(t.date, input.report_year);
        if (range) dates.push({ line_no: line.line_no, raw_text: t.raw, start_date: range.start, end_date: range.end, subject: near(prose.text, t.start, t.end, (w, s, e) => subjectOf(w, s, e, null)) });
        else issues.push({ code: 'date_invalid', message: `not a calendar date: ${t.raw}`, line_no: line.line_no });
        return;
      }
      if (t.cls !== 'quantity') return;
      if (!t.quantity) {
        issues.push({ code: 'number_unclassified', message: `number not understood: ${prose.text.slice(Math.max(0, t.start - 10), t.end + 10)}`, line_no: line.line_no });
        return;
      }
      if (line.kind === 'title') return;
      const q = t.quantity;
      const word = q.unit_raw === null ? /^[가-힣]+/.exec(prose.text.slice(q.end))?.[0] : undefined;
      if (word && !QUALIFIER_WORDS.test(word)) {
        issues.push({ code: 'unit_unknown', message: `unit not in the vocabulary: ${q.raw}${word}`, line_no: line.line_no });
      }
      facts.push({
        fact_id: `l${line.line_no}-${k + 1}`,
        origin: 'text',
        section_id: input.sectionOf[i] ?? null,
        table_id: null,
        line_no: line.line_no,
        row_labels: [],
        col_labels: [],
        context_path: [...(input.contextOf[i] ?? [])],
        subject: near(prose.text, q.start, q.end, (w, s, e) => subjectOf(w, s, e, q.unit_raw)),
        raw_text: q.raw,
        value: q.value,
        ...unitColumns(q.value, q.unit_raw),
        period_year,
        region_code: near(prose.text, q.start, q.end, (w, s) => regionOf(w, s)),
        is_total: /(?:^|[\s(])(총|합계|누계)\s*$/.test(prose.text.slice(0, q.start)),
        qualifier: q.qualifier,
      });
    });
  });
  return { facts, dates };
}
