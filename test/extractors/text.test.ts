import { describe, expect, it } from 'vitest';
import { classifyLines } from '../../extractors/index.js';
import { extract, reportBytes, reportLines } from '../helpers.js';

const doc = extract(reportBytes());
const line = (text: string) => {
  const l = doc.lines.find((x) => x.text === text);
  if (!l) throw new Error(`no line ${text}`);
  return l;
};

describe('text extractor on the 2020 report', () => {
  it('keeps every line verbatim, blank ones included', () => {
    expect(doc.lines.map((l) => l.text)).toEqual(reportLines());
    expect(doc.lines.map((l) => l.line_no)).toEqual(reportLines().map((_, i) => i + 1));
    expect(line('1. 소기업·소상공人公제(노란우산)\t23').kind).toBe('toc');
    expect(doc.lines.some((l) => l.text.includes('〈 회원 현황'))).toBe(true);
  });

  it('reads title, year and publication month off the cover', () => {
    expect(doc.document).toMatchObject({
      title: '2020년도 사업보고 요약',
      report_year: 2020,
      published_on: '2021-02',
      source_format: 'text',
    });
    expect(doc.encoding).toBe('utf-8');
  });

  it.each([
    ['2020년도 사업보고 요약', 'title'],
    ['KBIZ 중소기업중앙회', 'title'],
    ['목 차', 'toc'],
    ['II . 중소기업 경영애로 해소 위한 정책 사업\t6', 'toc'],
    ['협동조합 활성화 및 中企 판로확대 지원 사업', 'heading'],
    ['III 중소기업 공제 사업', 'heading'],
    ['1. 중소기업 조직화 제고', 'heading'],
    ['- 1) 대외정세 변동에 따른 중소기업 경협 전략 모색', 'heading'],
    ['○ 본회-삼성 모델', 'heading'],
    ["〈 회원 현황 ('20. 12월말 기준) 〉", 'caption'],
    ['(단위 : 개)', 'unit_note'],
    ['(‘18.3.19~현재, 건·억원)', 'unit_note'],
    ['- 중소기업 공동구매 전용보증제도 운영', 'bullet'],
    [' - 보증발급 및 공동구매 실적', 'bullet'],
    ['* 신규 회원 : 17개(조합 11개, 중소기업관련단체 6개)', 'text'],
    ['※ 제정 단체표준은 단체표준심의회 심의를 거쳐 최종 단체표준으로 등록 예정', 'text'],
    ['계\t982\t651\t681,494', 'table_row'],
    ['\t과정수(개)\t횟수(회)\t연인원(명)', 'table_row'],
    [' ', 'blank'],
  ])('%s is %s', (text, kind) => {
    expect(line(text).kind).toBe(kind);
  });

  it('labels headings by level, taking the missing chapter numeral from the TOC', () => {
    expect(line('협동조합 활성화 및 中企 판로확대 지원 사업').heading).toEqual({
      level: 1,
      label: 'I',
      title: '협동조합 활성화 및 中企 판로확대 지원 사업',
    });
    expect(line('V 지역 협동조합 및 중소기업 지원').heading).toMatchObject({ level: 1, label: 'V' });
    expect(line('12. 중소기업 전문 연구').heading).toMatchObject({ level: 2, label: '12' });
    expect(line('- 2) 기업승계 프로그램 운영 및 제도개선').heading).toMatchObject({
      level: 3,
      label: '2)',
      title: '기업승계 프로그램 운영 및 제도개선',
    });
    expect(line('○ 가입현황').heading).toMatchObject({ level: 4, label: '○' });
    expect(line(' - 보증발급 및 공동구매 실적').depth).toBe(2);
  });

  it('gives bullets their text without the marker and captions their title without brackets', () => {
    expect(line(' - 보증발급 및 공동구매 실적').body).toBe('보증발급 및 공동구매 실적');
    expect(line("〈 회원 현황 ('20. 12월말 기준) 〉").body).toBe("회원 현황 ('20. 12월말 기준)");
    expect(line('(단위 : 개)').body).toBeUndefined();
    expect(line('1. 중소기업 조직화 제고').body).toBeUndefined();
    expect(
      doc.lines.filter((l) => l.body !== undefined).every((l) => l.kind === 'bullet' || l.kind === 'caption'),
    ).toBe(true);
    expect(doc.lines.filter((l) => l.kind === 'bullet' || l.kind === 'caption').every((l) => l.body)).toBe(true);
  });

  it('finds the 34 tab-separated tables and no table in the table of contents', () => {
    expect(doc.tables).toHaveLength(34);
    const tocLines = doc.lines.filter((l) => l.kind === 'toc');
    expect(tocLines).toHaveLength(32);
    expect(tocLines.every((l) => l.table_id === null)).toBe(true);
    expect(doc.lines.filter((l) => l.kind === 'table_row').every((l) => l.table_id)).toBe(true);
  });

  it('keeps ragged rows ragged and cells verbatim (papaparse, quotes not special)', () => {
    const t = doc.tables.find((x) => x.rows[0]!.cells[0] === '구 분' && x.rows[0]!.cells[1] === '노란우산')!;
    expect(t.rows.map((r) => r.cells.length)).toEqual([8, 8, 8, 8, 8, 8, 8, 8]);
    expect(t.rows[4]!.cells).toEqual(['', '주 식', '22,600', '15.5', '12.21', '830', '38.7', '4.56']);
    const quoted = extract('제목\n\n구분\t"따옴표\t값\n"a\tb"\t"c\n', { report_year: 2021 });
    expect(quoted.tables[0]!.rows.map((r) => r.cells)).toEqual([
      ['구분', '"따옴표', '값'],
      ['"a', 'b"', '"c'],
    ]);
  });

  it('records a ragged table as a warning, not an error', () => {
    const d = extract('2021년도 사업보고\n\n구분\t가\t나\n계\t1\n');
    expect(d.issues).toEqual([{ code: 'ragged_table', message: 'table t3 has rows of 2, 3 cells', line_no: 3 }]);
  });

  it('classifies by shape, not position: a document without TOC or cover still works', () => {
    const kinds = classifyLines(['1. 조직화', '- 조합 10개', '구분\t값', '계\t10']).map((c) => c.kind);
    expect(kinds).toEqual(['heading', 'bullet', 'table_row', 'table_row']);
  });
});
