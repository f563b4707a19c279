import { SIDO, type RegionDef } from './region-data.js';

/**
 * 시군구 (cities, counties and autonomous districts) of each sido, with the general districts (일반구) of the
 * cities that have them, as in the interior ministry's 행정구역 list of 2024 plus the changes dated below. A
 * document's `경기도 수원시` row gets the code `KR-41-수원시` (`KR-41-수원시-장안구` for a 일반구): kind
 * `subregion`, a member of its sido in `region_members`, so every row rolls up to its sido. The key is the
 * name under its sido, not the ministry's 5-digit code, because those codes change with sido renames (강원
 * 42→51, 전북 45→52) while the place does not. Names repeat across sido (중구, 고성군, 광주시): they are
 * only ever resolved under their sido, never bare.
 * Changes: 군위군 moved from 경북 to 대구 on 2023-07-01; 인천 남구 became 미추홀구 on 2018-07-01; 인천 중구·동구
 * become 제물포구·영종구 and 서구 gives 검단구 on 2026-07-01; 부천시 restored its 일반구 on 2024-01-01.
 */
const SGG: Readonly<Record<string, string>> = {
  'KR-11':
    '종로구 Jongno, 중구 Jung, 용산구 Yongsan, 성동구 Seongdong, 광진구 Gwangjin, 동대문구 Dongdaemun, ' +
    '중랑구 Jungnang, 성북구 Seongbuk, 강북구 Gangbuk, 도봉구 Dobong, 노원구 Nowon, 은평구 Eunpyeong, ' +
    '서대문구 Seodaemun, 마포구 Mapo, 양천구 Yangcheon, 강서구 Gangseo, 구로구 Guro, 금천구 Geumcheon, ' +
    '영등포구 Yeongdeungpo, 동작구 Dongjak, 관악구 Gwanak, 서초구 Seocho, 강남구 Gangnam, 송파구 Songpa, ' +
    '강동구 Gangdong',
  'KR-26':
    '중구 Jung, 서구 Seo, 동구 Dong, 영도구 Yeongdo, 부산진구 Busanjin, 동래구 Dongnae, 남구 Nam, ' +
    '북구 Buk, 해운대구 Haeundae, 사하구 Saha, 금정구 Geumjeong, 강서구 Gangseo, 연제구 Yeonje, ' +
    '수영구 Suyeong, 사상구 Sasang, 기장군 Gijang',
  'KR-27':
    '중구 Jung, 동구 Dong, 서구 Seo, 남구 Nam, 북구 Buk, 수성구 Suseong, 달서구 Dalseo, 달성군 Dalseong, ' +
    '군위군 Gunwi',
  'KR-28':
    '중구 Jung, 동구 Dong, 미추홀구 Michuhol, 연수구 Yeonsu, 남동구 Namdong, 부평구 Bupyeong, ' +
    '계양구 Gyeyang, 서구 Seo, 강화군 Ganghwa, 옹진군 Ongjin, 제물포구 Jemulpo, 영종구 Yeongjong, 검단구 Geomdan',
  'KR-29': '동구 Dong, 서구 Seo, 남구 Nam, 북구 Buk, 광산구 Gwangsan',
  'KR-30': '동구 Dong, 중구 Jung, 서구 Seo, 유성구 Yuseong, 대덕구 Daedeok',
  'KR-31': '중구 Jung, 남구 Nam, 동구 Dong, 북구 Buk, 울주군 Ulju',
  'KR-41':
    '수원시 Suwon, 성남시 Seongnam, 의정부시 Uijeongbu, 안양시 Anyang, 부천시 Bucheon, 광명시 Gwangmyeong, ' +
    '평택시 Pyeongtaek, 동두천시 Dongducheon, 안산시 Ansan, 고양시 Goyang, 과천시 Gwacheon, 구리시 Guri, ' +
    '남양주시 Namyangju, 오산시 Osan, 시흥시 Siheung, 군포시 Gunpo, 의왕시 Uiwang, 하남시 Hanam, 용인시 Yongin, ' +
    '파주시 Paju, 이천시 Icheon, 안성시 Anseong, 김포시 Gimpo, 화성시 Hwaseong, 광주시 Gwangju, 양주시 Yangju, ' +
    '포천시 Pocheon, 여주시 Yeoju, 연천군 Yeoncheon, 가평군 Gapyeong, 양평군 Yangpyeong',
  'KR-42':
    '춘천시 Chuncheon, 원주시 Wonju, 강릉시 Gangneung, 동해시 Donghae, 태백시 Taebaek, 속초시 Sokcho, ' +
    '삼척시 Samcheok, 홍천군 Hongcheon, 횡성군 Hoengseong, 영월군 Yeongwol, 평창군 Pyeongchang, ' +
    '정선군 Jeongseon, 철원군 Cheorwon, 화천군 Hwacheon, 양구군 Yanggu, 인제군 Inje, 고성군 Goseong, ' +
    '양양군 Yangyang',
  'KR-43':
    '청주시 Cheongju, 충주시 Chungju, 제천시 Jecheon, 보은군 Boeun, 옥천군 Okcheon, 영동군 Yeongdong, ' +
    '증평군 Jeungpyeong, 진천군 Jincheon, 괴산군 Goesan, 음성군 Eumseong, 단양군 Danyang',
  'KR-44':
    '천안시 Cheonan, 공주시 Gongju, 보령시 Boryeong, 아산시 Asan, 서산시 Seosan, 논산시 Nonsan, ' +
    '계룡시 Gyeryong, 당진시 Dangjin, 금산군 Geumsan, 부여군 Buyeo, 서천군 Seocheon, 청양군 Cheongyang, ' +
    '홍성군 Hongseong, 예산군 Yesan, 태안군 Taean',
  'KR-45':
    '전주시 Jeonju, 군산시 Gunsan, 익산시 Iksan, 정읍시 Jeongeup, 남원시 Namwon, 김제시 Gimje, ' +
    '완주군 Wanju, 진안군 Jinan, 무주군 Muju, 장수군 Jangsu, 임실군 Imsil, 순창군 Sunchang, 고창군 Gochang, ' +
    '부안군 Buan',
  'KR-46':
    '목포시 Mokpo, 여수시 Yeosu, 순천시 Suncheon, 나주시 Naju, 광양시 Gwangyang, 담양군 Damyang, ' +
    '곡성군 Gokseong, 구례군 Gurye, 고흥군 Goheung, 보성군 Boseong, 화순군 Hwasun, 장흥군 Jangheung, ' +
    '강진군 Gangjin, 해남군 Haenam, 영암군 Yeongam, 무안군 Muan, 함평군 Hampyeong, 영광군 Yeonggwang, ' +
    '장성군 Jangseong, 완도군 Wando, 진도군 Jindo, 신안군 Sinan',
  'KR-47':
    '포항시 Pohang, 경주시 Gyeongju, 김천시 Gimcheon, 안동시 Andong, 구미시 Gumi, 영주시 Yeongju, ' +
    '영천시 Yeongcheon, 상주시 Sangju, 문경시 Mungyeong, 경산시 Gyeongsan, 군위군 Gunwi, 의성군 Uiseong, ' +
    '청송군 Cheongsong, 영양군 Yeongyang, 영덕군 Yeongdeok, 청도군 Cheongdo, 고령군 Goryeong, 성주군 Seongju, ' +
    '칠곡군 Chilgok, 예천군 Yecheon, 봉화군 Bonghwa, 울진군 Uljin, 울릉군 Ulleung',
  'KR-48':
    '창원시 Changwon, 진주시 Jinju, 통영시 Tongyeong, 사천시 Sacheon, 김해시 Gimhae, 밀양시 Miryang, ' +
    '거제시 Geoje, 양산시 Yangsan, 의령군 Uiryeong, 함안군 Haman, 창녕군 Changnyeong, 고성군 Goseong, ' +
    '남해군 Namhae, 하동군 Hadong, 산청군 Sancheong, 함양군 Hamyang, 거창군 Geochang, 합천군 Hapcheon',
  'KR-49': '제주시 Jeju, 서귀포시 Seogwipo',
};

/** General districts (일반구) of cities: not self-governing, but KOSIS and reports list them under the city. */
const GU: Readonly<Record<string, string>> = {
  'KR-41-수원시': '장안구 Jangan, 권선구 Gwonseon, 팔달구 Paldal, 영통구 Yeongtong',
  'KR-41-성남시': '수정구 Sujeong, 중원구 Jungwon, 분당구 Bundang',
  'KR-41-안양시': '만안구 Manan, 동안구 Dongan',
  'KR-41-안산시': '상록구 Sangnok, 단원구 Danwon',
  'KR-41-고양시': '덕양구 Deogyang, 일산동구 Ilsandong, 일산서구 Ilsanseo',
  'KR-41-용인시': '처인구 Cheoin, 기흥구 Giheung, 수지구 Suji',
  'KR-41-부천시': '원미구 Wonmi, 소사구 Sosa, 오정구 Ojeong',
  'KR-43-청주시': '상당구 Sangdang, 서원구 Seowon, 흥덕구 Heungdeok, 청원구 Cheongwon',
  'KR-44-천안시': '동남구 Dongnam, 서북구 Seobuk',
  'KR-45-전주시': '완산구 Wansan, 덕진구 Deokjin',
  'KR-47-포항시': '남구 Nam, 북구 Buk',
  'KR-48-창원시': '의창구 Uichang, 성산구 Seongsan, 마산합포구 Masanhappo, 마산회원구 Masanhoewon, 진해구 Jinhae',
};

/** Dated entries: the day a 시군구 began or ended, and names it had before (`인천 남구` is today's 미추홀구). */
const DATED: Readonly<Record<string, Partial<RegionDef>>> = {
  'KR-27-군위군': { valid_from: '2023-07-01' },
  'KR-47-군위군': { valid_to: '2023-06-30' },
  'KR-28-미추홀구': { former_names: [{ name_ko: '남구', valid_to: '2018-06-30' }] },
  'KR-28-중구': { valid_to: '2026-06-30' },
  'KR-28-동구': { valid_to: '2026-06-30' },
  'KR-28-제물포구': { valid_from: '2026-07-01' },
  'KR-28-영종구': { valid_from: '2026-07-01' },
  'KR-28-검단구': { valid_from: '2026-07-01' },
  'KR-41-여주시': { former_names: [{ name_ko: '여주군', valid_to: '2013-09-22' }] },
  'KR-44-당진시': { former_names: [{ name_ko: '당진군', valid_to: '2011-12-31' }] },
};

const SUFFIX_EN: Readonly<Record<string, string>> = { 시: 'si', 군: 'gun', 구: 'gu' };

function entries(list: string): Array<[name_ko: string, stem_en: string]> {
  return list ? list.split(', ').map((e) => e.split(' ') as [string, string]) : [];
}

function subregion(parent: RegionDef, sido: RegionDef, name: string, stem: string): RegionDef {
  const region_code = `${parent.region_code}-${name}`;
  const parentName = parent === sido ? parent.name_en : `${parent.name_en.split(',')[0]}, ${sido.name_en}`;
  return {
    region_code,
    name_ko: `${parent.name_ko} ${name}`,
    name_en: `${stem}-${SUFFIX_EN[name.slice(-1)]}, ${parentName}`,
    kind: 'subregion',
    iso_3166_2: null,
    sido_code: null,
    admin_code: null,
    valid_from: null,
    valid_to: null,
    short_ko: name,
    members: [sido.region_code],
    ...DATED[region_code],
  };
}

function buildSubregions(): RegionDef[] {
  const out: RegionDef[] = [];
  for (const sido of SIDO) {
    for (const [name, stem] of entries(SGG[sido.region_code] ?? '')) {
      const city = subregion(sido, sido, name, stem);
      out.push(city);
      for (const [gu, guStem] of entries(GU[city.region_code] ?? '')) out.push(subregion(city, sido, gu, guStem));
    }
  }
  return out;
}

/** Every 시군구 and 일반구, in the order of the ministry's list. */
export const SUBREGIONS: readonly RegionDef[] = buildSubregions();
