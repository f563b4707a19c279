import { EXTRA_ALIASES, FORMER_ADMIN_CODES, KBIZ_HQ, SIDO, type RegionDef } from './region-data.js';
import { memoize } from './memo.js';
import { SUBREGIONS } from './subregions.js';

export const REGIONS: readonly RegionDef[] = [...SIDO, ...KBIZ_HQ, ...SUBREGIONS];
const BY_CODE: ReadonlyMap<string, RegionDef> = new Map(REGIONS.map((r) => [r.region_code, r]));

/** Spellings that mean the same region: spaced, dotted, slashed, with 지역/본부 suffixes. */
function variants(name: string, parts: readonly string[]): string[] {
  const joined = parts.length > 1 ? ['', ' ', '·', '・', '/', '-', ','].map((sep) => parts.join(sep)) : [name];
  return joined.flatMap((n) => [n, `${n}지역`, `${n} 지역`, `${n}지역본부`, `${n}본부`]);
}

/** Splits `대전세종충남` into `대전`, `세종`, `충남` using the sido short names. */
function splitComposite(name: string): string[] {
  const shorts = SIDO.map((s) => s.short_ko).filter((s) => s.length === 2);
  const parts: string[] = [];
  let rest = name;
  while (rest) {
    const head = shorts.find((s) => rest.startsWith(s)) ?? (rest.startsWith('경기북부') ? '경기북부' : undefined);
    if (!head) return [name];
    parts.push(head === '경기북부' ? '경기' : head);
    if (head === '경기북부') parts.push('북부');
    rest = rest.slice(head.length);
  }
  return parts;
}

/** Names a sido is written with: official, short and former (`강원도 춘천시` in exports made before 2023-06-11). */
const sidoNames = (s: RegionDef): string[] => [s.name_ko, s.short_ko, ...(s.former_names ?? []).map((f) => f.name_ko)];

/** A subregion's names under its sido: `수원시`, `수원시 장안구`, `남구` (former name of 인천 미추홀구). */
function localNames(r: RegionDef): string[] {
  const sido = BY_CODE.get(r.members[0]!)!;
  const local = r.name_ko.slice(sido.name_ko.length + 1);
  const former = (r.former_names ?? []).map((f) => `${local.slice(0, -r.short_ko.length)}${f.name_ko}`);
  return [local, ...former];
}

function buildAliases(): Map<string, string> {
  const aliases = new Map<string, string>();
  const add = (alias: string, code: string) => {
    if (!aliases.has(alias)) aliases.set(alias, code);
  };
  for (const r of [...SIDO, ...KBIZ_HQ]) {
    for (const v of variants(r.short_ko, splitComposite(r.short_ko))) add(v, r.region_code);
    add(r.name_ko, r.region_code);
    for (const f of r.former_names ?? []) add(f.name_ko, r.region_code);
  }
  for (const [alias, code] of EXTRA_ALIASES) for (const v of variants(alias, splitComposite(alias))) add(v, code);
  // A 시군구 only ever under its sido: `경기도 광주시` is in 경기, and a bare `광주시` or `고성군` is no alias.
  for (const r of SUBREGIONS) {
    const sido = BY_CODE.get(r.members[0]!)!;
    for (const s of sidoNames(sido)) for (const l of localNames(r)) add(`${s} ${l}`, r.region_code);
  }
  return aliases;
}

/** Every spelling → region_code; loaded into `region_aliases`. */
export const REGION_ALIASES: ReadonlyMap<string, string> = buildAliases();
const compact = (s: string): string => s.replace(/[\s·・/,-]/g, '');
const COMPACT = new Map([...REGION_ALIASES].map(([a, c]) => [compact(a), c]));

/** Local names (`수원시`, `수원시 장안구`, `수원시장안구`) → code, per sido. */
const LOCAL: ReadonlyMap<string, ReadonlyMap<string, string>> = (() => {
  const bySido = new Map<string, Map<string, string>>();
  for (const r of SUBREGIONS) {
    const names = bySido.get(r.members[0]!) ?? new Map<string, string>();
    for (const l of localNames(r)) for (const n of [l, compact(l)]) if (!names.has(n)) names.set(n, r.region_code);
    bySido.set(r.members[0]!, names);
  }
  return bySido;
})();

/** First two digits of a 10-digit administrative code → sido (ministry codes, today's and before the renames). */
const ADMIN_SIDO: ReadonlyMap<string, string> = new Map([
  ...SIDO.filter((s) => s.admin_code && s.iso_3166_2).map((s): [string, string] => [s.admin_code!, s.region_code]),
  ...FORMER_ADMIN_CODES,
]);

/** The sido a region rolls up to through its members: itself, or its one member sido; null for a composite. */
export function sidoOfRegion(code: string | null): string | null {
  const def = code ? BY_CODE.get(code) : undefined;
  if (!def) return null;
  return def.kind === 'sido' ? def.region_code : def.members.length === 1 ? def.members[0]! : null;
}

const SGG_WORD = /^[가-힣]{1,7}[시군구]$/u;
const TOTAL_WORD = /^(소계|계|합계)$/u;

/**
 * A place named under `sido` by the words after the sido's name: a known 시군구 or 일반구; the city of an
 * unknown 일반구 (`화성시 동탄구`); the sido itself for an unlisted 시군구-like word or a subtotal (`소계`);
 * null when the words are no place.
 */
function withinSido(sido: string, words: readonly string[]): string | null {
  const names = LOCAL.get(sido);
  const known = names?.get(words.join(' ')) ?? names?.get(words.join(''));
  if (known) return known;
  const city = words.length > 1 ? names?.get(words[0]!) : undefined;
  if (city && words.slice(1).every((w) => SGG_WORD.test(w))) return city;
  // `서울특별시 수원시` is no place: 수원시 is in 경기.
  if ([...LOCAL.values()].some((n) => n.has(words.join(' ')) || n.has(words[0]!))) return null;
  return words.length > 0 && words.every((w) => SGG_WORD.test(w) || TOTAL_WORD.test(w)) ? sido : null;
}

const sidoOfWord = (word: string): string | null => {
  const code = REGION_ALIASES.get(word);
  return code && BY_CODE.get(code)?.kind === 'sido' ? code : null;
};

/** A name without administrative code: an alias, or `<sido> <시군구 …>`. */
function resolveName(name: string): string | null {
  const hit = REGION_ALIASES.get(name) ?? COMPACT.get(compact(name));
  if (hit || !name) return hit ?? null;
  const [head, ...rest] = name.split(' ');
  const sido = sidoOfWord(head!);
  return sido && rest.length ? withinSido(sido, rest) : null;
}

/** What a label says of its region: the code, or why it has none although it names one. */
export interface RegionReading {
  readonly code: string | null;
  /** Set when the name and the administrative code in parentheses name different sido. */
  readonly conflict: string | null;
}

const ADMIN_CODE = /\(\s*(\d{10})\s*\)/gu;

/**
 * Reads `경기도 수원시 (4111000000)`: the code's first two digits name the sido and win over the name when both
 * agree (the name may then be finer: a 시군구 of that sido). When they disagree neither is used: a wrong
 * region is worse than none, so the reading carries the conflict for an `issues` row.
 */
export const readRegion = memoize(readRegionOnce);

function readRegionOnce(label: string): RegionReading {
  const codes = [...label.matchAll(ADMIN_CODE)].map((m) => m[1]!);
  const name = label.replace(ADMIN_CODE, ' ').replace(/\s+/gu, ' ').trim();
  const named = resolveName(name);
  if (!codes.length) return { code: named, conflict: null };
  const sidos = new Set(codes.map((c) => ADMIN_SIDO.get(c.slice(0, 2)) ?? `?${c.slice(0, 2)}`));
  const [bySido] = sidos;
  const nameSido = named ? sidoOfRegion(named) : sidoOfWord(name.split(' ')[0]!);
  const conflict = (why: string): RegionReading => ({ code: null, conflict: `${label.trim()}: ${why}` });
  if (sidos.size > 1) return conflict(`administrative codes of different sido (${codes.join(', ')})`);
  if (bySido!.startsWith('?')) {
    return name && (named || nameSido)
      ? conflict(`no sido has administrative code ${bySido!.slice(1)}`)
      : { code: null, conflict: null };
  }
  if (named && nameSido === bySido) return { code: named, conflict: null };
  if (named || nameSido) return conflict(`the name is in ${named ?? nameSido}, code ${codes[0]} in ${bySido}`);
  if (!name) return { code: bySido!, conflict: null };
  // A bare 시군구 name beside its code (`수원시 (4111000000)`) is placed by the code's sido, if it is there.
  const local = withinSido(bySido!, name.split(' '));
  return local ? { code: local, conflict: null } : conflict(`${name} is no place in ${bySido} (code ${codes[0]})`);
}

/** `대전 충남`, `부산·울산`, `충청남도`, `경기도 수원시`, `부산광역시 (2600000000)` → region code; null if none. */
export function resolveRegion(label: string): string | null {
  return readRegion(label.trim()).code;
}

/**
 * The region of a label path (`경기도 | 수원시`, `서울특별시 | 소계`): the first label naming one, made finer
 * by the next label when that is a place inside it; null when a label's name and code disagree.
 */
export function resolveRegionPath(labels: readonly string[]): string | null {
  for (let i = 0; i < labels.length; i++) {
    const { code, conflict } = readRegion(labels[i]!.trim());
    if (conflict) return null;
    if (!code) continue;
    const next = labels[i + 1];
    if (next === undefined || BY_CODE.get(code)?.kind !== 'sido') return code;
    const joined = readRegion(`${labels[i]!.trim()} ${next.trim()}`).code;
    return joined && sidoOfRegion(joined) === code ? joined : code;
  }
  return null;
}

/** Messages for the labels of a path whose name and administrative code disagree (`region_conflict` issues). */
export function regionConflicts(labels: readonly string[]): string[] {
  return labels.map((l) => readRegion(l).conflict).filter((c): c is string => c !== null);
}
