import { resolveRegion } from './regions.js';

/** Index of the `(` that encloses `pos`, or -1. */
function enclosingParen(text: string, pos: number): number {
  let depth = 0;
  for (let i = pos - 1; i >= 0; i--) {
    if (text[i] === ')' || text[i] === '）') depth++;
    else if (text[i] === '(' || text[i] === '（') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

const clean = (s: string) => s.replace(/^[\s\-–·•*※○◦]+|[\s,:·]+$/g, '').replace(/\s+/g, ' ').trim();
/** The last clause of `text`: after the last comma, colon or bracket at its own depth. */
const lastClause = (text: string) => clean(text.slice(Math.max(text.lastIndexOf(','), text.lastIndexOf(')'), text.lastIndexOf(':')) + 1));
const COUNTED = /^\s*([가-힣A-Za-z]+)/;

/**
 * The phrase a number belongs to: for `총회 개최지도(결산수리 764회)` it is `총회 개최지도 결산수리`;
 * for `협동조합 컨설팅지원단 운영 : 384개 조합` it is `협동조합 컨설팅지원단 운영 / 조합`.
 */
export function subjectOf(text: string, start: number, end: number, unit_raw: string | null): string | null {
  const paren = enclosingParen(text, start);
  const scope = paren >= 0 ? text.slice(paren + 1, start) : text.slice(0, start);
  let phrase = lastClause(scope);
  if (paren >= 0) {
    const outer = lastClause(text.slice(0, paren));
    phrase = clean(`${outer} ${phrase}`);
  } else {
    const colon = scope.lastIndexOf(':');
    if (colon >= 0 && !scope.slice(colon).includes(',')) phrase = phrase || clean(scope.slice(0, colon));
    else if (colon >= 0) phrase = clean(`${lastClause(scope.slice(0, colon))} ${phrase}`);
  }
  const noun = unit_raw === '개' ? COUNTED.exec(text.slice(end))?.[1] : undefined;
  if (!phrase) phrase = clean(text.slice(end).split(/[,()]/)[0] ?? '');
  const subject = noun && !phrase.startsWith(noun) ? `${phrase} / ${noun}` : phrase;
  return subject || null;
}

/** A region named right before the bracket around a number (`서울(200백만원)`) or in its clause (`대구경북 방역물품 1.3억원`). */
export function regionOf(text: string, start: number): string | null {
  const paren = enclosingParen(text, start);
  if (paren >= 0) {
    const word = /([가-힣·\s]+)$/.exec(text.slice(0, paren))?.[1]?.trim().split(/\s+/).pop();
    const code = word ? resolveRegion(word) : null;
    if (code) return code;
  }
  const clause = text.slice(0, start).split(/[,(:]/).pop() ?? '';
  for (const word of clause.split(/\s+/)) {
    const code = word ? resolveRegion(word) : null;
    if (code) return code;
  }
  return null;
}
