import { EtlError } from '../schemas/index.js';
import {
  documentList,
  metricById,
  metricSeries,
  metricsOnlyIn,
  restatedValues,
  searchFacts,
  searchMetrics,
  searchOf,
  type Rows,
  type Warehouse,
} from '../warehouse/index.js';
import { labelPath, more, num, outputFormat, SHOWN, withoutInternals, withUnit, years } from './analyst-format.js';
import { withWarehouse, type Flags, type Print } from './cli-commands.js';
import { formatJson, formatTable, oneLine } from './format-rows.js';

type Conn = Warehouse['conn'];
type Row = Readonly<Record<string, unknown>>;
const total = (rows: Rows): number => Number(rows[0]?.matches ?? 0);

/** `2020: 7,900 억원`, with the region where the value is a region's. */
const latest = (m: Row): string =>
  m.latest_period === null
    ? ''
    : `${m.latest_period}${m.latest_region ? ` ${m.latest_region}` : ''}: ${withUnit(m.latest_value, m.latest_unit)}`;

const metricRow = (m: Row) => ({
  metric_id: m.metric_id,
  name_ko: m.name_ko,
  name_en: m.name_en,
  kind: m.kind,
  years: years(m.first_year, m.last_year),
  latest: latest(m),
});

const factRow = (f: Row) => ({
  document_id: f.document_id,
  fact_id: f.fact_id,
  labels: labelPath(f.row_labels, f.col_labels) || oneLine(f.subject),
  value: withUnit(f.value, f.unit_raw),
  base: withUnit(f.value_base, f.base_unit),
  period: [f.period_year, f.region_code].filter((v) => v !== null).join(' '),
  table_title: f.table_title,
  metric_id: f.metric_id,
});

/**
 * `find TEXT`: metrics whose names hold the text, then facts whose labels, subject, table title,
 * metric names or source line hold it; spacing is ignored on both sides, English case too.
 */
export async function findCommand(text: string | undefined, flags: Flags, print: Print): Promise<number> {
  const format = outputFormat('find', flags);
  const search = searchOf(text ?? '');
  if (!search.words.length) throw new EtlError('usage', 'find needs a text: kbiz-etl find 공제금지급');
  const [metrics, facts] = await withWarehouse(
    flags,
    async (conn) => [await searchMetrics(conn, search, SHOWN), await searchFacts(conn, search, SHOWN)] as const,
  );
  if (format === 'json') {
    const internal = ['matches', 'rank', 'leftover'];
    print(
      formatJson([
        {
          metrics: withoutInternals(metrics, ...internal),
          metrics_total: total(metrics),
          facts: withoutInternals(facts, ...internal),
          facts_total: total(facts),
        },
      ]),
    );
    return 0;
  }
  const documents = new Set(facts.map((f) => f.document_id));
  const factColumns = ['fact_id', 'labels', 'value', 'base', 'period', 'table_title', 'metric_id'];
  print(
    [
      `metrics matching ${oneLine(text)}: ${total(metrics)}`,
      formatTable(['metric_id', 'name_ko', 'name_en', 'kind', 'years', 'latest'], metrics.map(metricRow)),
      ...more(total(metrics), metrics.length, 'metrics'),
      '',
      `facts matching ${oneLine(text)}: ${total(facts)}`,
      formatTable(documents.size > 1 ? ['document_id', ...factColumns] : factColumns, facts.map(factRow)),
      ...more(total(facts), facts.length, 'facts'),
    ].join('\n'),
  );
  return 0;
}

const candidateLine = (m: Row) =>
  `  ${oneLine(m.metric_id)}  ${oneLine(m.name_ko)} (${oneLine(m.kind)}, ${years(m.first_year, m.last_year)})`;

/**
 * The metric METRIC names: its id, or the one metric a search finds. Where several match and
 * they include curated metrics, the curated metric whose name the words cover most closely is
 * taken when no other comes as close (`노란우산 가입` → yellow-umbrella.enrolments, not its 누계
 * or the net change), and the others are named on stderr; otherwise the matches are listed and
 * the command exits 2 asking for one.
 */
async function resolveMetric(conn: Conn, text: string, printErr: Print): Promise<Row> {
  const byId = await metricById(conn, text);
  if (byId.length) return byId[0]!;
  const found = await searchMetrics(conn, searchOf(text), 1000);
  if (!found.length) {
    throw new EtlError('not_found', `no metric matches ${oneLine(text)}: try kbiz-etl find ${oneLine(text)}`);
  }
  if (found.length === 1) return found[0]!;
  const curated = found.filter((m) => m.curated);
  const [best, next] = curated;
  const closer =
    best &&
    best.leftover !== null &&
    (!next || next.leftover === null || Number(best.leftover) < Number(next.leftover));
  if (curated.length === 1 || closer) {
    const others = found.filter((m) => m !== best).map((m) => oneLine(m.metric_id));
    printErr(
      `kbiz-etl: ${found.length} metrics match ${oneLine(text)}; showing ${oneLine(best!.metric_id)} ` +
        `(also: ${others.slice(0, 5).join(', ')}${others.length > 5 ? ` and ${others.length - 5} more` : ''})`,
    );
    return best!;
  }
  const listed = found.slice(0, 20).map(candidateLine);
  throw new EtlError(
    'usage',
    [
      `series: ${found.length} metrics match ${oneLine(text)}; name one by its metric_id:`,
      ...listed,
      ...more(found.length, listed.length, 'metrics'),
    ].join('\n'),
  );
}

/** `series METRIC [--region CODE]`: one row per period, and per report where several give it. */
export async function seriesCommand(
  text: string | undefined,
  flags: Flags,
  print: Print,
  printErr: Print,
): Promise<number> {
  const format = outputFormat('series', flags);
  if (!text?.trim()) throw new EtlError('usage', 'series needs a metric id or a text: kbiz-etl series 노란우산 가입');
  const { metric, rows } = await withWarehouse(flags, async (conn) => {
    const m = await resolveMetric(conn, text, printErr);
    return { metric: m, rows: await metricSeries(conn, String(m.metric_id), flags.region) };
  });
  if (format === 'json') {
    const { metric_id, name_ko, name_en, kind } = metric;
    print(formatJson([{ metric_id, name_ko, name_en, kind, values: rows }]));
    return 0;
  }
  const regional = rows.some((r) => r.region_code !== null);
  const shown = rows.map((r) => ({
    period: r.period_year,
    region: r.region_code,
    value: num(r.value),
    unit: r.unit_raw,
    report_year: r.report_year,
    restated: r.restated ? 'yes' : 'no',
    fact_id: r.fact_id,
  }));
  const names = [metric.name_ko, metric.name_en].filter(Boolean).map(oneLine).join(' | ');
  const columns = ['period', ...(regional ? ['region'] : []), 'value', 'unit', 'report_year', 'restated', 'fact_id'];
  print(
    [
      `${oneLine(metric.metric_id)}: ${names} (${oneLine(metric.kind)}, ${oneLine(metric.unit_family)})`,
      formatTable(columns, shown),
    ].join('\n'),
  );
  return 0;
}

/** A document by its id, or the one document of a report year. */
async function resolveDocument(conn: Conn, ref: string): Promise<Row> {
  const docs = await documentList(conn);
  const byId = docs.find((d) => d.document_id === ref);
  if (byId) return byId;
  const ofYear = /^\d{4}$/.test(ref) ? docs.filter((d) => String(d.report_year) === ref) : [];
  if (ofYear.length === 1) return ofYear[0]!;
  const ids = (list: Rows) => list.map((d) => oneLine(d.document_id)).join(', ');
  if (ofYear.length) {
    throw new EtlError('usage', `diff: ${ofYear.length} documents report ${ref} (${ids(ofYear)}): name one by its id`);
  }
  throw new EtlError('usage', `diff: no document ${oneLine(ref)} (loaded: ${ids(docs) || 'none'})`);
}

const label = (d: Row) => `${oneLine(d.document_id)} (${d.report_year})`;

/** `diff REPORT_A REPORT_B`: metrics new in B, gone from B, and values B restates. */
export async function diffCommand(refs: readonly string[], flags: Flags, print: Print): Promise<number> {
  const format = outputFormat('diff', flags);
  if (refs.length !== 2) {
    throw new EtlError('usage', 'diff takes two documents (ids or report years): kbiz-etl diff kbiz-2020 kbiz-2021');
  }
  const r = await withWarehouse(flags, async (conn) => {
    const [a, b] = [await resolveDocument(conn, refs[0]!), await resolveDocument(conn, refs[1]!)];
    const [ida, idb] = [String(a.document_id), String(b.document_id)];
    return {
      a,
      b,
      added: await metricsOnlyIn(conn, idb, ida, SHOWN),
      gone: await metricsOnlyIn(conn, ida, idb, SHOWN),
      restated: await restatedValues(conn, ida, idb, SHOWN),
    };
  });
  const counts = { new: total(r.added), gone: total(r.gone), restated: total(r.restated) };
  if (format === 'json') {
    const clean = (rows: Rows) => withoutInternals(rows, 'matches');
    const [a, b] = [r.a.document_id, r.b.document_id];
    print(formatJson([{ a, b, counts, new: clean(r.added), gone: clean(r.gone), restated: clean(r.restated) }]));
    return 0;
  }
  const metricTable = (rows: Rows) =>
    formatTable(
      ['metric_id', 'name_ko', 'kind', 'values', 'years'],
      rows.map((m) => ({ ...m, years: years(m.first_year, m.last_year) })),
    );
  const [ka, kb] = [oneLine(r.a.document_id), oneLine(r.b.document_id)];
  const restated = r.restated.map((v) => ({
    ...v,
    period: v.period_year,
    region: v.region_code,
    [ka]: withUnit(v.value_a, v.unit_a),
    [kb]: withUnit(v.value_b, v.unit_b),
    facts: `${oneLine(v.fact_a)} → ${oneLine(v.fact_b)}`,
  }));
  const section = (title: string, n: number, shown: number, table: string) => [
    `${title}: ${n}`,
    ...(n ? [table] : []),
    ...more(n, shown, 'rows'),
  ];
  print(
    [
      `${label(r.a)} → ${label(r.b)}: ${counts.new} metrics new, ${counts.gone} gone, ${counts.restated} values restated`,
      '',
      ...section(`metrics new in ${kb}`, counts.new, r.added.length, metricTable(r.added)),
      '',
      ...section(`metrics gone from ${kb}`, counts.gone, r.gone.length, metricTable(r.gone)),
      '',
      ...section(
        `values ${kb} restates`,
        counts.restated,
        r.restated.length,
        formatTable(['metric_id', 'name_ko', 'region', 'period', ka, kb, 'facts'], restated),
      ),
    ].join('\n'),
  );
  return 0;
}
