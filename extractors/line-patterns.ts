/** Line shapes of KBIZ reports, each a small named matcher so that a layout change touches one. */

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10 };
const ROMAN_CHARS = 'ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ';

/** `I`, `IV`, `Ⅲ` → the canonical ASCII numeral, or null when not a numeral. */
export function romanLabel(token: string): string | null {
  const idx = ROMAN_CHARS.indexOf(token);
  if (token.length === 1 && idx >= 0) return toRoman(idx + 1);
  if (!/^[IVX]{1,5}$/.test(token)) return null;
  let n = 0;
  for (let i = 0; i < token.length; i++) {
    const v = ROMAN[token[i]!]!;
    const next = ROMAN[token[i + 1] ?? ''] ?? 0;
    n += v < next ? -v : v;
  }
  return n > 0 && n <= 20 && toRoman(n) === token ? token : null;
}

function toRoman(n: number): string {
  const parts: Array<[number, string]> = [
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of parts)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}

export interface HeadingMatch {
  readonly level: 1 | 2 | 3 | 4;
  readonly label: string;
  readonly title: string;
}

/** `II 중소기업 …`, `III . 중소기업 공제 사업`, `Ⅳ. …`, `제3장 중소기업 공제 사업` */
export function matchChapter(text: string): HeadingMatch | null {
  const m = /^\s*([IVX]{1,5}|[Ⅰ-Ⅻ])\s*[.．]?\s+(\S.*?)\s*$/.exec(text);
  if (m) {
    const label = romanLabel(m[1]!);
    return label ? { level: 1, label, title: m[2]! } : null;
  }
  const chapter = /^\s*제\s*(\d{1,2})\s*장\s*[.．]?\s*(\S.*?)\s*$/.exec(text);
  return chapter && Number(chapter[1]) > 0
    ? { level: 1, label: toRoman(Number(chapter[1])), title: chapter[2]! }
    : null;
}

/** `1. 중소기업 조직화 제고`; a year (`2021. 2`) or a date (`3.17~31`) is not a section. */
export function matchSection(text: string): HeadingMatch | null {
  const m = /^\s*(\d{1,2})\s*\.\s*([^\d\s.~·,)].*?)\s*$/.exec(text);
  if (!m || Number(m[1]) === 0) return null;
  return { level: 2, label: m[1]!, title: m[2]! };
}

/**
 * `1) 협동조합 관련 제도개선 추진`, also written as a bullet (`- 1) 명문장수기업 확인제도 운영`),
 * and the Korean ordinals some years use at this level: `가. …`, `나) …`.
 */
export function matchSubsection(text: string): HeadingMatch | null {
  const m = /^\s*(?:[-–]\s*)?(\d{1,2})\s*\)\s*(\S.*?)\s*$/.exec(text);
  if (m && Number(m[1]) > 0) return { level: 3, label: `${m[1]})`, title: m[2]! };
  const k = /^\s*([가나다라마바사아자차카타파하])\s*([.)])\s+(\S.*?)\s*$/.exec(text);
  return k ? { level: 3, label: `${k[1]}${k[2]}`, title: k[3]! } : null;
}

/** `○ 협동조합 운영 지도`: the report's topics, which tell look-alike tables apart. */
export function matchTopic(text: string): HeadingMatch | null {
  const m = /^\s*(?:([○◯◦□■])\s*|ㅇ\s+)(\S.*?)\s*$/.exec(text);
  return m ? { level: 4, label: m[1] ?? '○', title: m[2]! } : null;
}

/** `- text` (depth 1) and ` - text` (depth 2): indentation sets the depth. */
export function matchBullet(text: string): { depth: number; body: string } | null {
  const m = /^(\s*)([-–·•▪∙ㆍ‧▶►➢])\s*(\S.*?)?\s*$/.exec(text);
  if (!m) return null;
  const indent = m[1]!.replace(/\t/g, '  ').length;
  return { depth: indent === 0 ? 1 : indent <= 2 ? 2 : 3, body: m[3] ?? '' };
}

/** `〈 회원 현황 ('20. 12월말 기준) 〉`, `< … >`, `【 … 】`, `[ … ]` on a line of its own, or `<표 3> 회원 현황`. */
export function matchCaption(text: string): string | null {
  const m = /^\s*[〈<《【［\[]\s*(.*?)\s*[〉>》】］\]]\s*$/.exec(text);
  if (m && m[1]) return m[1];
  const numbered = /^\s*[〈<《【［\[]\s*표\s*\d+(?:[-.]\d+)*\s*[〉>》】］\]]\s*(\S.*?)\s*$/.exec(text);
  return numbered ? numbered[1]! : null;
}

const UNIT_WORD =
  /^(?:천|만|백만|천만|억|조)?(?:원|불|달러|\$)$|^(?:건|개|개사|곳|명|회|부|일|차수|과정|업체|조합|%|%p|배|개소|개국|종|편|톤)$/;

/** `(단위 : 건, 억원)`, `[단위: 억원]` or a parenthesised list ending in units: `(‘18.3.19~현재, 건·억원)`. */
export function matchUnitNote(text: string): boolean {
  if (/^\s*단\s*위\s*[:：]\s*\S/.test(text) && text.trim().length <= 40) return true;
  const m = /^\s*[(（[［](.*)[)）\]］]\s*$/.exec(text);
  if (!m) return false;
  const inner = m[1]!.trim();
  if (/^단\s*위\s*[:：]?/.test(inner)) return true;
  const last = inner.split(/[,，]/).pop()!.trim();
  const words = last.split(/[·・/\s]+/).filter(Boolean);
  return words.length > 0 && words.every((w) => UNIT_WORD.test(w));
}

/** Table-of-contents entry: a heading followed by a tab (or dot leaders) and a page number. */
export function matchTocEntry(text: string): { text: string; page: number } | null {
  const m = /^([^\t]*\S)\s*(?:\t+|\s*[.·…]{3,}\s*)(\d{1,3})\s*$/.exec(text);
  if (!m || !m[1]!.trim()) return null;
  return { text: m[1]!.trim(), page: Number(m[2]) };
}

export const isTocHeader = (text: string): boolean => /^\s*(목\s*차|차\s*례|contents)\s*$/i.test(text);

/** A heading's words without spacing or punctuation, to match body headings with the TOC. */
export const headingKey = (title: string): string => title.replace(/[\s.·,()]/g, '');
