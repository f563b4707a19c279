import { renderChart } from './charts.js';
import type { TableChart } from './chart-series.js';
import type { LaidCell, TableLayout } from './table-layout.js';
import { esc } from './text.js';

const CSS = `
:root { --ink: #1d2430; --muted: #5b6472; --line: #d5dae1; --head: #eef2f7; --accent: #2f6db5; --bad: #c0392b; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.5;
  font-family: 'Noto Sans KR', 'Nanum Gothic', 'Malgun Gothic', 'Apple SD Gothic Neo', sans-serif; }
header { background: #17324f; color: #fff; padding: .6rem 1.5rem; }
header a { color: #fff; margin-right: 1.2rem; text-decoration: none; }
header a[aria-current] { text-decoration: underline; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.6rem; margin: .8rem 0; } h2 { font-size: 1.3rem; margin-top: 2rem; } h3 { font-size: 1.1rem; }
.en { color: var(--muted); font-weight: normal; font-size: .9em; }
.note { color: var(--muted); font-size: .9rem; margin: .2rem 0 .5rem; }
.report-table { margin: 1.5rem 0 2.5rem; border-top: 1px solid var(--line); padding-top: .5rem; }
table { border-collapse: collapse; margin: .5rem 0; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .25rem .5rem; vertical-align: middle; }
thead th { background: var(--head); text-align: center; }
tbody th { background: #f8f9fb; text-align: left; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.finding, tr.failed td { background: #fdecea; }
td.finding { outline: 2px solid var(--bad); }
.restated { color: #d81b60; font-weight: 600; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; }
figure.chart { margin: 0; border: 1px solid var(--line); border-radius: 4px; padding: .5rem; }
figure.chart figcaption { font-size: .9rem; font-weight: 600; }
.scroll { overflow-x: auto; }
code { font-size: .85em; background: #f3f4f6; padding: 0 .2em; }
ul.toc li { margin: .2rem 0; }
`;

export interface NavLink {
  readonly href: string;
  readonly label: string;
}

/**
 * A whole page: inline style only, and a policy that forbids any script or anything from the
 * network, so the report reads the same offline and cannot run what a report's text smuggles in.
 */
export function page(title: string, nav: readonly NavLink[], current: string, body: string): string {
  const links = nav.map(
    (l) => `<a href="${esc(l.href)}"${l.href === current ? ' aria-current="page"' : ''}>${esc(l.label)}</a>`,
  );
  return `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><nav>${links.join('')}</nav></header>
<main>
${body}
</main>
</body>
</html>
`;
}

/** A heading in Korean with its English name beside it, where there is one. */
export const bilingual = (ko: string, en: string): string =>
  `${esc(ko)}${en ? ` <span class="en" lang="en">${esc(en)}</span>` : ''}`;

function cellHtml(c: LaidCell, opts: { header: boolean; finding?: string }): string {
  const span = `${c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}`;
  if (opts.header) return `<th scope="col"${span}>${esc(c.text)}</th>`;
  if (c.kind === 'label') return `<th scope="row"${span}>${esc(c.text)}</th>`;
  const numeric = /^[-−△Δ▲]?[\d,.]+%?$/.test(c.text.replace(/\s+/g, ''));
  const classes = [numeric ? 'num' : '', opts.finding ? 'finding' : ''].filter(Boolean).join(' ');
  const title = opts.finding ? ` title="${esc(opts.finding)}"` : '';
  return `<td${classes ? ` class="${classes}"` : ''}${title}${span}>${esc(c.text)}</td>`;
}

/**
 * A table as laid out (header rows in thead with their spans); `findings` maps a raw-grid place
 * (`r14c2`) to the audit message of a value there that does not add up.
 */
export function tableHtml(layout: TableLayout, findings: ReadonlyMap<string, string> = new Map()): string {
  const finding = (c: LaidCell) => findings.get(`r${c.sourceRow}c${c.sourceCol}`);
  const row = (cells: readonly LaidCell[], header: boolean) =>
    `<tr>${cells.map((c) => cellHtml(c, { header, finding: finding(c) })).join('')}</tr>`;
  const head = layout.rows.slice(0, layout.headerRows).map((r) => row(r, true));
  const body = layout.rows.slice(layout.headerRows).map((r) => row(r, false));
  const thead = head.length ? `<thead>${head.join('')}</thead>` : '';
  return `<div class="scroll"><table>${thead}<tbody>${body.join('')}</tbody></table></div>`;
}

/** A chart as a figure: its caption, then the SVG drawn at build time. */
export function chartHtml(chart: TableChart, note = ''): string {
  return `<figure class="chart" data-chart="${esc(chart.spec.kind)}">
<figcaption>${bilingual(chart.title, chart.titleEn)}${
    chart.spec.unit
      ? `
<span class="note">(${esc(chart.spec.unit)})</span>`
      : ''
  }</figcaption>
${renderChart(chart.spec)}${note}
</figure>`;
}
