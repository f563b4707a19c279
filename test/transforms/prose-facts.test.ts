import { describe, expect, it } from 'vitest';
import { normalize } from '../../transforms/index.js';
import { extract, report2020 } from '../helpers.js';

const doc = report2020();
const onLine = (text: string) => {
  const line = doc.lines.find((l) => l.text.includes(text));
  if (!line) throw new Error(`no line with ${text}`);
  return doc.facts.filter((f) => f.line_no === line.line_no);
};

describe('quantities in prose', () => {
  it('25개 조합 183.4억원(31개 조합, 243.6억원 추천) yields four facts', () => {
    const facts = onLine('25개 조합 183.4억원');
    expect(facts.map((f) => [f.raw_text, f.value, f.unit_raw, f.unit, f.value_base])).toEqual([
      ['25개', 25, '개', 'item', 25],
      ['183.4억원', 183.4, '억원', 'KRW', 18_340_000_000],
      ['31개', 31, '개', 'item', 31],
      ['243.6억원', 243.6, '억원', 'KRW', 24_360_000_000],
    ]);
    expect(facts.every((f) => f.origin === 'text' && f.table_id === null)).toBe(true);
    expect(facts[0]!.subject).toBe('신성장기반자금(협동화자금) 지원 / 조합');
  });

  it('names what a number counts', () => {
    expect(onLine('협동조합 컨설팅지원단 운영 : 384개').map((f) => [f.raw_text, f.subject])).toEqual([
      ['384개', '협동조합 컨설팅지원단 운영 / 조합'],
      ['651회', '협동조합 컨설팅지원단 운영'],
      ['1,035일', '협동조합 컨설팅지원단 운영'],
    ]);
    expect(onLine('총회 개최지도(결산수리 764회)')[0]!.subject).toBe('총회 개최지도 결산수리');
  });

  it('keeps the chain of headings and parent bullets as context', () => {
    const [sales] = onLine('4,594백만원').filter((f) => f.raw_text === '4,594백만원');
    expect(sales).toMatchObject({ value: 4594, unit_raw: '백만원', value_base: 4_594_000_000 });
    expect(sales!.context_path.slice(-2)).toEqual([
      '5) 중소기업 제품 홈쇼핑 판매 지원',
      '- 일사천리 사업 : 지자체 연계 中企제품 홈앤쇼핑 판매',
    ]);
  });

  it('reads qualifiers, money in 천불 and years named on the line', () => {
    expect(onLine('조합당 최대 15백만원').find((f) => f.raw_text === '15백만원')).toMatchObject({
      qualifier: 'max',
      value_base: 15_000_000,
    });
    expect(onLine('현장계약 5,000천불').find((f) => f.raw_text === '5,000천불')).toMatchObject({
      unit: 'USD',
      value_base: 5_000_000,
      qualifier: null,
    });
    expect(onLine('2020년 20개 조합 신규 설립').map((f) => [f.value, f.period_year])).toEqual([
      [20, 2020],
      [35, 2020],
    ]);
  });

  it('takes no page number, section number, list number, date or year for a fact', () => {
    const kinds = new Map(doc.lines.map((l) => [l.line_no, l.kind]));
    expect(
      doc.facts.some(
        (f) => f.origin === 'text' && ['toc', 'title', 'table_row', 'blank'].includes(kinds.get(f.line_no)!),
      ),
    ).toBe(false);
    expect(onLine('- 1) 대외정세 변동에 따른')).toEqual([]);
    expect(onLine('12. 중소기업 전문 연구')).toEqual([]);
    expect(onLine('(5.7), 동서발전(10.16)').map((f) => f.raw_text)).toEqual(['40개', '14개']);
    expect(onLine('제5회 명문장수기업 확인')).toEqual([]);
    expect(onLine('코로나19 피해 중소기업 홈쇼핑')).toEqual([]);
  });
});

describe('two-digit years in a later report', () => {
  it("puts ‘93.12월, 86.3 and '98년 of a 2024 document in the last century, not in 2093, 2086, 2098", () => {
    const text = "2024년도 사업계획\n- 기금 설치 (‘93.12월)\n- 사옥 준공 86.3\n- '98년 매출 120억원\n";
    const later = normalize(extract(text, { report_year: 2024 }));
    expect(later.date_mentions.map((d) => [d.raw_text, d.start_date, d.end_date])).toEqual([
      ['‘93.12월', '1993-12-01', '1993-12-31'],
      ['86.3', '1986-03-01', '1986-03-31'],
    ]);
    expect(later.facts.map((f) => [f.raw_text, f.period_year])).toEqual([['120억원', 1998]]);
  });

  it('takes no year after 2030 from the 2020 report, whose text has none', () => {
    const years = [
      ...doc.facts.map((f) => f.period_year ?? 0),
      ...doc.date_mentions.map((d) => Number(d.end_date.slice(0, 4))),
    ];
    expect(Math.max(...years)).toBeLessThanOrEqual(2021);
  });
});
