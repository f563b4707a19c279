import { lookupUnit, memoize } from '../../vocabulary/index.js';

/**
 * The kind of quantity a label or a unit names. Rates, point changes and ratios are specific: a
 * `증감률` column under a `총수입` row holds a rate whatever the row counts. Money and counts are
 * general, physical units (㎡, 개월, 톤) are what they say.
 */
export type Measure = 'rate' | 'point' | 'ratio' | 'money' | 'count' | 'physical';

export const isSpecific = (m: Measure | null): boolean => m === 'rate' || m === 'point' || m === 'ratio';

/** Label words by measure, most specific first: `경쟁률` is a ratio before it is a rate. */
const LABEL_MEASURES: ReadonlyArray<readonly [Measure, RegExp]> = [
  ['point', /%p|퍼센트포인트/],
  ['ratio', /경쟁률|배율|\(배\)/],
  // `(B-A)/A`: a change over its base is a rate
  ['rate', /률|율|비중|비율|구성비|점유|\(%\)|\)\/[A-Z]$/],
  ['money', /금액|액$|예산|결산|보험료|보증료|수입|지출|사업비|운영비|인건비|경비|비용|매출|자금|기금|원\)$/],
  ['count', /건수|업체수|기업수|회사수|인원|횟수|개사|\(건\)|\(명\)|\(개\)/],
];

/** What a label measures (`증감률` → rate, `운영비` → money, `업체수` → count), or null for a period or a name. */
export const measureOfLabel = memoize(measureOfLabelOnce);

function measureOfLabelOnce(label: string): Measure | null {
  const text = label.replace(/\s/g, '');
  for (const [measure, re] of LABEL_MEASURES) if (re.test(text)) return measure;
  return null;
}

/** What a unit spelling measures: `%` a rate, `%p` a point change, `배` a ratio, `백만원` money. */
export const measureOfUnit = memoize(measureOfUnitOnce);

function measureOfUnitOnce(unit: string): Measure | null {
  const def = lookupUnit(unit);
  if (!def) return null;
  if (def.base_unit === 'percent') return 'rate';
  if (def.base_unit === 'percent_point') return 'point';
  if (def.quantity_kind === 'ratio') return 'ratio';
  if (def.quantity_kind === 'money' || def.quantity_kind === 'count') return def.quantity_kind;
  return 'physical';
}

/** The unit a specific measure takes when the note lists none of its kind. */
export const DEFAULT_SPECIFIC_UNIT: Readonly<Record<string, string>> = { rate: '%', point: '%p', ratio: '배' };

/** The note's units of one measure, in the note's order. */
export const noteUnitsOf = (units: readonly string[], measure: Measure): string[] =>
  units.filter((u) => measureOfUnit(u) === measure);

/** The note's one money or count unit, for a numeric column no label measures (`운영비 | 8,120` under `백만원, %`). */
export function soleGeneralUnit(units: readonly string[]): string | null {
  const general = units.filter((u) => {
    const m = measureOfUnit(u);
    return m === 'money' || m === 'count';
  });
  return general.length === 1 ? general[0]! : null;
}
