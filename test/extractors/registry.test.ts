import { describe, expect, it } from 'vitest';
import {
  EXTRACTORS,
  FALLBACK_EXTRACTOR,
  declaredFormat,
  extractorFor,
  resolveFormat,
  sniffFormat,
} from '../../extractors/index.js';
import { SourceFormat } from '../../schemas/source.js';
import { reportBytes } from '../helpers.js';

describe('the extractor registry', () => {
  it('lists the formats of SourceFormat, each once', () => {
    const formats = EXTRACTORS.map((e) => e.format);
    expect([...formats].sort()).toEqual([...SourceFormat.options].sort());
    expect(new Set(formats).size).toBe(formats.length);
    for (const f of SourceFormat.options) expect(extractorFor(f).format).toBe(f);
  });

  it('gives every extension to one format, declared whatever its case', () => {
    const extensions = EXTRACTORS.flatMap((e) => e.extensions);
    expect(new Set(extensions).size).toBe(extensions.length);
    for (const e of EXTRACTORS) {
      for (const ext of e.extensions) expect(declaredFormat(`a/REPORT.${ext.toUpperCase()}`)).toBe(e.format);
    }
    expect(declaredFormat('report.doc')).toBeNull();
    expect(declaredFormat('report')).toBeNull();
  });

  it('reads what no extractor claims as text, and lets the decoder judge it', () => {
    expect(FALLBACK_EXTRACTOR.format).toBe('text');
    expect(sniffFormat(reportBytes())).toBe('text');
    expect(sniffFormat(Uint8Array.from([0, 1, 2, 3]))).toBe('text');
  });
});

describe('textual formats do not contradict one another', () => {
  const csv = Buffer.from('구분,2019,2020\n가입,100,120\n해지,10,12\n');
  const plain = Buffer.from('2020년도 사업보고 요약\n- 회원 현황\n');

  it('takes a name saying CSV over content that is only text, and CSV content over a name saying text', () => {
    expect(resolveFormat(plain, 'report.csv', declaredFormat('report.csv'))).toBe('csv');
    expect(resolveFormat(csv, 'report.txt', declaredFormat('report.txt'))).toBe('csv');
    expect(resolveFormat(plain, 'report', declaredFormat('report'))).toBe('text');
  });

  it('lets --format force a format the content contradicts', () => {
    expect(() => resolveFormat(csv, 'report.xlsx', 'xlsx')).toThrowErrorMatchingInlineSnapshot(
      `[EtlError: report.xlsx: declared xlsx but the content is csv (use --format to force)]`,
    );
    expect(resolveFormat(csv, 'report.xlsx', 'xlsx', 'text')).toBe('text');
  });
});
