import { EXTRA_ALIASES, KBIZ_HQ, SIDO, type RegionDef } from './region-data.js';

export const REGIONS: readonly RegionDef[] = [...SIDO, ...KBIZ_HQ];

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

function buildAliases(): Map<string, string> {
  const aliases = new Map<string, string>();
  const add = (alias: string, code: string) => {
    if (!aliases.has(alias)) aliases.set(alias, code);
  };
  for (const r of REGIONS) {
    for (const v of variants(r.short_ko, splitComposite(r.short_ko))) add(v, r.region_code);
    add(r.name_ko, r.region_code);
    for (const f of r.former_names ?? []) add(f.name_ko, r.region_code);
  }
  for (const [alias, code] of EXTRA_ALIASES) for (const v of variants(alias, splitComposite(alias))) add(v, code);
  return aliases;
}

/** Every spelling → region_code; loaded into `region_aliases`. */
export const REGION_ALIASES: ReadonlyMap<string, string> = buildAliases();
const COMPACT = new Map([...REGION_ALIASES].map(([a, c]) => [a.replace(/[\s·・/,-]/g, ''), c]));

/** `대전 충남`, `부산·울산`, `충청남도`, `대구경북지역` → region code; null when the label is no region. */
export function resolveRegion(label: string): string | null {
  const key = label.trim();
  return REGION_ALIASES.get(key) ?? COMPACT.get(key.replace(/[\s·・/,-]/g, '')) ?? null;
}
