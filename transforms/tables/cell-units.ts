import { lookupUnit, memoize } from '../../vocabulary/index.js';

/** The unit a label names in parentheses: `금액(억원)`, `가입(건)`, `과정수(개)`, `부금수입 (억원)`. */
export const unitInLabel = memoize(unitInLabelOnce);

function unitInLabelOnce(label: string): string | null {
  const m = /[(（]([^()（）]+)[)）]\s*$/.exec(label);
  if (!m) return null;
  const inner = m[1]!.replace(/\s/g, '');
  return lookupUnit(inner) ? inner : null;
}

/** `(단위 : 개사, 건, 억원)`, `[단위: 억원]`, `(‘18.3.19~현재, 건·억원)` → the unit spellings listed, in order. */
export function unitsInNote(note: string | null): string[] {
  if (!note) return [];
  const inner = (/[(（[［]/.test(note) ? note.replace(/^[^(（[［]*[(（[［]|[)）\]］][^)）\]］]*$/g, '') : note).replace(
    /^\s*단\s*위\s*[:：]?/,
    '',
  );
  return inner
    .split(/[,，·・/\s]+/)
    .map((w) => w.trim())
    .filter((w) => w && lookupUnit(w));
}

/** Label words that say which of several listed units a cell is in. */
const KEYWORDS: ReadonlyArray<{ re: RegExp; exact: readonly string[]; units: readonly string[] }> = [
  { re: /율|률|비중|비율|구성비|점유|%/, exact: ['비중', '비율', '손해율', '수익률'], units: ['%', '%p'] },
  { re: /업체수|기업수|회사수|개사|업체/, exact: ['업체수', '기업수'], units: ['개사', '업체', '개'] },
  { re: /건수|건$/, exact: ['건수'], units: ['건'] },
  { re: /인원|명$|수료|연인원/, exact: ['인원'], units: ['명', '인'] },
  {
    re: /금액|액$|보증료|보험료|수입|지출|예산|매출|자금|비용|기금|원$/,
    exact: ['금액'],
    units: ['억원', '백만원', '천원', '만원', '원', '조원', '천불', '불', '달러', '백만불'],
  },
];

/** How strongly a label names each keyword group: 2 exactly, 1 by containing a keyword, 0 not at all. */
const keywordScores = memoize((raw: string): readonly number[] => {
  const label = raw.replace(/\s|\(.*\)$/g, '');
  return KEYWORDS.map((k) => (k.exact.includes(label) ? 2 : k.re.test(label) ? 1 : 0));
});

/**
 * Picks the note's unit for a cell from its row and column labels (`업체수` → 개사, `건수` → 건,
 * `금액`/`보증료` → 억원, `손해율` → %), read as one path `labels` then `more`. An exact label beats
 * one that merely contains a keyword; among equals the first wins.
 */
export function unitFromNote(
  units: readonly string[],
  labels: readonly string[],
  more: readonly string[] = [],
): string | null {
  if (units.length <= 1) return units[0] ?? null;
  let best: string | null = null;
  let bestScore = 0;
  for (const path of [labels, more]) {
    for (const raw of path) {
      const scores = keywordScores(raw);
      for (let k = 0; k < KEYWORDS.length; k++) {
        if (scores[k]! <= bestScore) continue;
        const unit = KEYWORDS[k]!.units.find((u) => units.includes(u));
        if (unit) {
          best = unit;
          bestScore = scores[k]!;
        }
      }
    }
  }
  return best;
}
