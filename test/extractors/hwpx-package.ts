import { crc32, deflateRawSync } from 'node:zlib';

/**
 * HWPX packages written by hand for tests: a ZIP whose first entry, stored, is `mimetype`, then
 * `Contents/content.hpf` and one section of `hp:p` paragraphs and `hp:tbl` tables, as the word
 * processor saves them (no styles: a reader must not need them to find text and tables).
 */
export function zipEntries(entries: ReadonlyArray<readonly [name: string, data: Buffer, stored?: boolean]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data, stored] of entries) {
    const packed = stored ? data : deflateRawSync(data);
    const fileName = Buffer.from(name);
    const fields = (b: Buffer, at: number) => {
      b.writeUInt16LE(20, at); // version needed
      b.writeUInt16LE(0, at + 2); // flags
      b.writeUInt16LE(stored ? 0 : 8, at + 4);
      b.writeUInt32LE(crc32(data), at + 10);
      b.writeUInt32LE(packed.length, at + 14);
      b.writeUInt32LE(data.length, at + 18);
      b.writeUInt16LE(fileName.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    fields(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, packed);
    centrals.push(central, fileName);
    offset += 30 + fileName.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const NS =
  'xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" ' +
  'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" xmlns:hc="http://www.hancom.co.kr/hwpml/2011/core"';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One paragraph; an empty line stays an empty paragraph (the report's blank lines separate its blocks). */
export const paragraph = (text: string): string =>
  `<hp:p paraPrIDRef="0" styleIDRef="0"><hp:run charPrIDRef="0">${text ? `<hp:t>${esc(text)}</hp:t>` : ''}</hp:run></hp:p>`;

export interface CellSpec {
  readonly text: string;
  readonly rowSpan?: number;
  readonly colSpan?: number;
}

/** A table in its own paragraph; each row lists the cells that start in it, at their grid column. */
export function table(rows: ReadonlyArray<ReadonlyArray<CellSpec & { readonly col: number }>>): string {
  const cols = Math.max(...rows.flat().map((c) => c.col + (c.colSpan ?? 1)));
  const trs = rows
    .map(
      (row, r) =>
        `<hp:tr>${row
          .map(
            (c) =>
              `<hp:tc><hp:subList>${paragraph(c.text)}</hp:subList>` +
              `<hp:cellAddr colAddr="${c.col}" rowAddr="${r}"/><hp:cellSpan colSpan="${c.colSpan ?? 1}" rowSpan="${c.rowSpan ?? 1}"/>` +
              '</hp:tc>',
          )
          .join('')}</hp:tr>`,
    )
    .join('');
  return (
    `<hp:p paraPrIDRef="0" styleIDRef="0"><hp:run charPrIDRef="0"><hp:tbl rowCnt="${rows.length}" colCnt="${cols}">` +
    `${trs}</hp:tbl></hp:run></hp:p>`
  );
}

/** Rows of plain cells (no spans): what a tab-separated table of the text becomes. */
export const plainTable = (rows: ReadonlyArray<readonly string[]>): string =>
  table(rows.map((cells) => cells.map((text, col) => ({ text, col }))));

/** An HWPX package of one section holding `body` (paragraph and table XML); `prolog` goes before `<hs:sec>`. */
export function hwpxPackage(body: string, prolog = ''): Buffer {
  const hpf =
    '<?xml version="1.0" encoding="UTF-8"?><opf:package xmlns:opf="http://www.idpf.org/2007/opf/">' +
    '<opf:manifest><opf:item id="section0" href="Contents/section0.xml" media-type="application/xml"/></opf:manifest>' +
    '<opf:spine><opf:itemref idref="section0"/></opf:spine></opf:package>';
  const section = `<?xml version="1.0" encoding="UTF-8"?>${prolog}<hs:sec ${NS}>${body}</hs:sec>`;
  return zipEntries([
    ['mimetype', Buffer.from('application/hwp+zip'), true],
    ['Contents/content.hpf', Buffer.from(hpf)],
    ['Contents/section0.xml', Buffer.from(section)],
  ]);
}

/**
 * The bundled report as HWPX, as a word processor would hold it: every line a paragraph, every
 * run of two or more tab-separated lines one `hp:tbl` (a lone tab line, a TOC entry, stays a paragraph).
 */
export function reportHwpx(lines: readonly string[]): Buffer {
  const parts: string[] = [];
  for (let i = 0; i < lines.length;) {
    let j = i;
    while (j < lines.length && lines[j]!.includes('\t')) j++;
    if (j - i >= 2) {
      parts.push(plainTable(lines.slice(i, j).map((l) => l.split('\t'))));
      i = j;
    } else {
      parts.push(paragraph(lines[i]!));
      i++;
    }
  }
  return hwpxPackage(parts.join(''));
}
