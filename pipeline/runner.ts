import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import pLimit from 'p-limit';
import type { NormalizedDocument, SourceFormat } from '../schemas/index.js';
import {
  documentCounts,
  startSchema,
  exportedFingerprint,
  exportParquet,
  loadDocument,
  loadedArtifacts,
  loadedSources,
  openWarehouse,
  recordRuns,
  warehouseFingerprint,
  type Warehouse,
} from '../warehouse/index.js';
import { artifactHash, artifactPath } from './artifacts.js';
import { documentSources, heldIds, jobSpecs, type JobSpec } from './document-jobs.js';
import {
  inRange,
  normalizedForLoad,
  probeUnchanged,
  type PreparedDocument,
  type StageContext,
} from './prepare-document.js';
import { timed, type StageRecord } from './stage-timer.js';
import { quietReporter, type Reporter } from './progress.js';
import type { Stage } from './stages.js';
import { PIPELINE_VERSION } from './version.js';
import { BASE_WORKER_MB, failedPreparation, inlinePreparer, poolSize, workerPreparer } from './worker-pool.js';

export interface RunOptions {
  readonly out: string;
  readonly inputs?: readonly string[];
  readonly year?: number;
  readonly format?: SourceFormat;
  /** Publisher of ad-hoc inputs (`documents.publisher`); NULL when not given. */
  readonly publisher?: string;
  readonly registry?: string;
  readonly from?: Stage;
  readonly to?: Stage;
  readonly force?: boolean;
  /**
   * An ad-hoc input takes its file name as id even when a registered document, or other bytes
   * loaded before, hold it (replacing them). Default false: it gets a suffix from its content.
   */
  readonly replace?: boolean;
  /** Documents extracted and transformed at once, each on a worker thread. Default: the cores. */
  readonly concurrency?: number;
  /** The largest heap one worker may get, in MB; a large document's worker gets more than the 192 MB base. */
  readonly maxWorkerMb?: number;
  readonly reporter?: Reporter;
  readonly now?: () => Date;
}

export interface DocumentResult {
  readonly document_id: string;
  readonly source: string;
  readonly status: 'ok' | 'failed';
  readonly error?: string;
  readonly counts?: { sections: number; tables: number; facts: number; lines: number; issues: number };
}

export interface RunSummary {
  readonly run_id: string;
  readonly documents: DocumentResult[];
  readonly seconds: number;
  readonly warehouse: string;
  readonly input_bytes: number;
  /** Wall-clock seconds summed per stage over all documents. */
  readonly stage_seconds: Record<string, number>;
  readonly rows_loaded: number;
  readonly peak_rss_mb: number;
  /** CPU seconds (user + system) of the whole process, worker threads included. */
  readonly cpu_seconds: number;
  /** Worker threads started, replacements of dead ones included (0 when prepared in this thread). */
  readonly workers_started: number;
}

/** What the load and export steps of one run share. */
interface RunState {
  readonly opts: RunOptions;
  readonly ctx: StageContext;
  readonly wh: Warehouse;
  readonly now: () => Date;
  readonly record: (r: StageRecord) => void;
  /** The artifact each document was loaded from by this version, as the run began. */
  readonly loaded: ReadonlyMap<string, string>;
  rows_loaded: number;
}

/**
 * Loads one prepared document in its own transaction, unless the warehouse already holds it from
 * the very same normalized artifact. An artifact read from disk is verified first (and redone
 * when it is not what it claims). Callers chain these: one load at a time.
 */
async function loadPrepared(state: RunState, prep: PreparedDocument, spec: JobSpec): Promise<void> {
  const { opts, ctx, wh } = state;
  await timed('load', prep.document_id, state.now, state.record, async () => {
    const path = artifactPath(opts.out, prep.document_id, 'normalized');
    const onDisk = prep.normalized ? null : artifactHash(path);
    if (!prep.changed && !ctx.force && onDisk && state.loaded.get(prep.document_id) === onDisk)
      return { rows: 0, skipped: true };
    const { doc, sha256, note, records } = prep.normalized
      ? {
          doc: JSON.parse(prep.normalized.json) as NormalizedDocument,
          sha256: prep.normalized.sha256,
          note: null,
          records: [],
        }
      : await normalizedForLoad(spec, ctx, state.now);
    records.forEach(state.record);
    const rows = await loadDocument(wh.conn, doc, state.now().toISOString(), sha256);
    state.rows_loaded += rows;
    return { rows, message: note };
  });
}

/**
 * Exports Parquet whenever the warehouse differs from what was last exported (a load in this
 * run, in a run that stopped before export, or a `load` run alone), or when forced or asked for alone.
 */
async function exportWarehouse(state: RunState): Promise<void> {
  const dir = join(state.opts.out, 'parquet');
  await timed('export', null, state.now, state.record, async () => {
    const asked = state.ctx.force || state.ctx.from === 'export';
    const skip = !asked && exportedFingerprint(dir) === (await warehouseFingerprint(state.wh.conn));
    return skip ? { rows: 0, skipped: true } : { rows: await exportParquet(state.wh.conn, dir) };
  });
}

/**
 * Runs stages `from`..`to` over the documents. Extract and transform run concurrently on worker
 * threads; each document is loaded as soon as it is ready, one transaction at a time; export runs
 * last. A stage whose input and pipeline version are unchanged is skipped. One bad document fails
 * alone. The warehouse is opened first, so a second writer fails at once ("locked").
 */
export async function runPipeline(opts: RunOptions): Promise<RunSummary> {
  const t0 = performance.now();
  const now = opts.now ?? (() => new Date());
  const ctx: StageContext = {
    out: opts.out,
    from: opts.from ?? 'extract',
    to: opts.to ?? 'export',
    force: opts.force ?? false,
  };
  const reporter = opts.reporter ?? quietReporter();
  const run_id = `run-${now().toISOString().replace(/[:.]/g, '')}-${process.pid}`;
  const sources = documentSources(opts);
  const warehouse = join(opts.out, 'kbiz.duckdb');
  const needsWarehouse = inRange('load', ctx.from, ctx.to) || inRange('export', ctx.from, ctx.to);
  const wh: Warehouse | null = needsWarehouse ? await openWarehouse(warehouse) : null;
  // Ids are given knowing what `out` holds, so that a new file never takes an old one's place.
  let specs: JobSpec[];
  try {
    specs = jobSpecs(sources, opts, heldIds(opts.out, wh ? await loadedSources(wh.conn) : new Map()));
  } catch (e) {
    wh?.close();
    throw e;
  }
  const records: StageRecord[] = [];
  const results = new Map<string, DocumentResult>();
  const maxWorkerMb = opts.maxWorkerMb ?? BASE_WORKER_MB;
  const concurrency = poolSize(opts.concurrency ?? availableParallelism(), specs.length, maxWorkerMb);
  const preparer =
    specs.length > 1 && concurrency > 1 ? workerPreparer({ size: concurrency, maxWorkerMb }) : inlinePreparer();
  let input_bytes = 0;
  const record = (r: StageRecord) => {
    records.push(r);
    reporter.event({ type: 'stage', record: r });
  };
  /**
   * The schema (and the dimension rows) are applied by DuckDB while the first documents are
   * extracted and transformed; a document's load waits for it. Its failure is the run's.
   */
  const schema = wh && (await startSchema(wh.conn).catch((e: unknown) => ({ applied: Promise.reject(e) })));
  const ready: Promise<RunState> | null =
    wh && schema
      ? schema.applied.then(async () => {
          const loaded = await loadedArtifacts(wh.conn, PIPELINE_VERSION);
          return { opts, ctx, wh, now, record, loaded, rows_loaded: 0 };
        })
      : null;
  ready?.catch(() => {}); // awaited below: not unhandled while documents are prepared
  let state: RunState | null = null;
  let recorded = 0;
  /** Writes the stage records not yet in `pipeline_runs`. */
  const flushRuns = async () => {
    if (!wh || recorded === records.length) return;
    const pending = records.slice(recorded);
    recorded = records.length;
    await recordRuns(
      wh.conn,
      pending.map(({ ms: _ms, ...r }) => ({ run_id, ...r })),
    );
  };
  const finish = (doc: { document_id: string; source: string }, error: string | null) => {
    results.set(doc.document_id, {
      document_id: doc.document_id,
      source: doc.source,
      status: error ? 'failed' : 'ok',
      ...(error ? { error } : {}),
    });
    reporter.event({ type: 'document', document_id: doc.document_id, ok: !error, error });
  };
  try {
    reporter.event({ type: 'start', documents: specs.length });
    // A slot is held until its document is loaded: at most 2 × concurrency documents are in
    // memory at once, however far extraction runs ahead of the (serial) loads.
    const limit = pLimit(concurrency * 2);
    let loads = Promise.resolve();
    await Promise.all(
      specs.map((spec) =>
        limit(async () => {
          const prep =
            (await probeUnchanged(spec, ctx, now)) ??
            (await preparer.prepare(spec, ctx).catch((e: Error) => failedPreparation(spec, ctx, e.message)));
          input_bytes += prep.input_bytes;
          prep.records.forEach(record);
          if (!prep.ok) return finish(prep, prep.error);
          if (!ready || !inRange('load', ctx.from, ctx.to)) return finish(prep, null);
          const load = () =>
            ready
              .then((run) => loadPrepared(run, prep, spec))
              .then(
                () => null,
                (e: Error) => e.message,
              );
          loads = loads.then(load).then((error) => finish(prep, error));
          await loads;
        }),
      ),
    );
    state = ready && (await ready);
    if (state && inRange('export', ctx.from, ctx.to)) {
      // the run log so far goes in first, so that the exported pipeline_runs includes this run
      await flushRuns();
      await exportWarehouse(state);
    }
    const counts = wh ? await documentCounts(wh.conn) : new Map();
    for (const [id, r] of results)
      if (r.status === 'ok' && counts.has(id)) results.set(id, { ...r, counts: counts.get(id) });
  } finally {
    reporter.close();
    await preparer.close();
    if (wh) {
      await ready?.catch(() => {}); // the schema script may still be running if something threw early
      await flushRuns().catch(() => {});
      wh.close();
    }
  }
  const stage_seconds: Record<string, number> = {};
  for (const r of records) stage_seconds[r.stage] = (stage_seconds[r.stage] ?? 0) + r.ms / 1000;
  return {
    run_id,
    documents: specs.map(
      (s) =>
        results.get(s.document_id) ?? {
          document_id: s.document_id,
          source: s.source,
          status: 'failed',
          error: 'not processed',
        },
    ),
    seconds: (performance.now() - t0) / 1000,
    warehouse,
    input_bytes,
    stage_seconds,
    rows_loaded: state?.rows_loaded ?? 0,
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
    cpu_seconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    workers_started: preparer.workersStarted(),
  };
}
