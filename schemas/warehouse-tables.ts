import { z } from 'zod';
import { Issue } from './extracted.js';
import {
  Cell,
  DateMention,
  Fact,
  Metric,
  NormalizedDocument,
  NormLine,
  QualityCheck,
  ReportTable,
  Section,
} from './normalized.js';
import { declareTable, type TableSpec } from './table-declaration.js';

/** The two columns every per-document row carries (the loader fills them once per document). */
const DocumentKeys = { document_id: z.string(), report_year: z.number().int() };
const perDocument = <S extends z.ZodRawShape>(schema: z.ZodObject<S>) => schema.extend(DocumentKeys);

const DOC = [
  'VARCHAR',
  'Document id: the registry id (kbiz-2020) or one made from an ad-hoc file name',
  '문서 ID: 등록부의 ID(kbiz-2020) 또는 입력 파일 이름에서 만든 ID',
] as const;
const YEAR = [
  'INTEGER',
  'Year the report covers (partition key of the Parquet export)',
  '보고서가 다루는 연도(Parquet 내보내기의 파티션 키)',
] as const;
const LINE = [
  'INTEGER',
  'Source line number (1-based; source_lines.line_no)',
  '원문 줄 번호(1부터; source_lines.line_no)',
] as const;

export const DocumentRow = NormalizedDocument.shape.document.extend({
  pipeline_version: z.string(),
  loaded_at: z.string(),
  artifact_sha256: z.string().nullable(),
});

export const UnitRow = z.object({
  unit_raw: z.string(),
  unit: z.string(),
  base_unit: z.string(),
  multiplier: z.number(),
  quantity_kind: z.string(),
});

export const RegionRow = z.object({
  region_code: z.string(),
  name_ko: z.string(),
  name_en: z.string(),
  kind: z.enum(['sido', 'kbiz_hq', 'subregion']),
  iso_3166_2: z.string().nullable(),
  sido_code: z.string().nullable(),
  admin_code: z.string().nullable(),
  valid_from: z.string().nullable(),
  valid_to: z.string().nullable(),
});

export const RegionNameRow = z.object({ region_code: z.string(), name_ko: z.string(), valid_to: z.string() });
export const RegionAliasRow = z.object({ alias: z.string(), region_code: z.string() });
export const RegionMemberRow = z.object({ region_code: z.string(), member_iso_3166_2: z.string() });

export const PipelineRunRow = z.object({
  run_id: z.string(),
  stage: z.string(),
  document_id: z.string().nullable(),
  started_at: z.string(),
  finished_at: z.string(),
  status: z.enum(['ok', 'skipped', 'failed']),
  rows: z.number().int(),
  message: z.string().nullable(),
});

const documents = declareTable(
  'documents',
  ['One row per loaded source document', '적재된 원문 문서(문서당 한 행)'],
  true,
  DocumentRow,
  {
    document_id: DOC,
    publisher: [
      'VARCHAR',
      "Publishing body: the registry's (중소기업중앙회) or --publisher; NULL for an ad-hoc file nobody named",
      '발행 기관: 등록부의 기관(중소기업중앙회) 또는 --publisher; 이름을 주지 않은 임의 입력은 NULL',
    ],
    title: ['VARCHAR', 'Title as on the cover', '표지의 제목'],
    report_year: YEAR,
    published_on: ['VARCHAR', 'Publication month (YYYY-MM) as on the cover', '표지의 발행 연월(YYYY-MM)'],
    source_format: [
      'VARCHAR',
      'Format read from the content: text, csv, pdf, xlsx, hwpx or hwp',
      '내용으로 판별한 형식: text, csv, pdf, xlsx, hwpx, hwp',
    ],
    source_path: [
      'VARCHAR',
      'Path of the source file as the registry or the command line gave it',
      '등록부나 명령줄에 적힌 그대로의 원문 파일 경로',
    ],
    source_sha256: ['VARCHAR', 'SHA-256 of the source bytes', '원문 바이트의 SHA-256'],
    line_count: [
      'INTEGER',
      'Number of lines of the decoded source (= rows in source_lines)',
      '디코딩한 원문의 줄 수(= source_lines 행 수)',
    ],
    encoding: [
      'VARCHAR',
      'Text encoding detected (utf-8, utf-8-bom, utf-16le, cp949 …)',
      '감지한 문자 인코딩(utf-8, utf-8-bom, utf-16le, cp949 등)',
    ],
    pipeline_version: ['VARCHAR', 'Version of kbiz-etl that loaded it', '적재한 kbiz-etl 버전'],
    loaded_at: ['TIMESTAMPTZ', 'When it was loaded (UTC)', '적재 시각(UTC)'],
    artifact_sha256: [
      'VARCHAR',
      'SHA-256 of the normalized artifact loaded (a rerun from the same artifact is skipped)',
      '적재한 정규화 산출물의 SHA-256(같은 산출물이면 재실행 시 건너뜀)',
    ],
  },
);

const source_lines = declareTable(
  'source_lines',
  ['Every line of every decoded source, blank lines included', '디코딩한 원문의 모든 줄(빈 줄 포함)'],
  true,
  perDocument(NormLine),
  {
    document_id: DOC,
    report_year: YEAR,
    line_no: ['INTEGER', '1-based line number', '1부터 세는 줄 번호'],
    page: ['INTEGER', 'PDF page, NULL for text', 'PDF 쪽 번호, 텍스트는 NULL'],
    text: ['VARCHAR', 'The line verbatim (tabs separate table cells)', '원문 그대로의 줄(탭이 표 칸을 나눔)'],
    kind: [
      'VARCHAR',
      'title, toc, heading, bullet, caption, unit_note, table_row, text or blank',
      '줄 종류: title(제목), toc(목차), heading(제목줄), bullet(글머리), caption(표 제목), unit_note(단위), table_row(표 행), text(본문), blank(빈 줄)',
    ],
    section_id: [
      'VARCHAR',
      'Innermost section containing the line (sections.section_id)',
      '줄이 속한 가장 안쪽 절(sections.section_id)',
    ],
    table_id: ['VARCHAR', 'Table the line belongs to (report_tables.table_id)', '줄이 속한 표(report_tables.table_id)'],
  },
);

const sections = declareTable(
  'sections',
  [
    'Outline: chapters (I…V), sections (1.), subsections (1)) and ○ topics',
    '목차 구조: 장(I…V), 절(1.), 항(1)), ○ 주제',
  ],
  true,
  perDocument(Section),
  {
    document_id: DOC,
    report_year: YEAR,
    section_id: [
      'VARCHAR',
      'Section id, unique in the document (s + heading line)',
      '절 ID, 문서 안에서 고유(s + 제목 줄 번호)',
    ],
    parent_id: ['VARCHAR', 'Enclosing section', '상위 절'],
    level: ['INTEGER', '1 chapter, 2 section, 3 subsection, 4 topic', '수준: 1 장, 2 절, 3 항, 4 주제'],
    label: ['VARCHAR', 'III, 1, 1) or ○', '번호: III, 1, 1), ○'],
    title: ['VARCHAR', 'Heading text without its label', '번호를 뺀 제목'],
    title_path: ['VARCHAR[]', 'Titles from the chapter down to this section', '장부터 이 절까지의 제목 경로'],
    line_start: ['INTEGER', 'Heading line', '제목 줄'],
    line_end: [
      'INTEGER',
      'Last line before the next heading of the same or a higher level',
      '같거나 높은 수준의 다음 제목 직전 줄',
    ],
  },
);

const report_tables = declareTable(
  'report_tables',
  ['Tables of the report', '보고서의 표'],
  true,
  perDocument(ReportTable),
  {
    document_id: DOC,
    report_year: YEAR,
    table_id: [
      'VARCHAR',
      'Table id, unique in the document (t + first line)',
      '표 ID, 문서 안에서 고유(t + 첫 줄 번호)',
    ],
    section_id: ['VARCHAR', 'Innermost section containing the table', '표가 속한 가장 안쪽 절'],
    title: ['VARCHAR', 'Caption, or the line that introduces the table', '표 제목 또는 표를 소개하는 줄'],
    context_path: [
      'VARCHAR[]',
      'Headings, topics and bullets leading to the table, outermost first',
      '표에 이르는 제목·주제·글머리(바깥쪽부터)',
    ],
    unit_note: ['VARCHAR', 'Unit note such as (단위 : 억원)', '단위 표기, 예: (단위 : 억원)'],
    header_row_count: ['INTEGER', 'Header rows at the top', '위쪽 머리글 행 수'],
    row_count: ['INTEGER', 'Rows of the raw grid', '원래 격자의 행 수'],
    col_count: ['INTEGER', 'Cells of the widest raw row', '가장 넓은 행의 칸 수'],
    line_start: ['INTEGER', 'First line', '첫 줄'],
    line_end: ['INTEGER', 'Last line', '끝 줄'],
  },
);

const table_cells = declareTable(
  'table_cells',
  ['Every cell of every raw table grid, verbatim', '모든 표 격자의 모든 칸(원문 그대로)'],
  true,
  perDocument(Cell),
  {
    document_id: DOC,
    report_year: YEAR,
    table_id: ['VARCHAR', 'Table', '표'],
    row_index: ['INTEGER', '0-based row in the grid', '격자의 행 번호(0부터)'],
    col_index: ['INTEGER', '0-based column in the grid', '격자의 열 번호(0부터)'],
    line_no: LINE,
    raw_text: [
      'VARCHAR',
      'Cell text as read, Unicode-normalized (NFC, half-width digits; source_lines.text keeps the line as written)',
      '읽은 칸 글자, 유니코드 정규화(NFC, 반각 숫자; 적힌 그대로는 source_lines.text)',
    ],
    role: [
      'VARCHAR',
      'header, row_label, data or empty',
      '역할: header(머리글), row_label(행 이름), data(자료), empty(빈 칸)',
    ],
  },
);

const facts = declareTable(
  'facts',
  [
    'Every number of the report, from table cells and prose, unit-normalized',
    '보고서의 모든 수치(표 칸과 본문), 단위 정규화',
  ],
  true,
  perDocument(Fact),
  {
    document_id: DOC,
    fact_id: [
      'VARCHAR',
      'Fact id, unique in the document: t<first line of table>-r<row>c<col> for a cell (0-based grid position), with -<n> for the n-th quantity of a cell holding several and -q<n> for the n-th number inside a text cell; l<line>-<n> for the n-th number of a prose line',
      '수치 ID(문서 안에서 고유): 표 칸은 t<표 첫 줄>-r<행>c<열>(0부터), 한 칸의 n번째 수량은 -<n>, 글 칸 안의 n번째 수는 -q<n>; 본문은 l<줄>-<n>(그 줄의 n번째 수)',
    ],
    report_year: YEAR,
    origin: ['VARCHAR', 'table (a table cell) or text (prose)', 'table(표 칸) 또는 text(본문)'],
    section_id: ['VARCHAR', 'Innermost section', '가장 안쪽 절'],
    table_id: ['VARCHAR', 'Table, NULL for prose', '표, 본문이면 NULL'],
    line_no: LINE,
    row_labels: [
      'VARCHAR[]',
      'Row header path, spaced-out words joined (합 계 → 합계)',
      '행 머리글 경로, 띄어 쓴 낱자는 붙임(합 계 → 합계)',
    ],
    col_labels: ['VARCHAR[]', 'Column header path, spaced-out words joined', '열 머리글 경로, 띄어 쓴 낱자는 붙임'],
    context_path: [
      'VARCHAR[]',
      'Headings, topics and parent bullets, outermost first',
      '제목·주제·상위 글머리(바깥쪽부터)',
    ],
    subject: ['VARCHAR', 'What the number counts (table title or phrase)', '수치가 세는 대상(표 제목 또는 구절)'],
    raw_text: ['VARCHAR', 'The number as written', '원문에 적힌 그대로의 수'],
    value: [
      'DOUBLE',
      'Number as written in unit_raw, sign applied (Δ1,495 → -1495); NULL for - or an empty cell',
      'unit_raw 단위로 적힌 수, 부호 반영(Δ1,495 → -1495); - 나 빈 칸은 NULL',
    ],
    unit_raw: [
      'VARCHAR',
      'Unit spelling as written (억원, 건, %; units.unit_raw)',
      '적힌 단위(억원, 건, %; units.unit_raw)',
    ],
    unit: [
      'VARCHAR',
      'What is counted or the currency (KRW, USD, case, person, company, percent, number)',
      '세는 대상 또는 통화(KRW, USD, case 건, person 명, company 개사, percent, number)',
    ],
    value_base: [
      'DOUBLE',
      'value × multiplier of unit_raw, in base_unit (억원 → ×1e8 KRW)',
      'value × 단위 배수, base_unit 기준(억원 → ×1e8 KRW)',
    ],
    base_unit: [
      'VARCHAR',
      'Unit of value_base: KRW, USD, count, percent, percent_point, ratio, m2, number',
      'value_base의 단위: KRW, USD, count, percent, percent_point, ratio, m2, number',
    ],
    period_year: [
      'INTEGER',
      "Year the labels or caption name (2019년, '20년)",
      "머리글이나 제목이 가리키는 연도(2019년, '20년)",
    ],
    region_code: [
      'VARCHAR',
      'Region of the cell or phrase (regions.region_code)',
      '칸이나 구절의 지역(regions.region_code)',
    ],
    is_total: [
      'BOOLEAN',
      'Total or subtotal (계, 합계, 누계, 총계, 소계)',
      '합계 또는 소계(계, 합계, 누계, 총계, 소계)',
    ],
    qualifier: [
      'VARCHAR',
      'max (최대), min (최소), approx (약, 여, 내외), over (이상, 초과), under (이하, 미만), plus (+), range_start and range_end (the ends of 3~5억원)',
      '수식어: max(최대), min(최소), approx(약·여·내외), over(이상·초과), under(이하·미만), plus(+), range_start·range_end(3~5억원의 양 끝)',
    ],
    unit_source: [
      'VARCHAR',
      'Where the unit was read: cell (written with the number), column or row (a header label), note ((단위 : …)), caption, intro (the line introducing the table), default (nowhere: unit NULL or number)',
      '단위를 읽은 곳: cell(수치와 함께), column·row(머리글), note((단위 : …)), caption(표 제목), intro(표를 소개하는 줄), default(없음)',
    ],
    metric_id: [
      'VARCHAR',
      'The metric this number is a value of, the same in every report that gives it (metrics.metric_id)',
      '이 수치가 값인 지표, 어느 연도 보고서에서나 같음(metrics.metric_id)',
    ],
    metric_key: [
      'VARCHAR',
      'What metric_id is made from: section|table|row labels|column labels|unit|kind, normalized (spacing, (A) tags, units, years, 中 removed)',
      'metric_id의 근거: 절|표|행 머리글|열 머리글|단위|종류(띄어쓰기·(A) 표시·단위·연도·中 제거)',
    ],
    measure_kind: [
      'VARCHAR',
      'flow (amount in the period), stock (at period end), cumulative (누계, since a start year), rate, share (of a whole), change (증감, B−A) or ratio (배)',
      '측정 종류: flow(기간 중 발생), stock(기말 잔량), cumulative(누계, 시작 연도부터), rate(율), share(비중), change(증감, B−A), ratio(배)',
    ],
  },
);

const document_metrics = declareTable(
  'document_metrics',
  [
    'Metrics each document gives values for (the metrics view combines them)',
    '문서마다 값을 주는 지표(metrics 보기가 합침)',
  ],
  true,
  perDocument(Metric),
  {
    document_id: DOC,
    report_year: YEAR,
    metric_id: [
      'VARCHAR',
      'Metric id: curated (sources/metrics.csv) or m-<hash of metric_key>',
      '지표 ID: 관리 목록(sources/metrics.csv)의 ID 또는 m-<metric_key 해시>',
    ],
    name_ko: [
      'VARCHAR',
      'Korean name (curated, or table title › labels)',
      '한국어 이름(관리 목록, 또는 표 제목 › 머리글)',
    ],
    name_en: ['VARCHAR', 'English name (curated metrics only)', '영어 이름(관리 목록의 지표만)'],
    kind: [
      'VARCHAR',
      'flow, stock, cumulative, rate, share, change or ratio (see facts.measure_kind)',
      '측정 종류(facts.measure_kind 참고)',
    ],
    unit_family: [
      'VARCHAR',
      'Base unit of its values: KRW, USD, count, percent, percent_point, ratio, m2, number',
      '값의 기준 단위: KRW, USD, count, percent, percent_point, ratio, m2, number',
    ],
    denominator_metric_id: [
      'VARCHAR',
      'For a share: the metric it is a share of (the total of the counts beside it)',
      '비중이면 분모 지표(옆 열 수치의 합계)',
    ],
    cumulative_from: [
      'INTEGER',
      'For a cumulative metric: the first year it adds up',
      '누계 지표면 합산을 시작한 연도',
    ],
    first_year: ['INTEGER', 'First period the document gives a value for', '문서가 값을 주는 첫 기간'],
    last_year: ['INTEGER', 'Last period the document gives a value for', '문서가 값을 주는 마지막 기간'],
    curated: [
      'BOOLEAN',
      'Named by the curated catalog (true) or made from the labels (false)',
      '관리 목록에 있는 지표(true) 또는 머리글에서 만든 지표(false)',
    ],
    metric_key: ['VARCHAR', 'The key it was matched by (facts.metric_key)', '일치시킨 키(facts.metric_key)'],
  },
);

const date_mentions = declareTable(
  'date_mentions',
  ['Dates and date ranges in the text, resolved with the report year', '본문의 날짜와 기간(보고 연도로 해석)'],
  true,
  perDocument(DateMention),
  {
    document_id: DOC,
    report_year: YEAR,
    line_no: LINE,
    raw_text: ['VARCHAR', "As written (5.7, 3.17~31, '24.3.19)", "원문 표기(5.7, 3.17~31, '24.3.19)"],
    start_date: ['DATE', 'First day', '시작일'],
    end_date: ['DATE', 'Last day (= start_date for a single day)', '종료일(하루이면 시작일과 같음)'],
    subject: ['VARCHAR', 'Phrase the date belongs to', '날짜가 속한 구절'],
  },
);

const quality_checks = declareTable(
  'quality_checks',
  [
    'Arithmetic audit: totals and subtotals against the sum of their parts',
    '산술 검증: 합계·소계와 구성 항목의 합 비교',
  ],
  true,
  perDocument(QualityCheck),
  {
    document_id: DOC,
    report_year: YEAR,
    check_id: [
      'VARCHAR',
      'Check id: <table_id or prose>:<kind>:<fact_id of the value checked>',
      '검증 ID: <표 ID 또는 prose>:<종류>:<검증한 수치 ID>',
    ],
    table_id: ['VARCHAR', 'Table audited, NULL for a prose_total check', '검증한 표, 본문 검증(prose_total)은 NULL'],
    kind: [
      'VARCHAR',
      'total_rows (a total row = its rows above), subtotal_rows (a 소계 = its group), total_columns (a total column = its columns), cumulative_bound (a 누계 ≥ its years), derived_formula (a column labelled B-A or B/A), share_of_count (a printed share = its count / the total printed as 100% × 100, within one unit of its last digit), row_identity (a column that is a signed combination of others in ≥ 80% of the rows, e.g. 재적 = 가입 − 해지(공제) − 해지(해약), checked in every row), prose_total (a prose total = the parts named in the parenthesis after it or the bullets under it; table_id NULL), magnitude (a warning, never passed: a value ≥ 100× the median of the other values of its column in the same unit — check its unit or digits)',
      '종류: total_rows(합계 행 = 위 행들의 합), subtotal_rows(소계 = 그 묶음의 합), total_columns(합계 열 = 열들의 합), cumulative_bound(누계 ≥ 해당 연도들의 합), derived_formula(B-A, B/A 로 표시된 열), share_of_count(적힌 비율 = 그 수 ÷ 100%로 적힌 합계 × 100, 끝자리 한 단위 안), row_identity(행의 80% 이상에서 다른 열들의 부호 있는 합과 같은 열, 예: 재적 = 가입 − 해지(공제) − 해지(해약); 모든 행을 검증), prose_total(본문의 총계 = 바로 뒤 괄호나 아래 글머리에 적힌 구성 항목의 합; table_id는 NULL), magnitude(경고이며 통과하지 않음: 같은 열·같은 단위의 다른 값 중앙값의 100배 이상인 값 — 단위나 자릿수 확인)',
    ],
    label: ['VARCHAR', 'Labels of the total checked', '검증한 합계의 머리글'],
    expected: ['DOUBLE', 'Computed from the parts', '구성 항목으로 계산한 값'],
    actual: ['DOUBLE', 'Published total', '보고서에 적힌 값'],
    passed: [
      'BOOLEAN',
      'Whether they agree (within rounding of the printed digits)',
      '일치 여부(적힌 자릿수의 반올림 범위 안)',
    ],
    message: ['VARCHAR', 'Finding in words', '검증 결과 설명'],
  },
);

const issues = declareTable(
  'issues',
  ['Warnings recorded while reading a document', '문서를 읽으며 기록한 경고'],
  true,
  perDocument(Issue),
  {
    document_id: DOC,
    report_year: YEAR,
    code: [
      'VARCHAR',
      'unit_unknown (a number whose unit the document never states), region_unknown, region_conflict (a label whose name and 10-digit administrative code name different sido: no region), date_invalid, number_unclassified, ragged_table, cell_whitespace, stray_quote, csv_error, formula_cell (a spreadsheet formula: its cached value was used, never evaluated)',
      '경고 코드: unit_unknown(단위가 적히지 않은 수), region_unknown(알 수 없는 지역), region_conflict(이름과 10자리 행정구역코드가 서로 다른 시도: 지역 없음), date_invalid(잘못된 날짜), number_unclassified(분류 못 한 수), ragged_table(행마다 칸 수가 다른 표), cell_whitespace, stray_quote, csv_error, formula_cell(스프레드시트 수식: 계산하지 않고 저장된 값을 씀)',
    ],
    message: ['VARCHAR', 'What was doubted', '무엇이 의심스러웠는지'],
    line_no: LINE,
  },
);

const units = declareTable('units', ['Unit spellings and their conversion', '단위 표기와 환산'], false, UnitRow, {
  unit_raw: ['VARCHAR', 'Spelling (억원, 백만원, 천불, 건, 명, %)', '표기(억원, 백만원, 천불, 건, 명, %)'],
  unit: ['VARCHAR', 'What is counted or the currency', '세는 대상 또는 통화'],
  base_unit: ['VARCHAR', 'Unit of value_base', 'value_base의 단위'],
  multiplier: ['DOUBLE', 'value × multiplier = value_base (억원: 1e8)', 'value × 배수 = value_base(억원: 1e8)'],
  quantity_kind: [
    'VARCHAR',
    'money, count, ratio, area, duration, mass or number',
    '양의 종류: money(금액), count(개수), ratio(비율), area(면적), duration(기간), mass(질량), number(단위 없음)',
  ],
});

const regions = declareTable(
  'regions',
  ['Sido, their 시군구 and KBIZ regional headquarters', '시도, 시군구와 중기중앙회 지역본부'],
  false,
  RegionRow,
  {
    region_code: [
      'VARCHAR',
      "Our key: ISO code for a sido (KR-11), KBIZ-… for a composite headquarters, the sido's code and the name for a 시군구 or 일반구 (KR-41-수원시, KR-41-수원시-장안구)",
      '지역 키: 시도는 ISO 코드(KR-11), 통합 지역본부는 KBIZ-…, 시군구·일반구는 시도 코드와 이름(KR-41-수원시, KR-41-수원시-장안구)',
    ],
    name_ko: ['VARCHAR', 'Official Korean name', '공식 한국어 이름'],
    name_en: ['VARCHAR', 'English name', '영어 이름'],
    kind: [
      'VARCHAR',
      'sido, kbiz_hq (a headquarters covering several sido) or subregion (a 시군구, 일반구 or part of one sido)',
      '종류: sido(시도), kbiz_hq(여러 시도를 맡는 지역본부), subregion(시군구, 일반구 등 한 시도의 일부)',
    ],
    iso_3166_2: ['VARCHAR', 'ISO 3166-2:KR code', 'ISO 3166-2:KR 코드'],
    sido_code: ['VARCHAR', 'KOSTAT statistical sido code', '통계청 시도 코드'],
    admin_code: ['VARCHAR', 'Interior ministry administrative sido code', '행정안전부 행정구역 시도 코드'],
    valid_from: ['DATE', 'First day the region exists, NULL if before 2000', '지역이 생긴 날, 2000년 이전이면 NULL'],
    valid_to: ['DATE', 'Last day, NULL while it exists', '마지막 날, 현존하면 NULL'],
  },
);

const region_names = declareTable(
  'region_names',
  ['Former official names of regions', '지역의 옛 공식 이름'],
  false,
  RegionNameRow,
  {
    region_code: ['VARCHAR', 'Region', '지역'],
    name_ko: ['VARCHAR', 'Former name', '옛 이름'],
    valid_to: ['DATE', 'Last day the name was official', '그 이름을 공식으로 쓴 마지막 날'],
  },
);

const region_aliases = declareTable(
  'region_aliases',
  ['Every spelling of a region seen or plausible', '지역의 모든 표기'],
  false,
  RegionAliasRow,
  {
    alias: ['VARCHAR', 'Spelling', '표기'],
    region_code: ['VARCHAR', 'Region', '지역'],
  },
);

const region_members = declareTable(
  'region_members',
  ['Sido a region covers (a sido covers itself)', '지역이 포함하는 시도(시도는 자기 자신)'],
  false,
  RegionMemberRow,
  {
    region_code: ['VARCHAR', 'Region', '지역'],
    member_iso_3166_2: ['VARCHAR', 'ISO code of a sido covered', '포함하는 시도의 ISO 코드'],
  },
);

const pipeline_runs = declareTable(
  'pipeline_runs',
  ['Run log: one row per stage run per document', '실행 기록: 문서별 단계 실행마다 한 행'],
  false,
  PipelineRunRow,
  {
    run_id: ['VARCHAR', 'Run id (run-<UTC start>-<process id>)', '실행 ID(run-<UTC 시작 시각>-<프로세스 ID>)'],
    stage: [
      'VARCHAR',
      'extract, transform, load or export',
      '단계: extract(추출), transform(변환), load(적재), export(내보내기)',
    ],
    document_id: ['VARCHAR', 'Document, NULL for export', '문서, 내보내기는 NULL'],
    started_at: ['TIMESTAMPTZ', 'Start (UTC)', '시작 시각(UTC)'],
    finished_at: ['TIMESTAMPTZ', 'End (UTC)', '끝난 시각(UTC)'],
    status: [
      'VARCHAR',
      'ok, skipped (input unchanged) or failed',
      '상태: ok(성공), skipped(입력이 같아 건너뜀), failed(실패)',
    ],
    rows: ['BIGINT', 'Rows produced', '만든 행 수'],
    message: ['VARCHAR', 'Error or note', '오류나 메모'],
  },
);

/**
 * The warehouse contract (DESIGN.md) plus a few extras, in one declaration: DDL, comments, the
 * loader, the Parquet export and the artifacts' zod schemas all derive from it. Older
 * warehouses gain new columns at the end (`ensureSchema`), so a column is only ever added last.
 */
export const WAREHOUSE_TABLES = {
  documents,
  source_lines,
  sections,
  report_tables,
  table_cells,
  facts,
  date_mentions,
  quality_checks,
  issues,
  document_metrics,
  units,
  regions,
  region_names,
  region_aliases,
  region_members,
  pipeline_runs,
} as const;

export type WarehouseTableName = keyof typeof WAREHOUSE_TABLES;
/** A row of a warehouse table, as the loader appends it. */
export type WarehouseRow<T extends WarehouseTableName> = z.infer<(typeof WAREHOUSE_TABLES)[T]['row']>;

export const TABLES: readonly TableSpec[] = Object.values(WAREHOUSE_TABLES);
