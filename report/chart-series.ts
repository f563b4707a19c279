import type { ChartSpec } from './charts.js';
import { compactLabel, list, numOrNull, str, type Row, type Rows } from './text.js';

/** A chart of one table, with what it shows in words. */
export interface TableChart {
  readonly title: string;
  /** The metric's English name, where the dictionary has one. */
  readonly titleEn: string;
  readonly spec: ChartSpec;
  /** Region codes the chart shows (to explain composite headquarters). */
  readonly regions: readonly string[];
}

const labelsOf = (f: Row, key: 'row_labels' | 'col_labels') => list(f[key]).map(compactLabel).join(' › ');

/** The labels that name a group's series: the side (row or column) that does not change from fact to fact. */
function fixedAndVarying(group: Rows): { fixed: (f: Row) => string; varying: (f: Row) => string } {
  const rowsSame = new Set(group.map((f) => labelsOf(f, 'row_labels'))).size === 1;
  const row = (f: Row) => labelsOf(f, 'row_labels');
  const col = (f: Row) => labelsOf(f, 'col_labels');
  return rowsSame ? { fixed: row, varying: col } : { fixed: col, varying: row };
}

function groupBy(rows: Rows, key: (r: Row) => string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const k = key(r);
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(r);
  }
  return groups;
}

/** Stocks, rates and shares are read as a line; flows and changes per year as bars. */
const kindOf = (measure: string): 'bar' | 'line' => (['flow', 'change'].includes(measure) ? 'bar' : 'line');

/** One chart per metric of the table whose values run over years: x the years, y the values. */
function yearCharts(facts: Rows): TableChart[] {
  return [...groupBy(facts, (f) => str(f.metric_id)).values()].map((group) => {
    const byYear = new Map<number, number | null>();
    for (const f of group) {
      if (!byYear.has(Number(f.period_year))) byYear.set(Number(f.period_year), numOrNull(f.value));
    }
    const years = [...byYear.keys()].sort((a, b) => a - b);
    const { fixed } = fixedAndVarying(group);
    const first = group[0]!;
    return {
      title: fixed(first) || str(first.metric_name_ko),
      titleEn: first.curated ? str(first.metric_name_en) : '',
      spec: {
        kind: kindOf(str(first.measure_kind)),
        categories: years.map(String),
        unit: str(first.unit_raw),
        series: [{ name: fixed(first), values: years.map((y) => byYear.get(y) ?? null) }],
      },
      regions: [],
    };
  });
}

/** One grouped bar chart per unit of a table whose values run over regions: a bar per region and row. */
function regionCharts(facts: Rows): TableChart[] {
  return [...groupBy(facts, (f) => str(f.unit_raw)).values()].map((sameUnit) => {
    const metrics = [...groupBy(sameUnit, (f) => str(f.metric_id)).values()];
    const codes: string[] = [];
    const names = new Map<string, string>();
    for (const group of metrics) {
      const { varying } = fixedAndVarying(group);
      for (const f of group) {
        const code = str(f.region_code);
        if (!names.has(code)) (codes.push(code), names.set(code, varying(f)));
      }
    }
    const series = metrics.map((group) => {
      const { fixed } = fixedAndVarying(group);
      const byCode = new Map(group.map((f) => [str(f.region_code), numOrNull(f.value)]));
      return { name: fixed(group[0]!) || '값', values: codes.map((c) => byCode.get(c) ?? null) };
    });
    return {
      title: `지역별 ${series.map((s) => s.name).join(', ')}`.trim(),
      titleEn: 'By region',
      spec: {
        kind: 'bar' as const,
        categories: codes.map((c) => names.get(c)!),
        unit: str(sameUnit[0]!.unit_raw),
        series,
        width: Math.max(640, 64 * codes.length), // room for every region's name under its bars
      },
      regions: codes,
    };
  });
}

/**
 * The charts of one table, from its series facts (`reportChartFacts` rows of that table):
 * yearly series as one chart per metric, regional values as bars by region.
 */
export function tableCharts(facts: Rows): TableChart[] {
  const years = facts.filter((f) => f.axis === 'year' && f.period_year !== null);
  const regions = facts.filter((f) => f.axis === 'region' && f.region_code !== null);
  return [...yearCharts(years), ...regionCharts(regions)];
}
