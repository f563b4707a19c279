/**
 * Region dimension. Sources: ISO 3166-2:KR (ISO Online Browsing Platform: codes KR-11…KR-50;
 * 2023-11-23 change of KR-42's category to special self-governing province, code kept);
 * KOSTAT 한국표준행정구역분류 (statistical sido codes 11…39); the interior ministry's 행정표준코드
 * (법정동 sido codes 11…50, 강원 42→51 and 전북 45→52 at the renames). The three systems reuse the
 * same numbers for different places (50 is Sejong in ISO, Jeju in the ministry's codes), so each
 * has its own column and `region_code` is ours.
 * Renames: 강원도 → 강원특별자치도 on 2023-06-11 (강원특별자치도 설치 등에 관한 특별법);
 * 전라북도 → 전북특별자치도 on 2024-01-18 (전북특별자치도 설치 등에 관한 특별법);
 * 광주광역시 + 전라남도 → 전남광주통합특별시 (short 광주특별시) on 2026-07-01 under the special act
 * passed by the National Assembly in 2026-02 (name as in the act; 전남광주특별시 kept as an alias).
 */
export interface RegionDef {
  readonly region_code: string;
  readonly name_ko: string;
  readonly name_en: string;
  readonly kind: 'sido' | 'kbiz_hq' | 'subregion';
  readonly iso_3166_2: string | null;
  /** KOSTAT statistical sido code. */
  readonly sido_code: string | null;
  /** Interior ministry administrative (법정동) sido code in force at `valid_to` or today. */
  readonly admin_code: string | null;
  readonly valid_from: string | null;
  readonly valid_to: string | null;
  /** Short spelling used in reports (`서울`, `충남`). */
  readonly short_ko: string;
  /** ISO codes of the sido covered; a sido covers itself. */
  readonly members: readonly string[];
  /** Earlier official names with the day each stopped being used. */
  readonly former_names?: ReadonlyArray<{ readonly name_ko: string; readonly valid_to: string }>;
}

const sido = (
  iso: string,
  sidoCode: string,
  admin: string,
  name_ko: string,
  short_ko: string,
  name_en: string,
  extra: Partial<RegionDef> = {},
): RegionDef => ({
  region_code: iso,
  name_ko,
  name_en,
  kind: 'sido',
  iso_3166_2: iso,
  sido_code: sidoCode,
  admin_code: admin,
  valid_from: null,
  valid_to: null,
  short_ko,
  members: [iso],
  ...extra,
});

export const SIDO: readonly RegionDef[] = [
  sido('KR-11', '11', '11', '서울특별시', '서울', 'Seoul'),
  sido('KR-26', '21', '26', '부산광역시', '부산', 'Busan'),
  sido('KR-27', '22', '27', '대구광역시', '대구', 'Daegu'),
  sido('KR-28', '23', '28', '인천광역시', '인천', 'Incheon'),
  sido('KR-29', '24', '29', '광주광역시', '광주', 'Gwangju', { valid_to: '2026-06-30' }),
  sido('KR-30', '25', '30', '대전광역시', '대전', 'Daejeon'),
  sido('KR-31', '26', '31', '울산광역시', '울산', 'Ulsan'),
  sido('KR-50', '29', '36', '세종특별자치시', '세종', 'Sejong', { valid_from: '2012-07-01' }),
  sido('KR-41', '31', '41', '경기도', '경기', 'Gyeonggi'),
  sido('KR-42', '32', '51', '강원특별자치도', '강원', 'Gangwon', {
    former_names: [{ name_ko: '강원도', valid_to: '2023-06-10' }],
  }),
  sido('KR-43', '33', '43', '충청북도', '충북', 'North Chungcheong'),
  sido('KR-44', '34', '44', '충청남도', '충남', 'South Chungcheong'),
  sido('KR-45', '35', '52', '전북특별자치도', '전북', 'Jeonbuk', {
    former_names: [{ name_ko: '전라북도', valid_to: '2024-01-17' }],
  }),
  sido('KR-46', '36', '46', '전라남도', '전남', 'South Jeolla', { valid_to: '2026-06-30' }),
  sido('KR-47', '37', '47', '경상북도', '경북', 'North Gyeongsang'),
  sido('KR-48', '38', '48', '경상남도', '경남', 'South Gyeongsang'),
  sido('KR-49', '39', '50', '제주특별자치도', '제주', 'Jeju'),
  {
    region_code: 'KR-JG',
    name_ko: '전남광주통합특별시',
    name_en: 'Jeonnam-Gwangju',
    kind: 'sido',
    iso_3166_2: null,
    sido_code: null,
    admin_code: null,
    valid_from: '2026-07-01',
    valid_to: null,
    short_ko: '광주특별시',
    members: ['KR-29', 'KR-46'],
  },
];

const hq = (
  region_code: string,
  name_ko: string,
  name_en: string,
  members: string[],
  kind: RegionDef['kind'] = 'kbiz_hq',
): RegionDef => ({
  region_code,
  name_ko,
  name_en,
  kind,
  iso_3166_2: null,
  sido_code: null,
  admin_code: null,
  valid_from: null,
  valid_to: null,
  short_ko: name_ko,
  members,
});

/** KBIZ regional headquarters covering more (or less) than one sido; one-sido headquarters use the sido. */
export const KBIZ_HQ: readonly RegionDef[] = [
  hq('KBIZ-GGN', '경기북부', 'Northern Gyeonggi (KBIZ HQ)', ['KR-41'], 'subregion'),
  hq('KBIZ-DJSCN', '대전세종충남', 'Daejeon-Sejong-Chungnam (KBIZ HQ)', ['KR-30', 'KR-50', 'KR-44']),
  hq('KBIZ-BSUS', '부산울산', 'Busan-Ulsan (KBIZ HQ)', ['KR-26', 'KR-31']),
  hq('KBIZ-DGGB', '대구경북', 'Daegu-Gyeongbuk (KBIZ HQ)', ['KR-27', 'KR-47']),
  hq('KBIZ-GJJN', '광주전남', 'Gwangju-Jeonnam (KBIZ HQ)', ['KR-29', 'KR-46']),
];

/**
 * Ministry sido codes in use before a rename, as the first two digits of older 10-digit administrative codes
 * (`강원도 춘천시 (4211000000)`): 42 강원 until 2023-06-10, 45 전북 until 2024-01-17. Today's codes are `admin_code`.
 */
export const FORMER_ADMIN_CODES: ReadonlyArray<[string, string]> = [
  ['42', 'KR-42'],
  ['45', 'KR-45'],
];

/** Extra spellings of composite headquarters seen in reports (`대전충남` drops 세종). */
export const EXTRA_ALIASES: ReadonlyArray<[string, string]> = [
  ['대전충남', 'KBIZ-DJSCN'],
  ['대전·세종·충남', 'KBIZ-DJSCN'],
  ['전남광주특별시', 'KR-JG'],
  ['광주특별시', 'KR-JG'],
  ['경기남부', 'KR-41'],
];
