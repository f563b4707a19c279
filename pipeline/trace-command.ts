import { EtlError } from '../schemas/index.js';
import { neighbourCells, traceFact, type Rows } from '../warehouse/index.js';
import { withWarehouse, type Flags, type Print } from './cli-commands.js';
import { formatJson, oneLine } from './format-rows.js';

type Row = Readonly<Record<string, unknown>>;
const t = (v: unknown) => oneLine(v ?? '');
const path = (v: unknown) => (Array.isArray(v) ? v.map(t).join(' › ') : '');

/** The fact's row (its own cell in brackets) and the header cells of its column. */
function neighbourLines(cells: Rows): string[] {
  if (!cells.length) return [];
  const header = cells.filter((c) => c.in_col && !c.in_row).map((c) => t(c.raw_text));
  const row = cells.filter((c) => c.in_row).map((c) => (c.in_col ? `[${t(c.raw_text)}]` : t(c.raw_text)));
  return [`  column ${header.join(' › ')}`, `  row ${row.join(' │ ')}`];
}

/** What gives the fact its meaning: section path, table (title, unit note) or prose subject, unit source, metric. */
function contextLines(r: Row): string[] {
  const where = r.table_id
    ? `  table ${t(r.table_id)} ${t(r.table_title)}${r.unit_note ? ` ${t(r.unit_note)}` : ''}`
    : `  prose ${t(r.subject)}`;
  const names = [r.metric_name_ko, r.metric_name_en].filter(Boolean).map(t).join(' | ');
  return [
    `  section ${path(r.section_path)}`,
    where,
    `  unit ${t(r.unit_raw) || '(none)'} read from ${t(r.unit_source)}`,
    `  metric ${t(r.metric_id)} ${names} (${t(r.measure_kind)})`,
  ];
}

/** A traced fact for the terminal: every value from the report on one line, without control characters. */
function traceText(r: Row, cells: Rows): string {
  const labels = (v: unknown) => t(JSON.stringify(v));
  const where = `${t(r.source_path)}:${r.line_no}${r.page ? ` (page ${r.page})` : ''} [${t(r.kind)}]`;
  return [
    `${where} ${t(r.raw_text)} → ${t(r.value)} ${t(r.unit_raw)} = ${t(r.value_base)} ${t(r.base_unit)}`,
    `  rows ${labels(r.row_labels)} cols ${labels(r.col_labels)}`,
    `  ${String(r.text).split('\t').map(t).join(' │ ')}`,
    ...contextLines(r),
    ...neighbourLines(cells),
  ].join('\n');
}

/** `trace FACT_ID [--document ID]`: the fact, the source line it came from, and what surrounds it. */
export async function traceCommand(factId: string | undefined, flags: Flags, print: Print): Promise<number> {
  if (!factId) throw new EtlError('usage', 'trace needs a fact id: kbiz-etl trace t58-r1c1');
  const traced = await withWarehouse(flags, async (conn) => {
    const { rows } = await traceFact(conn, factId, flags.document);
    const out: Array<{ fact: Row; cells: Rows }> = [];
    for (const fact of rows) out.push({ fact, cells: await neighbourCells(conn, String(fact.document_id), factId) });
    return out;
  });
  if (!traced.length) throw new EtlError('not_found', `no fact ${factId}`);
  if (flags.json) print(formatJson(traced.map(({ fact, cells }) => ({ ...fact, neighbours: cells }))));
  else for (const { fact, cells } of traced) print(traceText(fact, cells));
  return 0;
}
