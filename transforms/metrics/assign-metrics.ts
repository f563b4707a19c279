import { createHash } from 'node:crypto';
import type { MetricCatalog } from '../../schemas/index.js';
import type { Fact, FactDraft, MeasureKind, Metric, ReportTable, Section } from '../../schemas/index.js';
import { isCumulativeLabel, isTotalLabel, memoize } from '../../vocabulary/index.js';
import { measureKind, unitFamily } from './measure-kind.js';
import { isPeriodOrRegion, keyPart, measuredParts, titlePart } from './metric-key.js';

export interface MetricInput {
  readonly facts: readonly FactDraft[];
  readonly tables: readonly ReportTable[];
  readonly sections: readonly Section[];
  readonly report_year: number;
  readonly catalog: MetricCatalog;
}

/**
 * An id made from the key alone, so every report that writes the same labels gets the same metric
 * (remembered: a key recurs for every period of a series and in every report of a back-fill).
 */
const autoId = memoize((key: string) => `m-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`);

/**
 * `section › table › rows › columns › kind`, each part in key form (see keyPart). `pathKey` gives
 * a label path's measured parts under a table title, joined.
 */
function keyOf(
  fact: FactDraft,
  kind: MeasureKind,
  where: { section: string; table: string },
  pathKey: (labels: readonly string[], title: string) => string,
): string {
  const what =
    fact.origin === 'table'
      ? [where.table, pathKey(fact.row_labels, where.table), pathKey(fact.col_labels, where.table)]
      : ['text', keyPart(fact.subject ?? '')];
  return [where.section, ...what, unitFamily(fact.base_unit), kind].join('|');
}

/** A label path's measured parts without the table's subject, joined: read once per path and title. */
function pathKeys(year: number): (labels: readonly string[], title: string) => string {
  const cache = new Map<string, string>();
  return (labels, title) => {
    const id = `${title}\u241e${labels.join('\u241f')}`;
    let key = cache.get(id);
    if (key === undefined) {
      key = measuredParts(labels, year)
        .map((p) => withoutSubject(p, title))
        .join('>');
      cache.set(id, key);
    }
    return key;
  };
}

/** `measureKind` of the same unit and labels, read once per document. */
function measureKinds(): typeof measureKind {
  const cache = new Map<string, MeasureKind>();
  return (baseUnit, labels, totalOfPeriods) => {
    const id = `${baseUnit}\u241e${totalOfPeriods}\u241e${labels.join('\u241f')}`;
    let kind = cache.get(id);
    if (kind === undefined) cache.set(id, (kind = measureKind(baseUnit, labels, totalOfPeriods)));
    return kind;
  };
}

/**
 * Metric ids sort as `localeCompare` orders them, with one collator instead of one per comparison;
 * made on first use, since loading ICU's collation costs 10–20 ms and an import should not pay it.
 */
let collator: Intl.Collator | undefined;
const byMetricId = (a: Metric, b: Metric) => (collator ??= new Intl.Collator()).compare(a.metric_id, b.metric_id);

/**
 * A label that repeats the end of its table's title (`대출건수` under `부금내 대출`) names what
 * the plain label (`건수`) does: reports write either, so the key drops the repetition.
 */
export function withoutSubject(part: string, title: string): string {
  for (let n = Math.min(title.length, part.length - 1); n >= 2; n--) {
    if (part.startsWith(title.slice(-n))) return part.slice(n);
  }
  return part;
}

/** Tables whose rows are periods: their total row adds the periods up (a cumulative total). */
function periodTables(facts: readonly FactDraft[]): Map<string, number> {
  const first = new Map<string, number>();
  for (const f of facts) {
    if (f.table_id && f.period_year !== null && f.row_labels.length && !f.is_total) {
      first.set(f.table_id, Math.min(first.get(f.table_id) ?? Infinity, f.period_year));
    }
  }
  return first;
}

/**
 * Gives every fact its metric: a key from its normalized labels and measure kind, the curated
 * metric that names that key (sources/metrics.csv) or else an id made from the key; and lists
 * the metrics the document uses, with the years it gives values for.
 */
export function assignMetrics(input: MetricInput): { facts: Fact[]; metrics: Metric[] } {
  const sectionTitle = new Map(input.sections.map((s) => [s.section_id, titlePart(s.title)]));
  const tableTitle = new Map(input.tables.map((t) => [t.table_id, titlePart(t.title)]));
  const curated = new Map(input.catalog.flatMap((m) => m.aliases.map((a) => [a, m] as const)));
  const periodsFrom = periodTables(input.facts);
  const metrics = new Map<string, Metric>();
  const pathKey = pathKeys(input.report_year);
  const kindOf = measureKinds();
  const facts = input.facts.map((f): Fact => {
    const labels = [...f.row_labels, ...f.col_labels];
    // The total row of a table of years adds those years up: cumulative from the first one listed.
    // A 누계 row may reach back before them (to the programme's start), so its start stays unknown.
    const totalOfPeriods =
      !!f.table_id && f.is_total && f.period_year === null && periodsFrom.has(f.table_id) && labels.some(isTotalLabel);
    const cumulativeFrom = totalOfPeriods && !labels.some(isCumulativeLabel) ? periodsFrom.get(f.table_id!)! : null;
    const guessed = kindOf(f.base_unit, labels, totalOfPeriods);
    const where = {
      section: sectionTitle.get(f.section_id ?? '') ?? '',
      table: tableTitle.get(f.table_id ?? '') ?? '',
    };
    const metric_key = keyOf(f, guessed, where, pathKey);
    const entry = curated.get(metric_key);
    const metric_id = entry?.metric_id ?? autoId(metric_key);
    const measure_kind = entry?.kind ?? guessed;
    const known = metrics.get(metric_id);
    const year = f.period_year ?? input.report_year;
    metrics.set(metric_id, {
      metric_id,
      name_ko: entry?.name_ko ?? known?.name_ko ?? readableName(f, input.report_year),
      name_en: entry?.name_en ?? null,
      kind: measure_kind,
      unit_family: entry?.unit_family ?? unitFamily(f.base_unit),
      denominator_metric_id: entry?.denominator_metric_id ?? null,
      cumulative_from: measure_kind === 'cumulative' ? (known?.cumulative_from ?? cumulativeFrom) : null,
      first_year: Math.min(known?.first_year ?? year, year),
      last_year: Math.max(known?.last_year ?? year, year),
      curated: !!entry,
      metric_key: known?.metric_key ?? metric_key,
    });
    return withMetric(f, metric_id, metric_key, measure_kind);
  });
  linkShares(facts, metrics);
  return { facts, metrics: [...metrics.values()].sort(byMetricId) };
}

/** A draft with its metric, as one literal in the artifact's field order: spreading a draft is several times slower. */
const withMetric = (f: FactDraft, metric_id: string, metric_key: string, measure_kind: MeasureKind): Fact => ({
  fact_id: f.fact_id,
  origin: f.origin,
  section_id: f.section_id,
  table_id: f.table_id,
  line_no: f.line_no,
  row_labels: f.row_labels,
  col_labels: f.col_labels,
  context_path: f.context_path,
  subject: f.subject,
  raw_text: f.raw_text,
  value: f.value,
  unit_raw: f.unit_raw,
  unit: f.unit,
  value_base: f.value_base,
  base_unit: f.base_unit,
  period_year: f.period_year,
  region_code: f.region_code,
  is_total: f.is_total,
  qualifier: f.qualifier,
  unit_source: f.unit_source,
  metric_id,
  metric_key,
  measure_kind,
});

/** `표 제목 › 행 › 열`, or the phrase's subject: what an analyst would call the number. */
function readableName(f: FactDraft, year: number): string {
  const measured = [...f.row_labels, ...f.col_labels].filter((l) => !isPeriodOrRegion(l, year));
  const parts = f.origin === 'table' ? [f.subject ?? '', ...measured] : [f.subject ?? f.context_path.at(-1) ?? ''];
  return parts.filter(Boolean).join(' › ') || f.raw_text;
}

/**
 * A share's denominator: the share sits beside (or in the same cell as) the count it is a share
 * of, and that count's column has a total row: the share divides by that total's metric.
 */
function linkShares(facts: readonly Fact[], metrics: Map<string, Metric>): void {
  const byLine = new Map<string, Fact[]>();
  for (const f of facts) {
    if (!f.table_id) continue;
    const line = `${f.table_id}:${f.line_no}`;
    (byLine.get(line) ?? byLine.set(line, []).get(line)!).push(f);
  }
  const totals = new Map<string, Fact>();
  for (const f of facts) if (f.table_id && f.is_total) totals.set(`${f.table_id}:${col(f)}:${f.base_unit}`, f);
  for (const f of facts) {
    const m = metrics.get(f.metric_id);
    if (!m || m.kind !== 'share' || m.denominator_metric_id || !f.table_id) continue;
    const beside = (byLine.get(`${f.table_id}:${f.line_no}`) ?? []).filter(
      (o) => o.base_unit !== 'percent' && o.value !== null && col(o) <= col(f),
    );
    const part = beside.sort((a, b) => col(b) - col(a))[0];
    const total = part && totals.get(`${f.table_id}:${col(part)}:${part.base_unit}`);
    if (total && total.metric_id !== f.metric_id)
      metrics.set(m.metric_id, { ...m, denominator_metric_id: total.metric_id });
  }
}

/** The grid column of a table fact (`t58-r7c3-2` → 3). */
const col = (f: Fact): number => Number(/c(\d+)/.exec(f.fact_id)?.[1] ?? -1);
