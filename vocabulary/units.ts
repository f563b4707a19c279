/** One spelling of a unit: what it counts, what it converts to, and by how much. */
export interface UnitDef {
  readonly unit_raw: string;
  readonly unit: string;
  readonly base_unit: string;
  readonly multiplier: number;
  readonly quantity_kind: 'money' | 'count' | 'ratio' | 'duration' | 'mass' | 'area' | 'number';
}

/** Units written without a magnitude word. Counted things keep what they count in `unit`. */
const PLAIN: ReadonlyArray<[string, string, string, UnitDef['quantity_kind']]> = [
  ['원', 'KRW', 'KRW', 'money'],
  ['불', 'USD', 'USD', 'money'],
  ['달러', 'USD', 'USD', 'money'],
  ['건', 'case', 'count', 'count'],
  ['개', 'item', 'count', 'count'],
  ['개사', 'company', 'count', 'count'],
  ['업체', 'company', 'count', 'count'],
  ['개업체', 'company', 'count', 'count'],
  ['조합', 'cooperative', 'count', 'count'],
  ['곳', 'place', 'count', 'count'],
  ['개소', 'place', 'count', 'count'],
  ['개국', 'country', 'count', 'count'],
  ['기관', 'organization', 'count', 'count'],
  ['명', 'person', 'count', 'count'],
  ['인', 'person', 'count', 'count'],
  ['회', 'occurrence', 'count', 'count'],
  ['차수', 'session', 'count', 'count'],
  ['과정', 'course', 'count', 'count'],
  ['부', 'copy', 'count', 'count'],
  ['권', 'volume', 'count', 'count'],
  ['편', 'piece', 'count', 'count'],
  ['면', 'page', 'count', 'count'],
  ['종', 'kind', 'count', 'count'],
  ['일', 'day', 'count', 'count'],
  ['호', 'issue', 'count', 'count'],
  ['대', 'machine', 'count', 'count'],
  ['%', 'percent', 'percent', 'ratio'],
  ['%p', 'percent_point', 'percent_point', 'ratio'],
  ['배', 'times', 'times', 'ratio'],
  ['년간', 'year', 'year', 'duration'],
  ['개년', 'year', 'year', 'duration'],
  ['개월', 'month', 'month', 'duration'],
  ['시간', 'hour', 'hour', 'duration'],
  ['톤', 'tonne', 'kg', 'mass'],
  // KOSIS land areas: `면적 (㎡)`
  ['㎡', 'm2', 'm2', 'area'],
  ['m2', 'm2', 'm2', 'area'],
];

/** Korean magnitude words that prefix a unit: `백만원`, `천불`, `만명`. */
export const MAGNITUDES: ReadonlyArray<[string, number]> = [
  ['십', 1e1],
  ['백', 1e2],
  ['천', 1e3],
  ['만', 1e4],
  ['십만', 1e5],
  ['백만', 1e6],
  ['천만', 1e7],
  ['억', 1e8],
  ['십억', 1e9],
  ['백억', 1e10],
  ['천억', 1e11],
  ['조', 1e12],
];

const MAGNIFIABLE = new Set(['원', '불', '달러', '건', '개', '명', '회', '부', '개사', '업체', '톤']);

function buildVocabulary(): Map<string, UnitDef> {
  const vocab = new Map<string, UnitDef>();
  for (const [unit_raw, unit, base_unit, quantity_kind] of PLAIN) {
    vocab.set(unit_raw, { unit_raw, unit, base_unit, multiplier: unit_raw === '톤' ? 1000 : 1, quantity_kind });
    if (unit_raw === '㎡') vocab.set('㎢', { unit_raw: '㎢', unit: 'km2', base_unit, multiplier: 1e6, quantity_kind });
    if (!MAGNIFIABLE.has(unit_raw)) continue;
    for (const [word, factor] of MAGNITUDES) {
      const spelled = word + unit_raw;
      vocab.set(spelled, {
        unit_raw: spelled,
        unit,
        base_unit,
        multiplier: factor * (unit_raw === '톤' ? 1000 : 1),
        quantity_kind,
      });
    }
  }
  return vocab;
}

/** Every unit spelling the pipeline understands; loaded into the `units` table. */
export const UNITS: ReadonlyMap<string, UnitDef> = buildVocabulary();

/** Dimensionless numbers (an index, a score): a value with neither unit nor conversion. */
export const NO_UNIT = { unit: 'number', base_unit: 'number', multiplier: 1 } as const;

export const lookupUnit = (raw: string): UnitDef | undefined => {
  // no spelling holds a space, so a hit as written is the hit without spaces (and skips a regex per fact)
  const hit = UNITS.get(raw);
  return hit ?? UNITS.get(raw.replace(/\s+/g, ''));
};
