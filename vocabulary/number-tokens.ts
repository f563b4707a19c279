import { NEGATIVE_MARKS, readAmount, type Quantity } from './korean-number.js';
import { qualifierAround } from './qualifiers.js';
import { YEAR_MARK } from './years.js';

/** What a number in prose is. Only `quantity` becomes a fact; the rest are named non-quantities. */
export type TokenClass = 'quantity' | 'date' | 'year' | 'ordinal' | 'name' | 'ratio' | 'list_number';

export interface NumberToken {
  readonly cls: TokenClass;
  readonly start: number;
  readonly end: number;
  readonly raw: string;
  /** For dates: months, days and years as written; `resolveDate` places them in the report's years. */
  readonly date?: DateParts;
  readonly quantity?: Quantity;
}

/** One end of a date: `y` as written (`2020`, or `18` for `'18`: two digits), null when not written. */
export interface DatePoint {
  readonly y: number | null;
  readonly m: number;
  readonly d: number | null;
  readonly end_of_month?: boolean;
}

export interface DateParts {
  readonly from: DatePoint;
  readonly to: DatePoint | 'present';
}

const APOS = YEAR_MARK;
const MD = String.raw`(\d{1,2})\.(\d{1,2})`;
/**
 * A date is not followed by more digits or by a unit: `3.1억원` is money, `5.7` is May 7, and
 * `2.5~3.0%` is a range of rates.
 */
const NOT_AMOUNT = String.raw`(?![\d.]|[억만천백조원%개명건회부]|\s[억만천백조원]|\s*~\s*\d+(?:\.\d+)?\s*[%억만천백조원배])`;

interface Rule {
  readonly cls: TokenClass;
  readonly re: RegExp;
  readonly date?: (m: RegExpExecArray) => DateParts | null;
}

const validMD = (m: number, d: number | null) => m >= 1 && m <= 12 && (d === null || (d >= 1 && d <= 31));

/** Rules in priority order: the first rule to claim a span keeps it. */
const RULES: readonly Rule[] = [
  // `'18.3.19~현재`, `'20.9.24`, `2020.3.1`
  {
    cls: 'date',
    re: new RegExp(
      String.raw`(?:${APOS}(\d{2})|((?:19|20)\d{2}))\.\s?(\d{1,2})\.\s?(\d{1,2})(?:\s*~\s*(현재|(?:(\d{1,2})\.)?(\d{1,2})))?` +
        NOT_AMOUNT,
      'g',
    ),
    date: (m) => {
      const y = Number(m[1] ?? m[2]);
      const from = { y, m: Number(m[3]), d: Number(m[4]) };
      if (!validMD(from.m, from.d)) return null;
      if (m[5] === '현재') return { from, to: 'present' };
      return { from, to: m[7] ? { y, m: m[6] ? Number(m[6]) : from.m, d: Number(m[7]) } : from };
    },
  },
  // `'20. 12월말`, `20. 12월말`, `2021. 2` (year and month), `2005. 2 업체별 …` (a dated entry of a history)
  {
    cls: 'date',
    re: new RegExp(
      String.raw`(?:${APOS}?(\d{2})|((?:19|20)\d{2}))\.\s?(\d{1,2})(?:월(말|초)?|(?=\s*$))` +
        String.raw`|((?:19|20)\d{2})\.\s(\d{1,2})(?=\s+(?![억만천백조원개명건회])[가-힣(])`,
      'g',
    ),
    date: (m) => {
      const y = Number(m[1] ?? m[2] ?? m[5]);
      const mo = Number(m[3] ?? m[6]);
      if (!validMD(mo, null)) return null;
      const end = m[4] === '말';
      return {
        from: { y, m: mo, d: m[4] === '초' ? 1 : null, end_of_month: end },
        to: { y, m: mo, d: null, end_of_month: end || undefined },
      };
    },
  },
  // `5.7`, `3.17~31`, `5.11~5.15`, `4.9~20`, each part of `5.14/6.18/11.2`
  {
    cls: 'date',
    re: new RegExp(MD + String.raw`(?:\s*~\s*(?:(\d{1,2})\.)?(\d{1,2}))?` + NOT_AMOUNT, 'g'),
    date: (m) => {
      const from = { y: null, m: Number(m[1]), d: Number(m[2]) };
      if (!validMD(from.m, from.d)) return null;
      const to = m[4] ? { y: null, m: m[3] ? Number(m[3]) : from.m, d: Number(m[4]) } : from;
      return validMD(to.m, to.d) ? { from, to } : null;
    },
  },
  // `6~10월`, `1월~8월`, `3월`, `12월말`
  {
    cls: 'date',
    re: /(\d{1,2})(?:월)?\s*~\s*(\d{1,2})월|(\d{1,2})월(말|초)?/g,
    date: (m) => {
      if (m[3]) {
        const mo = Number(m[3]);
        return validMD(mo, null)
          ? {
              from: { y: null, m: mo, d: m[4] === '말' ? null : m[4] === '초' ? 1 : null, end_of_month: m[4] === '말' },
              to: { y: null, m: mo, d: null },
            }
          : null;
      }
      const a = Number(m[1]);
      const b = Number(m[2]);
      return validMD(a, null) && validMD(b, null)
        ? { from: { y: null, m: a, d: null }, to: { y: null, m: b, d: null } }
        : null;
    },
  },
  // `제5회`, `제2차`, `제18기`, `제11대`, `21대 국회`, `4차 산업혁명`, `9차)`; `5대` alone counts machines
  {
    cls: 'ordinal',
    re: /제\s?\d+\s?(?:회|차|기|대|호|조|항|장|편)|\d+차(?!수)(?=[\s)/,]|[가-힣]|$)|\d+대(?=\s?(?:국회|대통령|총선|회장|이사장|중소기업청장))/g,
  },
  // `2020년`, `2020년도`, `'20년`, `2020 장수기업` (a year, not a quantity)
  {
    cls: 'year',
    re: new RegExp(
      String.raw`(?:19|20)\d{2}\s?년도?|${APOS}\d{2}\s?년|(?<![\d,.])(?:19|20)\d{2}(?![\d,.%]|\s?[억만천백조원개명건회부곳])`,
      'g',
    ),
  },
  // `코로나19`, `B2B`, `중간1`, `주52시간제`: digits inside a name
  { cls: 'name', re: /(?<=[A-Za-z가-힣])(?<![천백만억조십총약각연월당]|최대|최소)\d+(?:\.\d+)?(?:[A-Za-z가-힣]*)/g },
  // `044-202-7412`, `02-2124-3114`, `1588-1234`: telephone numbers (contact boxes), never quantities; with their
  // further lines (`044-202-7458, 7715, 7455`)
  { cls: 'name', re: /(?<![\d,.])(?:0\d{1,2}-\d{3,4}-\d{4}(?:,\s?\d{4}(?!\d))*|1[568]\d{2}-\d{4})(?!\d|,\d)/g },
  // `5 : 5 매칭`
  { cls: 'ratio', re: /\d+\s?:\s?\d+(?=\s?매칭|\s?비율|\s*$|\s)/g },
];

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
/** A digit, `.` or `,` (NaN, before the start, is none). */
const isDigitOrMark = (c: number) => isDigit(c) || c === 0x2e || c === 0x2c;

/**
 * Classifies every number in a line of prose: dates, years, ordinals, digits inside names and
 * ratios are claimed first; what remains is read as a quantity with its unit and qualifier.
 */
export function tokenizeNumbers(text: string): NumberToken[] {
  const taken: NumberToken[] = [];
  // characters already claimed by a token: checking a span costs its length, not the token count
  const claimed = new Uint8Array(text.length + 1);
  const free = (s: number, e: number) => {
    for (let i = s; i < e; i++) if (claimed[i]) return false;
    return true;
  };
  const claim = (t: NumberToken) => {
    claimed.fill(1, t.start, t.end);
    taken.push(t);
  };
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!/\d/.test(m[0]) || !free(start, end)) continue;
      if (rule.date) {
        const date = rule.date(m);
        if (!date) continue;
        claim({ cls: rule.cls, start, end, raw: m[0], date });
      } else claim({ cls: rule.cls, start, end, raw: m[0] });
    }
  }
  for (let i = 0; i < text.length; i++) {
    // char codes, not `text[i]`: that makes a string of every Hangul character
    if (!isDigit(text.charCodeAt(i)) || claimed[i] || isDigitOrMark(text.charCodeAt(i - 1))) continue;
    const sign = i > 0 && NEGATIVE_MARKS.includes(text[i - 1]!) ? -1 : 1;
    const amount = readAmount(text, i);
    if (!amount || !free(i, amount.end)) {
      claim({ cls: 'quantity', start: i, end: i + 1, raw: text[i]! });
      continue;
    }
    const start = sign < 0 ? i - 1 : i;
    const last = taken[taken.length - 1];
    const rangeEnd =
      last && last.cls === 'quantity' && last.end <= start && /^\s*~\s*$/.test(text.slice(last.end, start))
        ? last
        : undefined;
    const qualifier = amount.approx
      ? 'approx'
      : rangeEnd
        ? 'range_end'
        : qualifierAround(text.slice(Math.max(0, start - 6), start), text.slice(amount.end));
    const quantity: Quantity = {
      raw: text.slice(start, amount.end),
      value: sign * amount.value,
      unit_raw: amount.unit_raw,
      qualifier,
      start,
      end: amount.end,
    };
    if (rangeEnd?.quantity) {
      // `3~5개`: the first number of a range takes the second one's unit; `500만원~2억원` keeps its own.
      const unit_raw = rangeEnd.quantity.unit_raw ?? amount.unit_raw;
      taken[taken.indexOf(rangeEnd)] = {
        ...rangeEnd,
        quantity: { ...rangeEnd.quantity, unit_raw, qualifier: 'range_start' },
      };
    }
    claim({ cls: 'quantity', start, end: amount.end, raw: quantity.raw, quantity });
    i = amount.end - 1;
  }
  return taken.sort((a, b) => a.start - b.start);
}
