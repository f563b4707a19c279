import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PALETTE, RESTATED_COLOR } from '../../report/index.js';
import { queryWarehouse, ROOT, runCli as kbiz, tempDir } from '../helpers.js';

/** The Debian package's browser; CHROMIUM_PATH points elsewhere. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test', 'artifacts');
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  console.warn(
    `report browser tests SKIPPED: no Chromium at ${CHROMIUM} ` + '(apt-get install chromium, or set CHROMIUM_PATH)',
  );
}

const root = tempDir('kbiz-report-');
const out = join(root, 'out');
const reportDir = join(out, 'report');
const url = (file: string) => pathToFileURL(join(reportDir, file)).href;

let browser: Browser;

/** Opens a page, collecting console errors, page errors and every request that is not a local file. */
async function open(file: string): Promise<{ page: Page; errors: string[]; remote: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  const remote: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfailed', (r) => errors.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on('request', (r) => !r.url().startsWith('file:') && remote.push(r.url()));
  await page.goto(url(file), { waitUntil: 'load' });
  return { page, errors, remote };
}

/** Per chart on the page: its caption and how many SVG elements are drawn in a series colour (its marks). */
const chartMarks = (page: Page) =>
  page.$$eval(
    'figure.chart',
    (figures, colours) =>
      figures.map((f) => ({
        caption: f.querySelector('figcaption')?.textContent ?? '',
        marks: [...f.querySelectorAll('svg *')].filter((el) =>
          ['fill', 'stroke'].some((a) => colours.includes((el.getAttribute(a) ?? '').toLowerCase())),
        ).length,
        bars: [...f.querySelectorAll('svg path')].filter((el) => el.getAttribute('fill') === colours[0]).length,
      })),
    [...PALETTE, RESTATED_COLOR].map((c) => c.toLowerCase()),
  );

describe.skipIf(!haveChromium)('the HTML report in headless Chromium', () => {
  beforeAll(async () => {
    expect((await kbiz('run', '--out', out, '--quiet')).code).toBe(0);
    const r = await kbiz('report', '--out', out);
    expect([r.code, r.err]).toEqual([0, '']);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM });
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => browser?.close());

  it('writes an index, a page per chapter, the series, the audit and the dictionary', () => {
    expect(readdirSync(reportDir).sort()).toEqual([
      'dictionary.html',
      'findings.html',
      'index.html',
      'kbiz-2020-1.html',
      'kbiz-2020-2.html',
      'kbiz-2020-3.html',
      'kbiz-2020-4.html',
      'kbiz-2020-5.html',
      'series.html',
    ]);
  });

  it('opens every page offline with no console error, and every chart has marks', async () => {
    const { page: index } = await open('index.html');
    const pages = await index.$$eval('header nav a', (as) => as.map((a) => a.getAttribute('href')!));
    await index.close();
    expect(pages).toHaveLength(9);
    let charts = 0;
    for (const file of pages) {
      const { page, errors, remote } = await open(file);
      expect({ file, errors, remote }).toEqual({ file, errors: [], remote: [] });
      const marks = await chartMarks(page);
      expect(marks.filter((c) => c.marks === 0)).toEqual([]);
      expect(await page.$$eval('script', (s) => s.length)).toBe(0);
      charts += marks.length;
      await page.close();
    }
    expect(charts).toBeGreaterThanOrEqual(25);
  });

  it('shows 노란우산 enrolments since 2007 as printed, and as a bar per year', async () => {
    const { page } = await open('kbiz-2020-3.html');
    const first = await page.$$eval('#t756 tbody tr:first-child > *', (cells) => cells.map((c) => c.textContent));
    expect(first.slice(0, 5)).toEqual(["'07년", '4,014', '1', '10', '4,003']);
    const head = await page.$$eval('#t756 thead th', (cells) =>
      cells.map((c) => [c.textContent, c.getAttribute('colspan')]),
    );
    expect(head).toContainEqual(['해지(건)', '2']);
    const charts = await chartMarks(page);
    const enrolments = charts.find((c) => c.caption.includes('Yellow Umbrella mutual aid: new enrolments'))!;
    expect(enrolments.caption).toContain('가입(건)');
    expect(enrolments.bars).toBe(14); // 2007 … 2020
    const axis = await page.$$eval('#t756 figure.chart:first-of-type svg text', (t) => t.map((x) => x.textContent));
    expect(axis).toEqual(expect.arrayContaining(['2007', '2020']));
    await page.screenshot({ path: join(ARTIFACTS, 'report-chapter-3.png'), fullPage: true });
    expect(statSync(join(ARTIFACTS, 'report-chapter-3.png')).size).toBeGreaterThan(10_000);
    await page.close();
  });

  it('shows the 부금내 대출 total that does not add up, with its source line', async () => {
    const { page } = await open('findings.html');
    const rows = await page.$$eval('table.findings tbody tr', (trs) =>
      trs.map((tr) => [...tr.children].map((td) => td.textContent)),
    );
    const loans = rows.find((r) => r[1]!.startsWith('부금내 대출 현황'))!;
    expect(loans.slice(3, 9)).toEqual([
      '합계 / 금액(억원)',
      '66,774',
      '66,795',
      '-21',
      '810',
      '합 계\t723,019\t66,774\t',
    ]);
    await page.screenshot({ path: join(ARTIFACTS, 'report-findings.png'), fullPage: true });
    await page.close();
    const { page: chapter } = await open('kbiz-2020-3.html');
    expect(await chapter.$$eval('#t796 td.finding', (tds) => tds.map((td) => td.textContent))).toEqual(['66,774']);
    await chapter.close();
  });

  it('shows the data dictionary in Korean and English, as the warehouse describes itself', async () => {
    const [{ comment }] = await queryWarehouse(
      out,
      `SELECT comment FROM duckdb_columns() WHERE table_name = 'facts' AND column_name = 'fact_id'`,
    );
    const [ko, en] = String(comment).split(' | ');
    const { page } = await open('dictionary.html');
    const row = await page.$$eval('tr[id="facts.fact_id"] > *', (cells) => cells.map((c) => c.textContent));
    expect(row).toEqual(['fact_id', 'VARCHAR', ko, en]);
    expect(en).toContain('t<first line of table>-r<row>c<col>'); // shown as text, not taken for markup
    const sections = await page.$$eval('main section[id]', (s) => s.map((x) => x.id));
    expect(sections).toEqual(expect.arrayContaining(['facts', 'report_tables', 'v_metric_series', 'metrics']));
    await page.close();
  });

  it('keeps an index screenshot', async () => {
    const { page } = await open('index.html');
    expect(await page.textContent('main')).toContain('맞지 않는 값 3건');
    await page.screenshot({ path: join(ARTIFACTS, 'report-index.png'), fullPage: true });
    await page.close();
  });
});
