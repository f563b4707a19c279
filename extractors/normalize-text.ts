/**
 * One spelling per character the parser reads, so that a report typed on another keyboard or
 * saved by another program gives the same facts: decomposed Hangul (NFD, as macOS file systems
 * and some PDFs hand it out), full-width digits and letters, invisible characters inside words
 * and numbers, and look-alike minus, tilde and middle-dot signs. Not NFKC: that would also
 * rewrite what the vocabulary reads as written (`ㆍ` bullets, `㈜`, `Ⅲ`).
 */

/**
 * Zero-width spaces and joiners, direction marks, word joiner and invisible operators, BOM, soft hyphen; and
 * private-use glyphs (a font's own bullets and boxed numerals: the word processor's U+F02B1, a PDF's U+F000),
 * which no reader can tell apart, so that the same cell reads alike in every format.
 */
const INVISIBLE = /[\u00AD\u200B-\u200F\u2060-\u2064\uFEFF\uE000-\uF8FF\u{F0000}-\u{10FFFD}]/gu;

/** Look-alikes folded to the one form that line-patterns.ts and vocabulary/ match. */
const LOOK_ALIKE: Readonly<Record<string, string>> = {
  '\u00A0': ' ', // no-break space
  '\u3000': ' ', // ideographic (full-width) space
  '\u2010': '-', // hyphen
  '\u2011': '-', // non-breaking hyphen
  '\u2212': '-', // minus sign
  '\uFE63': '-', // small hyphen-minus
  '\u301C': '~', // wave dash
  '\u223C': '~', // tilde operator
  '\u30FB': '·', // katakana middle dot
  '\uFF65': '·', // half-width katakana middle dot
  '\u2219': '·', // bullet operator
  '\u2027': '·', // hyphenation point
  '\u22C5': '·', // dot operator
};

/** Full-width ASCII (U+FF01–U+FF5E: `０`–`９`, `Ａ`, `，．（）％～`) or one of the look-alikes. */
const FOLDABLE = new RegExp(`[\\uFF01-\\uFF5E${Object.keys(LOOK_ALIKE).join('')}]`, 'g');

const fold = (c: string): string => LOOK_ALIKE[c] ?? String.fromCharCode(c.charCodeAt(0) - 0xfee0);

/**
 * A line as the parser should read it: invisible characters removed (first, so that they do not
 * keep decomposed jamo apart), NFC, then full-width and look-alike characters folded. Tabs and
 * ASCII are never touched, so cells and their count stay as written.
 *
 * @example normalizeLine('１,４９５\u200B건') // '1,495건'
 */
export function normalizeLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\u0000-\u007f]/.test(text)) return text;
  return text.replace(INVISIBLE, '').normalize('NFC').replace(FOLDABLE, fold);
}
