#!/usr/bin/env node
import { terminalText } from './format-rows.js';
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EtlError } from '../schemas/index.js';
import type { Flags } from './cli-commands.js';

export const HELP = `kbiz-etl — KBIZ annual business report summaries → DuckDB + Parquet

usage:
  kbiz-etl run [--input FILE …] [--year YYYY] [--out DIR] [--from STAGE] [--to STAGE] [--force] [--concurrency N]
  kbiz-etl extract|transform|load|export [same flags]   one stage, from the previous stage's artifact
  kbiz-etl export --xlsx FILE [--table ID …] [--force]   the report's tables as a workbook, shaped as printed
  kbiz-etl report [--out DIR]   a static HTML report with charts in <out>/report/index.html
  kbiz-etl sql "SELECT …" [--format table|csv|csv-safe|json]   read statements only
  kbiz-etl check          arithmetic findings per table
  kbiz-etl sources        registered documents and their load status
  kbiz-etl trace FACT_ID [--document ID]   a fact's source line, section, table, unit, metric and neighbouring cells
  kbiz-etl find TEXT      metrics, then facts, whose names, labels, titles or lines hold TEXT (spacing ignored)
  kbiz-etl series METRIC [--region CODE]   a metric's values by period (METRIC: its id, or a text as for find)
  kbiz-etl diff REPORT_A REPORT_B   metrics new in B, gone from B, and values B restates (ids or report years)
  kbiz-etl describe [TABLE]   every table and view, or one's columns, in Korean and English

options:
  --out DIR          output folder (default out): kbiz.duckdb, parquet/, artifacts/
  --input FILE       an ad-hoc document instead of the registry (repeatable)
  --year YYYY        report year when the title does not say
  --publisher NAME   publisher of --input documents (default: none recorded)
  --format F         force the input format (text, pdf, xlsx, csv); for sql: table, csv, json,
                     or csv-safe (text starting with = + - @ gets a ' so spreadsheets never run it);
                     for find, series, diff and describe: table or json
  --from/--to STAGE  extract, transform, load, export
  --force            redo stages even when their input is unchanged; export --xlsx: replace any file
  --replace          an --input file takes its name as id even over a registered or earlier document
  --concurrency N    documents processed at once (default: cores)
  --max-worker-mb N  heap a worker may get for a large document (default 192)
  --quiet, --json    no progress lines / machine-readable summary
  --registry FILE    source registry (default sources/registry.json)
  --region CODE      series: one region's values (regions.region_code, e.g. KR-11)
  --table ID         export --xlsx: only this table (t756, or kbiz-2020.t756; repeatable)`;

const OPTIONS = {
  out: { type: 'string', default: 'out' },
  input: { type: 'string', multiple: true },
  year: { type: 'string' },
  publisher: { type: 'string' },
  format: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  force: { type: 'boolean', default: false },
  replace: { type: 'boolean', default: false },
  concurrency: { type: 'string' },
  'max-worker-mb': { type: 'string' },
  quiet: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  registry: { type: 'string' },
  document: { type: 'string' },
  xlsx: { type: 'string' },
  table: { type: 'string', multiple: true },
  region: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const int = (v: string | undefined, flag: string, min: number, max: number): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new EtlError('usage', `${flag} takes a whole number from ${min} to ${max}`);
  return n;
};

const PIPELINE_COMMANDS = ['run', 'extract', 'transform', 'load', 'export'];

/** The pipeline commands read documents from --input only: a bare file name would be ignored, and the registry run. */
function checkPositionals(command: string, extra: readonly string[], input: readonly string[] | undefined): void {
  if (!PIPELINE_COMMANDS.includes(command) || extra.length === 0) return;
  const hint = input?.length ? '' : `: did you mean --input ${extra[0]}?`;
  throw new EtlError('usage', `${command} takes no argument ${extra[0]}${hint}`);
}

/** Parses argv and runs one command; returns the exit code. Only `main` exits the process. */
export async function cli(
  argv: readonly string[],
  print: (s: string) => void,
  printErr: (s: string) => void,
  tty: NodeJS.WriteStream | null = null,
): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    } catch (e) {
      throw new EtlError('usage', (e as Error).message);
    }
    const { values, positionals } = parsed;
    const [command, arg] = positionals;
    if (values.help || !command) {
      print(HELP);
      return command || values.help ? 0 : 2;
    }
    checkPositionals(command, positionals.slice(1), values.input);
    if (statSync(values.out, { throwIfNoEntry: false })?.isDirectory() === false) {
      throw new EtlError('usage', `--out ${values.out} is a file; it takes a folder (default out)`);
    }
    const flags: Flags = {
      out: values.out,
      input: values.input ?? [],
      year: int(values.year, '--year', 1960, 2100),
      publisher: values.publisher?.trim() || undefined,
      format: values.format,
      from: values.from,
      to: values.to,
      force: values.force,
      replace: values.replace,
      concurrency: int(values.concurrency, '--concurrency', 1, 64),
      maxWorkerMb: int(values['max-worker-mb'], '--max-worker-mb', 16, 65536),
      quiet: values.quiet,
      json: values.json,
      registry: values.registry,
      document: values.document,
      xlsx: values.xlsx,
      region: values.region,
    };
    const text = positionals.slice(1).join(' ');
    // Each command loads only its own modules: a run never loads the report or the analysts' queries.
    const commands = () => import('./cli-commands.js');
    const analyst = () => import('./analyst-commands.js');
    const reports = () => import('./report-command.js');
    switch (command) {
      case 'export':
        if (flags.xlsx)
          return await (await reports()).exportXlsxCommand(flags.xlsx, { ...flags, table: values.table }, print);
        return await (await commands()).runCommand(command, flags, print, tty, printErr);
      case 'run':
      case 'extract':
      case 'transform':
      case 'load':
        return await (await commands()).runCommand(command, flags, print, tty, printErr);
      case 'sql':
        return await (await commands()).sqlCommand(arg, flags, print);
      case 'check':
        return await (await commands()).checkCommand(flags, print);
      case 'sources':
        return await (await commands()).sourcesCommand(flags, print);
      case 'trace':
        return await (await import('./trace-command.js')).traceCommand(arg, flags, print);
      case 'find':
        return await (await analyst()).findCommand(text, flags, print);
      case 'series':
        return await (await analyst()).seriesCommand(text, flags, print, printErr);
      case 'diff':
        return await (await analyst()).diffCommand(positionals.slice(1), flags, print);
      case 'describe':
        return await (await import('./describe-command.js')).describeCommand(arg, flags, print);
      case 'report':
        return await (await reports()).reportCommand(flags, print);
      default:
        throw new EtlError('usage', `unknown command ${command} (see kbiz-etl --help)`);
    }
  } catch (e) {
    printErr(`kbiz-etl: ${terminalText(e instanceof EtlError ? e.message : ((e as Error).stack ?? String(e)))}`);
    return e instanceof EtlError && e.code === 'usage' ? 2 : 1;
  }
}

const isMain =
  process.argv[1] &&
  import.meta.url ===
    (await import('node:url')).pathToFileURL((await import('node:fs')).realpathSync(process.argv[1])).href;
if (isMain) {
  // A closed pipe (`kbiz-etl sql … | head`) is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  const tty = process.stderr.isTTY ? process.stderr : null;
  const code = await cli(
    process.argv.slice(2),
    (s) => process.stdout.write(`${s}\n`),
    (s) => process.stderr.write(`${s}\n`),
    tty,
  );
  process.exitCode = code;
}
