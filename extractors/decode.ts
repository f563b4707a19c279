import { EtlError } from '../schemas/index.js';

export interface Decoded {
  readonly text: string;
  /** `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be` (with `-bom` when marked), `cp949`. */
  readonly encoding: string;
}

const strict = (label: string) => new TextDecoder(label, { fatal: true, ignoreBOM: true });

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return strict(label).decode(bytes);
  } catch {
    return null;
  }
}

/** Share of code units that are NUL at even (BE) or odd (LE) offsets: UTF-16 without a BOM. */
function utf16Guess(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2) return null;
  let evenZero = 0;
  let oddZero = 0;
  const n = Math.min(bytes.length, 1 << 16);
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.2 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.2 && oddZero / pairs < 0.05) return 'utf-16be';
  return null;
}

/** Text that is mostly letters, digits, punctuation and white space, not control codes. */
function looksLikeText(text: string): boolean {
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // C0 controls other than white space, C1 controls (a decoder's way of passing bytes 0x80–0x9F), U+FFFD
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || (c >= 0x80 && c <= 0x9f) || c === 0xfffd)
      control++;
  }
  return control <= Math.max(2, text.length * 0.001);
}

/**
 * Decodes a text document: BOMs first, then strict UTF-8, then UTF-16 by its NUL pattern, then
 * CP949 (WHATWG `euc-kr`, a superset of EUC-KR). Anything else is an error, never a guess.
 */
export function decodeText(bytes: Uint8Array, source: string): Decoded {
  if (bytes.length === 0) throw new EtlError('empty_input', 'file is empty', { stage: 'extract', source });
  if (bytes.length > MAX_TEXT_BYTES) {
    const message = `text is ${(bytes.length / 1048576).toFixed(1)} MB (limit ${MAX_TEXT_BYTES / 1048576} MB)`;
    throw new EtlError('input_too_large', message, { stage: 'extract', source });
  }
  const [b0, b1, b2] = bytes;
  let result: Decoded | null = null;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    const text = tryDecode('utf-8', bytes.subarray(3));
    if (text !== null) result = { text, encoding: 'utf-8-bom' };
  } else if (b0 === 0xff && b1 === 0xfe) {
    const text = tryDecode('utf-16le', bytes.subarray(2));
    if (text !== null) result = { text, encoding: 'utf-16le-bom' };
  } else if (b0 === 0xfe && b1 === 0xff) {
    const text = tryDecode('utf-16be', bytes.subarray(2));
    if (text !== null) result = { text, encoding: 'utf-16be-bom' };
  } else {
    const utf16 = utf16Guess(bytes);
    const candidates: Array<[string, string]> = utf16
      ? [[utf16, utf16]]
      : [
          ['utf-8', 'utf-8'],
          ['euc-kr', 'cp949'],
        ];
    for (const [label, name] of candidates) {
      const text = tryDecode(label, bytes);
      if (text !== null && looksLikeText(text)) {
        result = { text, encoding: name };
        break;
      }
    }
  }
  if (!result) {
    const binary = bytes.subarray(0, 4096).some((b) => b === 0);
    throw binary
      ? new EtlError('binary_input', 'binary content, not a text document', { stage: 'extract', source })
      : new EtlError('unknown_encoding', 'not UTF-8, UTF-16 or CP949 text', { stage: 'extract', source });
  }
  if (!looksLikeText(result.text)) {
    throw new EtlError('binary_input', `decoded as ${result.encoding} but contains control bytes`, {
      stage: 'extract',
      source,
    });
  }
  return result;
}

/**
 * Largest text or CSV document: a report summary is tens of kilobytes, and each input byte costs
 * about ten in the artifacts, which must still read back as one string.
 */
export const MAX_TEXT_BYTES = 64 * 1024 * 1024;

/** Longest line accepted; a longer one is not a report line (and would blow up every later stage). */
export const MAX_LINE_CHARS = 100_000;

/**
 * Most lines accepted: a report has about a thousand. Each line is an object in every artifact
 * (about 100 bytes of JSON each), so 64 MB of line breaks would be gigabytes of artifacts.
 */
export const MAX_LINES = 1_000_000;

/** Line breaks in `text`, counted without splitting it. */
function countBreaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) n++;
  }
  return n;
}

/** Splits on CRLF, LF or CR; a final line break does not start another line. */
export function splitLines(text: string, source: string): string[] {
  if (countBreaks(text) > MAX_LINES) {
    const limit = MAX_LINES.toLocaleString('en');
    const where = { stage: 'extract', source, line: MAX_LINES + 1 };
    throw new EtlError('input_too_large', `more than ${limit} lines (limit ${limit})`, where);
  }
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, i) => {
    if (line.length > MAX_LINE_CHARS) {
      throw new EtlError(
        'line_too_long',
        `line is ${line.length.toLocaleString('en')} characters (limit ${MAX_LINE_CHARS.toLocaleString('en')})`,
        {
          stage: 'extract',
          source,
          line: i + 1,
        },
      );
    }
  });
  return lines;
}
