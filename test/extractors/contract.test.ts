import { describe, expect, it } from 'vitest';
import { EXTRACTORS, declaredFormat, extractorFor, resolveFormat } from '../../extractors/index.js';
import type { NormalizedDocument } from '../../schemas/normalized.js';
import type { SourceFormat } from '../../schemas/source.js';
import { normalize } from '../../transforms/index.js';
import { ref, report2020, reportBytes, reportLines } from '../helpers.js';
import { difference, outline, tableFacts, tableShapes } from './parity.js';
import { reportHwp5 } from './hwp5-package.js';
import { reportHwpx } from './hwpx-package.js';
import { fixture, PDF_RENDITIONS, wholeReportCsv, wholeReportWorkbook } from './renditions.js';

/** One rendition of the bundled report, read by the extractor of `format`. */
interface ContractCase {
  readonly name: string;
  readonly format: SourceFormat;
  /** A file name that declares the format, as the rendition would be saved. */
  readonly file: string;
  readonly bytes: () => Uint8Array | Promise<Uint8Array>;
}

/** Every registered extractor needs at least one case here (tested below). */
const CASES: readonly ContractCase[] = [
  { name: 'text: the bundled report', format: 'text', file: 'report.txt', bytes: reportBytes },
  { name: 'CSV of the whole report, a record per line', format: 'csv', file: 'report.csv', bytes: wholeReportCsv },
  ...PDF_RENDITIONS.map(([name, file]): ContractCase => ({ name, format: 'pdf', file, bytes: () => fixture(file) })),
  {
    name: 'XLSX of the whole report, a line per row, numbers as numbers',
    format: 'xlsx',
    file: 'report.xlsx',
    bytes: wholeReportWorkbook,
  },
  {
    name: 'HWPX of the whole report, lines as paragraphs, tab tables as hp:tbl',
    format: 'hwpx',
    file: 'report.hwpx',
    bytes: () => reportHwpx(reportLines()),
  },
  {
    name: 'HWP 5 of the whole report, lines as paragraphs, tab tables as tbl controls, sections deflated',
    format: 'hwp',
    file: 'report.hwp',
    bytes: () => reportHwp5(reportLines()),
  },
  {
    // 200 KB, its FileHeader (which the cfb library stores last) past the 64 KB detection reads
    name: 'HWP 5 of the whole report saved uncompressed',
    format: 'hwp',
    file: 'report.hwp',
    bytes: () => reportHwp5(reportLines(), { compressed: false }),
  },
];

const text = report2020();

it('has a contract case for every registered extractor', () => {
  const uncovered = EXTRACTORS.map((e) => e.format).filter((f) => !CASES.some((c) => c.format === f));
  expect(uncovered).toEqual([]);
});

/** One contract, one suite: every extractor must say, of the same report, what the text says. */
describe.each(CASES)('$name', ({ format, file, bytes }) => {
  let doc: NormalizedDocument;

  it(`is detected as ${format} from its content (its name agrees) and extracted`, async () => {
    const input = await bytes();
    expect(resolveFormat(input, file, declaredFormat(file))).toBe(format);
    doc = normalize(await extractorFor(format).extract(input, ref({ source_path: file }), 'test'));
  });

  it('reads title, year and publication month off the cover', () => {
    const cover = { title: '2020년도 사업보고 요약', report_year: 2020, published_on: '2021-02' };
    expect(doc.document).toMatchObject({ ...cover, source_format: format });
  });

  it('gives the same sections as the text', () => {
    expect(outline(doc)).toEqual(outline(text));
  });

  it('gives the same tables, titles and header rows as the text', () => {
    expect(tableShapes(doc)).toEqual(tableShapes(text));
  });

  it('gives the same table facts, fact by fact', () => {
    expect(difference(tableFacts(text), tableFacts(doc))).toEqual({ missing: [], unexpected: [] });
    expect(tableFacts(doc)).toHaveLength(tableFacts(text).length);
  });
});
