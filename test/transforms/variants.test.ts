import { describe, expect, it } from 'vitest';
import type { Fact, NormalizedDocument } from '../../schemas/normalized.js';
import { normalize } from '../../transforms/index.js';
import {
  asCp949,
  asYear,
  insertRowBefore,
  moveChapter,
  reverseRows,
  spaceOutLabels,
  withCrlf,
} from '../fixtures/variants.js';
import { extract, report2020, reportText } from '../helpers.js';

/** What a fact says, without where it stands (ids and line numbers move with the layout). */
const says = (doc: NormalizedDocument) => (f: Fact) => {
  const table = doc.tables.find((t) => t.table_id === f.table_id);
  return [
    table?.title ?? f.subject,
    f.row_labels.join('/'),
    f.col_labels.join('/'),
    f.raw_text,
    f.value,
    f.unit_raw,
    f.value_base,
    f.period_year,
    f.region_code,
    f.is_total,
    f.qualifier,
  ].join('|');
};
const tableFacts = (doc: NormalizedDocument) =>
  doc.facts
    .filter((f) => f.origin === 'table')
    .map(says(doc))
    .sort();
const allFacts = (doc: NormalizedDocument) => doc.facts.map(says(doc)).sort();
const run = (input: string | Buffer) => normalize(extract(input));

describe('layout variants give the same facts', () => {
  const base = report2020();

  it('CRLF line endings', () => {
    const doc = run(withCrlf(reportText()));
    expect(allFacts(doc)).toEqual(allFacts(base));
    expect(doc.lines.map((l) => l.text)).toEqual(base.lines.map((l) => l.text));
  });

  it('CP949 encoding', () => {
    const doc = run(asCp949(reportText()));
    expect(doc.document.encoding).toBe('cp949');
    expect(allFacts(doc)).toEqual(allFacts(base));
  });

  it('row labels spaced out letter by letter', () => {
    const text = spaceOutLabels(reportText());
    expect(text).toContain('가 입 업 체 수\t17,421');
    expect(tableFacts(run(text))).toEqual(tableFacts(base));
  });

  it('data rows in another order', () => {
    let text = reverseRows(reportText(), '구 분\t가입(건)', 2);
    text = reverseRows(text, '구 분\t조합(관련단체)수', 1);
    expect(text.indexOf("'20년\t274,094")).toBeLessThan(text.indexOf("'07년\t4,014"));
    const doc = run(text);
    expect(tableFacts(doc)).toEqual(tableFacts(base));
    // the 부금내 대출 total and the two 본회-삼성 shares, as in the report itself
    expect(doc.quality_checks.filter((q) => !q.passed).length).toBe(3);
  });

  it('chapters in another order', () => {
    const text = moveChapter(reportText(), 'V 지역 협동조합', 'III 중소기업 공제 사업');
    expect(text.indexOf('V 지역 협동조합')).toBeLessThan(text.indexOf('III 중소기업 공제 사업'));
    const doc = run(text);
    expect(tableFacts(doc)).toEqual(tableFacts(base));
    expect(doc.sections.filter((s) => s.level === 1).map((s) => s.label)).toEqual(['I', 'II', 'V', 'III', 'IV']);
  });

  it('an added year row adds its facts and leaves the others alone', () => {
    const text = insertRowBefore(reportText(), '합 계\t1,915,515', "'21년\t300,000\t90,000\t35,000\t175,000\t");
    const doc = run(text);
    const before = new Set(tableFacts(base));
    const after = new Set(tableFacts(doc));
    expect([...after].filter((f) => !before.has(f))).toHaveLength(4);
    expect(doc.facts.filter((f) => f.period_year === 2021 && f.origin === 'table').map((f) => f.value)).toEqual([
      300000, 90000, 35000, 175000,
    ]);
    expect([...before].every((f) => after.has(f))).toBe(true);
    // the published total no longer adds up: a finding, not a failure
    expect(doc.quality_checks.filter((q) => !q.passed).map((q) => q.label)).toContain('합계 / 가입(건)');
  });

  it('another year: the report year comes from the title and dates resolve against it', () => {
    const doc = run(asYear(reportText(), 2021));
    expect(doc.document).toMatchObject({ report_year: 2021, published_on: '2022-02' });
    expect(tableFacts(doc)).toEqual(tableFacts(base));
    expect(doc.date_mentions.find((d) => d.raw_text === '5.7')?.start_date).toBe('2021-05-07');
  });
});
