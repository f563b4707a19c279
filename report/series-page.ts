import { RESTATED_COLOR } from './charts.js';
import { bilingual, chartHtml } from './html.js';
import { esc, fmt, numOrNull, str, type Row, type Rows } from './text.js';

/** One metric in one region: its rows of v_metric_series (a row per period and report). */
interface MetricGroup {
  readonly first: Row;
  readonly rows: Row[];
}

function groups(series: Rows): MetricGroup[] {
  const m = new Map<string, Row[]>();
  for (const r of series) {
    const k = `${str(r.metric_id)}\u0000${str(r.region_code)}`;
    (m.get(k) ?? m.set(k, []).get(k)!).push(r);
  }
  return [...m.values()].map((rows) => ({ first: rows[0]!, rows }));
}

/** A chart with one line (or bar set) per report; a value a report restates is drawn in its own colour. */
function metricChart(g: MetricGroup, documents: Rows): string {
  const periods = [...new Set(g.rows.map((r) => Number(r.period_year)))].sort((a, b) => a - b);
  const docs = documents.map((d) => str(d.document_id)).filter((d) => g.rows.some((r) => str(r.document_id) === d));
  const series = docs.map((doc) => {
    const own = new Map(g.rows.filter((r) => str(r.document_id) === doc).map((r) => [Number(r.period_year), r]));
    const restated = new Set(periods.flatMap((p, i) => (own.get(p)?.restated ? [i] : [])));
    const year = documents.find((d) => str(d.document_id) === doc)?.report_year;
    return { name: `${str(year)} 보고서`, values: periods.map((p) => numOrNull(own.get(p)?.value)), restated };
  });
  const kind =
    ['flow', 'change'].includes(str(g.first.kind)) && docs.length === 1 ? ('bar' as const) : ('line' as const);
  return chartHtml({
    title: str(g.first.name_ko),
    titleEn: str(g.first.name_en),
    regions: [],
    spec: { kind, categories: periods.map(String), unit: str(g.first.unit_raw), series },
  });
}

/** The values by period and report; restated ones marked. */
function valuesTable(g: MetricGroup): string {
  const rows = g.rows.map(
    (r) => `<tr${r.restated ? ' class="restated"' : ''}><td class="num">${esc(r.period_year)}</td>
<td class="num">${esc(fmt(r.value, 6))}</td><td>${esc(r.unit_raw)}</td><td class="num">${esc(r.report_year)}</td>
<td>${r.restated ? '수정됨 <span class="en">restated</span>' : ''}</td><td><code>${esc(r.fact_id)}</code></td></tr>`,
  );
  return `<details><summary>값 <span class="en">values</span> (${g.rows.length})</summary><table><thead><tr><th>기간</th>
<th>값</th>
<th>단위</th><th>보고 연도</th><th>수정</th><th>fact_id</th></tr></thead><tbody>${rows.join('')}</tbody></table></details>`;
}

/** Where a metric's table stands in the report: `kbiz-2020-3.html#t756`, from a fact id's table part. */
export type TableHref = (documentId: string, tableId: string) => string | null;

function singleRow(g: MetricGroup, href: TableHref): string {
  const periods = g.rows.map((r) => Number(r.period_year));
  const last = g.rows.at(-1)!;
  const table = /^(t\d+)-/.exec(str(last.fact_id))?.[1];
  const link = table ? href(str(last.document_id), table) : null;
  const span = periods.length > 1 ? `${Math.min(...periods)}–${Math.max(...periods)}` : String(periods[0]);
  return `<tr><td>${bilingual(str(g.first.name_ko), str(g.first.name_en))}</td><td>
<code>${esc(g.first.metric_id)}</code></td>
<td class="num">${esc(span)}</td>
<td class="num">${esc(last.period_year)}: ${esc(fmt(last.value, 6))} ${esc(last.unit_raw)}</td>
<td>${link ? `<a href="${esc(link)}">${esc(table)}</a>` : ''}</td></tr>`;
}

/**
 * The curated metrics (and every metric a report restates) over all loaded reports: a chart per
 * metric and region that more than one report gives (restated values marked), and a table of the
 * others linking to their table, whose chapter page charts them already.
 */
export function seriesBody(series: Rows, documents: Rows, href: TableHref): string {
  const all = groups(series);
  const across = all.filter((g) => new Set(g.rows.map((r) => r.document_id)).size > 1);
  const single = all.filter((g) => !across.includes(g));
  const restated = series.filter((r) => r.restated).length;
  const sections = across.map(
    (g) => `<section class="metric" id="${esc(g.first.metric_id)}">
<h2>${bilingual(str(g.first.name_ko), str(g.first.name_en))}</h2>
<p class="note"><code>${esc(g.first.metric_id)}</code>${g.first.region_code ? ` · ${esc(g.first.region_code)}` : ''}</p>
${metricChart(g, documents)}${valuesTable(g)}</section>`,
  );
  return `<h1>${bilingual('지표 시계열', 'Metric series')}</h1>
<p class="note">적재된 보고서 ${documents.length}개에 걸친 관리 지표의 값.
${restated ? `<span class="restated" style="color:${RESTATED_COLOR}">● 뒤 보고서가 고쳐 쓴 값 ${restated}개</span>` : '고쳐 쓴 값 없음'}
<span class="en" lang="en">Curated metrics across the ${documents.length} loaded report(s); restated values
marked.</span></p>
${sections.join('\n')}
${
  single.length
    ? `<h2>${bilingual('한 보고서의 지표', 'Metrics from one report')}</h2>
<table><thead><tr><th>지표</th><th>ID</th><th>기간</th><th>최근 값</th><th>표</th></tr></thead>
<tbody>${single.map((g) => singleRow(g, href)).join('')}</tbody></table>`
    : ''
}`;
}
