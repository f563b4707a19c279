import type { Line } from '../schemas/index.js';
import type { Section } from '../schemas/index.js';

export interface Outline {
  readonly sections: Section[];
  /** Innermost section of each line (by index), null before the first heading. */
  readonly sectionOf: ReadonlyArray<string | null>;
  /** Headings, topics and open parent bullets that lead to each line, outermost first. */
  readonly contextOf: ReadonlyArray<readonly string[]>;
}

/**
 * The section tree: chapters, sections, subsections and `○` topics nest by level; a bullet stays
 * open (as context for what follows) until a heading or a shallower bullet closes it.
 */
export function buildOutline(lines: readonly Line[]): Outline {
  const sections: Section[] = [];
  const open: Array<{ section: Section; text: string }> = [];
  let bullets: Array<{ depth: number; text: string }> = [];
  const sectionOf: Array<string | null> = [];
  const contextOf: string[][] = [];
  const close = (level: number, lineNo: number) => {
    while (open.length && open[open.length - 1]!.section.level >= level) {
      const { section } = open.pop()!;
      section.line_end = Math.max(section.line_start, lineNo - 1);
    }
  };
  for (const line of lines) {
    const here = () => [...open.map((o) => o.text), ...bullets.map((b) => b.text)];
    if (line.kind === 'heading' && line.heading) {
      close(line.heading.level, line.line_no);
      bullets = [];
      contextOf.push(here());
      const parent = open[open.length - 1]?.section ?? null;
      const section: Section = {
        section_id: `s${line.line_no}`,
        parent_id: parent?.section_id ?? null,
        level: line.heading.level,
        label: line.heading.label,
        title: line.heading.title,
        title_path: [...(parent?.title_path ?? []), line.heading.title],
        line_start: line.line_no,
        line_end: line.line_no,
      };
      sections.push(section);
      open.push({ section, text: line.text.trimEnd() });
      sectionOf.push(section.section_id);
      continue;
    }
    if (line.kind === 'bullet') {
      const depth = line.depth ?? 1;
      bullets = bullets.filter((b) => b.depth < depth);
      contextOf.push(here());
      bullets.push({ depth, text: line.text.trimEnd() });
    } else {
      contextOf.push(here());
    }
    sectionOf.push(open[open.length - 1]?.section.section_id ?? null);
  }
  close(1, (lines[lines.length - 1]?.line_no ?? 0) + 1);
  return { sections, sectionOf, contextOf };
}
