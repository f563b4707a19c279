import CFB from 'cfb';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractHwp, extractHwpx, HEAD_BYTES, resolveFormat, sniffFormat } from '../../extractors/index.js';
import type { ExtractedDocument } from '../../schemas/extracted.js';
import type { NormalizedDocument } from '../../schemas/normalized.js';
import { normalize } from '../../transforms/index.js';
import { queryWarehouse, ref, reportLines, ROOT, runCli, tempDir } from '../helpers.js';
import { hwp5Document, HWP5_FLAGS, plainHwp5Table, reportHwp5, type Hwp5Cell } from './hwp5-package.js';
import { hwpxPackage, paragraph, plainTable, table, zipEntries } from './hwpx-package.js';

const REAL = join(ROOT, '..', 'shared', 'real-inputs');
const real = (name: string) => readFileSync(join(REAL, name));
const hasReal = existsSync(join(REAL, 'press-156754052.hwpx'));
if (!hasReal) console.warn(`skipping the real HWP/HWPX documents: ${REAL} is absent`);
const at = (file: string, year = 2026) => ref({ source_path: file, report_year: year });
/** The middle dots `⋅` `·` are one to readers (and the text decoder may fold them). */
const dots = (s: string) => s.replace(/[⋅·ㆍ]/g, '·');
const texts = (doc: ExtractedDocument, kind: string) => doc.lines.filter((l) => l.kind === kind).map((l) => l.text);

/** A unit row merged over the table, a header cell over two rows and one over two columns: HWPX and HWP 5 alike. */
const SUPPORT_TABLE: ReadonlyArray<readonly Hwp5Cell[]> = [
  [{ text: '(단위 : 개, 백만원)', col: 0, colSpan: 3 }],
  [
    { text: '구 분', col: 0, rowSpan: 2 },
    { text: '지원규모', col: 1, colSpan: 2 },
  ],
  [
    { text: '과제 수', col: 1 },
    { text: '지원한도', col: 2 },
  ],
  [
    { text: '스케일업 팁스', col: 0 },
    { text: '15', col: 1 },
    { text: '3,000', col: 2 },
  ],
];

describe('HWPX written by hand', () => {
  it('is detected by its mimetype entry, not taken for a workbook, whatever its name', () => {
    const bytes = hwpxPackage(paragraph('2020년도 사업보고'));
    expect(sniffFormat(bytes)).toBe('hwpx');
    expect(() => resolveFormat(bytes, 'a.xlsx', 'xlsx')).toThrow('a.xlsx: declared xlsx but the content is hwpx');
    const otherZip = zipEntries([['mimetype', Buffer.from('application/epub+zip'), true]]);
    expect(sniffFormat(otherZip)).toBe('xlsx');
  });

  it('spreads merged cells over their range and takes a merged first row as the unit note', async () => {
    const body = paragraph('2020년도 사업보고') + paragraph('〈 회원 현황 〉') + table(SUPPORT_TABLE);
    const doc = await extractHwpx(hwpxPackage(body), at('m.hwpx', 2020), 't');
    expect(doc.lines.filter((l) => l.kind !== 'blank').map((l) => `${l.kind} ${l.text}`)).toEqual([
      'title 2020년도 사업보고',
      'caption 〈 회원 현황 〉',
      'unit_note (단위 : 개, 백만원)',
      'table_row 구 분\t지원규모\t지원규모',
      'table_row 구 분\t과제 수\t지원한도',
      'table_row 스케일업 팁스\t15\t3,000',
    ]);
    const norm = normalize(doc);
    expect(norm.tables.map((t) => [t.title, t.unit_note, t.header_row_count])).toEqual([
      ['회원 현황', '(단위 : 개, 백만원)', 2],
    ]);
    expect(norm.facts.filter((f) => f.origin === 'table').map((f) => [f.col_labels.join('/'), f.value])).toEqual([
      ['지원규모/과제 수', 15],
      ['지원규모/지원한도', 3000],
    ]);
  });

  it('reads layout tables (one cell, one row, contact boxes) as text and keeps a nested table a table', async () => {
    const nested = table([[{ text: '안내', col: 0 }]]).replace(
      '<hp:subList>',
      '<hp:subList>' +
        plainTable([
          ['구분', '2019', '2020'],
          ['건수', '12', '15'],
        ]),
    );
    const body =
      paragraph('2020년도 사업보고') +
      plainTable([['보도자료']]) +
      plainTable([['보도시점', '2021. 2. 1.(월)']]) +
      plainTable([
        ['담당 부서', '협동조합정책실'],
        ['담당자', '홍길동 (02-2124-3000)'],
      ]) +
      nested;
    const doc = await extractHwpx(hwpxPackage(body), at('l.hwpx', 2020), 't');
    expect(texts(doc, 'title').concat(texts(doc, 'text'))).toEqual(
      expect.arrayContaining([
        '보도자료',
        '보도시점 2021. 2. 1.(월)',
        '담당 부서 협동조합정책실',
        '담당자 홍길동 (02-2124-3000)',
        '안내',
      ]),
    );
    expect(doc.tables.map((t) => t.rows.map((r) => r.cells.join('|')))).toEqual([['구분|2019|2020', '건수|12|15']]);
  });
});

describe('HWP 5 written by hand', () => {
  it('spreads merged cells (LIST_HEADER spans) over their range and takes a merged first row as the unit note', async () => {
    const bytes = hwp5Document(['2020년도 사업보고', '〈 회원 현황 〉', { table: SUPPORT_TABLE }]);
    const doc = await extractHwp(bytes, at('m.hwp', 2020), 't');
    expect(doc.lines.filter((l) => l.kind !== 'blank').map((l) => `${l.kind} ${l.text}`)).toEqual([
      'title 2020년도 사업보고',
      'caption 〈 회원 현황 〉',
      'unit_note (단위 : 개, 백만원)',
      'table_row 구 분\t지원규모\t지원규모',
      'table_row 구 분\t과제 수\t지원한도',
      'table_row 스케일업 팁스\t15\t3,000',
    ]);
    const norm = normalize(doc);
    expect(norm.tables.map((t) => [t.title, t.unit_note, t.header_row_count])).toEqual([
      ['회원 현황', '(단위 : 개, 백만원)', 2],
    ]);
    expect(norm.facts.map((f) => [f.col_labels.join('/'), f.value])).toEqual([
      ['지원규모/과제 수', 15],
      ['지원규모/지원한도', 3000],
    ]);
  });

  it('is detected by its directory when its FileHeader lies past the head detection reads', () => {
    // saved uncompressed, 200 KB; the cfb library stores small streams (FileHeader) last
    const bytes = reportHwp5(reportLines(), { compressed: false });
    expect(bytes.indexOf('HWP Document File')).toBeGreaterThan(HEAD_BYTES);
    expect(sniffFormat(bytes)).toBe('hwp');
    expect(resolveFormat(bytes, 'r.hwp', 'hwp')).toBe('hwp');
  });
});

describe('hostile HWPX', () => {
  it('refuses a zip bomb before inflating it', async () => {
    const bomb = zipEntries([
      ['mimetype', Buffer.from('application/hwp+zip'), true],
      ['Contents/section0.xml', Buffer.alloc(8 << 20)],
    ]);
    expect(bomb.length).toBeLessThan(20_000);
    await expect(extractHwpx(bomb, at('bomb.hwpx'), 't')).rejects.toThrow(
      /^bomb\.hwpx: Contents\/section0\.xml inflates \d+:1 \(limit 200:1\): refusing to inflate$/,
    );
  });

  it('refuses an XML entity bomb without expanding an entity', async () => {
    const laughs =
      '<!DOCTYPE hs:sec [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' +
      '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>';
    const bytes = hwpxPackage(paragraph('2020년도 사업보고').replace('2020년도 사업보고', '&d;'), laughs);
    await expect(extractHwpx(bytes, at('laughs.hwpx'), 't')).rejects.toThrowErrorMatchingInlineSnapshot(
      `[EtlError: laughs.hwpx: HWPX part Contents/section0.xml declares a DTD (entities are never expanded)]`,
    );
  });

  it('names a damaged package', async () => {
    const bytes = hwpxPackage(paragraph('x'));
    await expect(extractHwpx(bytes.subarray(0, bytes.length - 30), at('cut.hwpx'), 't')).rejects.toThrow(
      /^cut\.hwpx: not a readable ZIP/,
    );
  });
});

describe.skipIf(!hasReal)('real press releases (../shared/real-inputs)', () => {
  const expected = JSON.parse(
    readFileSync(join(ROOT, 'test', 'fixtures', 'real', 'press-156754052.expected.json'), 'utf8'),
  );
  let hwpx: NormalizedDocument;

  it('reads the 2026 labour-ministry HWPX with its pages, layout boxes as text', async () => {
    const bytes = real('press-156754052.hwpx');
    expect(sniffFormat(bytes)).toBe('hwpx');
    const doc = await extractHwpx(bytes, at('press-156754052.hwpx'), 't');
    hwpx = normalize(doc);
    expect(new Set(doc.lines.map((l) => l.page))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7]));
    const lines = doc.lines.map((l) => l.text);
    for (const box of expected.layout_boxes_as_text) expect(lines).toContain(box);
    expect(doc.lines.filter((l) => l.text.includes('044-202-7026')).map((l) => l.kind)).toEqual(['title']);
    expect(hwpx.tables.map((t) => t.title)).toEqual([
      expected.budget_table.caption.replace(/^【\s*|\s*】$/g, ''),
      expected.summary_table.title,
    ]);
  });

  it('gives every value of the budget table, with its year, as read by hand; no unit contradicts the caption', () => {
    const facts = hwpx.facts.filter((f) => f.table_id === hwpx.tables[0]!.table_id);
    const got = facts
      .filter((f) => f.value !== null)
      .map((f) => [dots(f.row_labels.join('/')), f.col_labels.join(' '), f.value, f.period_year]);
    const want = expected.budget_table.facts.map((f: { row: string; col: string; value: number; year: number }) => [
      dots(f.row),
      f.col,
      f.value,
      f.year,
    ]);
    expect(got).toEqual(want);
    const units = facts.filter((f) => f.value !== null).map((f) => f.unit_raw);
    expected.budget_table.facts.forEach((f: { unit: string }, i: number) => expect([f.unit, null]).toContain(units[i]));
  });

  it('keeps the 총괄표 rows with their merged cells spread (사업명, 본예산, 1회추경)', () => {
    const t = hwpx.tables[1]!;
    const rows = hwpx.lines.filter((l) => l.table_id === t.table_id).map((l) => l.text.split('\t'));
    for (const row of expected.summary_table.rows) {
      expect(
        rows.some(
          (r) =>
            r[1] === row['사업명'] &&
            (row['본예산'] === null || r[2] === row['본예산']) &&
            r[3] === row['1회추경(순증)'],
        ),
      ).toBe(true);
    }
    expect(t.unit_note).toBe(expected.summary_table.unit_note);
  });

  it('gives the budget table the values its PDF twin gives, row by row', async () => {
    const pdf = await (
      await import('../../extractors/index.js')
    ).extractPdf(real('press-156754052.pdf'), at('p.pdf'), 't');
    const rowsOf = (lines: readonly { text: string; kind: string }[]) =>
      expected.budget_table.facts
        .map((f: { row: string }) => f.row)
        .filter((r: string, i: number, all: string[]) => all.indexOf(r) === i)
        .map((row: string) =>
          lines
            .find((l) => l.kind === 'table_row' && dots(l.text).startsWith(`${dots(row)}\t`))
            ?.text.split('\t')
            .slice(1),
        );
    expect(rowsOf(pdf.lines)).toEqual(rowsOf(hwpx.lines));
    expect(
      rowsOf(hwpx.lines)
        .flat()
        .filter((c: string) => /\d/.test(c)),
    ).toHaveLength(expected.budget_table.facts.length);
  });

  it('reads the agriculture-ministry HWPX: its nested schedule table and its unit row', async () => {
    const doc = await extractHwpx(real('press-156754209.hwpx'), at('press-156754209.hwpx'), 't');
    expect(doc.lines.some((l) => l.kind === 'unit_note' && l.text === '(단위 : 개, 백만원)')).toBe(true);
    const grids = doc.tables.map((t) => t.rows.map((r) => r.cells.join('|')));
    expect(grids).toContainEqual(
      expect.arrayContaining(['스케일업 팁스|36개월|15|30억원', '글로벌 팁스|48개월|1|60억원']),
    );
    expect(grids).toContainEqual(expect.arrayContaining(['스케일업 팁스|정책지정형|4.14.~4.30.|5월|5월']));
  });

  it('gives hyperlinks as the text the page shows, not as Markdown', async () => {
    const texts = async (name: string) =>
      (await extractHwpx(real(name), at(name), 't')).lines.map((l) => l.text).join('\n');
    const labour = await texts('press-156754052.hwpx');
    const farming = await texts('press-156754209.hwpx');
    expect(labour).toContain('근로자융자는 근로복지넷(welfare.comwel.or.kr)을 통해 신청');
    expect(farming).toContain('범부처통합연구지원시스템(IRIS, http://www.iris.go.kr)에 접속하여');
    expect(farming).toContain('◦ 신청·지원제외 및 유의사항은 [참고1] 참고');
    expect(`${labour}\n${farming}`).not.toMatch(/\]\((https?:|www\.)/);
  });

  it('reads the 2018 HWP 5 press release: header box as text, the comparison table as a table', async () => {
    const bytes = real('press-2018-nuri.hwp');
    expect(sniffFormat(bytes)).toBe('hwp');
    const doc = await extractHwp(bytes, at('press-2018-nuri.hwp', 2018), 't');
    const lines = doc.lines.map((l) => l.text);
    expect(lines).toContain('담당과장 장인숙(02-2110-2430) 담 당 자 용찬재 사무관(02-2110-2428)');
    expect(lines.some((l) => l.includes('약 6,300여명의 국민이 참여하여 총 10,000건 이상'))).toBe(true);
    expect(doc.tables.map((t) => t.rows.map((r) => r.cells.join('|')))).toEqual([
      [
        '구 분|한국형발사체(누리호)|시험발사체',
        '형 상||',
        '목 적|1.5톤급 실용위성을 지구저궤도(600~800km)에 투입|한국형발사체 75톤급 엔진의 비행성능 검증',
        '총 길이|47.2 m|25.8 m',
        '최대 직경|3.5 m|2.6 m',
        '이륙 중량|200 톤|52.1 톤',
        '탑재체 중량|1.5 톤|-',
        '단 수|3단|1단',
      ],
    ]);
  });
});

/** `bytes` with its BodyText/Section0 stream replaced by what `edit` makes of it. */
function withSection(bytes: Buffer, edit: (stream: Buffer) => Buffer): Buffer {
  const cfb = CFB.read(bytes, { type: 'buffer' });
  const entry = CFB.find(cfb, '/BodyText/Section0')!;
  const stream = edit(Buffer.from(entry.content as Uint8Array));
  entry.content = stream;
  entry.size = stream.length;
  return Buffer.from(CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
}
const sectionOf = (bytes: Buffer) =>
  Buffer.from(CFB.find(CFB.read(bytes, { type: 'buffer' }), '/BodyText/Section0')!.content as Uint8Array);
/** `n` bytes of a fixed pattern written over the stream from `at`. */
const overwrite = (at: number, n: number) => (stream: Buffer) => {
  const b = Buffer.from(stream);
  for (let i = 0; i < n; i++) b[at + i] = (i * 151 + 89) & 0xff;
  return b;
};
/** Where the section's top-level paragraphs start (a PARA_HEADER record, tag 66, at level 0). */
function paragraphStarts(stream: Buffer): number[] {
  const starts: number[] = [];
  for (let at = 0; at < stream.length;) {
    const header = stream.readUInt32LE(at);
    if ((header & 0x3ff) === 66 && ((header >>> 10) & 0x3ff) === 0) starts.push(at);
    const long = header >>> 20 === 0xfff;
    at += long ? 8 + stream.readUInt32LE(at + 4) : 4 + (header >>> 20);
  }
  return starts;
}

describe('damaged HWP 5 sections (issue #15): one line naming the file, never loaded short', () => {
  const zipped = reportHwp5(reportLines());
  const plain = reportHwp5(reportLines(), { compressed: false });
  /** The one-line refusal of `bytes` without its `file: ` prefix (which it must have). */
  const refusal = async (bytes: Buffer, file = 'damaged.hwp') => {
    const error = await extractHwp(bytes, at(file, 2020), 't').then(
      (doc) => new Error(`loaded ${doc.lines.length} lines`),
      (e: Error) => e,
    );
    expect(error.message.startsWith(`${file}: `), error.message).toBe(true);
    return error.message.slice(`${file}: `.length);
  };
  /** The word processor's way: raw deflate, then the CRC-32 and length of the inflated bytes. */
  const hangulDeflate = (data: Buffer, crcOf = data) => {
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(crc32(crcOf) >>> 0, 0);
    trailer.writeUInt32LE(data.length, 4);
    return Buffer.concat([deflateRawSync(data), trailer]);
  };
  let whole: string[];

  it('reads both renditions of the report whole, and alike: no false alarm', async () => {
    whole = (await extractHwp(zipped, at('z.hwp', 2020), 't')).lines.map((l) => l.text);
    expect(whole.length).toBeGreaterThan(800);
    expect((await extractHwp(plain, at('p.hwp', 2020), 't')).lines.map((l) => l.text)).toEqual(whole);
  });

  it.skipIf(!hasReal)('reads the real 2018 press release (its streams end with a CRC-32 trailer) whole', async () => {
    const bytes = real('press-2018-nuri.hwp');
    const stream = sectionOf(bytes);
    const inflated = inflateRawSync(stream);
    expect(stream.readUInt32LE(stream.length - 8)).toBe(crc32(inflated) >>> 0);
    expect(stream.readUInt32LE(stream.length - 4)).toBe(inflated.length);
    const doc = await extractHwp(bytes, at('press-2018-nuri.hwp', 2018), 't');
    expect(doc.lines.filter((l) => l.text).at(-1)?.text).toBe('단 수\t3단\t1단'); // its last line, on page 3
    expect(doc.issues).toEqual([]);
  });

  it.each([100, 400, 4000])('refuses a deflated section with %i bytes overwritten in the middle', async (n) => {
    const middle = Math.floor(sectionOf(zipped).length / 2);
    expect(await refusal(withSection(zipped, overwrite(middle, n)))).toMatch(
      /^HWP section 0 is damaged(: its compressed data cannot be inflated \(.+\)| at byte \d+ of its \d+ inflated bytes \(.+\): the rest of the section cannot be read)$/,
    );
  });

  it.each([100, 400, 4000])('refuses an uncompressed section with %i bytes overwritten in the middle', async (n) => {
    const middle = Math.floor(sectionOf(plain).length / 2);
    const message = await refusal(withSection(plain, overwrite(middle, n)));
    const [, byte] =
      /^HWP section 0 is damaged at byte (\d+) \(.+\): the rest of the section cannot be read$/.exec(message) ?? [];
    expect(Number(byte)).toBeGreaterThanOrEqual(middle - 8); // the first record header the garbage reaches
    expect(Number(byte)).toBeLessThan(middle + n);
  });

  it('refuses a truncated section: deflated, cut inside a record, cut between paragraphs', async () => {
    const deflated = sectionOf(zipped);
    expect(await refusal(withSection(zipped, (s) => s.subarray(0, Math.floor(deflated.length * 0.6))))).toBe(
      'HWP section 0 is damaged: its compressed data cannot be inflated (unexpected end of file)',
    );
    const starts = paragraphStarts(sectionOf(plain));
    const cut = starts[Math.floor(starts.length / 2)]!;
    expect(await refusal(withSection(plain, (s) => s.subarray(0, cut + 10)))).toBe(
      `HWP section 0 is damaged at byte ${cut} (a record of 24 bytes runs 18 bytes past the end): the rest of the section cannot be read`,
    );
    expect(await refusal(withSection(plain, (s) => s.subarray(0, cut)))).toBe(
      `HWP section 0 is damaged at byte ${cut} (the section ends before its last paragraph): the rest of the section cannot be read`,
    );
  });

  it('refuses a document whose sections skip a number (kordoc reads up to the gap and no further)', async () => {
    const cfb = CFB.read(zipped, { type: 'buffer' });
    CFB.utils.cfb_add(cfb, 'BodyText/Section2', sectionOf(zipped));
    expect(await refusal(Buffer.from(CFB.write(cfb, { type: 'buffer' }) as Uint8Array))).toBe(
      'HWP section 1 is missing while section 2 is there',
    );
  });

  it("checks the word processor's CRC-32 trailer: a changed number is refused, junk after the data too", async () => {
    const section = inflateRawSync(sectionOf(zipped));
    const trailed = withSection(zipped, () => hangulDeflate(section));
    expect((await extractHwp(trailed, at('t.hwp', 2020), 't')).lines.map((l) => l.text)).toEqual(whole);
    const printed = Buffer.from('66,774', 'utf16le');
    const at66 = section.indexOf(printed);
    expect(at66).toBeGreaterThan(0);
    const changed = Buffer.from(section);
    Buffer.from('66,775', 'utf16le').copy(changed, at66);
    expect(await refusal(withSection(zipped, () => hangulDeflate(changed, section)))).toBe(
      'HWP section 0 is damaged: its content does not match its checksum',
    );
    const deflated = deflateRawSync(section);
    expect(await refusal(withSection(zipped, () => Buffer.concat([deflated, Buffer.from('junk!')])))).toBe(
      `HWP section 0 is damaged: its compressed data ends at byte ${deflated.length} of ${deflated.length + 5}`,
    );
  });
});

describe('hostile HWP 5 (written by hwp5-package): one line naming the file, nothing loaded', () => {
  const small = (flags = 0) =>
    hwp5Document(
      [
        '2020년도 사업보고 요약',
        plainHwp5Table([
          ['구분', '2020'],
          ['건수', '12'],
        ]),
      ],
      { flags },
    );
  const broken = () => {
    const bytes = small();
    bytes.fill(0xff, 512, 2048); // the FAT, mini FAT and directory sectors; the FileHeader, stored last, is intact
    return bytes;
  };
  const CASES: ReadonlyArray<[what: string, file: string, bytes: () => Buffer, message: RegExp]> = [
    ['a password-protected HWP', 'pw.hwp', () => small(HWP5_FLAGS.password), /^HWP document password-protected$/],
    ['a DRM-locked HWP', 'drm.hwp', () => small(HWP5_FLAGS.drm), /^HWP document DRM-locked \(문서 보안\)$/],
    ['a broken compound file', 'broken.hwp', broken, /^HWP document not readable: \S[^\n]*$/],
    [
      'a truncated section',
      'cut.hwp',
      () => withSection(small(), (s) => s.subarray(0, s.length >> 1)),
      /^HWP section 0 is damaged: its compressed data cannot be inflated \(.+\)$/,
    ],
  ];

  it('reads the same document unaltered, and every altered one is still detected as HWP', async () => {
    const doc = await extractHwp(small(), at('ok.hwp', 2020), 't');
    expect(doc.tables.map((t) => t.rows.map((r) => r.cells.join('|')))).toEqual([['구분|2020', '건수|12']]);
    for (const [, , bytes] of CASES) expect(sniffFormat(bytes())).toBe('hwp');
  });

  it.each(CASES)('refuses %s', async (_, file, bytes, message) => {
    const error = await extractHwp(bytes(), at(file), 't').then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message.slice(`${file}: `.length)).toMatch(message);
    expect(error?.message.startsWith(`${file}: `)).toBe(true);
  });

  describe('through the CLI', () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const state = async () => ({
      documents: await queryWarehouse(out, 'SELECT document_id, source_sha256, loaded_at FROM documents'),
      facts: await queryWarehouse(out, 'SELECT count(*) AS n, sum(value) AS s FROM facts'),
      artifacts: readdirSync(join(out, 'artifacts')).sort(),
    });
    let before: Awaited<ReturnType<typeof state>>;
    beforeAll(async () => {
      expect((await runCli('run', '--out', out, '--quiet')).code).toBe(0);
      before = await state();
    });

    it.each(CASES)('%s: exit 1, one line naming the file, the warehouse untouched', async (_, file, bytes, message) => {
      const input = join(dir, file);
      writeFileSync(input, bytes());
      const r = await runCli('run', '--input', input, '--year', '2020', '--out', out, '--quiet');
      expect(r.code).toBe(1);
      expect(r.err.startsWith(`kbiz-etl: ${input}: `)).toBe(true);
      expect(r.err.slice(`kbiz-etl: ${input}: `.length)).toMatch(message);
      expect(await state()).toEqual(before);
    });
  });
});
