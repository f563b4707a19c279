import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, splitLines } from '../../extractors/index.js';
import { reportText } from '../helpers.js';

const sample = '2020년도 사업보고 요약\n中企 人公 Δ1,495 ※ 〈 회원 현황 〉 ‘18.3.19\n';

describe('decodeText', () => {
  it('reads the bundled report as UTF-8 without a BOM', () => {
    const bytes = Buffer.from(reportText(), 'utf8');
    expect(decodeText(bytes, 'r.txt')).toEqual({ text: reportText(), encoding: 'utf-8' });
  });

  it.each([
    ['utf-8-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample)])],
    ['utf-16le-bom', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, 'utf16le')])],
    ['utf-16be-bom', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(sample, 'utf16le').swap16()])],
    ['utf-16le', Buffer.from(sample, 'utf16le')],
    ['utf-16be', Buffer.from(sample, 'utf16le').swap16()],
    ['cp949', iconv.encode(sample.replace(/[中企人公]/g, ''), 'cp949')],
  ])('detects %s', (encoding, bytes) => {
    const decoded = decodeText(bytes, 'x.txt');
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(encoding === 'cp949' ? sample.replace(/[中企人公]/g, '') : sample);
  });

  it('reads Hanja in CP949 too', () => {
    expect(decodeText(iconv.encode('中企 판로확대', 'cp949'), 'x.txt')).toEqual({
      text: '中企 판로확대',
      encoding: 'cp949',
    });
  });

  it('rejects empty, binary and undecodable input with the file name', () => {
    expect(() => decodeText(new Uint8Array(), 'empty.txt')).toThrowErrorMatchingInlineSnapshot(
      `[EtlError: empty.txt: file is empty]`,
    );
    const binary = Uint8Array.from({ length: 512 }, (_, i) => (i * 37) % 256);
    expect(() => decodeText(binary, 'blob.bin')).toThrowErrorMatchingInlineSnapshot(
      `[EtlError: blob.bin: binary content, not a text document]`,
    );
    const latin = Buffer.from([0x80, 0x81, 0xff, 0xfe, 0x41, 0x80, 0xff, 0x81, 0x42, 0xff]);
    expect(() => decodeText(latin, 'odd.txt')).toThrow(/odd\.txt: not UTF-8, UTF-16 or CP949 text|odd\.txt: binary/);
  });
});

describe('splitLines', () => {
  it('splits LF, CRLF and CR alike and drops only the final line break', () => {
    expect(splitLines('a\r\nb\rc\n\nd\n', 'f')).toEqual(['a', 'b', 'c', '', 'd']);
    expect(splitLines('a\n\n', 'f')).toEqual(['a', '']);
  });

  it('keeps the report line for line: 1039 lines, the last one blank', () => {
    const lines = splitLines(reportText(), 'r');
    expect(lines).toHaveLength(1039);
    expect(lines[2]).toBe('2020년도 사업보고 요약');
    expect(lines[1038]).toBe('');
  });

  it('refuses a line longer than the limit, naming file and line', () => {
    const text = `ok\n${'가'.repeat(200_000)}\n`;
    expect(() => splitLines(text, 'big.txt')).toThrowErrorMatchingInlineSnapshot(
      `[EtlError: big.txt:2: line is 200,000 characters (limit 100,000)]`,
    );
  });
});
