import { bilingual, WAREHOUSE_TABLES, type Description, type WarehouseTableName } from '../schemas/index.js';

/** An analyst view: every column of its base table, plus columns of its own, each documented. */
export interface ViewSpec extends Description {
  readonly name: string;
  readonly sql: string;
  /** The table whose every column the view repeats (`f.*`): their comments carry over. */
  readonly base: WarehouseTableName;
  /** The view's own columns, in English and Korean. */
  readonly columns: Readonly<Record<string, readonly [en: string, ko: string]>>;
}

export const VIEWS: readonly ViewSpec[] = [
  {
    name: 'v_facts',
    en: 'Facts joined with document, section title path, table title and region name',
    ko: '수치에 문서·절 제목 경로·표 제목·지역 이름을 붙인 보기',
    base: 'facts',
    columns: {
      document_title: ['Title of the document', '문서 제목'],
      section_path: ['Titles from the chapter down to the fact\'s section', '장부터 수치가 속한 절까지의 제목 경로'],
      section_title: ['Title of the fact\'s section', '수치가 속한 절의 제목'],
      table_title: ['Title of the fact\'s table, NULL for prose', '수치가 속한 표의 제목, 본문이면 NULL'],
      region_name: ['Korean name of region_code', 'region_code의 한국어 이름'],
      region_kind: ['sido, kbiz_hq or subregion', '지역 종류: sido, kbiz_hq, subregion'],
    },
    sql: `CREATE OR REPLACE VIEW v_facts AS
     SELECT f.*, d.title AS document_title, s.title_path AS section_path, s.title AS section_title,
            t.title AS table_title, r.name_ko AS region_name, r.kind AS region_kind
     FROM facts f
     JOIN documents d USING (document_id)
     LEFT JOIN sections s ON s.document_id = f.document_id AND s.section_id = f.section_id
     LEFT JOIN report_tables t ON t.document_id = f.document_id AND t.table_id = f.table_id
     LEFT JOIN regions r ON r.region_code = f.region_code`,
  },
  {
    name: 'v_fact_chapters',
    en: 'Facts with the chapter (level-1 section) they belong to',
    ko: '수치와 그 수치가 속한 장(1수준 절)',
    base: 'facts',
    columns: {
      chapter_label: ['Chapter numeral (I, II …)', '장 번호(I, II …)'],
      chapter_title: ['Chapter title', '장 제목'],
    },
    sql: `CREATE OR REPLACE VIEW v_fact_chapters AS
     WITH RECURSIVE up(document_id, section_id, ancestor_id, level) AS (
       SELECT document_id, section_id, section_id, level FROM sections
       UNION ALL
       SELECT up.document_id, up.section_id, s.parent_id, p.level
       FROM up JOIN sections s ON s.document_id = up.document_id AND s.section_id = up.ancestor_id
       JOIN sections p ON p.document_id = s.document_id AND p.section_id = s.parent_id)
     SELECT f.*, c.label AS chapter_label, c.title AS chapter_title
     FROM facts f
     LEFT JOIN up ON up.document_id = f.document_id AND up.section_id = f.section_id AND up.level = 1
     LEFT JOIN sections c ON c.document_id = up.document_id AND c.section_id = up.ancestor_id`,
  },
];

/** The comment of every column of a view: its base table's, then its own. */
export function viewColumnComments(view: ViewSpec): Array<[string, string]> {
  const base = WAREHOUSE_TABLES[view.base].columns.map((c): [string, string] => [c.name, c.comment]);
  const own = Object.entries(view.columns).map(([name, [en, ko]]): [string, string] => [name, bilingual({ en, ko })]);
  return [...base, ...own];
}
