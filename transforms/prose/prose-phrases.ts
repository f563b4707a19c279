import { resolveRegion, YEAR_MARK } from '../../vocabulary/index.js';

// Brackets and stops are compared as char codes: `text[i]` makes a new string of every Hangul character.
const isOpen = (c: number) => c === 0x28 || c === 0xff08; // ( （
const isClose = (c: number) => c === 0x29 || c === 0xff09; // ) ）
const codes = (chars: string): readonly number[] => [...chars].map((c) => c.charCodeAt(0));
const CLAUSE_STOPS = codes(',:*※');
const COLON = codes(':');

/** Index of the `(` that encloses `pos`, or -1. */
function enclosingParen(text: string, pos: number): number {
  let depth = 0;
  for (let i = pos - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (isClose(c)) depth++;
    else if (isOpen(c)) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** Index of the last of `stops` outside brackets in `text`, or -1. */
function lastOutside(text: string, stops: readonly number[]): number {
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (isClose(c)) depth++;
    else if (isOpen(c)) {
      if (depth === 0) return i;
      depth--;
    } else if (depth === 0 && stops.includes(c)) return i;
  }
  return -1;
}

/** Start of the last clause of `text`: after its last `,` `:` `*` `※` outside brackets. */
const clauseStart = (text: string): number => lastOutside(text, CLAUSE_STOPS) + 1;

const clean = (s: string) =>
  s
    .replace(/^[\s\-–·•*※○◦「」]+|[\s,:·「」]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const NUMBER_WORD = new RegExp(String.raw`${YEAR_MARK}?\d[\d,.]*(?:~\d[\d,.]*)?[가-힣%]{0,3}(?=[\s,)]|$)`, 'g');
/** Numbers with their unit words (`25개`, `183.4억원`, `2020년`) are not part of a subject. */
const dropNumbers = (s: string) => s.replace(/[(（][^()（）]*\d[^()（）]*[)）]/g, ' ').replace(NUMBER_WORD, ' ');
const lastClause = (text: string) => clean(dropNumbers(text.slice(clauseStart(text))));

const COUNTED = /^\s*([가-힣A-Za-z]+)/;
/**
 * Programme verbs of the 2020 KBIZ report that follow `N개` (`110개 선정`): they say what
 * happened, not what was counted. Report-specific: a new report may need its own.
 */
const KBIZ_2020_PROGRAMME_VERBS = [
  '제외',
  '지원',
  '참여',
  '선정',
  '개최',
  '달성',
  '입주',
  '방문',
  '수료',
  '추천',
  '발굴',
];
/** Words after `N개` that say what happened or qualify it, not what was counted. */
const NOT_COUNTED = new Set([...KBIZ_2020_PROGRAMME_VERBS, '이상의', '이상', '내외', '중', '등']);

/**
 * The phrase a number belongs to: `총회 개최지도(결산수리 764회)` → `총회 개최지도 결산수리`;
 * `협동조합 컨설팅지원단 운영 : 384개 조합` → `협동조합 컨설팅지원단 운영 / 조합`.
 */
export function subjectOf(text: string, start: number, end: number, unit_raw: string | null): string | null {
  const paren = enclosingParen(text, start);
  const before = paren >= 0 ? text.slice(0, paren) : text.slice(0, start);
  const colon = lastOutside(before, COLON);
  const topic = colon >= 0 && before[colon] === ':' ? lastClause(before.slice(0, colon)) : '';
  const own =
    paren >= 0 ? clean(`${lastClause(before)} ${lastClause(text.slice(paren + 1, start))}`) : lastClause(before);
  let phrase = clean(`${topic} ${own}`);
  if (!phrase) phrase = clean(dropNumbers(text.slice(end).split(/[,()]/)[0] ?? ''));
  if (!phrase) phrase = clean(dropNumbers(text).replace(/[,:]/g, ' '));
  const word = unit_raw === '개' ? COUNTED.exec(text.slice(end))?.[1] : undefined;
  const noun = word && !NOT_COUNTED.has(word) && !phrase.split(' ').includes(word) ? word : undefined;
  const subject = noun ? `${phrase} / ${noun}` : phrase;
  return subject || null;
}

const WORD_CHAR = /[가-힣·\s]/;

/**
 * The run of Hangul, `·` and spaces that ends `text`, as `/([가-힣·\s]+)$/` finds it but read backwards:
 * the regex retries from every position of a long Hangul run, which costs its square.
 */
function trailingWords(text: string): string {
  let i = text.length;
  while (i > 0 && WORD_CHAR.test(text[i - 1]!)) i--;
  return text.slice(i);
}

/** A region named right before the bracket around a number (`서울(200백만원)`) or in its clause (`대구경북 방역물품 1.3억원`). */
export function regionOf(text: string, start: number): string | null {
  const paren = enclosingParen(text, start);
  if (paren >= 0) {
    const words = trailingWords(text.slice(0, paren));
    const word = words ? words.trim().split(/\s+/).pop() : undefined;
    const code = word ? resolveRegion(word) : null;
    if (code) return code;
  }
  const clause = text.slice(clauseStart(text.slice(0, start)), start);
  for (const word of clause.split(/\s+/)) {
    const code = word ? resolveRegion(word) : null;
    if (code) return code;
  }
  return null;
}
