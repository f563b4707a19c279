import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractHwpx, extractPdf } from '../../extractors/index.js';
import type { NormalizedDocument } from '../../schemas/normalized.js';
import { normalize } from '../../transforms/index.js';
import { ref, ROOT } from '../helpers.js';
import { tableFacts, tableShapes } from './parity.js';

/**
 * The same press release as HWPX and as the PDF its ministry printed from it: the same tables, table facts
 * (value, unit, base value, row and column labels, year, region, total flag, qualifier) and sections.
 */
const REAL = join(ROOT, '..', 'shared', 'real-inputs');
const IDS = ['press-156754052', 'press-156754209'] as const;
const hasReal = IDS.every((id) => existsSync(join(REAL, `${id}.hwpx`)) && existsSync(join(REAL, `${id}.pdf`)));
if (!hasReal) console.warn(`skipping the HWPX/PDF parity of the press releases: ${REAL} is absent`);

/**
 * Tables the HWPX holds and the PDF reader does not see as tables (read there as lines of text), with why. None
 * is a legitimate difference — both files print the same table — they are the PDF reader's gaps, listed so that
 * everything else must match and so that closing a gap fails here until it is struck off.
 */
const PDF_MISSES: Record<(typeof IDS)[number], Record<string, string>> = {
  'press-156754052': {},
  'press-156754209': {
    // p3: a ruled table inside the framed 주의 사항 box: the frame is read as a box of text. Its cells are dates
    // (4.14.~4.30., 5월), so it gives no fact on either side.
    '동 사업은 중소벤처기업부와 농림축산식품부 간 협력 지원사업으로, 농림축산식품부에서 농식품 분야 기업을 선별·추천하면, 중소벤처기업부가 검증 및 R&D를 지원합니다.':
      'ruled table inside a framed box',
    // p6: 구분 | 주요내용 drawn with horizontal rules only: read as a one-column box of text.
    '* 비수도권 소재 기업(본사 기준)의 경우 10억원 이상 투자유치 인정': 'table without vertical rules',
    // p7: ①–⑦ investor types and ② 투자금액, both ruled tables inside the framed 선투자 인정 기준 box.
    '선투자 인정 기준': 'ruled table inside a framed box',
    '⑦ 기타(기술지주회사, 신기술창업전문회사 등)': 'ruled table inside a framed box',
    // p13: the 선정 절차 flow chart's 동시 추진 boxes: a drawing in the PDF, a 2×2 table in the HWPX.
    '과제 접수 ▶ 사전 검토 ▶ 선행 특허 조사 ▶ 선 정 평 가 ▶ 과제 선정 ▶ 결과 통보': 'part of a flow chart',
  },
};
const sorted = (xs: readonly string[]) => [...xs].sort();
const titleOf = (row: string) => row.slice(0, row.indexOf(' | '));
/** A section title as both readers write it: spacing and the HWPX's hyperlink markup (`[text](url)`) aside. */
const squash = (s: string) => s.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\s+/g, '');

describe.skipIf(!hasReal)('the press releases read alike as HWPX and as PDF (../shared/real-inputs)', () => {
  const docs = new Map<string, { hwpx: NormalizedDocument; pdf: NormalizedDocument }>();
  beforeAll(async () => {
    for (const id of IDS) {
      const at = (file: string) => ref({ source_path: file, report_year: 2026 });
      const bytes = (ext: string) => readFileSync(join(REAL, `${id}.${ext}`));
      const hwpx = normalize(await extractHwpx(bytes('hwpx'), at(`${id}.hwpx`), 't'));
      const pdf = normalize(await extractPdf(bytes('pdf'), at(`${id}.pdf`), 't'));
      docs.set(id, { hwpx, pdf });
    }
  }, 120_000);

  it.each(IDS)('%s: the same tables (title, unit note, header rows, rows), but for the PDF gaps listed', (id) => {
    const { hwpx, pdf } = docs.get(id)!;
    const misses = PDF_MISSES[id];
    const inHwpx = tableShapes(hwpx).filter((t) => !(titleOf(t) in misses));
    expect(sorted(tableShapes(pdf))).toEqual(sorted(inHwpx));
    // every listed gap is still one: a closed gap must be struck off the list
    for (const title of Object.keys(misses)) expect(hwpx.tables.map((t) => t.title)).toContain(title);
  });

  it.each(IDS)('%s: the same table facts, one for one, but for the tables the PDF reader misses', (id) => {
    const { hwpx, pdf } = docs.get(id)!;
    const misses = PDF_MISSES[id];
    const hwpxFacts = tableFacts(hwpx).filter((f) => !(titleOf(f) in misses));
    expect(sorted(tableFacts(pdf))).toEqual(sorted(hwpxFacts));
    expect(hwpxFacts.length).toBeGreaterThan(id === 'press-156754052' ? 80 : 30);
  });

  it.each(IDS)('%s: the same sections; a PDF title may stop where its line wraps', (id) => {
    const { hwpx, pdf } = docs.get(id)!;
    const sections = (d: NormalizedDocument) =>
      d.sections.map((s) => ({ head: `${s.level} ${s.label}`, title: s.title }));
    const [h, p] = [sections(hwpx), sections(pdf)];
    if (id === 'press-156754052') {
      // Not legitimate, an HWPX reader gap: the two boxed notes of page 6 (□ K-디지털 트레이닝 ☞ …, □ K-뉴딜
      // 아카데미 ☞ …) come out of the HWPX as one line, so one section; the PDF (and the page) has two.
      const k = p.findIndex((s) => s.title.includes('K-뉴딜 아카데미'));
      expect(h[k - 1]!.title).toMatch(/^K-디지털 트레이닝 ☞.*□ K-뉴딜 아카데미 ☞/);
      p.splice(k, 1);
    }
    expect(p.map((s) => s.head)).toEqual(h.map((s) => s.head));
    p.forEach((s, i) => expect(squash(h[i]!.title)).toContain(squash(s.title)));
  });

  it('gives the 총괄표 once per row and cell, as printed: no list number, telephone number or merged row twice', () => {
    for (const doc of Object.values(docs.get('press-156754052')!)) {
      const table = doc.tables.find((t) => t.title.endsWith('추가경정예산 총괄표'))!;
      const facts = doc.facts.filter((f) => f.table_id === table.table_id && f.value !== null);
      const at = (row: string, col: string) =>
        facts.filter((f) => f.row_labels.join('/') === row && f.col_labels.join('/').endsWith(col));
      expect(at('합계', '1회추경(순증)').map((f) => [f.value, f.unit_raw, f.is_total])).toEqual([[4165, '억원', true]]);
      expect(at('고용충격완화', '1회추경(순증)').map((f) => f.value)).toEqual([306]);
      // 10 | 내일배움카드(일반) spans two lines of 주요 내용: its figures are read once
      expect(at('10/내일배움카드(일반)', '본예산').map((f) => [f.value, f.value_base])).toEqual([[6273, 627300000000]]);
      expect(at('10/내일배움카드(일반)', '1회추경(순증)').map((f) => f.value)).toEqual([1512]);
      // 연번 labels rows; 담당자현황 holds telephone numbers (044-202-7458, 7715, …); `1유형` is no 1억원
      expect(facts.filter((f) => /연번|담당자현황/.test(f.col_labels.join('/')))).toEqual([]);
      expect(facts.filter((f) => f.col_labels.includes('주요내용') && f.unit_raw === '억원')).toEqual([]);
      const money = facts.filter((f) => f.unit_raw === '억원');
      expect(money).toHaveLength(24);
      expect(money.filter((f) => f.col_labels.join('/').endsWith('본예산')).reduce((a, f) => a + f.value!, 0)).toBe(
        702 + 1501 + 706 + 894 + 377 + 10128 + 9080 + 2848 + 1068 + 6273,
      );
    }
  });

  it('reads 200만 달러, merged over the 소재지 and 인정 기준 columns of ② 투자금액, as one value', () => {
    const { hwpx, pdf } = docs.get('press-156754209')!;
    // the prose bullet (요건 ②) that names the same sum stands apart; the table's row is the one with 지역 구분 없이
    const inRow = (d: NormalizedDocument) => {
      const lines = new Set(d.lines.filter((l) => l.text.includes('지역 구분 없이')).map((l) => l.line_no));
      return d.facts.filter((f) => f.value_base === 2000000 && lines.has(f.line_no));
    };
    expect(inRow(hwpx).map((f) => [f.origin, f.row_labels.join('/'), f.col_labels.join('/')])).toEqual([
      ['table', '글로벌 팁스', '기업(본사) 소재지/인정 기준'],
    ]);
    // the PDF reads that table as lines of text (see PDF_MISSES): the row's line gives the value once too
    expect(inRow(pdf).map((f) => f.origin)).toEqual(['text']);
  });

  it('reads the schedule table of the agriculture notice (4.14.~4.30.) as dates, never as the numbers 4.14 and 4.3', () => {
    const { hwpx, pdf } = docs.get('press-156754209')!;
    const dayNumbers = (d: NormalizedDocument) => d.facts.filter((f) => f.value === 4.14 || f.value === 4.3);
    expect(dayNumbers(hwpx)).toEqual([]);
    // the PDF reads that table as a line of text (see PDF_MISSES), where `4.14.~4.30.` is not yet read as a period (its
    // end, 4.30., is a date; its start stays a number)
    expect(dayNumbers(pdf).map((f) => [f.origin, f.raw_text])).toEqual([['text', '4.14']]);
    expect(hwpx.date_mentions.filter((m) => m.start_date === '2026-04-30').length).toBeGreaterThan(0);
  });
});
