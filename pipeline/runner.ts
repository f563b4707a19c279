import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import pLimit from 'p-limit';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SourceFormat } from '../schemas/source.js';
import { NormalizedDocument } from '../schemas/normalized.js';
import { ensureSchema, exportParquet, loadDimensions, loadDocument, openWarehouse, recordRuns, type Warehouse } from '../warehouse/index.js';
import { artifactHash, artifactPath, readArtifactWithHash } from './artifacts.js';
import { jobSpecs } from './document-jobs.js';
import { inRange, type PreparedDocument, type StageContext, type StageRecord } from './prepare-document.js';
import { quietReporter, type Reporter } from './progress.js';
import type { Stage } from './stages.js';
import { PIPELINE_VERSION } from './version.js';
import { inlinePreparer, workerPreparer } from './worker-pool.js';

export interface RunOptions {
  readonly out: string;
  readonly inputs?: readonly string[];
  readonly year?: number;
  readonly format?: SourceFormat;
  readonly registry?: string;
  readonly from?: Stage;
  readonly to?: Stage;
  readonly force?: boolean;
  /** Documents extracted and transformed at once, each on a worker thread. Default: the cores. */
  readonly concurrency?: number;
  readonly reporter?: Reporter;
  readonly now?: () => Date;
}

export interface DocumentResult {
  readonly document_id: string;
  readonly source: string;
  readonly status: 'ok' | 'failed';
  readonly error?: string;
  readonly counts?: { sections: number; tables: number; facts: number; lines: number };
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
}

/** Loaded already from exactly this normalized artifact (same bytes) by this pipeline version. */
async function isLoaded(conn: DuckDBConnection, documentId: string, artifactSha: string): Promise<boolean> {
  const r = await conn.runAndReadAll(
    `SELECT count(*) AS n FROM documents WHERE document_id = $id AND artifact_sha256 = $sha AND pipeline_version = $v`,
    { id: documentId, sha: artifactSha, v: PIPELINE_VERSION },
  );
  return Number(r.getRowObjects()[0]!.n) > 0;
}

async function countsOf(conn: DuckDBConnection): Promise<Map<string, DocumentResult['counts']>> {
  const r = await conn.runAndReadAll(`
    SELECT d.document_id, d.line_count AS lines,
      (SELECT count(*) FROM sections s WHERE s.document_id = d.document_id) AS sections,
      (SELECT count(*) FROM report_tables t WHERE t.document_id = d.document_id) AS tables,
      (SELECT count(*) FROM facts f WHERE f.document_id = d.document_id) AS facts
    FROM documents d`);
  return new Map(r.getRowObjects().map((x) => [String(x.document_id), { lines: Number(x.lines), sections: Number(x.sections), tables: Number(x.tables), facts: Number(x.facts) }]));
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
  const ctx: StageContext = { out: opts.out, from: opts.from ?? 'extract', to: opts.to ?? 'export', force: opts.force ?? false };
  const reporter = opts.reporter ?? quietReporter();
  const run_id = `run-${now().toISOString().replace(/[:.]/g, '')}-${process.pid}`;
  const specs = jobSpecs(opts);
  const warehouse = join(opts.out, 'kbiz.duckdb');
  const needsWarehouse = inRange('load', ctx.from, ctx.to) || inRange('export', ctx.from, ctx.to);
  const wh: Warehouse | null = needsWarehouse ? await openWarehouse(warehouse) : null;
  const records: StageRecord[] = [];
  const results = new Map<string, DocumentResult>();
  const concurrency = Math.max(1, opts.concurrency ?? availableParallelism());
  const preparer = specs.length > 1 && concurrency > 1 ? workerPreparer(concurrency) : inlinePreparer();
  let input_bytes = 0;
  let rows_loaded = 0;
  let loadedAny = false;
  const stageRecord = (r: StageRecord) => {
    records.push(r);
    reporter.event({ type: 'stage', record: r });
  };
  const finish = (doc: { document_id: string; source: string }, error: string | null) => {
    results.set(doc.document_id, { document_id: doc.document_id, source: doc.source, status: error ? 'failed' : 'ok', ...(error ? { error } : {}) });
    reporter.event({ type: 'document', document_id: doc.document_id, ok: !error, error });
  };

  /** Loads one prepared document in its own transaction (callers chain these: one at a time). */
  const load = async (prep: PreparedDocument) => {
    const t = performance.now();
    const started_at = now().toISOString();
    const record = (status: StageRecord['status'], rows: number, message: string | null) =>
      stageRecord({ stage: 'load', document_id: prep.document_id, started_at, finished_at: now().toISOString(), status, rows, message, ms: performance.now() - t });
    try {
      const path = artifactPath(opts.out, prep.document_id, 'normalized');
      const onDisk = prep.normalized ? null : artifactHash(path);
      if (!prep.changed && !ctx.force && onDisk && (await isLoaded(wh!.conn, prep.document_id, onDisk))) {
        record('skipped', 0, 'unchanged');
      } else {
        const { doc, sha256 } = prep.normalized ?? (() => {
          const r = readArtifactWithHash(path, NormalizedDocument);
          return { doc: r.value, sha256: r.sha256 };
        })();
        const rows = await loadDocument(wh!.conn, doc, now().toISOString(), sha256);
        rows_loaded += rows;
        loadedAny = true;
        record('ok', rows, null);
      }
      finish(prep, null);
    } catch (e) {
      record('failed', 0, (e as Error).message);
      finish(prep, (e as Error).message);
    }
  };

  try {
    if (wh) {
      await ensureSchema(wh.conn);
      if (inRange('load', ctx.from, ctx.to)) await loadDimensions(wh.conn);
    }
    reporter.event({ type: 'start', documents: specs.length });
    // A slot is held until its document is loaded: at most 2 × concurrency documents are in
    // memory at once, however far extraction runs ahead of the (serial) loads.
    const limit = pLimit(concurrency * 2);
    let loads = Promise.resolve();
    await Promise.all(specs.map((spec) => limit(async () => {
      const prep = await preparer.prepare(spec, ctx).catch((e: Error) => ({ document_id: spec.document_id, source: spec.source, ok: false, error: e.message, changed: false, records: [], input_bytes: 0, normalized: null }));
      input_bytes += prep.input_bytes;
      prep.records.forEach(stageRecord);
      if (!prep.ok) return finish(prep, prep.error);
      if (!wh || !inRange('load', ctx.from, ctx.to)) return finish(prep, null);
      loads = loads.then(() => load(prep));
      await loads;
    })));
    if (wh && inRange('export', ctx.from, ctx.to)) {
      const dir = join(opts.out, 'parquet');
      const t = performance.now();
      const started_at = now().toISOString();
      const skip = !loadedAny && !ctx.force && ctx.from !== 'export' && existsSync(dir);
      const files = skip ? 0 : await exportParquet(wh.conn, dir);
      stageRecord({ stage: 'export', document_id: null, started_at, finished_at: now().toISOString(), status: skip ? 'skipped' : 'ok', rows: files, message: skip ? 'unchanged' : null, ms: performance.now() - t });
    }
    const counts = wh ? await countsOf(wh.conn) : new Map();
    for (const [id, r] of results) if (r.status === 'ok' && counts.has(id)) results.set(id, { ...r, counts: counts.get(id) });
  } finally {
    reporter.close();
    await preparer.close();
    if (wh) {
      await recordRuns(wh.conn, records.map(({ ms: _ms, ...r }) => ({ run_id, ...r }))).catch(() => {});
      wh.close();
    }
  }
  const stage_seconds: Record<string, number> = {};
  for (const r of records) stage_seconds[r.stage] = (stage_seconds[r.stage] ?? 0) + r.ms / 1000;
  return {
    run_id,
    documents: specs.map((s) => results.get(s.document_id) ?? { document_id: s.document_id, source: s.source, status: 'failed', error: 'not processed' }),
    seconds: (performance.now() - t0) / 1000,
    warehouse,
    input_bytes,
    stage_seconds,
    rows_loaded,
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
  };
}
