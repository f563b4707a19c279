import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Fact, NormalizedDocument, QualityCheck } from '../../schemas/index.js';
import { REGIONS } from '../../vocabulary/index.js';

/** One value the document prints, as a reader of the document means it (shape: test/fixtures/real/README.md). */
interface ExpectedFact {
  table: string | null;
  raw: string;
  value: number | null;
  unit_raw: string;
  value_base: number | null;
  base_unit: string;
  period_year: number | null;
  row: string[];
  col: string[];
  region: string | null;
  qualifier?: string;
  chart?: boolean;
}
interface ExpectedDate {
  raw: string;
  start: string;
  end?: string;
  leak: number[];
}
/** A mismatch the audit must flag: `planted` in a variant, or one the source itself prints (`planted: false`). */
interface ExpectedFinding {
  table: string;
  label: string;
  col: string[];
  printed: number;
  computed: number;
  planted: boolean;
}
export interface Floors {
  found?: number;
  labeled?: number;
  unit_base?: number;
  year?: number;
  right?: number;
  regions?: number;
  dates?: number;
  flagged?: number;
  date_leaks_max?: number;
  false_alarms_max?: number;
}
export interface Expectation {
  document: string;
  input: string;
  format: string;
  run: { year: number };
  read_by: string;
  score_year: boolean;
  score_findings: boolean;
  facts: ExpectedFact[];
  date_mentions: ExpectedDate[];
  findings: ExpectedFinding[];
  floors: Floors;
  /** Where the expectation file was read from. */
  file: string;
}

/** Shares are 0..1 (null when nothing of that kind is expected); counts are counts. */
export interface Score {
  document: string;
  values: number;
  found: number;
  labeled: number;
  unit_base: number;
  year: number | null;
  right: number;
  regions: number | null;
  region_rows: number;
  dates: number | null;
  date_leaks: number;
  date_mentions_scored: boolean;
  flagged: number | null;
  findings: number;
  false_alarms: number | null;
}

/** The expectation files of this shape in `dir` (a file of another shape, with no `input` and `facts`, is not one). */
export function readExpectations(dir: string): Expectation[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => ({
      ...(JSON.parse(readFileSync(join(dir, f), 'utf8')) as Omit<Expectation, 'file'>),
      file: join(dir, f),
    }))
    .filter((e) => typeof e.input === 'string' && Array.isArray(e.facts));
}

// Labels compare without spacing, <br>, administrative codes or a trailing unit in parentheses: the
// pipeline may keep or drop those, but the words must be there.
const UNIT_SUFFIX = /\((?:%|%p|명|㎡|건|개사|회|억원|백만원|천원|조원|배)\)$/u;
const squash = (s: string): string =>
  s
    .replace(/<br>/giu, '')
    .replace(/\s+/gu, '')
    .replace(/\(\d{10}\)/gu, '')
    .replace(/[‘’′]/gu, "'");
const core = (label: string): string => squash(label).replace(UNIT_SUFFIX, '');
const labelsMatch = (expected: readonly string[], actual: readonly string[]): boolean => {
  const hay = squash(actual.join('|'));
  return expected.every((label) => hay.includes(core(label)));
};
const same = (a: number | null, b: number | null): boolean =>
  a === b || (a !== null && b !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)));
const BASE_ALIASES: Record<string, string> = { '㎡': 'm2', sqm: 'm2', square_metre: 'm2', square_meter: 'm2' };
const base = (unit: string | null): string | null => (unit ? (BASE_ALIASES[unit] ?? unit) : null);

const labeled = (e: ExpectedFact, f: Fact): boolean =>
  labelsMatch(e.row, f.row_labels) && labelsMatch(e.col, f.col_labels);
const unitBase = (e: ExpectedFact, f: Fact): boolean =>
  base(f.base_unit) === base(e.base_unit) && same(f.value_base, e.value_base);

/** How many of the expected row and column labels a fact carries. */
const labelHits = (e: ExpectedFact, f: Fact): number =>
  [...e.row, ...e.col].filter((label) => squash([...f.row_labels, ...f.col_labels].join('|')).includes(core(label)))
    .length;

/**
 * Each expected value takes the unused fact of the same value that fits it best: most of its labels first (so a
 * table cell is not scored by a prose repeat of its number elsewhere), then the unit, then the year.
 */
function matchFacts(expected: readonly ExpectedFact[], facts: readonly Fact[]): (Fact | null)[] {
  const used = new Set<Fact>();
  const fit = (e: ExpectedFact, f: Fact): number =>
    4 * labelHits(e, f) + (unitBase(e, f) ? 2 : 0) + (f.period_year === e.period_year ? 1 : 0);
  return expected.map((e) => {
    let best: Fact | null = null;
    for (const f of facts) {
      if (used.has(f) || !same(f.value, e.value) || (e.table !== null) !== (f.origin === 'table')) continue;
      if (!best || fit(e, f) > fit(e, best)) best = f;
    }
    if (best) used.add(best);
    return best;
  });
}

/**
 * The sido a fact's region code rolls up to, as `region_members` does: a sido is itself, a 시군구 or other subregion
 * is its one member sido. A code that is not in `regions`, or a composite of several sido, is no sido.
 */
function sidoOf(code: string | null): string | null {
  const def = code ? REGIONS.find((r) => r.region_code === code) : undefined;
  if (!def) return null;
  return def.kind === 'sido' ? def.region_code : def.members.length === 1 ? def.members[0]! : null;
}

function regionScore(expected: readonly ExpectedFact[], matched: readonly (Fact | null)[]): [number, number] {
  const rows = new Map<string, { sido: string; facts: (Fact | null)[] }>();
  expected.forEach((e, i) => {
    if (!e.region) return;
    const key = `${e.table}|${e.row.join('|')}`;
    const row = rows.get(key) ?? { sido: e.region, facts: [] };
    row.facts.push(matched[i] ?? null);
    rows.set(key, row);
  });
  let right = 0;
  for (const { sido, facts } of rows.values()) {
    const found = facts.filter((f): f is Fact => f !== null);
    if (found.length > 0 && found.every((f) => sidoOf(f.region_code) === sido)) right++;
  }
  return [right, rows.size];
}

function dateScore(expected: readonly ExpectedDate[], doc: NormalizedDocument): [number, number] {
  const used = new Set<number>();
  let found = 0;
  let leaks = 0;
  for (const d of expected) {
    const i = doc.date_mentions.findIndex((m, j) => !used.has(j) && m.start_date.startsWith(d.start));
    if (i >= 0) {
      used.add(i);
      found++;
    }
    const unitless = (f: Fact): boolean => f.base_unit === 'number' || f.unit === null;
    if (doc.facts.some((f) => unitless(f) && d.leak.some((v) => f.value === v))) leaks++;
  }
  return [found, leaks];
}

/**
 * A failed check shows an expected mismatch when it names the printed value, or is off by exactly a mismatch of 10
 * or more (a wrong total also breaks the row identity that uses it): such a check is no false alarm.
 */
function shows(c: QualityCheck, e: ExpectedFinding): boolean {
  if (same(c.actual, e.printed)) return true;
  const off = Math.abs(e.printed - e.computed);
  return off >= 10 && c.actual !== null && c.expected !== null && same(Math.abs(c.actual - c.expected), off);
}

function findingScore(expected: readonly ExpectedFinding[], doc: NormalizedDocument): [number, number] {
  const failed = doc.quality_checks.filter((c) => !c.passed);
  const flagged = expected.filter((e) => failed.some((c) => shows(c, e))).length;
  return [flagged, failed.filter((c) => !expected.some((e) => shows(c, e))).length];
}

const share = (n: number, d: number): number => (d === 0 ? 1 : n / d);

export function scoreDocument(exp: Expectation, doc: NormalizedDocument): Score {
  const matched = matchFacts(exp.facts, doc.facts);
  const pairs = exp.facts
    .map((e, i) => [e, matched[i]] as const)
    .filter((p): p is [ExpectedFact, Fact] => p[1] !== null);
  const n = exp.facts.length;
  const count = (ok: (e: ExpectedFact, f: Fact) => boolean): number =>
    share(pairs.filter(([e, f]) => ok(e, f)).length, n);
  const yearOk = (e: ExpectedFact, f: Fact): boolean => f.period_year === e.period_year;
  const [regionsRight, regionRows] = regionScore(exp.facts, matched);
  const [dates, leaks] = dateScore(exp.date_mentions, doc);
  const [flagged, falseAlarms] = findingScore(exp.findings, doc);
  return {
    document: exp.document,
    values: n,
    found: share(pairs.length, n),
    labeled: count(labeled),
    unit_base: count(unitBase),
    year: exp.score_year ? count(yearOk) : null,
    right: count((e, f) => labeled(e, f) && unitBase(e, f) && (!exp.score_year || yearOk(e, f))),
    regions: regionRows ? share(regionsRight, regionRows) : null,
    region_rows: regionRows,
    dates: exp.date_mentions.length ? share(dates, exp.date_mentions.length) : null,
    date_leaks: leaks,
    date_mentions_scored: exp.date_mentions.length > 0,
    flagged: exp.score_findings ? flagged : null,
    findings: exp.findings.length,
    false_alarms: exp.score_findings ? falseAlarms : null,
  };
}

/** The acceptance targets, printed beside the scores. */
const TARGETS = { unit_base: 0.95, year: 0.9, regions: 0.98, next_year_right: 0.97 } as const;

const pct = (x: number | null): string => (x === null ? '–' : `${(100 * x).toFixed(1)}%`);
/** A compact table of scores, one line per document, and the pooled shares against the acceptance targets. */
export function formatScorecard(scores: readonly Score[]): string {
  const head = [
    'document',
    'values',
    'found',
    'labels',
    'unit+base',
    'year',
    'all right',
    'regions',
    'dates',
    'date leaks',
    'flagged',
    'false alarms',
  ];
  const rows = scores.map((s) => [
    s.document,
    String(s.values),
    pct(s.found),
    pct(s.labeled),
    pct(s.unit_base),
    pct(s.year),
    pct(s.right),
    s.regions === null ? '–' : `${pct(s.regions)} of ${s.region_rows}`,
    pct(s.dates),
    String(s.date_leaks),
    s.flagged === null ? '–' : `${s.flagged}/${s.findings}`,
    s.false_alarms === null ? '–' : String(s.false_alarms),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

/** Shares pooled over documents (weighted by their values or rows). */
function pooled(scores: readonly Score[], key: 'unit_base' | 'year' | 'right' | 'regions'): number | null {
  const weight = (s: Score): number => (key === 'regions' ? s.region_rows : s.values);
  const used = scores.filter((s) => s[key] !== null && weight(s) > 0);
  const total = used.reduce((a, s) => a + weight(s), 0);
  return total ? used.reduce((a, s) => a + (s[key] ?? 0) * weight(s), 0) / total : null;
}

export function formatTargets(groups: Record<string, readonly Score[]>): string {
  const lines = ['acceptance targets (issue 10) beside the pooled scores:'];
  const budget = groups.budget ?? [];
  const kosis = groups.kosis ?? [];
  const next = groups.next ?? [];
  if (budget.length) {
    lines.push(
      `  budget sheets: unit+base ${pct(pooled(budget, 'unit_base'))} (target ≥ ${pct(TARGETS.unit_base)}), ` +
        `year ${pct(pooled(budget, 'year'))} (target ≥ ${pct(TARGETS.year)}), false alarms ` +
        `${budget.reduce((a, s) => a + (s.false_alarms ?? 0), 0)} (target 0)`,
    );
  }
  if (kosis.length) {
    lines.push(
      `  KOSIS region rows to the right sido: ${pct(pooled(kosis, 'regions'))} ` + `(target ≥ ${pct(TARGETS.regions)})`,
    );
  }
  if (next.length) {
    const shapes = next.filter((s) => !s.document.endsWith('-report.txt'));
    lines.push(
      `  next-year facts all right: ${pct(pooled(next, 'right'))}, ` +
        `new shapes only ${pct(pooled(shapes, 'right'))} ` +
        `(target ≥ ${pct(TARGETS.next_year_right)}), ` +
        `expected findings flagged ${next.reduce((a, s) => a + (s.flagged ?? 0), 0)}/` +
        `${next.reduce((a, s) => a + s.findings, 0)} (2 planted, 2 printed by the 2020 text), ` +
        `false alarms ${next.reduce((a, s) => a + (s.false_alarms ?? 0), 0)} (target 0)`,
    );
  }
  return lines.join('\n');
}

const floorOf = (x: number): number => Math.floor(x * 1000) / 1000;
/** Floors raised to today's scores (never lowered; false alarms and date leaks only ever fall). */
export function raisedFloors(old: Floors, s: Score): Floors {
  const up = (key: keyof Floors, x: number | null): number | undefined =>
    x === null ? old[key] : Math.max(old[key] ?? 0, floorOf(x));
  const down = (key: keyof Floors, x: number | null): number | undefined =>
    x === null ? old[key] : Math.min(old[key] ?? Infinity, x);
  const floors: Floors = {
    found: up('found', s.found),
    labeled: up('labeled', s.labeled),
    unit_base: up('unit_base', s.unit_base),
    year: up('year', s.year),
    right: up('right', s.right),
    regions: up('regions', s.regions),
    dates: up('dates', s.dates),
    flagged: up('flagged', s.flagged),
    false_alarms_max: down('false_alarms_max', s.false_alarms),
    date_leaks_max: down('date_leaks_max', s.date_mentions_scored ? s.date_leaks : null),
  };
  return Object.fromEntries(Object.entries(floors).filter(([, v]) => v !== undefined)) as Floors;
}

/** Rewrites the `"floors"` line of an expectation file (the rest of the file is left as written). */
export function writeFloors(exp: Expectation, floors: Floors): void {
  const text = readFileSync(exp.file, 'utf8');
  const next = text.replace(/^ {2}"floors": .*$/mu, `  "floors": ${JSON.stringify(floors)}`);
  if (next === text && !text.includes(JSON.stringify(floors))) throw new Error(`${exp.file}: no "floors" line`);
  writeFileSync(exp.file, next);
}

/** Each expected value the pipeline got wrong, with what it gave instead (SCORECARD_MISSES=1 prints them). */
export function formatMisses(exp: Expectation, doc: NormalizedDocument): string {
  const matched = matchFacts(exp.facts, doc.facts);
  const lines = exp.facts.flatMap((e, i) => {
    const f = matched[i];
    const want =
      `${e.raw} ${e.unit_raw}→${e.base_unit} ${e.period_year ?? '-'} ` + `[${e.row.join('/')}]×[${e.col.join('/')}]`;
    if (!f) return [`  missing  ${want}`];
    const wrong = [
      !labeled(e, f) && 'labels',
      !unitBase(e, f) && 'unit',
      exp.score_year && f.period_year !== e.period_year && 'year',
      e.region && sidoOf(f.region_code) !== e.region && 'region',
    ].filter(Boolean);
    return wrong.length
      ? [
          `  ${wrong.join('+').padEnd(8)} ${want} ⇐ ${f.unit_raw ?? '-'}→${f.base_unit ?? '-'} ` +
            `${f.period_year ?? '-'} [${f.row_labels.join('/')}]×[${f.col_labels.join('/')}] ${f.region_code ?? ''}`,
        ]
      : [];
  });
  const alarms = doc.quality_checks
    .filter((c) => !c.passed && !exp.findings.some((e) => shows(c, e)))
    .map((c) => `  alarm    ${c.kind}: ${c.message}`);
  return `${exp.document}: ${lines.length} of ${exp.facts.length} values wrong\n${[...lines, ...alarms].join('\n')}`;
}
