import { describe, expect, it } from 'vitest';
import { normalize } from '../../transforms/index.js';
import { tokenizeNumbers } from '../../vocabulary/index.js';
import { extract, report2020 } from '../helpers.js';

describe('dates in tables and bullets', () => {
  it('reads a history line `2005. 2 …` as a date, not the numbers 2005 and 2', () => {
    const t = tokenizeNumbers('- 2005. 2 업체별 연간 대출한도를 20억원으로 확대');
    expect(t.filter((x) => x.cls === 'date').map((x) => x.raw)).toEqual(['2005. 2']);
    expect(t.filter((x) => x.cls === 'quantity').map((x) => x.raw)).toEqual(['20억원']);
  });

  it('reads `2.5~3.0%` as a range of rates, not 5 February', () => {
    const q = tokenizeNumbers('2.5~3.0%').map((x) => [x.cls, x.quantity?.value, x.quantity?.qualifier]);
    expect(q).toEqual([
      ['quantity', 2.5, 'range_start'],
      ['quantity', 3, 'range_end'],
    ]);
  });

  it('turns dated table cells into date mentions and gives no facts for them', () => {
    const d = normalize(
      extract(
        `2024년 사업 설명

I 추진경위

구 분\t일자\t내용
개정\t2005. 2\t대출한도 확대
기준\t'24.3.19\t시행
`,
        { report_year: 2024 },
      ),
    );
    expect(d.date_mentions.map((m) => [m.raw_text, m.start_date])).toEqual([
      ['2005. 2', '2005-02-01'],
      ["'24.3.19", '2024-03-19'],
    ]);
    expect(d.facts.filter((f) => f.value === 2005 || f.value === 19)).toEqual([]);
  });

  it('dates a month in a year row of the 2020 report in that year', () => {
    const m = report2020().date_mentions.filter((x) => x.subject === '인터넷대출 개시');
    expect(m.map((x) => [x.start_date, x.end_date])).toEqual([['2009-07-01', '2009-07-31']]);
  });
});
