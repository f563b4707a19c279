import { describe, expect, it } from 'vitest';
import { lookupUnit, parseCell, readAmount, unitColumns, UNITS } from '../../vocabulary/index.js';

/** Real spellings from the 2020 report: raw → value as written, unit spelling, value in base unit. */
const AMOUNTS: ReadonlyArray<[string, number, string | null, number | null, string]> = [
  ['1,915,515', 1915515, null, 1915515, 'number'],
  ['183.4억원', 183.4, '억원', 18_340_000_000, 'KRW'],
  ['4,594백만원', 4594, '백만원', 4_594_000_000, 'KRW'],
  ['15백만원', 15, '백만원', 15_000_000, 'KRW'],
  ['7천5백만원', 7500, '만원', 75_000_000, 'KRW'],
  ['6천만원', 6, '천만원', 60_000_000, 'KRW'],
  ['1.5억원', 1.5, '억원', 150_000_000, 'KRW'],
  ['1조 2,300억원', 12300, '억원', 1_230_000_000_000, 'KRW'],
  ['1만원', 1, '만원', 10_000, 'KRW'],
  ['5,000천불', 5000, '천불', 5_000_000, 'USD'],
  ['7,860불', 7860, '불', 7860, 'USD'],
  ['51만명', 51, '만명', 510_000, 'count'],
  ['9,145명', 9145, '명', 9145, 'count'],
  ['3,604건', 3604, '건', 3604, 'count'],
  ['25개국', 25, '개국', 25, 'count'],
  ['22차수', 22, '차수', 22, 'count'],
  ['1,035일', 1035, '일', 1035, 'count'],
  ['0.5%p', 0.5, '%p', 0.5, 'percent_point'],
  ['83.4%', 83.4, '%', 83.4, 'percent'],
  ['6개월', 6, '개월', 6, 'month'],
];

describe('readAmount: the Korean number grammar', () => {
  it.each(AMOUNTS)('%s', (raw, value, unit_raw, value_base, base_unit) => {
    const a = readAmount(raw, 0)!;
    expect(a.end).toBe(raw.length);
    expect([a.value, a.unit_raw]).toEqual([value, unit_raw]);
    expect(unitColumns(a.value, a.unit_raw)).toMatchObject({ value_base, base_unit });
  });

  it('marks `여` as approximate: 1,200여권', () => {
    expect(readAmount('1,200여권', 0)).toEqual({ end: 7, value: 1200, unit_raw: '권', approx: true });
  });

  it('takes a money word set off by one space as the unit, and nothing else after a space', () => {
    const read = (text: string) => {
      const a = readAmount(text, 0)!;
      return [a.value, a.unit_raw, text.slice(a.end)];
    };
    expect(read('100만 달러 이상')).toEqual([100, '만달러', ' 이상']);
    expect(read('200만 달러(단건)')).toEqual([200, '만달러', '(단건)']);
    expect(read('51,000백만 원 이내')).toEqual([51000, '백만원', ' 이내']);
    expect(read('3 원장')).toEqual([3, null, ' 원장']);
    expect(read('5만 명')).toEqual([50000, null, ' 명']);
  });
});

describe('parseCell', () => {
  it.each([
    ['22,363', [[22363, null]]],
    ['Δ1,495', [[-1495, null]]],
    ['△12', [[-12, null]]],
    ['▲3.5%', [[-3.5, '%']]],
    ['0.0%', [[0, '%']]],
    ['4.5', [[4.5, null]]],
    [
      '38개(11.8%)',
      [
        [38, '개'],
        [11.8, '%'],
      ],
    ],
    [
      '352개(100%)',
      [
        [352, '개'],
        [100, '%'],
      ],
    ],
  ])('%s holds quantities', (raw, expected) => {
    const v = parseCell(raw);
    expect(v.kind).toBe('quantities');
    if (v.kind === 'quantities') expect(v.quantities.map((q) => [q.value, q.unit_raw])).toEqual(expected);
  });

  it('tells nil, empty and text apart', () => {
    expect(parseCell('-')).toEqual({ kind: 'nil' });
    expect(parseCell('  ')).toEqual({ kind: 'empty' });
    expect(parseCell('최대 1억원').kind).toBe('text');
    expect(parseCell('2020 구축기업수').kind).toBe('text');
    expect(parseCell('정부 : 참여기업 5 : 5 매칭').kind).toBe('text');
  });
});

describe('unit vocabulary', () => {
  it('covers the money, count and ratio units of the brief', () => {
    for (const u of [
      '원',
      '천원',
      '만원',
      '백만원',
      '천만원',
      '억원',
      '조원',
      '불',
      '달러',
      '천불',
      '만불',
      '백만불',
      '건',
      '개',
      '개사',
      '곳',
      '명',
      '회',
      '부',
      '일',
      '차수',
      '과정',
      '업체',
      '조합',
      '%',
      '%p',
    ]) {
      expect(lookupUnit(u), u).toBeDefined();
    }
    expect(lookupUnit('억원')).toEqual({
      unit_raw: '억원',
      unit: 'KRW',
      base_unit: 'KRW',
      multiplier: 1e8,
      quantity_kind: 'money',
    });
    expect(lookupUnit('천불')).toMatchObject({ unit: 'USD', multiplier: 1000 });
    expect(lookupUnit('개사')).toMatchObject({ unit: 'company', base_unit: 'count' });
    expect(lookupUnit('명')).toMatchObject({ unit: 'person', base_unit: 'count' });
    expect(lookupUnit('건')).toMatchObject({ unit: 'case', base_unit: 'count' });
  });

  it('has one entry per spelling', () => {
    const spellings = [...UNITS.values()].map((u) => u.unit_raw);
    expect(new Set(spellings).size).toBe(spellings.length);
  });
});
