import CFB from 'cfb';
import { deflateRawSync } from 'node:zlib';
import type { CellSpec } from './hwpx-package.js';

/**
 * HWP 5 documents written by hand for tests, laid out as the HWP 5.0 format specification (한글 문서
 * 파일 형식 5.0, revision 1.3) describes them: an OLE2 compound file holding a `FileHeader` stream
 * (signature, version, properties), a `DocInfo` stream of records (document properties, ID mappings,
 * fonts, one character shape, one paragraph shape, one style) and `BodyText/Section0`, a stream of
 * tagged records; both record streams deflated raw when the compressed bit is set, as the word
 * processor saves them. A table is a paragraph holding one extended control (`tbl `): CTRL_HEADER,
 * HWPTAG_TABLE, then per cell a LIST_HEADER with its column, row and spans and the cell's paragraphs.
 */

/** Bits of the FileHeader's properties (specification, table 3). */
export const HWP5_FLAGS = { compressed: 1 << 0, password: 1 << 1, distribution: 1 << 2, drm: 1 << 4 } as const;

const TAG = {
  DOCUMENT_PROPERTIES: 16,
  ID_MAPPINGS: 17,
  FACE_NAME: 19,
  CHAR_SHAPE: 21,
  BORDER_FILL: 20,
  PARA_SHAPE: 25,
  STYLE: 26,
  PARA_HEADER: 66,
  PARA_TEXT: 67,
  PARA_CHAR_SHAPE: 68,
  CTRL_HEADER: 71,
  LIST_HEADER: 72,
  PAGE_DEF: 73,
  TABLE: 77,
} as const;

/** A control's id as the format stores it: the four characters packed big-end first into a UINT32. */
const ctrlId = (id: string): number =>
  ((id.charCodeAt(0) << 24) | (id.charCodeAt(1) << 16) | (id.charCodeAt(2) << 8) | id.charCodeAt(3)) >>> 0;

/** One record: a 32-bit header (tag, level, size; size 0xFFF and a second UINT32 when it is larger). */
function record(tag: number, level: number, data: Buffer): Buffer {
  const long = data.length >= 0xfff;
  const head = Buffer.alloc(long ? 8 : 4);
  head.writeUInt32LE((tag | (level << 10) | ((long ? 0xfff : data.length) << 20)) >>> 0, 0);
  if (long) head.writeUInt32LE(data.length, 4);
  return Buffer.concat([head, data]);
}

/** Little-endian fields, each `[bytes, value]`. */
function fields(...parts: ReadonlyArray<readonly [1 | 2 | 4, number]>): Buffer {
  const out = Buffer.alloc(parts.reduce((n, [size]) => n + size, 0));
  let at = 0;
  for (const [size, value] of parts) {
    if (size === 1) out.writeUInt8(value, at);
    else if (size === 2) out.writeUInt16LE(value, at);
    else out.writeUInt32LE(value >>> 0, at);
    at += size;
  }
  return out;
}

/** A WCHAR string with its UINT16 length. */
const hwpString = (s: string): Buffer => Buffer.concat([fields([2, s.length]), Buffer.from(s, 'utf16le')]);

/** A control inside a paragraph: its CTRL_HEADER data after the id, and the records beneath it. */
interface Control {
  readonly id: string;
  readonly data: Buffer;
  /** Records one level below the CTRL_HEADER, built for that level. */
  readonly children: (level: number) => Buffer[];
}

/** An extended control character in PARA_TEXT: 8 WCHARs, the code, the control's id, reserved, the code. */
function extendedChar(code: number, id: string): Buffer {
  const b = Buffer.alloc(16);
  b.writeUInt16LE(code, 0);
  b.writeUInt32LE(ctrlId(id), 2);
  b.writeUInt16LE(code, 14);
  return b;
}

/** Text as PARA_TEXT WCHARs: a tab is an inline control (8 WCHARs), a paragraph ends with 13. */
function paraText(text: string): Buffer {
  const parts = text.split('\t').map((s) => Buffer.from(s, 'utf16le'));
  const tab = Buffer.alloc(16);
  tab.writeUInt16LE(9, 0);
  tab.writeUInt16LE(9, 14);
  return Buffer.concat(parts.flatMap((p, i) => (i ? [tab, p] : [p])));
}

const CONTROL_CHAR: Record<string, number> = { secd: 2, cold: 2, 'tbl ': 11 };

/**
 * One paragraph at `level`: PARA_HEADER, PARA_TEXT (its controls' characters, then the text),
 * PARA_CHAR_SHAPE, then each control's CTRL_HEADER and records. `last` marks the last paragraph
 * of a list (bit 31 of the character count).
 */
function paragraph(level: number, text: string, controls: readonly Control[] = [], last = false): Buffer[] {
  const body = Buffer.concat([
    ...controls.map((c) => extendedChar(CONTROL_CHAR[c.id]!, c.id)),
    paraText(text),
    fields([2, 13]),
  ]);
  const chars = body.length / 2;
  let mask = 0;
  for (const c of controls) mask |= 1 << CONTROL_CHAR[c.id]!;
  if (text.includes('\t')) mask |= 1 << 9;
  const header = fields(
    [4, (chars | (last ? 0x80000000 : 0)) >>> 0],
    [4, mask],
    [2, 0], // paragraph shape
    [1, 0], // style
    [1, 0], // column/page break kind
    [2, 1], // character shapes
    [2, 0], // range tags
    [2, 0], // line segments (none: the reader lays out nothing)
    [4, 0], // instance id
    [2, 0], // change-tracking merge
  );
  return [
    record(TAG.PARA_HEADER, level, header),
    record(TAG.PARA_TEXT, level + 1, body),
    record(TAG.PARA_CHAR_SHAPE, level + 1, fields([4, 0], [4, 0])),
    ...controls.flatMap((c) => [
      record(TAG.CTRL_HEADER, level + 1, Buffer.concat([fields([4, ctrlId(c.id)]), c.data])),
      ...c.children(level + 2),
    ]),
  ];
}

/** The section's first paragraph carries its definition (A4, portrait) and its one-column layout. */
const SECTION_CONTROLS: readonly Control[] = [
  {
    id: 'secd',
    data: fields([4, 0], [2, 1134], [2, 0], [2, 0], [4, 8000], [2, 0], [2, 0], [2, 0], [2, 0], [2, 0], [4, 0]),
    children: (level) => [
      record(
        TAG.PAGE_DEF,
        level,
        fields(
          [4, 59528],
          [4, 84188],
          [4, 8504],
          [4, 8504],
          [4, 5668],
          [4, 4252],
          [4, 4252],
          [4, 4252],
          [4, 0],
          [4, 0],
        ),
      ),
    ],
  },
  { id: 'cold', data: fields([2, 1 << 2], [2, 0], [2, 0]), children: () => [] },
];

/** A cell: its text, where it starts in the grid, and what it spans. */
export type Hwp5Cell = CellSpec & { readonly col: number };

/** A table control whose rows list the cells that start in them. */
function tableControl(rows: ReadonlyArray<readonly Hwp5Cell[]>): Control {
  const cols = Math.max(...rows.flat().map((c) => c.col + (c.colSpan ?? 1)));
  const width = 42520; // the A4 text width, in HWPUNIT (1/7200 inch)
  const cellWidth = Math.floor(width / cols);
  const common = fields(
    [4, 1], // treated as a character of its paragraph
    [4, 0], // vertical offset
    [4, 0], // horizontal offset
    [4, width],
    [4, rows.length * 1000],
    [4, 0], // z-order
    [2, 141], // outer margins
    [2, 141],
    [2, 141],
    [2, 141],
    [4, 0], // instance id
    [4, 0], // page-break prevention
  );
  return {
    id: 'tbl ',
    data: Buffer.concat([common, hwpString('')]),
    children: (level) => [
      record(
        TAG.TABLE,
        level,
        fields(
          [4, 0b110], // split across pages by cell, repeat the header row
          [2, rows.length],
          [2, cols],
          [2, 0], // cell spacing
          [2, 510], // inner margins: left, right, top, bottom
          [2, 510],
          [2, 141],
          [2, 141],
          ...rows.map((r): [2, number] => [2, r.length]),
          [2, 1], // border fill
          [2, 0], // valid zones
        ),
      ),
      ...rows.flatMap((row, r) =>
        row.flatMap((cell) => [
          record(
            TAG.LIST_HEADER,
            level,
            fields(
              [2, 1], // paragraphs
              [2, 0],
              [4, 1 << 5], // vertically centred
              [2, cell.col],
              [2, r],
              [2, cell.colSpan ?? 1],
              [2, cell.rowSpan ?? 1],
              [4, cellWidth * (cell.colSpan ?? 1)],
              [4, 1000 * (cell.rowSpan ?? 1)],
              [2, 510],
              [2, 510],
              [2, 141],
              [2, 141],
              [2, 1], // border fill
              [4, cellWidth * (cell.colSpan ?? 1)],
            ),
          ),
          ...paragraph(level, cell.text, [], true),
        ]),
      ),
    ],
  };
}

/** A block of the body: a paragraph's text, or a table. */
export type Hwp5Block = string | { readonly table: ReadonlyArray<readonly Hwp5Cell[]> };

/** Rows of plain cells (no spans): what a tab-separated table of the text becomes. */
export const plainHwp5Table = (rows: ReadonlyArray<readonly string[]>): Hwp5Block => ({
  table: rows.map((cells) => cells.map((text, col) => ({ text, col }))),
});

/** The BodyText section: the first paragraph defines the section, a table sits in a paragraph of its own. */
function section(blocks: readonly Hwp5Block[]): Buffer {
  const records = blocks.flatMap((block, i) => {
    const controls = [
      ...(i === 0 ? SECTION_CONTROLS : []),
      ...(typeof block === 'string' ? [] : [tableControl(block.table)]),
    ];
    return paragraph(0, typeof block === 'string' ? block : '', controls, i === blocks.length - 1);
  });
  return Buffer.concat(records);
}

/** DocInfo: the few records every document has, with the counts ID_MAPPINGS declares for them. */
function docInfo(): Buffer {
  const FONTS = 7; // one face per script: Hangul, Latin, Hanja, Japanese, other, symbol, user
  const face = (name: string) => Buffer.concat([fields([1, 0]), hwpString(name)]);
  const charShape = Buffer.concat([
    fields(...Array.from({ length: 7 }, (): [2, number] => [2, 0])), // face per script
    Buffer.alloc(7, 100), // width ratios
    Buffer.alloc(7, 0), // spacing
    Buffer.alloc(7, 100), // relative sizes
    Buffer.alloc(7, 0), // offsets
    fields([4, 1000], [4, 0], [1, 10], [1, 10], [4, 0], [4, 0], [4, 0xffffffff], [4, 0xb2b2b2], [2, 0], [4, 0]),
  ]);
  const paraShape = fields(
    [4, 0], // no heading, no numbering, justified
    ...Array.from({ length: 5 }, (): [4, number] => [4, 0]), // margins, indent, spacing above and below
    [4, 160], // line spacing (%)
    [2, 0], // tab definition
    [2, 0], // numbering or bullet
    [2, 0], // border fill
    ...Array.from({ length: 4 }, (): [2, number] => [2, 0]),
    [4, 0],
    [4, 0],
    [4, 160],
  );
  const style = Buffer.concat([
    hwpString('바탕글'),
    hwpString('Normal'),
    fields([1, 0], [1, 0], [2, 1042], [2, 0], [2, 0], [2, 0]),
  ]);
  // solid 0.12 mm black lines on four sides, no diagonal, no fill
  const line = (): Array<[1 | 4, number]> => [
    [1, 1],
    [1, 1],
    [4, 0],
  ];
  const borderFill = fields([2, 0], ...[0, 1, 2, 3].flatMap(line), [1, 0], [1, 0], [4, 0], [4, 0], [4, 0]);
  // binary data, 7 fonts, border fills, char shapes, tab defs, numberings, bullets, para shapes, styles, memo shapes, changes, authors
  const counts = [0, ...Array<number>(FONTS).fill(1), 1, 1, 0, 0, 0, 1, 1, 0, 0, 0];
  return Buffer.concat([
    record(
      TAG.DOCUMENT_PROPERTIES,
      0,
      fields([2, 1], [2, 1], [2, 1], [2, 1], [2, 1], [2, 1], [2, 1], [4, 0], [4, 0], [4, 0]),
    ),
    record(TAG.ID_MAPPINGS, 0, fields(...counts.map((n): [4, number] => [4, n]))),
    ...Array.from({ length: FONTS }, () => record(TAG.FACE_NAME, 1, face('함초롬바탕'))),
    record(TAG.BORDER_FILL, 1, borderFill),
    record(TAG.CHAR_SHAPE, 1, charShape),
    record(TAG.PARA_SHAPE, 1, paraShape),
    record(TAG.STYLE, 1, style),
  ]);
}

/** The FileHeader stream: 256 bytes, signature, version 5.1.0.0, properties. */
function fileHeader(flags: number): Buffer {
  const b = Buffer.alloc(256);
  b.write('HWP Document File', 0, 'latin1');
  b.writeUInt32LE(0x05010000, 32);
  b.writeUInt32LE(flags >>> 0, 36);
  return b;
}

export interface Hwp5Options {
  /** FileHeader property bits besides `compressed` (`HWP5_FLAGS.password`, `HWP5_FLAGS.drm` …). */
  readonly flags?: number;
  /** Deflate DocInfo and the section (the word processor's default); true unless false. */
  readonly compressed?: boolean;
}

/** An HWP 5 document of one section holding `blocks`. */
export function hwp5Document(blocks: readonly Hwp5Block[], options: Hwp5Options = {}): Buffer {
  const compressed = options.compressed ?? true;
  const pack = (b: Buffer) => (compressed ? deflateRawSync(b) : b);
  const flags = (options.flags ?? 0) | (compressed ? HWP5_FLAGS.compressed : 0);
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, 'FileHeader', fileHeader(flags));
  CFB.utils.cfb_add(cfb, 'DocInfo', pack(docInfo()));
  CFB.utils.cfb_add(cfb, 'BodyText/Section0', pack(section(blocks)));
  return Buffer.from(CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
}

/**
 * The bundled report as HWP 5, as the word processor would hold it: every line a paragraph, every
 * run of two or more tab-separated lines one table (a lone tab line, a TOC entry, stays a paragraph
 * with its tab), as `reportHwpx` does for HWPX.
 */
export function reportHwp5(lines: readonly string[], options: Hwp5Options = {}): Buffer {
  const blocks: Hwp5Block[] = [];
  for (let i = 0; i < lines.length;) {
    let j = i;
    while (j < lines.length && lines[j]!.includes('\t')) j++;
    if (j - i >= 2) {
      blocks.push(plainHwp5Table(lines.slice(i, j).map((l) => l.split('\t'))));
      i = j;
    } else {
      blocks.push(lines[i]!);
      i++;
    }
  }
  return hwp5Document(blocks, options);
}
