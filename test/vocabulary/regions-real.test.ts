import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  readRegion,
  REGION_ALIASES,
  REGIONS,
  regionConflicts,
  resolveRegion,
  resolveRegionPath,
  sidoOfRegion,
} from '../../vocabulary/index.js';
import { queryWarehouse, runCli, tempDir } from '../helpers.js';

/** Region labels as KOSIS exports and other real documents spell them (../shared/real-inputs/area.csv and others). */
describe('regions as real documents spell them', () => {
  it.each([
    ['서울특별시', 'KR-11'],
    ['강원특별자치도', 'KR-42'],
    ['전북특별자치도', 'KR-45'],
    ['세종특별자치시', 'KR-50'],
    ['제주특별자치도', 'KR-49'],
    ['경상남도', 'KR-48'],
    ['서울특별시  (1100000000)', 'KR-11'],
    ['부산광역시  (2600000000)', 'KR-26'],
    ['세종특별자치시  (3611000000)', 'KR-50'],
    ['경기도 수원시 (4111000000)', 'KR-41-수원시'],
    ['강원도 춘천시 (4211000000)', 'KR-42-춘천시'],
    ['강원특별자치도 춘천시 (5111000000)', 'KR-42-춘천시'],
    ['전라북도 진안군 (4572000000)', 'KR-45-진안군'],
    ['전북특별자치도 진안군 (5272000000)', 'KR-45-진안군'],
    ['제주특별자치도 서귀포시 (5013000000)', 'KR-49-서귀포시'],
    ['경기도 수원시', 'KR-41-수원시'],
    ['경기도 수원시 장안구', 'KR-41-수원시-장안구'],
    ['경기도수원시장안구', 'KR-41-수원시-장안구'],
    ['경남 창원시 마산합포구', 'KR-48-창원시-마산합포구'],
    ['인천광역시 남구', 'KR-28-미추홀구'],
    // An unlisted 일반구 keeps its city; an unlisted 시군구-like word keeps the sido.
    ['경기도 화성시 동탄구', 'KR-41-화성시'],
  ])('%s → %s', (label, code) => expect(resolveRegion(label)).toBe(code));

  it('rolls every subregion up to its sido through region_members', () => {
    const subregions = REGIONS.filter((r) => r.kind === 'subregion' && r.region_code.startsWith('KR-'));
    expect(subregions.filter((r) => !r.region_code.includes('-', 6)).length).toBeGreaterThan(229);
    for (const r of subregions) {
      expect(r.members, r.region_code).toHaveLength(1);
      expect(r.region_code.startsWith(`${r.members[0]}-`), r.region_code).toBe(true);
      expect(sidoOfRegion(r.region_code)).toBe(r.members[0]);
    }
    expect(REGIONS.find((r) => r.region_code === 'KR-41-수원시-장안구')).toMatchObject({
      name_ko: '경기도 수원시 장안구',
      name_en: 'Jangan-gu, Suwon-si, Gyeonggi',
      members: ['KR-41'],
    });
    expect(new Set(REGIONS.map((r) => r.region_code)).size).toBe(REGIONS.length);
    expect([...REGION_ALIASES.values()].every((code) => REGIONS.some((r) => r.region_code === code))).toBe(true);
  });

  describe('traps', () => {
    it('경기도 광주시 is in 경기, not 광주광역시', () => {
      expect(resolveRegion('경기도 광주시')).toBe('KR-41-광주시');
      expect(sidoOfRegion(resolveRegion('경기도 광주시'))).toBe('KR-41');
      expect(resolveRegionPath(['경기도', '광주시'])).toBe('KR-41-광주시');
      expect(resolveRegion('광주광역시 광산구')).toBe('KR-29-광산구');
    });

    it('고성군 is placed by its sido or code, never by the bare name', () => {
      expect(resolveRegion('강원도 고성군 (4282000000)')).toBe('KR-42-고성군');
      expect(resolveRegion('경상남도 고성군 (4882000000)')).toBe('KR-48-고성군');
      expect(resolveRegion('고성군 (4882000000)')).toBe('KR-48-고성군');
      expect(resolveRegionPath(['경상남도', '고성군'])).toBe('KR-48-고성군');
      expect(resolveRegion('고성군')).toBeNull();
    });

    it('중구, 동구 … only with their metropolitan city', () => {
      expect(resolveRegion('서울특별시 중구')).toBe('KR-11-중구');
      expect(resolveRegion('대구광역시 중구')).toBe('KR-27-중구');
      expect(resolveRegionPath(['울산광역시', '동구'])).toBe('KR-31-동구');
      for (const gu of ['중구', '동구', '서구', '남구', '북구', '광주시', '수원시'])
        expect(resolveRegion(gu), gu).toBeNull();
    });

    it('전국 is the whole country and 소계 no region: a sido subtotal row is the sido', () => {
      expect(resolveRegion('전국')).toBeNull();
      expect(resolveRegion('소계')).toBeNull();
      expect(resolveRegionPath(['전국'])).toBeNull();
      expect(resolveRegionPath(['서울특별시', '소계'])).toBe('KR-11');
      expect(resolveRegionPath(['세종특별자치시', '소계'])).toBe('KR-50');
    });

    it('a place named under the wrong sido is no place', () => {
      expect(resolveRegion('서울특별시 수원시')).toBeNull();
      expect(resolveRegionPath(['서울특별시', '수원시'])).toBe('KR-11');
    });
  });

  describe('administrative codes', () => {
    it('the code places a bare 시군구 name and agrees with the name', () => {
      expect(resolveRegion('수원시 (4111000000)')).toBe('KR-41-수원시');
      expect(readRegion('대전광역시  (3000000000)')).toEqual({ code: 'KR-30', conflict: null });
    });

    it('a code that disagrees with the name gives no region and a conflict', () => {
      expect(readRegion('부산광역시 (1100000000)')).toMatchObject({
        code: null,
        conflict: expect.stringContaining('KR-26'),
      });
      expect(readRegion('경기도 광주시 (2900000000)').code).toBeNull();
      expect(readRegion('수원시 (1111000000)').code).toBeNull();
      expect(readRegion('서울특별시 (9900000000)').conflict).toContain('99');
      expect(resolveRegionPath(['부산광역시 (1100000000)', '경기도'])).toBeNull();
      expect(regionConflicts(['부산광역시 (1100000000)', '2020.01'])).toHaveLength(1);
      expect(regionConflicts(['강원도 춘천시 (4211000000)', '경기도 수원시 (4111000000)'])).toEqual([]);
    });
  });

  it('labels of the 2020 report keep their regions', () => {
    expect(resolveRegionPath(['경기', '북부'])).toBe('KBIZ-GGN');
    expect(resolveRegionPath(['서울', '증감'])).toBe('KR-11');
    expect(resolveRegion('대전 충남')).toBe('KBIZ-DJSCN');
  });
});

/** A KOSIS-shaped export through the whole pipeline: 시군구 facts in the warehouse, each rolled up to its sido. */
describe('regions of a KOSIS export in the warehouse', () => {
  const out = tempDir('kbiz-regions-');
  beforeAll(async () => {
    const csv = join(out, 'area-sample.csv');
    writeFileSync(
      csv,
      `\uFEFF소재지(시군구)별(1),면적 (㎡)\n전국,100412000000\n서울특별시,605204048\n` +
        `부산광역시  (2600000000),771309562\n경기도 광주시,430988339\n강원도 고성군 (4282000000),660766517\n` +
        `경상남도 고성군 (4882000000),518022863\n부산광역시 (1100000000),123\n`,
    );
    const run = await runCli('run', '--input', csv, '--year', '2020', '--out', out, '--quiet');
    expect(run.code, run.err).toBe(0);
  });

  // Cells are stored without the space before `(`.
  it('keeps 시군구 finer than sido, every one a member of its sido', async () => {
    const rows = await queryWarehouse(
      out,
      `
      SELECT f.row_labels[1] AS label, f.region_code, m.member_iso_3166_2 AS sido
      FROM facts f LEFT JOIN region_members m USING (region_code) WHERE f.value IS NOT NULL ORDER BY f.line_no`,
    );
    expect(rows.map((r) => [r.label, r.region_code, r.sido])).toEqual([
      ['전국', null, null],
      ['서울특별시', 'KR-11', 'KR-11'],
      ['부산광역시(2600000000)', 'KR-26', 'KR-26'],
      ['경기도 광주시', 'KR-41-광주시', 'KR-41'],
      ['강원도 고성군(4282000000)', 'KR-42-고성군', 'KR-42'],
      ['경상남도 고성군(4882000000)', 'KR-48-고성군', 'KR-48'],
      ['부산광역시(1100000000)', null, null],
    ]);
  });

  it('records a name and code that disagree as a region_conflict issue', async () => {
    const issues = await queryWarehouse(out, `SELECT message FROM issues WHERE code = 'region_conflict'`);
    expect(issues).toHaveLength(1);
    expect(String(issues[0]!.message)).toContain(
      '부산광역시(1100000000): the name is in KR-26, code 1100000000 in KR-11',
    );
  });
});
