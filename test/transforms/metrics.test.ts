import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../pipeline/metric-catalog.js';
import type { NormalizedDocument } from '../../schemas/index.js';
import { normalize } from '../../transforms/index.js';
import { keyPart, titlePart } from '../../transforms/metrics/metric-key.js';
import { withoutSubject } from '../../transforms/metrics/assign-metrics.js';
import { extract, reportBytes, ROOT } from '../helpers.js';

const catalog = loadCatalog().metrics;
const read = (bytes: Uint8Array, id: string): NormalizedDocument =>
  normalize(extract(bytes, { document_id: id }), catalog);
const y2020 = read(reportBytes(), 'kbiz-2020');
const y2021 = read(readFileSync(join(ROOT, 'test/fixtures/next-year/kbiz-2021-report.txt')), 'kbiz-2021');

const series = (doc: NormalizedDocument, metric: string) =>
  doc.facts.filter((f) => f.metric_id === metric).map((f) => [f.period_year, f.value_base]);

describe('metric keys', () => {
  it('drop spacing, formula tags, units, years and 中 from labels', () => {
    expect(keyPart("'20년 가 입 (건)")).toBe('가입');
    expect(keyPart('2019년(A) 금액(억원)')).toBe('금액');
    expect(keyPart('증감(B-A)')).toBe('증감');
    expect(keyPart('中企 판로')).toBe('중企판로');
    expect(keyPart('1/4분기 매출액')).toBe('매출액');
    expect(titlePart('연도별 가입·해지 현황')).toBe(titlePart('가입 및 해지 실적'));
    expect(withoutSubject('대출건수', titlePart('부금내 대출 현황'))).toBe('건수');
  });
});

describe('metrics of the 2020 report', () => {
  it('name the 노란우산 series from the curated catalog, with their kinds', () => {
    expect(series(y2020, 'yellow-umbrella.enrolments')).toHaveLength(14);
    expect(series(y2020, 'yellow-umbrella.enrolments')[0]).toEqual([2007, 4014]);
    expect(series(y2020, 'yellow-umbrella.members')).toEqual([[null, 1384038]]);
    const kinds = Object.fromEntries(y2020.metrics.filter((m) => m.curated).map((m) => [m.metric_id, m.kind]));
    expect(kinds).toMatchObject({
      'yellow-umbrella.enrolments': 'flow',
      'yellow-umbrella.net-members': 'change',
      'yellow-umbrella.members': 'stock',
      'yellow-umbrella.premiums-total': 'cumulative',
    });
    expect(y2020.metrics.find((m) => m.metric_id === 'yellow-umbrella.premiums-total')).toMatchObject({
      cumulative_from: 2007,
      first_year: 2020,
    });
    expect(series(y2020, 'yellow-umbrella.benefit-payouts').find(([y]) => y === 2020)).toEqual([2020, 790_000_000_000]);
  });

  it('give every fact a metric listed in the document, and a share the metric it divides by', () => {
    const ids = new Set(y2020.metrics.map((m) => m.metric_id));
    expect(y2020.facts.every((f) => ids.has(f.metric_id))).toBe(true);
    expect(y2020.facts.filter((f) => f.measure_kind === 'share').length).toBeGreaterThan(5);
    const share = y2020.metrics.find((m) => m.kind === 'share' && m.denominator_metric_id);
    expect(share && ids.has(share.denominator_metric_id!)).toBe(true);
  });
});

describe('metrics across reports', () => {
  it('line up the periods a next-year report restates (changed spacing and labels included)', () => {
    const later = new Map(
      y2021.facts
        .filter((f) => f.period_year !== null)
        .map((f) => [`${f.metric_id}|${f.region_code}|${f.period_year}`, f]),
    );
    const restated = y2020.facts.filter((f) => f.period_year !== null && f.period_year <= 2020 && f.value !== null);
    const same = restated.filter((f) => later.has(`${f.metric_id}|${f.region_code}|${f.period_year}`));
    expect(same.length / restated.length).toBeGreaterThanOrEqual(0.95);
    expect(series(y2021, 'yellow-umbrella.loans').at(-1)).toEqual([2021, expect.any(Number)]);
    expect(series(y2021, 'yellow-umbrella.enrolments')).toHaveLength(15);
  });
});
