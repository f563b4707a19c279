import { bilingual, WAREHOUSE_TABLES, type Description, type WarehouseTableName } from '../schemas/index.js';

/** An analyst view: every column of its base table, plus columns of its own, each documented. */
export interface ViewSpec extends Description {
  readonly name: string;
  readonly sql: string;
  /** The table whose every column the view repeats (`f.*`): their comments carry over. */
  readonly base?: WarehouseTableName;
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
      section_path: ["Titles from the chapter down to the fact's section", '장부터 수치가 속한 절까지의 제목 경로'],
      section_title: ["Title of the fact's section", '수치가 속한 절의 제목'],
      table_title: ["Title of the fact's table, NULL for prose", '수치가 속한 표의 제목, 본문이면 NULL'],
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
  {
    name: 'metrics',
    en: 'Metrics, one row each, stable across reports: curated names (sources/metrics.csv) or names made from labels',
    ko: '지표(지표당 한 행), 보고서가 바뀌어도 같음: 관리 목록(sources/metrics.csv)의 이름 또는 머리글로 만든 이름',
    columns: {
      metric_id: ['Metric id (facts.metric_id)', '지표 ID(facts.metric_id)'],
      name_ko: ["Korean name (the latest report's, where reports differ)", '한국어 이름(보고서마다 다르면 최근 것)'],
      name_en: ['English name (curated metrics)', '영어 이름(관리 목록의 지표)'],
      kind: [
        'flow (amount in the period), stock (at period end), cumulative (since cumulative_from), rate, share, change (증감, B−A) or ratio',
        '측정 종류: flow(기간 중), stock(기말), cumulative(cumulative_from부터 누계), rate(율), share(비중), change(증감), ratio(배)',
      ],
      unit_family: ['Base unit of its values (KRW, count, percent …)', '값의 기준 단위(KRW, count, percent 등)'],
      denominator_metric_id: ['For a share: the metric it divides by', '비중이면 분모 지표'],
      cumulative_from: ['For a cumulative metric: the first year it adds up', '누계 지표면 합산 시작 연도'],
      first_year: ['First period any report gives a value for', '어느 보고서든 값을 주는 첫 기간'],
      last_year: ['Last period any report gives a value for', '값을 주는 마지막 기간'],
      curated: ['Named by the curated catalog', '관리 목록에 있는 지표인지'],
      metric_keys: ['Every key (normalized labels) that maps to it', '이 지표로 이어지는 모든 키(정규화한 머리글)'],
      documents: ['Documents that give values for it', '값을 주는 문서'],
    },
    sql: `CREATE OR REPLACE VIEW metrics AS
     SELECT metric_id, arg_max(name_ko, report_year) AS name_ko, arg_max(name_en, report_year) AS name_en,
            arg_max(kind, report_year) AS kind, arg_max(unit_family, report_year) AS unit_family,
            arg_max(denominator_metric_id, report_year) AS denominator_metric_id, min(cumulative_from) AS cumulative_from,
            min(first_year) AS first_year, max(last_year) AS last_year, bool_or(curated) AS curated,
            list(DISTINCT metric_key ORDER BY metric_key) AS metric_keys, list(DISTINCT document_id ORDER BY document_id) AS documents
     FROM document_metrics GROUP BY metric_id`,
  },
  {
    name: 'v_metric_series',
    en: "One row per metric, region, period and reporting year: a period restated by a later report shows each report's value",
    ko: '지표·지역·기간·보고 연도마다 한 행: 뒤 보고서가 고쳐 쓴 기간은 보고서마다 값이 나옴',
    columns: {
      metric_id: ['Metric', '지표'],
      name_ko: ['Korean name of the metric', '지표의 한국어 이름'],
      name_en: ['English name of the metric', '지표의 영어 이름'],
      kind: ['Measure kind of the metric (see metrics.kind)', '지표의 측정 종류(metrics.kind 참고)'],
      region_code: ['Region, NULL for the whole country or the organisation', '지역, 전국·기관 전체면 NULL'],
      period_year: [
        'Year the value is for (the report year where the labels name none)',
        '값의 연도(머리글에 연도가 없으면 보고 연도)',
      ],
      period_from_labels: [
        'Whether the labels name the year (false: taken from the report year)',
        '머리글이 연도를 적었는지(false면 보고 연도로 대신함)',
      ],
      report_year: ['Year of the report that gives the value', '값을 준 보고서의 연도'],
      document_id: ['Document that gives the value', '값을 준 문서'],
      value: ['Value as written, in unit_raw', 'unit_raw 단위로 적힌 값'],
      unit_raw: ['Unit as written', '적힌 단위'],
      value_base: ['Value in base_unit', 'base_unit 기준 값'],
      base_unit: ['Base unit', '기준 단위'],
      fact_id: ['The fact (facts.fact_id) the value comes from', '값의 출처 수치(facts.fact_id)'],
      facts_in_report: [
        'How many facts of this report gave a value for this metric, region and period (more than 1: look at them)',
        '이 보고서에서 같은 지표·지역·기간 값을 준 수치 개수(2 이상이면 확인 필요)',
      ],
      restated: [
        'Another report gives a different value for the same metric, region and period',
        '다른 보고서가 같은 지표·지역·기간에 다른 값을 줌',
      ],
    },
    sql: `CREATE OR REPLACE VIEW v_metric_series AS
     WITH candidates AS (
       SELECT f.metric_id, f.region_code, coalesce(f.period_year, f.report_year) AS period_year, f.period_year IS NOT NULL AS period_from_labels,
              f.report_year, f.document_id, f.value, f.unit_raw, f.value_base, f.base_unit, f.fact_id,
              count(*) OVER (PARTITION BY f.metric_id, f.region_code, coalesce(f.period_year, f.report_year), f.document_id) AS facts_in_report,
              row_number() OVER (PARTITION BY f.metric_id, f.region_code, coalesce(f.period_year, f.report_year), f.report_year
                                 ORDER BY (f.origin = 'table') DESC, f.document_id, f.line_no, f.fact_id) AS pick
       FROM facts f WHERE f.value IS NOT NULL)
     SELECT c.metric_id, m.name_ko, m.name_en, m.kind, c.region_code, c.period_year, c.period_from_labels, c.report_year, c.document_id,
            c.value, c.unit_raw, c.value_base, c.base_unit, c.fact_id, c.facts_in_report,
            count(DISTINCT c.value_base) OVER (PARTITION BY c.metric_id, c.region_code, c.period_year) > 1 AS restated
     FROM candidates c JOIN metrics m USING (metric_id)
     WHERE c.pick = 1`,
  },
  {
    name: 'v_metric_latest',
    en: "The latest report's value of each metric, region and period",
    ko: '지표·지역·기간마다 가장 최근 보고서의 값',
    columns: {
      metric_id: ['Metric', '지표'],
      name_ko: ['Korean name of the metric', '지표의 한국어 이름'],
      name_en: ['English name of the metric', '지표의 영어 이름'],
      kind: ['Measure kind of the metric', '지표의 측정 종류'],
      region_code: ['Region', '지역'],
      period_year: ['Year the value is for', '값의 연도'],
      period_from_labels: ['Whether the labels name the year', '머리글이 연도를 적었는지'],
      report_year: ['Year of the latest report that gives it', '값을 준 가장 최근 보고서의 연도'],
      document_id: ['Document that gives it', '값을 준 문서'],
      value: ['Value as written, in unit_raw', 'unit_raw 단위로 적힌 값'],
      unit_raw: ['Unit as written', '적힌 단위'],
      value_base: ['Value in base_unit', 'base_unit 기준 값'],
      base_unit: ['Base unit', '기준 단위'],
      fact_id: ['The fact the value comes from', '값의 출처 수치'],
      facts_in_report: ['Facts of that report giving a value here', '그 보고서에서 값을 준 수치 개수'],
      restated: ['Another report gives a different value', '다른 보고서가 다른 값을 줌'],
    },
    sql: `CREATE OR REPLACE VIEW v_metric_latest AS
     SELECT * FROM v_metric_series
     QUALIFY row_number() OVER (PARTITION BY metric_id, region_code, period_year ORDER BY report_year DESC, document_id DESC) = 1`,
  },
];

/** The comment of every column of a view: its base table's, then its own. */
export function viewColumnComments(view: ViewSpec): Array<[string, string]> {
  const base = view.base ? WAREHOUSE_TABLES[view.base].columns.map((c): [string, string] => [c.name, c.comment]) : [];
  const own = Object.entries(view.columns).map(([name, [en, ko]]): [string, string] => [name, bilingual({ en, ko })]);
  return [...base, ...own];
}
