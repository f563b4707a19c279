import { describe, expect, it } from 'vitest';
import { REGIONS, REGION_ALIASES, resolveRegion } from '../../vocabulary/index.js';
import { report2020 } from '../helpers.js';

describe('region dimension', () => {
  it('has the 17 sido of 2012–2026 with ISO, KOSTAT and ministry codes kept apart', () => {
    const sido = REGIONS.filter((r) => r.kind === 'sido' && r.iso_3166_2);
    expect(sido).toHaveLength(17);
    expect(REGIONS.find((r) => r.short_ko === '세종')).toMatchObject({
      iso_3166_2: 'KR-50',
      sido_code: '29',
      admin_code: '36',
    });
    expect(REGIONS.find((r) => r.short_ko === '제주')).toMatchObject({
      iso_3166_2: 'KR-49',
      sido_code: '39',
      admin_code: '50',
    });
  });

  it('records the renames and the 2026 merger with their dates', () => {
    expect(REGIONS.find((r) => r.region_code === 'KR-42')).toMatchObject({
      name_ko: '강원특별자치도',
      former_names: [{ name_ko: '강원도', valid_to: '2023-06-10' }],
    });
    expect(REGIONS.find((r) => r.region_code === 'KR-45')).toMatchObject({
      name_ko: '전북특별자치도',
      former_names: [{ name_ko: '전라북도', valid_to: '2024-01-17' }],
    });
    expect(REGIONS.find((r) => r.region_code === 'KR-JG')).toMatchObject({
      valid_from: '2026-07-01',
      members: ['KR-29', 'KR-46'],
    });
    expect(REGIONS.find((r) => r.region_code === 'KR-29')!.valid_to).toBe('2026-06-30');
  });

  it.each([
    ['서울', 'KR-11'],
    ['서울특별시', 'KR-11'],
    ['충청남도', 'KR-44'],
    ['충남', 'KR-44'],
    ['강원도', 'KR-42'],
    ['전라북도', 'KR-45'],
    ['대전충남', 'KBIZ-DJSCN'],
    ['대전 충남', 'KBIZ-DJSCN'],
    ['대전세종충남', 'KBIZ-DJSCN'],
    ['부산울산', 'KBIZ-BSUS'],
    ['부산·울산', 'KBIZ-BSUS'],
    ['대구경북지역', 'KBIZ-DGGB'],
    ['경기북부', 'KBIZ-GGN'],
    ['경기 북부', 'KBIZ-GGN'],
    ['광주 전남', 'KBIZ-GJJN'],
    ['전남광주특별시', 'KR-JG'],
  ])('%s → %s', (alias, code) => expect(resolveRegion(alias)).toBe(code));

  it.each(['합계', '구분', '서울대', '전국'])('%s is no region', (label) => expect(resolveRegion(label)).toBeNull());

  it('maps composite headquarters to the sido they cover', () => {
    expect(REGIONS.find((r) => r.region_code === 'KBIZ-DJSCN')!.members).toEqual(['KR-30', 'KR-50', 'KR-44']);
    expect(REGIONS.find((r) => r.region_code === 'KBIZ-BSUS')!.members).toEqual(['KR-26', 'KR-31']);
    expect([...REGION_ALIASES.values()].every((code) => REGIONS.some((r) => r.region_code === code))).toBe(true);
  });

  it('resolves every region label of the 2020 report and names regions in prose', () => {
    const doc = report2020();
    const regional = doc.facts.filter((f) => f.region_code);
    const hq = new Set(regional.filter((f) => f.origin === 'table').map((f) => f.col_labels[0]));
    expect([...hq].sort()).toEqual(
      [
        '강원',
        '경기',
        '경기 북부',
        '경기북부',
        '경남',
        '광주 전남',
        '광주전남',
        '대구 경북',
        '대구경북',
        '대전 충남',
        '대전충남',
        '부산 울산',
        '부산울산',
        '서울',
        '인천',
        '전북',
        '제주',
        '충북',
      ].sort(),
    );
    const pl = doc.facts.filter((f) => f.origin === 'text' && f.raw_text.endsWith('백만원') && f.region_code);
    expect(pl.map((f) => [f.region_code, f.value])).toEqual([
      ['KR-11', 200],
      ['KR-26', 30],
      ['KR-29', 20],
      ['KR-48', 50],
      ['KR-46', 10],
      ['KR-45', 10],
      ['KR-49', 24],
    ]);
  });
});
