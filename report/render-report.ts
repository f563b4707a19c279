import { dictionaryBody, documentsTable, findingsBody } from './audit-pages.js';
import { chapterBody, chapterPages, chartCount, type ChapterPage } from './chapter-pages.js';
import { releaseCharts } from './charts.js';
import { bilingual, page, type NavLink } from './html.js';
import { seriesBody } from './series-page.js';
import { esc, type Rows } from './text.js';

/** What the report is made of: the rows of the warehouse's report queries. */
export interface ReportData {
  readonly documents: Rows;
  readonly chapters: Rows;
  readonly tables: Rows;
  readonly cells: Rows;
  readonly chartFacts: Rows;
  readonly composites: Rows;
  readonly findings: Rows;
  readonly dictionary: Rows;
  readonly series: Rows;
}

/** A file of the report: its name inside `<out>/report/` and its HTML. */
export interface ReportPage {
  readonly file: string;
  readonly html: string;
}

const NAV: readonly NavLink[] = [
  { href: 'index.html', label: '목차 Contents' },
  { href: 'series.html', label: '지표 시계열 Series' },
  { href: 'findings.html', label: '검증 결과 Audit' },
  { href: 'dictionary.html', label: '데이터 사전 Dictionary' },
];

function indexBody(data: ReportData, chapters: readonly ChapterPage[]): string {
  const failed = data.findings.filter((f) => f.passed === false).length;
  const items = chapters.map(
    (c) => `<li><a href="${esc(c.file)}">${esc(c.label)} ${esc(c.title)}</a>
    <span class="note">${data.documents.length > 1 ? `${esc(c.documentId)} · ` : ''}표 ${c.tables.length}개 ·
    차트 ${chartCount(c, data.chartFacts)}개</span></li>`,
  );
  return `<h1>${bilingual('중소기업중앙회 사업보고 분석', 'KBIZ annual business report: analyst report')}</h1>
${documentsTable(data.documents)}
<h2>${bilingual('장', 'Chapters')}</h2>
<ul class="toc">${items.join('')}</ul>
<h2>${bilingual('더 보기', 'More')}</h2>
<ul class="toc">
<li><a href="series.html">지표 시계열</a> <span class="en">Metric series across reports, restated values marked</span></li>
<li><a href="findings.html">검증 결과</a>: 맞지 않는 값 ${failed}건 <span class="en">values that do not add up</span></li>
<li><a href="dictionary.html">데이터 사전</a> <span class="en">every table, view and column, in Korean and English</span>
</li>
</ul>`;
}

/**
 * The whole static report: an index, a page per chapter (tables as printed with their charts),
 * the metric series, the audit findings and the data dictionary. Pure: rows in, HTML out.
 */
export function renderReport(data: ReportData): ReportPage[] {
  const chapters = chapterPages(data.chapters, data.tables);
  const nav = [
    ...NAV.slice(0, 1),
    ...(data.documents.length === 1 ? chapters.map((c) => ({ href: c.file, label: c.label || '기타' })) : []),
    ...NAV.slice(1),
  ];
  try {
    return pages(data, chapters, nav);
  } finally {
    releaseCharts();
  }
}

function pages(data: ReportData, chapters: readonly ChapterPage[], nav: readonly NavLink[]): ReportPage[] {
  const title = (t: string) => `${t} · KBIZ 사업보고`;
  const href = (doc: string, table: string) => {
    const c = chapters.find((p) => p.documentId === doc && p.tables.some((t) => t.table_id === table));
    return c ? `${c.file}#${table}` : null;
  };
  return [
    { file: 'index.html', html: page(title('목차'), nav, 'index.html', indexBody(data, chapters)) },
    ...chapters.map((c) => ({
      file: c.file,
      html: page(title(`${c.label} ${c.title}`), nav, c.file, chapterBody(c, data)),
    })),
    {
      file: 'series.html',
      html: page(title('지표 시계열'), nav, 'series.html', seriesBody(data.series, data.documents, href)),
    },
    { file: 'findings.html', html: page(title('검증 결과'), nav, 'findings.html', findingsBody(data.findings)) },
    {
      file: 'dictionary.html',
      html: page(title('데이터 사전'), nav, 'dictionary.html', dictionaryBody(data.dictionary)),
    },
  ];
}
