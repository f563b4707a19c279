import type { HeadingInfo, LineKind } from '../schemas/index.js';
import {
  headingKey,
  isTocHeader,
  matchBullet,
  matchCaption,
  matchChapter,
  matchSection,
  matchSubsection,
  matchTocEntry,
  matchTopic,
  matchUnitNote,
} from './line-patterns.js';

export interface LineClass {
  readonly kind: LineKind;
  readonly depth?: number;
  readonly heading?: HeadingInfo;
  /** A bullet's text without its marker, a caption's title without its brackets. */
  readonly body?: string;
}

const isBlank = (t: string) => t.trim() === '';
/** A line with a tab and two or more filled cells: a table row, not prose with a stray tab. */
const isGridLine = (t: string) => t.includes('\t') && t.split('\t').filter((c) => c.trim()).length >= 2;

/** Where the table of contents is: its header line (if any) and its entry lines. */
function findToc(texts: readonly string[]): { start: number; end: number } | null {
  const header = texts.findIndex(isTocHeader);
  let start = header;
  if (start < 0) {
    // No header: the first run of three or more `title<TAB>page` lines near the top.
    const headingEntry = (t: string) => {
      const e = matchTocEntry(t);
      return !!e && !!(matchChapter(e.text) ?? matchSection(e.text));
    };
    start = texts.findIndex((t, i) => i < 200 && [0, 1, 2].every((k) => headingEntry(texts[i + k] ?? '')));
    if (start < 0) return null;
  }
  let end = start;
  for (let i = start + 1; i < texts.length; i++) {
    const t = texts[i]!;
    if (matchTocEntry(t)) end = i;
    else if (!isBlank(t)) break;
  }
  return end > start || header >= 0 ? { start, end } : null;
}

/** Chapter titles listed in the TOC, keyed by their spacing-free words, so a body heading without its numeral is still a chapter. */
function tocChapters(texts: readonly string[], toc: { start: number; end: number } | null): Map<string, string> {
  const chapters = new Map<string, string>();
  if (!toc) return chapters;
  for (let i = toc.start; i <= toc.end; i++) {
    const entry = matchTocEntry(texts[i]!);
    const chapter = entry && matchChapter(entry.text);
    if (chapter) chapters.set(headingKey(chapter.title), chapter.label);
  }
  return chapters;
}

function chapterFromToc(text: string, chapters: Map<string, string>): HeadingInfo | undefined {
  const key = headingKey(text);
  if (key.length < 4 || text.length > 80) return undefined;
  for (const [title, label] of chapters) {
    const shorter = Math.min(title.length, key.length);
    if (
      key === title ||
      ((title.startsWith(key) || key.startsWith(title)) && shorter >= 0.8 * Math.max(title.length, key.length))
    ) {
      return { level: 1, label, title: text.trim() };
    }
  }
  return undefined;
}

function nextNonBlank(texts: readonly string[], i: number): string | undefined {
  for (let j = i + 1; j < texts.length; j++) if (!isBlank(texts[j]!)) return texts[j];
  return undefined;
}

function classifyBody(texts: readonly string[], i: number, chapters: Map<string, string>): LineClass {
  const text = texts[i]!;
  if (isBlank(text)) return { kind: 'blank' };
  if (text.includes('\t') && (isGridLine(text) || isGridLine(texts[i - 1] ?? '') || isGridLine(texts[i + 1] ?? ''))) {
    return { kind: 'table_row' };
  }
  const heading = matchChapter(text) ?? matchSection(text) ?? matchSubsection(text) ?? matchTopic(text);
  if (heading) return { kind: 'heading', heading };
  if (matchUnitNote(text)) {
    const next = nextNonBlank(texts, i) ?? '';
    if (next.includes('\t') || matchCaption(next) || /단\s*위/.test(text)) return { kind: 'unit_note' };
  }
  const caption = matchCaption(text);
  if (caption) return { kind: 'caption', body: caption };
  const bullet = matchBullet(text);
  if (bullet) return { kind: 'bullet', depth: bullet.depth, body: bullet.body };
  const chapter = isBlank(texts[i - 1] ?? '') ? chapterFromToc(text, chapters) : undefined;
  if (chapter) return { kind: 'heading', heading: chapter };
  return { kind: 'text' };
}

/**
 * Gives every line one contract kind. The cover (before the TOC) is `title`; the TOC is `toc`;
 * body lines are recognised by shape, never by position, so other years' layouts classify alike.
 */
export function classifyLines(texts: readonly string[]): LineClass[] {
  const toc = findToc(texts);
  const chapters = tocChapters(texts, toc);
  const bodyStart = toc ? toc.end + 1 : firstHeading(texts);
  return texts.map((text, i): LineClass => {
    if (toc && i >= toc.start && i <= toc.end) return { kind: isBlank(text) ? 'blank' : 'toc' };
    if (i < bodyStart && (!toc || i < toc.start)) return { kind: isBlank(text) ? 'blank' : 'title' };
    return classifyBody(texts, i, chapters);
  });
}

/**
 * Without a TOC, the cover ends where the first chapter or section heading begins; with no
 * heading at all, a first line that reads like a title (`2021년도 사업보고`) is the cover.
 */
function firstHeading(texts: readonly string[]): number {
  const i = texts.findIndex((t) => matchChapter(t) || (matchSection(t) && !/^\s*\d{4}/.test(t)));
  if (i >= 0) return i;
  const first = texts.findIndex((t) => !isBlank(t));
  return first >= 0 && !texts[first]!.includes('\t') && /보고|(?:19|20)\d{2}\s*년/.test(texts[first]!) ? first + 1 : 0;
}
