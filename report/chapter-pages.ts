import { tableCharts, type TableChart } from './chart-series.js';
import { chartHtml, tableHtml } from './html.js';
import { layoutTable } from './table-layout.js';
import { esc, list, str, type Row, type Rows } from './text.js';

/** A chapter page to write: the chapter (or null for tables before the first chapter) and its tables. */
export interface ChapterPage {
  readonly file: string;
  readonly documentId: string;
  readonly label: string;
  readonly title: string;
  readonly tables: Rows;
}

const slug = (s: string) => s.replace(/[^\w-]+/g, '_');

/** Groups tables into chapter pages: `<document>-<n>.html`, n counting the document's chapters from 1. */
export function chapterPages(chapters: Rows, tables: Rows): ChapterPage[] {
  const pages: ChapterPage[] = [];
  const docs = [...new Set([...chapters, ...tables].map((r) => str(r.document_id)))];
  for (const doc of docs) {
    const own = tables.filter((t) => str(t.document_id) === doc);
    const outside = own.filter((t) => t.chapter_id === null);
    if (outside.length) {
      pages.push({ file: `${slug(doc)}-0.html`, documentId: doc, label: '', title: '장 밖의 표', tables: outside });
    }
    chapters
      .filter((c) => str(c.document_id) === doc)
      .forEach((c, i) =>
        pages.push({
          file: `${slug(doc)}-${i + 1}.html`,
          documentId: doc,
          label: str(c.label),
          title: str(c.title),
          tables: own.filter((t) => t.chapter_id === c.section_id),
        }),
      );
  }
  return pages;
}

export interface ChapterInputs {
  readonly cells: Rows;
  readonly chartFacts: Rows;
  readonly findings: Rows;
  readonly composites: Rows;
}

/** Composite headquarters a chart shows, each with the sido it covers. */
function compositeNote(chart: TableChart, composites: Rows): string {
  const shown = composites.filter((r) => chart.regions.includes(str(r.region_code)));
  if (!shown.length) return '';
  const items = shown.map(
    (r) => `<li>${esc(r.name_ko)} <span class="en" lang="en">${esc(r.name_en)}</span>
    = ${esc(list(r.members_ko).join(' + '))} <span class="en" lang="en">(${esc(list(r.members_en).join(' + '))})</span>
    <code>${esc(r.region_code)}</code></li>`,
  );
  return `<div class="note">여러 시도를 묶은 지역본부 <span class="en" lang="en">Composite headquarters</span>:
<ul>${items.join('')}</ul></div>`;
}

const key = (r: Row) => `${str(r.document_id)}\u0000${str(r.table_id)}`;
function byTable(rows: Rows): Map<string, Row[]> {
  const m = new Map<string, Row[]>();
  for (const r of rows) (m.get(key(r)) ?? m.set(key(r), []).get(key(r))!).push(r);
  return m;
}

/** A failed check's value, by its place in the raw grid (`r14c2` of fact `t796-r14c2`). */
function findingPlaces(findings: readonly Row[]): Map<string, string> {
  const places = new Map<string, string>();
  for (const f of findings) {
    const m = /-r(\d+)c(\d+)$/.exec(str(f.fact_id));
    if (m && f.passed === false) places.set(`r${m[1]}c${m[2]}`, str(f.message));
  }
  return places;
}

function tableSection(t: Row, cells: Row[], charts: TableChart[], findings: Row[], composites: Rows): string {
  const failed = findings.filter((f) => f.passed === false);
  const layout = layoutTable(cells, t.header_row_count);
  const path = list(t.context_path).slice(1, -1).join(' › ');
  const notes = failed.map((f) => `<li>${esc(f.message)}</li>`).join('');
  return `<section class="report-table" id="${esc(t.table_id)}">
<h3>${esc(t.title)} <span class="note"><code>${esc(t.table_id)}</code></span></h3>
${path ? `<p class="note">${esc(path)}</p>` : ''}${
    t.unit_note ? `<p class="note unit-note">${esc(t.unit_note)}</p>` : ''
  }
${tableHtml(layout, findingPlaces(failed))}
${failed.length ? `<ul class="note">${notes}</ul> <p class="note"><a href="findings.html">검증 결과</a></p>` : ''}
${
  charts.length
    ? `<div class="charts">${charts.map((c) => chartHtml(c, compositeNote(c, composites))).join('')}</div>`
    : ''
}
</section>`;
}

/** The body of a chapter page: each table as printed, its audit findings, and its charts. */
export function chapterBody(p: ChapterPage, inputs: ChapterInputs): string {
  const cells = byTable(inputs.cells);
  const facts = byTable(inputs.chartFacts);
  const findings = byTable(inputs.findings);
  const sections = p.tables.map((t) =>
    tableSection(
      t,
      cells.get(key(t)) ?? [],
      tableCharts(facts.get(key(t)) ?? []),
      findings.get(key(t)) ?? [],
      inputs.composites,
    ),
  );
  return `<h1>${esc(p.label)} ${esc(p.title)}</h1>
<p class="note">${esc(p.documentId)} · 표 ${p.tables.length}개</p>
${sections.join('\n') || '<p>이 장에는 표가 없습니다. <span class="en" lang="en">No tables in this chapter.</span></p>'}`;
}

/** How many charts a chapter draws (for the index). */
export const chartCount = (p: ChapterPage, chartFacts: Rows): number => {
  const facts = byTable(chartFacts);
  return p.tables.reduce((n, t) => n + tableCharts(facts.get(key(t)) ?? []).length, 0);
};
