import { describe, expect, it } from 'vitest';
import { report2020, tableAt } from '../helpers.js';

const doc = report2020();
const section = (title: string) => {
  const s = doc.sections.find((x) => x.title === title);
  if (!s) throw new Error(`no section ${title}`);
  return s;
};

describe('outline of the 2020 report', () => {
  it('has five chapters labelled I…V, the first one recognised through the TOC', () => {
    const chapters = doc.sections.filter((s) => s.level === 1);
    expect(chapters.map((c) => c.label)).toEqual(['I', 'II', 'III', 'IV', 'V']);
    expect(chapters[0]).toMatchObject({
      title: '협동조합 활성화 및 中企 판로확대 지원 사업',
      parent_id: null,
      line_start: 47,
    });
  });

  it('nests sections, subsections and ○ topics', () => {
    const topic = section('본회-삼성 모델');
    expect(topic).toMatchObject({ level: 4, label: '○' });
    expect(topic.title_path).toEqual([
      '중소기업 경영애로 해소 위한 정책 사업',
      '중소기업 제조혁신을 위한 스마트공장 도입 확산 지원',
      '대·중소 상생형 스마트공장 구축 지원사업',
      '본회-삼성 모델',
    ]);
    const sub = section('대외정세 변동에 따른 중소기업 경협 전략 모색');
    expect(sub).toMatchObject({ level: 3, label: '1)' });
    expect(doc.sections.find((s) => s.section_id === sub.parent_id)?.title).toBe('중소기업 중심의 남북경협 추진');
    expect(doc.sections.filter((s) => s.level === 2)).toHaveLength(4 + 12 + 6 + 2 + 2);
  });

  it('closes a section before the next heading of its level or higher', () => {
    const s = section('중소기업 조직화 제고');
    expect([s.line_start, s.line_end]).toEqual([49, 68]);
    const chapterV = doc.sections.find((x) => x.label === 'V')!;
    expect(chapterV.line_end).toBe(1039);
  });

  it('puts each line and table in its innermost section', () => {
    const line = doc.lines.find((l) => l.text.startsWith('건수\t872'))!;
    expect(doc.sections.find((s) => s.section_id === line.section_id)?.title).toBe('협동조합 기능활성화 지원');
    expect(doc.lines.filter((l) => l.kind === 'title' || l.kind === 'toc').every((l) => l.section_id === null)).toBe(
      true,
    );
  });

  it('gives tables their caption or introducing line as title, and the path of headings and bullets', () => {
    const t = (text: string) => doc.tables.find((x) => x.table_id === tableAt(doc, text))!;
    expect(t('계\t982\t651\t681,494')).toMatchObject({
      title: "회원 현황 ('20. 12월말 기준)",
      unit_note: '(단위 : 개)',
      header_row_count: 1,
      row_count: 8,
      col_count: 4,
    });
    const guarantee = t('건수\t872\t13,261');
    expect(guarantee.title).toBe('보증발급 및 공동구매 실적');
    expect(guarantee.unit_note).toBe('(‘18.3.19~현재, 건·억원)');
    expect(guarantee.context_path.slice(-2)).toEqual([
      '- 중소기업 공동구매 전용보증제도 운영',
      ' - 보증발급 및 공동구매 실적',
    ]);
    const samsung = t('2020 구축기업수\t38개(11.8%)');
    const posco = t('2020 구축기업수\t-\t8개(7.8%)');
    expect([samsung.title, posco.title]).toEqual(['지원실적', '지원실적']);
    expect(samsung.context_path).toContain('○ 본회-삼성 모델');
    expect(posco.context_path).toContain('○ 본회-포스코 모델');
  });
});
