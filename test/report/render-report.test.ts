import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutTable, renderReport, RESTATED_COLOR, type ReportData } from '../../report/index.js';
import { openReadOnly, reportQueries as q } from '../../warehouse/index.js';
import { queryWarehouse, REPORT_PATH, runCli as kbiz, tempDir } from '../helpers.js';

const root = tempDir('kbiz-render-');
const out = join(root, 'out');
const both = join(root, 'both');

/** The 2020 report as next year's might restate it: titled 2021, 2019's enrolments 237,167 → 237,200. */
function nextYear(): string {
  const lines = readFileSync(REPORT_PATH, 'utf8').split('\n');
  const restate = (start: string, from: string, to: string) => {
    const i = lines.findIndex((l) => l.startsWith(start));
    expect(lines[i]).toContain(from);
    lines[i] = lines[i]!.replace(from, to);
  };
  restate('2020년도 사업보고 요약', '2020', '2021');
  restate("'19년\t237,167\t", '237,167', '237,200');
  const file = join(root, 'kbiz-2021.txt');
  writeFileSync(file, lines.join('\n'));
  return file;
}

async function reportData(dir: string): Promise<ReportData> {
  const wh = await openReadOnly(join(dir, 'kbiz.duckdb'));
  try {
    const c = wh.conn;
    return {
      documents: await q.reportDocuments(c),
      chapters: await q.reportChapters(c),
      tables: await q.reportTables(c),
      cells: await q.reportCells(c),
      chartFacts: await q.reportChartFacts(c),
      composites: await q.reportCompositeRegions(c),
      findings: await q.reportFindings(c),
      dictionary: await q.reportDictionary(c),
      series: await q.reportMetricSeries(c),
    };
  } finally {
    wh.close();
  }
}

const cellsOf = (table: string) => queryWarehouse(out, `SELECT * FROM table_cells WHERE table_id = '${table}'`);
/** Each laid-out row as text: `구 분→2↓2` spans two columns and two rows, `·` is an empty cell. */
const shape = (layout: ReturnType<typeof layoutTable>) =>
  layout.rows.map((r) =>
    r
      .map((c) => `${c.text || '·'}${c.colspan > 1 ? `→${c.colspan}` : ''}${c.rowspan > 1 ? `↓${c.rowspan}` : ''}`)
      .join(' | '),
  );

beforeAll(async () => {
  expect((await kbiz('run', '--out', out, '--quiet')).code).toBe(0);
  cpSync(out, both, { recursive: true });
  expect((await kbiz('run', '--input', nextYear(), '--out', both, '--quiet')).code).toBe(0);
}, 120_000);

describe('layoutTable lays the raw grid out as the report prints it', () => {
  it('aligns ragged rows under their columns and spans group labels (운용현황)', async () => {
    const layout = layoutTable(await cellsOf('t917'), 2);
    expect(shape(layout)).toEqual([
      '구 분→2↓2 | 노란우산→3 | 공제기금→3',
      '금액 | 비 중 | 수익률 | 금액 | 비중 | 수익률',
      '단 기→2 | 4,886 | 3.4 | 0.95 | 568 | 26.4 | 1.37',
      '중 장 기↓3 | 채 권 | 90,068 | 62.0 | 3.71 | 750 | 34.9 | 2.44',
      '주 식 | 22,600 | 15.5 | 12.21 | 830 | 38.7 | 4.56',
      '대체투자 | 27,708 | 19.1 | 4.45 | · | · | ·',
      '계→2 | 140,376 | 96.6 | 5.24 | 1,580 | 73.6 | 3.73',
      '총 계→2 | 145,262 | 100.0 | 4.94 | 2,148 | 100 | 3.27',
    ]);
    expect(layout.labelCols).toBe(2);
  });

  it('spans a header over its sub-labels and down over empty cells (연도별 가입해지 현황)', async () => {
    const layout = layoutTable(await cellsOf('t756'), 2);
    expect(shape(layout).slice(0, 3)).toEqual([
      '구 분↓2 | 가입(건)↓2 | 해지(건)→2 | 재적(건)↓2 | 비고↓2',
      '공 제 | 해 약',
      "'07년 | 4,014 | 1 | 10 | 4,003 | ·",
    ]);
    expect(layout.rows[2]!.map((c) => `r${c.sourceRow}c${c.sourceCol}`)).toEqual([
      'r2c0',
      'r2c1',
      'r2c2',
      'r2c3',
      'r2c4',
      'r2c5',
    ]);
  });
});

describe('renderReport', () => {
  it('escapes every text of the report', async () => {
    const data = await reportData(out);
    const hostile = '<script>alert("x")</script>&';
    const unit = `'><img src=x onerror=alert(1)>`;
    const tables = data.tables.map((t, i) => (i === 0 ? { ...t, title: hostile, unit_note: unit } : t));
    const html = renderReport({ ...data, tables })
      .map((p) => p.html)
      .join('\n');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;');
  });

  it('marks the values a later report restates, across all loaded reports', async () => {
    const r = await kbiz('report', '--out', both, '--quiet');
    expect([r.code, r.err]).toEqual([0, '']);
    const html = readFileSync(join(both, 'report', 'series.html'), 'utf8');
    const section = html.slice(html.indexOf('<section class="metric" id="yellow-umbrella.enrolments">'));
    const own = section.slice(0, section.indexOf('</section>'));
    const restated = [...own.matchAll(/<tr class="restated">([\s\S]*?)<\/tr>/g)].map((m) =>
      m[1]!
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    expect(restated).toEqual([
      '2019 237,167 건 2020 수정됨 restated t756-r14c1',
      '2019 237,200 건 2021 수정됨 restated t756-r14c1',
    ]);
    expect(section).toContain(`fill="${RESTATED_COLOR}"`);
    expect(html).toContain('뒤 보고서가 고쳐 쓴 값 2개'); // 2019's enrolments, as each report prints them
    expect(readFileSync(join(both, 'report', 'index.html'), 'utf8')).toContain('kbiz-2021-1.html');
  });
});
