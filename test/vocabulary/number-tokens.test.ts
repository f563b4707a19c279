import { describe, expect, it } from 'vitest';
import { resolveDate, tokenizeNumbers } from '../../vocabulary/index.js';
import { report2020 } from '../helpers.js';

const classes = (text: string) => tokenizeNumbers(text).map((t) => `${t.cls}:${t.raw}`);

describe('tokenizeNumbers: every number in prose gets a class', () => {
  it.each([
    [
      '- 협동조합 컨설팅지원단 운영 : 384개 조합, 651회, 1,035일',
      ['quantity:384개', 'quantity:651회', 'quantity:1,035일'],
    ],
    ['산업통상자원부 산하 40개 공공기관(5.7), 동서발전(10.16)', ['quantity:40개', 'date:5.7', 'date:10.16']],
    [
      '대구경북지역 특별지원(3.17~31), 백화점면세점 입점기업 지원(4.9~20/5.26~6.12)',
      ['date:3.17~31', 'date:4.9~20', 'date:5.26~6.12'],
    ],
    ["중소기업기본법 개정 ('20.9.24 개정)", ["date:'20.9.24"]],
    ['(‘18.3.19~현재, 건·억원)', ['date:‘18.3.19~현재']],
    ['2021. 2', ['date:2021. 2']],
    ['중소기업협동조합 936개(20. 12월말 기준)', ['quantity:936개', 'date:20. 12월말']],
    ['「제2차 중소기업협동조합 활성화 3개년 계획」', ['ordinal:제2차', 'quantity:3개년']],
    ['21대 국회에 바란다, 중소기업CEO 의견조사(1월, 500개 업체)', ['ordinal:21대', 'date:1월', 'quantity:500개']],
    ['코로나19 피해 중소기업, 주52시간제 보완, B2B', ['name:19', 'name:52시간제', 'name:2B']],
    ['정부·대기업 : 참여기업 6 : 4 매칭', ['ratio:6 : 4']],
    ['2020년 20개 조합 신규 설립', ['year:2020년', 'quantity:20개']],
    ['2020 장수기업 희망포럼(11.12~13, 롯데리조트 속초, 87명)', ['year:2020', 'date:11.12~13', 'quantity:87명']],
    ['명절맞이 민생경제 캠페인 3.1억원 지원', ['quantity:3.1억원']],
    ['무역구제 지원(4개 업체, 총 7천5백만원 지원)', ['quantity:4개', 'quantity:7천5백만원']],
  ])('%s', (text, expected) => expect(classes(text)).toEqual(expected));

  it('reads qualifiers around a quantity', () => {
    const q = (text: string) =>
      tokenizeNumbers(text)
        .filter((t) => t.quantity)
        .map((t) => [t.quantity!.value, t.quantity!.unit_raw, t.quantity!.qualifier]);
    expect(q('조합당 최대 15백만원')).toEqual([[15, '백만원', 'max']]);
    expect(q('매회 40,000부 내외')).toEqual([[40000, '부', 'approx']]);
    expect(q('(매출액 30억원 이상, 상시종사자 10인 이상)')).toEqual([
      [30, '억원', 'min'],
      [10, '인', 'min'],
    ]);
    expect(q('(매출액 5억원 초과)')).toEqual([[5, '억원', 'over']]);
    expect(q('언택트 강연 1,000명+ 시청')).toEqual([[1000, '명', 'plus']]);
    expect(q('조합추천 수의계약 112억원')).toEqual([[112, '억원', null]]);
    expect(q('3~5개 업체')).toEqual([
      [3, '개', 'range_start'],
      [5, '개', 'range_end'],
    ]);
  });

  it('leaves no number of the 2020 report unclassified', () => {
    const doc = report2020();
    expect(doc.issues.filter((i) => i.code === 'number_unclassified' || i.code === 'date_invalid')).toEqual([]);
    // every digit in prose lies inside a classified token
    for (const line of doc.lines) {
      if (['table_row', 'blank', 'toc'].includes(line.kind) || !/\d/.test(line.text)) continue;
      const covered = new Set<number>();
      for (const t of tokenizeNumbers(line.text)) for (let i = t.start; i < t.end; i++) covered.add(i);
      const label = /^\s*(?:-\s*)?(\d{1,2})[.)]/.exec(line.text);
      [...line.text].forEach((ch, i) => {
        if (/\d/.test(ch) && !covered.has(i) && !(label && i < label[0].length))
          throw new Error(`line ${line.line_no}: ${line.text}`);
      });
    }
  });
});

describe('resolveDate', () => {
  it('resolves with the report year, month ends and open ranges', () => {
    const [may7, march] = tokenizeNumbers('(5.7) (3.17~31)').map((t) => resolveDate(t.date!, 2020));
    expect(may7).toEqual({ start: '2020-05-07', end: '2020-05-07' });
    expect(march).toEqual({ start: '2020-03-17', end: '2020-03-31' });
    const [since] = tokenizeNumbers('‘18.3.19~현재').map((t) => resolveDate(t.date!, 2020));
    expect(since).toEqual({ start: '2018-03-19', end: '2020-12-31' });
    const [feb] = tokenizeNumbers('2021. 2').map((t) => resolveDate(t.date!, 2020));
    expect(feb).toEqual({ start: '2021-02-01', end: '2021-02-28' });
    const [monthEnd] = tokenizeNumbers("('20. 12월말 기준)").map((t) => resolveDate(t.date!, 2020));
    expect(monthEnd).toEqual({ start: '2020-12-31', end: '2020-12-31' });
  });

  it('puts every date of the report in date_mentions, with its phrase', () => {
    const dates = report2020().date_mentions;
    expect(dates.find((d) => d.raw_text === '4.9~20')).toMatchObject({
      start_date: '2020-04-09',
      end_date: '2020-04-20',
      subject: '백화점면세점 입점기업 지원',
    });
    expect(dates.find((d) => d.raw_text === '5.26~6.12')).toMatchObject({
      start_date: '2020-05-26',
      end_date: '2020-06-12',
    });
    expect(dates.find((d) => d.raw_text === '5.7')).toMatchObject({
      start_date: '2020-05-07',
      subject: '산업통상자원부 산하 공공기관',
    });
    expect(dates.length).toBeGreaterThan(120);
  });
});
