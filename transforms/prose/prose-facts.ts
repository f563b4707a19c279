import type { Issue, Line } from '../../schemas/index.js';
import type { DateMention, FactDraft } from '../../schemas/index.js';
import {
  endsWithTotalWord,
  isQualifierWord,
  resolveDate,
  tokenizeNumbers,
  unitColumns,
  yearOf,
} from '../../vocabulary/index.js';
import { namedParts, type ReadLine } from '../audit/prose-parts.js';
import { regionOf, subjectOf } from './prose-phrases.js';

export interface ProseInput {
  readonly lines: readonly Line[];
  readonly sectionOf: ReadonlyArray<string | null>;
  readonly contextOf: ReadonlyArray<readonly string[]>;
  readonly report_year: number;
  /** Each table's total facts: a `총` number introducing a table is a total when the table's total is it. */
  readonly tableTotals?: ReadonlyMap<string, readonly FactDraft[]>;
}

/** A prose total whose parts are named on its line or in the bullets under it: prose_total checks it. */
export interface ProseTotal {
  readonly fact_id: string;
  readonly part_ids: readonly string[];
}

/**
 * Reads a number's phrase from the text around it only: a phrase is local, and scanning the whole
 * line for each of its numbers would cost the square of a long line.
 */
function near<T>(text: string, start: number, end: number, read: (window: string, start: number, end: number) => T): T {
  const from = Math.max(0, start - 240);
  return read(text.slice(from, Math.min(text.length, end + 120)), start - from, end - from);
}

/** The words of a line that are prose: a heading without its numbering, a bullet without its dash. */
function proseOf(line: Line): { text: string; offset: number } | null {
  if (line.kind === 'table_row' || line.kind === 'blank' || line.kind === 'toc' || line.furniture) return null;
  if (line.heading) {
    const offset = line.text.lastIndexOf(line.heading.title);
    return { text: line.heading.title, offset: Math.max(0, offset) };
  }
  return { text: line.text, offset: 0 };
}

/**
 * Quantities and dates in prose (headings, bullets, text, captions): each number is a fact, a
 * date mention, or a named non-quantity (year, ordinal, name, ratio); anything else is an issue.
 */
export function proseFacts(
  input: ProseInput,
  issues: Issue[],
): { facts: FactDraft[]; dates: DateMention[]; totals: ProseTotal[] } {
  const facts: FactDraft[] = [];
  const dates: DateMention[] = [];
  const totals: ProseTotal[] = [];
  const reads = input.lines.map((line): ReadLine | null => {
    const prose = proseOf(line);
    return prose && /\d/.test(prose.text) ? { text: prose.text, tokens: tokenizeNumbers(prose.text) } : null;
  });
  const totalOf = isTotal({ lines: input.lines, reads, tableTotals: input.tableTotals ?? new Map() });
  input.lines.forEach((line, i) => {
    const prose = reads[i];
    if (!prose) return;
    const tokens = prose.tokens;
    const years = tokens.filter((t) => t.cls === 'year');
    const period_year = years.length === 1 ? yearOf(years[0]!.raw, input.report_year) : null;
    tokens.forEach((t, k) => {
      if (t.cls === 'date' && t.date) {
        const range = resolveDate(t.date, input.report_year);
        if (range)
          dates.push({
            line_no: line.line_no,
            raw_text: t.raw,
            start_date: range.start,
            end_date: range.end,
            subject: near(prose.text, t.start, t.end, (w, s, e) => subjectOf(w, s, e, null)),
          });
        else issues.push({ code: 'date_invalid', message: `not a calendar date: ${t.raw}`, line_no: line.line_no });
        return;
      }
      if (t.cls !== 'quantity') return;
      if (!t.quantity) {
        issues.push({
          code: 'number_unclassified',
          message: `number not understood: ${prose.text.slice(Math.max(0, t.start - 10), t.end + 10)}`,
          line_no: line.line_no,
        });
        return;
      }
      if (line.kind === 'title') return;
      const q = t.quantity;
      const word = q.unit_raw === null ? /^[가-힣]+/.exec(prose.text.slice(q.end))?.[0] : undefined;
      if (word && !isQualifierWord(word)) {
        issues.push({
          code: 'unit_unknown',
          message: `unit not in the vocabulary: ${q.raw}${word}`,
          line_no: line.line_no,
        });
      }
      const fact_id = `l${line.line_no}-${k + 1}`;
      const total = totalOf(i, k);
      if (total.part_ids.length) totals.push({ fact_id, part_ids: total.part_ids });
      facts.push({
        fact_id,
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
        is_total: total.is_total,
        qualifier: q.qualifier,
        unit_source: q.unit_raw ? 'cell' : 'default',
      });
    });
  });
  return { facts, dates, totals };
}

/**
 * Whether token `k` of line `i` is a total: named so by `합계`/`누계`; or the sum of parts named nearby: listed
 * in the parenthesis right after it (with or without a word), or, after `총`, in the bullets or the table under
 * its line. The parts on its line or in bullets are returned for the prose_total check.
 */
function isTotal(input: Parameters<typeof namedParts>[0]) {
  return (i: number, k: number): { is_total: boolean; part_ids: string[] } => {
    const read = input.reads[i]!;
    const before = read.text.slice(0, read.tokens[k]!.quantity!.start);
    const parts = namedParts(input, i, k, endsWithTotalWord(before, true));
    const is_total = endsWithTotalWord(before, parts !== null) || parts?.where === 'parenthesis';
    const part_ids = is_total && parts ? parts.parts.map((p) => `l${input.lines[p.line]!.line_no}-${p.k + 1}`) : [];
    return { is_total, part_ids };
  };
}
