import type { Line, RawTable } from '../../schemas/index.js';

export interface TableContext {
  readonly title: string;
  readonly caption: string | null;
  readonly unit_note: string | null;
  /** Lines that introduce the table (its caption or lead-in line and the innermost heading): their quantities can name its unit. */
  readonly intro: readonly string[];
}

const stripMarker = (line: Line): string =>
  line.heading ? line.heading.title : line.kind === 'bullet' ? (line.body ?? line.text.trim()) : line.text.trim();

/**
 * Title, caption and unit note of a table, read backwards from its first row to the line that
 * introduces it (a caption, a bullet, a heading): never further than the previous table.
 */
export function tableContext(lines: readonly Line[], table: RawTable): TableContext {
  let caption: string | null = null;
  let unit_note: string | null = null;
  let lead: Line | null = null;
  let heading: Line | null = null;
  for (let i = table.line_start - 2; i >= 0; i--) {
    const line = lines[i]!;
    if (line.kind === 'table_row') break;
    if (line.kind === 'blank') continue;
    if (line.kind === 'unit_note') {
      unit_note ??= line.text.trim();
      continue;
    }
    if (line.kind === 'caption') {
      caption ??= line.body ?? null;
      continue;
    }
    if (line.kind === 'heading') {
      heading = line;
      break;
    }
    if (line.kind === 'title' || line.kind === 'toc') break;
    lead ??= line;
    if (caption) break;
  }
  if (!heading) {
    for (let i = table.line_start - 2; i >= 0 && !heading; i--) {
      const line = lines[i]!;
      if (line.kind === 'heading') heading = line;
      // A second block under one caption (two tables on one sheet) shares that caption.
      else if (!caption && !lead && line.kind === 'caption') caption = line.body ?? null;
    }
  }
  const intro = [caption, lead && stripMarker(lead), heading && stripMarker(heading)].filter((t): t is string => !!t);
  const title =
    caption ?? (lead ? stripMarker(lead) : heading ? stripMarker(heading) : `table at line ${table.line_start}`);
  // a unit note may also ride on the caption or the lead line: `운용현황 (단위 : 억원, %)`
  const inline = [caption, lead?.text.trim()].find((t) => t && /[(（[]\s*단\s*위\s*[:：]/.test(t)) ?? null;
  return { title, caption, unit_note: unit_note ?? inline, intro };
}
