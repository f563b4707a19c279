import type { Quantity } from './korean-number.js';

/** Words before a number that qualify it: `최대 15백만원`, `약 3억원`. */
const BEFORE_WORDS: Readonly<Record<string, Quantity['qualifier']>> = {
  최대: 'max',
  최소: 'min',
  약: 'approx',
};

/** Words after a number that qualify it: `30억원 이상`, `40,000부 내외`, `1,000명+`. */
const AFTER_WORDS: Readonly<Record<string, Quantity['qualifier']>> = {
  이상: 'min',
  이하: 'max',
  초과: 'over',
  미만: 'under',
  내외: 'approx',
  이내: 'max',
  정도: 'approx',
  가량: 'approx',
  '+': 'plus',
};

const escape = (w: string) => w.replace(/[+]/g, '\\$&');
const BEFORE = new RegExp(`(?:^|[^가-힣])(${Object.keys(BEFORE_WORDS).join('|')})\\s*$`);
const AFTER = new RegExp(`^\\s*(${Object.keys(AFTER_WORDS).map(escape).join('|')})`);

/** The qualifier written around a number: `before` ends right before it, `after` starts right after it. */
export function qualifierAround(before: string, after: string): Quantity['qualifier'] {
  const a = AFTER.exec(after)?.[1];
  const b = BEFORE.exec(before)?.[1];
  return (a ? AFTER_WORDS[a] : undefined) ?? (b ? BEFORE_WORDS[b] : undefined) ?? null;
}

/** Words that may follow a bare number without being its unit: qualifiers, `여`, conjunctions. */
const NOT_UNIT_WORDS = [...Object.keys(AFTER_WORDS).filter((w) => w !== '+'), '여', '및', '또는', '중'];
const NOT_UNIT = new RegExp(`^(${NOT_UNIT_WORDS.join('|')})`);
export const isQualifierWord = (word: string): boolean => NOT_UNIT.test(word);
