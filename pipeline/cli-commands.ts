import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EtlError, SourceFormat } from '../schemas/index.js';
import { loadedDocuments, openReadOnly, qualityFindings, readOnlyQuery, type Warehouse } from '../warehouse/index.js';
import { formatCsv, formatJson, formatTable, oneLine, terminalText } from './format-rows.js';
import { loadRegistry } from './registry.js';
import { jsonReporter, lineReporter, quietReporter, ttyReporter, type Reporter } from './progress.js';
import { runPipeline, type RunSummary } from './runner.js';
import { STAGES, type Stage } from './stages.js';

export interface Flags {
  readonly out: string;
  readonly input: string[];
  readonly year?: number;
  readonly publisher?: string;
  readonly format?: string;
  readonly from?: string;
  readonly to?: string;
  readonly force: boolean;
  readonly replace?: boolean;
  readonly concurrency?: number;
  readonly maxWorkerMb?: number;
  readonly quiet: boolean;
  readonly json: boolean;
  readonly registry?: string;
  readonly document?: string;
  readonly xlsx?: string;
  /** `series --region CODE`: one region's values. */
  readonly region?: string;
}

export type Print = (text: string) => void;

const stage = (s: string | undefined, flag: string): Stage | undefined => {
  if (s === undefined) return undefined;
  if (!(STAGES as readonly string[]).includes(s))
    throw new EtlError('usage', `${flag} takes one of ${STAGES.join(', ')}`);
  return s as Stage;
};

/** --from and --to, checked against each other: a range that runs nothing is a mistake, not a no-op. */
function stageRange(flags: Flags): { from?: Stage; to?: Stage } {
  const from = stage(flags.from, '--from');
  const to = stage(flags.to, '--to');
  if (from && to && STAGES.indexOf(from) > STAGES.indexOf(to)) {
    throw new EtlError('usage', `--from ${from} comes after --to ${to}: stages run in the order ${STAGES.join(', ')}`);
  }
  return { from, to };
}

/** --format for the pipeline: a document format, said in words rather than as a ZodError. */
function sourceFormat(format: string | undefined): SourceFormat | undefined {
  if (format === undefined) return undefined;
  const parsed = SourceFormat.safeParse(format);
  if (parsed.success) return parsed.data;
  throw new EtlError('usage', `--format takes ${SourceFormat.options.join(', ')} (not ${oneLine(format)})`);
}

function summarize(s: RunSummary): string {
  const ok = s.documents.filter((d) => d.status === 'ok');
  const sum = (k: 'sections' | 'tables' | 'facts' | 'issues') => ok.reduce((n, d) => n + (d.counts?.[k] ?? 0), 0);
  // what the pipeline doubted is said where it is seen, not only kept in the warehouse
  const issues = sum('issues') ? `, issues ${sum('issues')} (table issues)` : '';
  const lines = [
    `documents ${ok.length}/${s.documents.length}, sections ${sum('sections')}, tables ${sum('tables')}, facts ${sum('facts')}${issues} → ${s.warehouse} (${s.seconds.toFixed(2)} s)`,
    ...s.documents.filter((d) => d.status === 'failed').map((d) => `failed: ${terminalText(d.error ?? '')}`),
  ];
  return lines.join('\n');
}

/** Progress for people on a terminal, plain lines for logs, JSON lines for machines, or nothing. */
function reporterFor(flags: Flags, print: Print, tty: NodeJS.WriteStream | null): Reporter {
  if (flags.quiet) return quietReporter();
  if (flags.json) return jsonReporter(print);
  return tty ? ttyReporter(tty) : lineReporter(print);
}

/** `run`, or one stage (`extract`, `transform`, `load`, `export`) with the same flags. */
export async function runCommand(
  command: string,
  flags: Flags,
  print: Print,
  tty: NodeJS.WriteStream | null = null,
  printErr: Print = print,
): Promise<number> {
  const only = command === 'run' ? undefined : (command as Stage);
  const range = only ? { from: only, to: only } : stageRange(flags);
  const format = sourceFormat(flags.format);
  const summary = await runPipeline({
    out: flags.out,
    inputs: flags.input,
    year: flags.year,
    publisher: flags.publisher,
    format,
    registry: flags.registry,
    ...range,
    force: flags.force,
    replace: flags.replace,
    concurrency: flags.concurrency,
    maxWorkerMb: flags.maxWorkerMb,
    reporter: reporterFor(flags, print, tty),
  });
  if (flags.json) print(JSON.stringify({ type: 'summary', ...summary }));
  else if (!flags.quiet) print(summarize(summary));
  // Quiet still names what failed, on stderr, so a scheduled batch's log says why it exited 1.
  else
    for (const d of summary.documents) if (d.status === 'failed') printErr(`kbiz-etl: ${terminalText(d.error ?? '')}`);
  return summary.documents.some((d) => d.status === 'failed') ? 1 : 0;
}

/** The warehouse in --out, opened so that nothing run on it can write (only the Parquet export is readable besides). */
export async function withWarehouse<T>(flags: Flags, work: (conn: Warehouse['conn']) => Promise<T>): Promise<T> {
  const path = join(flags.out, 'kbiz.duckdb');
  if (!existsSync(path))
    throw new EtlError('not_found', 'no warehouse yet: run `kbiz-etl run` first', { source: path });
  const wh = await openReadOnly(path, { readableDirs: [join(flags.out, 'parquet')] });
  try {
    return await work(wh.conn);
  } finally {
    wh.close();
  }
}

const SQL_FORMATS = ['table', 'csv', 'csv-safe', 'json'];

/** `sql "SELECT …" [--format table|csv|csv-safe|json]`: read statements only. */
export async function sqlCommand(sql: string | undefined, flags: Flags, print: Print): Promise<number> {
  if (!sql) throw new EtlError('usage', 'sql needs a query: kbiz-etl sql "SELECT …"');
  const format = flags.format ?? 'table';
  if (!SQL_FORMATS.includes(format)) {
    throw new EtlError('usage', `sql: --format takes ${SQL_FORMATS.join(', ')} (not ${oneLine(format)})`);
  }
  const { columns, rows } = await withWarehouse(flags, (conn) =>
    readOnlyQuery(conn, sql).catch((e: Error) => {
      if (e instanceof EtlError) throw new EtlError(e.code, `sql: ${e.message}`);
      throw new EtlError('usage', `query failed: ${oneLine(e.message.split('\n')[0])}`);
    }),
  );
  if (format === 'json') print(formatJson(rows));
  else if (format === 'table') print(formatTable(columns, rows));
  else print(formatCsv(columns, rows, { spreadsheetSafe: format === 'csv-safe' }));
  return 0;
}

/** `check`: the arithmetic findings per table, failures first. */
export async function checkCommand(flags: Flags, print: Print): Promise<number> {
  const { rows } = await withWarehouse(flags, qualityFindings);
  if (flags.json) print(formatJson(rows));
  else print(formatTable(['document_id', 'table_id', 'title', 'checks', 'failed', 'findings'], rows));
  return 0;
}

/** `sources`: the registry and what the warehouse holds of each document. */
export async function sourcesCommand(flags: Flags, print: Print): Promise<number> {
  const registered = loadRegistry(flags.registry);
  const path = join(flags.out, 'kbiz.duckdb');
  const loaded = new Map<string, Record<string, unknown>>();
  if (existsSync(path)) {
    await withWarehouse(flags, async (conn) => {
      const { rows } = await loadedDocuments(conn).catch(() => ({ rows: [] as never[] }));
      for (const r of rows) loaded.set(String(r.document_id), r);
    });
  }
  const rows = registered.map(({ entry }) => {
    const l = loaded.get(entry.document_id);
    const status = !l ? 'not loaded' : l.source_sha256 === entry.sha256 ? 'loaded' : 'stale (source changed)';
    return {
      document_id: entry.document_id,
      report_year: entry.report_year,
      format: entry.format,
      path: entry.path,
      status,
      facts: l?.facts ?? null,
      loaded_at: l?.loaded_at ?? null,
    };
  });
  print(
    flags.json
      ? formatJson(rows)
      : formatTable(['document_id', 'report_year', 'format', 'path', 'status', 'facts', 'loaded_at'], rows),
  );
  return 0;
}
