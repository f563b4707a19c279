import type { ExtractedDocument, Issue } from '../schemas/index.js';
import type { MetricCatalog } from '../schemas/index.js';
import type { Cell, FactDraft, NormalizedDocument, QualityCheck, ReportTable } from '../schemas/index.js';
import { append, maxOf } from './array-bounds.js';
import { assignMetrics } from './metrics/assign-metrics.js';
import { buildOutline } from './outline.js';
import { auditFacts } from './audit/audit-facts.js';
import { totalsByTable } from './audit/prose-parts.js';
import { auditFormulas, auditTable } from './audit/quality.js';
import { proseFacts } from './prose/prose-facts.js';
import { tableContext } from './tables/table-context.js';
import { tableFacts } from './tables/table-facts.js';
import { modelTable } from './tables/table-structure.js';

/**
 * The transform stage: outline, structured tables, facts from tables and prose, date mentions and
 * the arithmetic audit, and each fact's metric (named by `catalog` where it curates the key).
 * Pure: the same extracted artifact and catalog always give the same result.
 */
export function normalize(doc: ExtractedDocument, catalog: MetricCatalog = []): NormalizedDocument {
  const issues: Issue[] = [...doc.issues];
  const outline = buildOutline(doc.lines);
  const index = new Map(doc.lines.map((l, i) => [l.line_no, i]));
  const tables: ReportTable[] = [];
  const cells: Cell[] = [];
  const drafts: FactDraft[] = [];
  const quality_checks: QualityCheck[] = [];
  const tableDates: NormalizedDocument['date_mentions'] = [];
  for (const table of doc.tables) {
    const at = index.get(table.line_start)!;
    const context = tableContext(doc.lines, table);
    const model = modelTable(table);
    const section_id = outline.sectionOf[at] ?? null;
    const context_path = [...(outline.contextOf[at] ?? [])];
    tables.push({
      table_id: table.table_id,
      section_id,
      title: context.title,
      context_path,
      unit_note: context.unit_note,
      header_row_count: model.header_row_count,
      row_count: table.rows.length,
      col_count: maxOf(table.rows.map((r) => r.cells.length)),
      line_start: table.line_start,
      line_end: table.line_end,
    });
    table.rows.forEach((row, r) =>
      row.cells.forEach((raw_text, c) =>
        cells.push({
          table_id: table.table_id,
          row_index: r,
          col_index: c,
          line_no: row.line_no,
          raw_text,
          role: model.roles[r]![c]!,
        }),
      ),
    );
    const report_year = doc.document.report_year;
    const found = tableFacts({ table, model, context, section_id, context_path, report_year }, issues, tableDates);
    append(drafts, found);
    append(quality_checks, auditTable(table.table_id, found));
    append(quality_checks, auditFormulas(table.table_id, found));
  }
  const prose = proseFacts(
    {
      lines: doc.lines,
      sectionOf: outline.sectionOf,
      contextOf: outline.contextOf,
      report_year: doc.document.report_year,
      tableTotals: totalsByTable(drafts),
    },
    issues,
  );
  append(drafts, prose.facts);
  const report_year = doc.document.report_year;
  const { facts, metrics } = assignMetrics({ facts: drafts, tables, sections: outline.sections, report_year, catalog });
  append(quality_checks, auditFacts(facts, prose.totals));
  return {
    artifact: 'normalized',
    pipeline_version: doc.pipeline_version,
    input_sha256: doc.input_sha256,
    document: { ...doc.document, line_count: doc.lines.length, encoding: doc.encoding },
    lines: doc.lines.map((l, i) => ({
      line_no: l.line_no,
      page: l.page,
      text: l.verbatim ?? l.text,
      kind: l.kind,
      section_id: outline.sectionOf[i] ?? null,
      table_id: l.table_id,
    })),
    sections: outline.sections,
    tables,
    cells,
    facts,
    date_mentions: [...prose.dates, ...tableDates].sort((a, b) => a.line_no - b.line_no),
    quality_checks,
    metrics,
    issues,
  };
}
