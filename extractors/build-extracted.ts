import type { DocumentMeta, ExtractedDocument, Issue, Line, RawTable, RowSpread } from '../schemas/index.js';
import { EtlError } from '../schemas/index.js';
import { outOfRangeAt } from '../vocabulary/index.js';
import { checkCells } from './cell-caps.js';
import { classifyLines, type LineClass } from './classify-lines.js';
import type { SourceRef } from './extractor.js';
import { normalizeLine } from './normalize-text.js';
import { splitTsvRows } from './tsv-grid.js';

export interface PageLine {
  readonly text: string;
  readonly page: number | null;
  /** A PDF's running header or footer, moved after the content: kept, but holds no facts. */
  readonly furniture?: boolean;
  /** A table row's cells that repeat a merged cell spread over them (formats with merges). */
  readonly spread?: RowSpread;
}

const indexesOf = (flags: readonly boolean[]): number[] => flags.flatMap((f, c) => (f ? [c] : []));

/** A row's spread marks from per-cell flags (copies of a merged cell begun to the left, or above); none if none. */
export function rowSpread(left: readonly boolean[], above: readonly boolean[]): RowSpread | undefined {
  const [l, a] = [indexesOf(left), indexesOf(above)];
  if (!l.length && !a.length) return undefined;
  return { ...(l.length ? { left: l } : {}), ...(a.length ? { above: a } : {}) };
}

/** Groups consecutive table rows into raw grids; the table id is its first line. */
export function groupTables(
  lines: readonly Line[],
  issues: Issue[],
  spreadAt: (line_no: number) => RowSpread | undefined = () => undefined,
): RawTable[] {
  const tables: RawTable[] = [];
  let run: Line[] = [];
  const flush = () => {
    if (!run.length) return;
    const table_id = `t${run[0]!.line_no}`;
    const cells = splitTsvRows(run.map((l) => l.text));
    const rows = run.map((l, i) => {
      const spread = spreadAt(l.line_no);
      return { line_no: l.line_no, cells: cells[i] ?? [l.text], ...(spread ? { spread } : {}) };
    });
    const widths = new Set(rows.map((r) => r.cells.length));
    const quoted = rows.find((r) => r.cells.some((c) => (c.match(/"/g)?.length ?? 0) % 2 === 1));
    if (quoted) {
      issues.push({
        code: 'stray_quote',
        message: `table ${table_id}: an unpaired " kept as text (quotes do not join cells or lines)`,
        line_no: quoted.line_no,
      });
    }
    if (widths.size > 1) {
      issues.push({
        code: 'ragged_table',
        message: `table ${table_id} has rows of ${[...widths].sort((a, b) => a - b).join(', ')} cells`,
        line_no: run[0]!.line_no,
      });
    }
    tables.push({ table_id, line_start: run[0]!.line_no, line_end: run[run.length - 1]!.line_no, rows });
    run.forEach((l) => ((l as { table_id: string | null }).table_id = table_id));
    run = [];
  };
  for (const line of lines) {
    if (line.kind === 'table_row') run.push(line);
    else flush();
  }
  flush();
  return tables;
}

const YEAR_IN_TITLE = /((?:19|20)\d{2})\s*년/;

/**
 * A cover line as a title: tabs and runs of spaces separate words, and a word the cover spaced
 * out letter by letter (`2 0 2 1 년 도   사 업 보 고`) is joined (`2021년도 사업보고`).
 */
export function titleText(line: string): string {
  const words = line.trim().split(/\t+|\s{2,}/);
  const joined = words.map((w) => {
    const letters = w.split(' ');
    return letters.length >= 2 && letters.every((l) => [...l].length === 1) ? letters.join('') : w;
  });
  return joined.join(' ').replace(/\s+/g, ' ').trim();
}

/** Title, report year and publication month read off the cover, falling back to what the caller knew. */
function describe(ref: SourceRef, lines: readonly Line[], format: DocumentMeta['source_format']): DocumentMeta {
  const cover = lines.filter((l) => l.kind === 'title').map((l) => titleText(l.text));
  // `2020년도 사업보고 요약` beats a sheet name or a publisher line that merely says 보고
  const title =
    cover.find((t) => YEAR_IN_TITLE.test(t) && /보고|report/i.test(t)) ??
    cover.find((t) => /사업\s*보고|보고서|report/i.test(t)) ??
    cover[0] ??
    ref.title;
  const yearInTitle = [title, ...cover].map((t) => (t ? YEAR_IN_TITLE.exec(t)?.[1] : undefined)).find(Boolean);
  const report_year = ref.report_year ?? (yearInTitle ? Number(yearInTitle) : undefined);
  if (!report_year) {
    throw new EtlError('no_report_year', 'no report year in the title (pass --year YYYY)', {
      stage: 'extract',
      source: ref.source_path,
    });
  }
  const month = cover.map((t) => /^((?:19|20)\d{2})\s*[.년-]\s*(\d{1,2})\s*[.월]?\s*$/.exec(t)).find(Boolean);
  const published_on = month ? `${month[1]}-${month[2]!.padStart(2, '0')}` : (ref.published_on ?? null);
  return {
    document_id: ref.document_id,
    publisher: ref.publisher,
    title: title ?? `${report_year}년도 사업보고`,
    report_year,
    published_on,
    source_format: format,
    source_path: ref.source_path,
    source_sha256: ref.source_sha256,
  };
}

/**
 * What normalization changed (one issue: nothing changes silently) and numbers too large to be
 * facts (one issue each, with the line).
 */
function textIssues(pageLines: readonly PageLine[], texts: readonly string[]): Issue[] {
  const issues: Issue[] = [];
  const changed = texts.flatMap((t, i) => (t !== pageLines[i]!.text ? [i + 1] : []));
  if (changed.length) {
    const what = 'NFC; full-width, look-alike and invisible characters';
    const message = `${changed.length} line(s) read in normalized form (${what}); source_lines keep them as written`;
    issues.push({ code: 'text_normalized', message, line_no: changed[0]! });
  }
  texts.forEach((t, i) => {
    const at = outOfRangeAt(t);
    if (at >= 0) {
      const digits = /^[\d,.]+/.exec(t.slice(at))![0].replace(/,/g, '').split('.')[0]!.length;
      const message = `a number of ${digits} digits is too large to be a fact (read as text)`;
      issues.push({ code: 'number_out_of_range', message, line_no: i + 1 });
    }
  });
  return issues;
}

/** Lines with page numbers (from any format) → the extracted artifact: kinds, headings, grids. */
export function buildExtracted(
  ref: SourceRef,
  pageLines: readonly PageLine[],
  meta: { format: DocumentMeta['source_format']; encoding: string; pipeline_version: string; issues?: Issue[] },
): ExtractedDocument {
  const issues: Issue[] = [...(meta.issues ?? [])];
  const texts = pageLines.map((l) => normalizeLine(l.text));
  checkCells(texts, ref.source_path);
  const classes: LineClass[] = classifyLines(texts);
  checkCells(texts, ref.source_path, (i) => classes[i]!.kind === 'table_row');
  issues.push(...textIssues(pageLines, texts));
  const lines: Line[] = pageLines.map((l, i) => ({
    line_no: i + 1,
    page: l.page,
    text: texts[i]!,
    ...(texts[i] !== l.text ? { verbatim: l.text } : {}),
    kind: classes[i]!.kind,
    ...(classes[i]!.depth ? { depth: classes[i]!.depth } : {}),
    ...(classes[i]!.heading ? { heading: classes[i]!.heading } : {}),
    ...(classes[i]!.body !== undefined ? { body: classes[i]!.body } : {}),
    ...(l.furniture ? { furniture: true } : {}),
    table_id: null,
  }));
  const tables = groupTables(lines, issues, (line_no) => pageLines[line_no - 1]!.spread);
  return {
    artifact: 'extracted',
    pipeline_version: meta.pipeline_version,
    input_sha256: ref.source_sha256,
    document: describe(ref, lines, meta.format),
    encoding: meta.encoding,
    lines,
    tables,
    issues,
  };
}
