import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import pLimit from 'p-limit';
import type { SourceRef } from '../extractors/index.js';
import { EtlError } from '../schemas/etl-error.js';
import { ExtractedDocument } from '../schemas/extracted.js';
import { NormalizedDocument } from '../schemas/normalized.js';
import type { SourceFormat } from '../schemas/source.js';
import { ensureSchema, exportParquet, loadDocument, openWarehouse, recordRuns, type Warehouse } from '../warehouse/index.js';
import { artifactPath, peekStamp, readArtifact, writeArtifact } from './artifacts.js';
import { declaredFormat, resolveFormat } from './detect-format.js';
import { documentIdFor, loadRegistry, readRegistered, sha256 } from './registry.js';
import { RunLog } from './run-log.js';
import { STAGES, extractStage, transformStage, type Stage } from './stages.js';
import { PIPELINE_VERSION } from './version.js';

export interface RunOptions {
  readonly out: string;
  readonly inputs?: readonly string[];
  readonly year?: number;
  readonly format?: SourceFormat;
  readonly registry?: string;
  readonly from?: Stage;
  readonly to?: Stage;
  readonly force?: boolean;
  readonly concurrency?: number;
  readonly log?: (line: string) => void;
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
}

/** A document to process: its id and how to get its bytes and reference data. */
interface Job {
  readonly document_id: string;
  readonly source: string;
  read(): { bytes: Uint8Array; ref: SourceRef; format: SourceFormat };
}

function jobs(opts: RunOptions): Job[] {
  if (opts.inputs?.length) {
    return opts.inputs.map((file) => ({
      document_id: documentIdFor(file),
      source: file,
      read: () => {
        let bytes: Uint8Array;
        try {
          bytes = readFileSync(file);
        } catch (cause) {
          throw new EtlError('not_found', 'cannot read input file', { stage: 'extract', source: file, cause });
        }
        const ref: SourceRef = { document_id: documentIdFor(file), publisher: '중소기업중앙회', report_year: opts.year, source_path: file, source_sha256: sha256(bytes) };
        return { bytes, ref, format: resolveFormat(bytes, file, declaredFormat(file), opts.format) };
      },
    }));
  }
  return loadRegistry(opts.registry).map((doc) => ({
    document_id: doc.entry.document_id,
    source: doc.absolutePath,
    read: () => {
      const { bytes, sha } = readRegistered(doc);
      const source_path = relative(process.cwd(), doc.absolutePath) || doc.absolutePath;
      const ref: SourceRef = { ...doc.entry, source_path, source_sha256: sha };
      return { bytes, ref, format: resolveFormat(bytes, doc.absolutePath, doc.entry.format, opts.format) };
    },
  }));
}

const inRange = (stage: Stage, from: Stage, to: Stage) => STAGES.indexOf(stage) >= STAGES.indexOf(from) && STAGES.indexOf(stage) <= STAGES.indexOf(to);
const fresh = (path: string, input: string, force: boolean) => {
  if (force) return false;
  const stamp = peekStamp(path);
  return stamp?.input_sha256 === input && stamp.pipeline_version === PIPELINE_VERSION;
};

/**
 * Runs stages `from`..`to` over the documents: extract and transform concurrently (each writes
 * its artifact), then load one document per transaction, then export. A stage whose input and
 * pipeline version are unchanged is skipped. One bad document fails alone.
 */
export async function runPipeline(opts: RunOptions): Promise<RunSummary> {
  const t0 = performance.now();
  const now = opts.now ?? (() => new Date());
  const from = opts.from ?? 'extract';
  const to = opts.to ?? 'export';
  const force = opts.force ?? false;
  const log = opts.log ?? (() => {});
  const runLog = new RunLog(`run-${now().toISOString().replace(/[:.]/g, '')}-${process.pid}`, now);
  const list = jobs(opts);
  const results = new Map<string, DocumentResult>();
  const changed = new Set<string>();
  const limit = pLimit(Math.max(1, opts.concurrency ?? 2));

  await Promise.all(list.map((job) => limit(async () => {
    try {
      if (inRange('extract', from, to)) {
        await runLog.time('extract', job.document_id, async () => {
          const { bytes, ref, format } = job.read();
          const path = artifactPath(opts.out, job.document_id, 'extracted');
          if (fresh(path, ref.source_sha256, force)) return { value: null, rows: 0, skipped: true, message: 'unchanged' };
          const doc = extractStage(bytes, ref, format);
          writeArtifact(path, ExtractedDocument, doc);
          changed.add(job.document_id);
          return { value: null, rows: doc.lines.length };
        });
      }
      if (inRange('transform', from, to)) {
        await runLog.time('transform', job.document_id, async () => {
          const extracted = readArtifact(artifactPath(opts.out, job.document_id, 'extracted'), ExtractedDocument);
          const path = artifactPath(opts.out, job.document_id, 'normalized');
          if (!changed.has(job.document_id) && fresh(path, extracted.input_sha256, force)) return { value: null, rows: 0, skipped: true, message: 'unchanged' };
          const doc = transformStage(extracted);
          writeArtifact(path, NormalizedDocument, doc);
          changed.add(job.document_id);
          return { value: null, rows: doc.facts.length };
        });
      }
      results.set(job.document_id, { document_id: job.document_id, source: job.source, status: 'ok' });
    } catch (e) {
      results.set(job.document_id, { document_id: job.document_id, source: job.source, status: 'failed', error: (e as Error).message });
      log(`FAILED ${job.document_id}: ${(e as Error).message}`);
    }
  })));

  let wh: Warehouse | null = null;
  const warehousePath = join(opts.out, 'kbiz.duckdb');
  try {
    if (inRange('load', from, to) || inRange('export', from, to)) {
      wh = await openWarehouse(warehousePath);
      await ensureSchema(wh.conn);
    }
    let loadedAny = false;
    if (wh && inRange('load', from, to)) {
      for (const job of list) {
        if (results.get(job.document_id)?.status !== 'ok') continue;
        try {
          const doc = readArtifact(artifactPath(opts.out, job.document_id, 'normalized'), NormalizedDocument);
          const counts = { sections: doc.sections.length, tables: doc.tables.length, facts: doc.facts.length, lines: doc.lines.length };
          await runLog.time('load', job.document_id, async () => {
            if (!changed.has(job.document_id) && !force && (await isLoaded(wh!, doc))) return { value: null, rows: 0, skipped: true, message: 'unchanged' };
            const rows = await loadDocument(wh!.conn, doc, now().toISOString());
            loadedAny = true;
            return { value: null, rows };
          });
          results.set(job.document_id, { ...results.get(job.document_id)!, counts });
        } catch (e) {
          results.set(job.document_id, { document_id: job.document_id, source: job.source, status: 'failed', error: (e as Error).message });
          log(`FAILED ${job.document_id}: ${(e as Error).message}`);
        }
      }
    }
    if (wh && inRange('export', from, to)) {
      const dir = join(opts.out, 'parquet');
      await runLog.time('export', null, async () => {
        if (!loadedAny && !force && from !== 'export' && existsSync(dir)) return { value: null, rows: 0, skipped: true, message: 'unchanged' };
        return { value: null, rows: await exportParquet(wh!.conn, dir) };
      });
    }
  } finally {
    if (wh) {
      await recordRuns(wh.conn, runLog.records.map((r) => ({ ...r }))).catch(() => {});
      wh.close();
    }
  }
  return { run_id: runLog.run_id, documents: list.map((j) => results.get(j.document_id)!), seconds: (performance.now() - t0) / 1000, warehouse: warehousePath };
}

async function isLoaded(wh: Warehouse, doc: NormalizedDocument): Promise<boolean> {
  try {
    const r = await wh.conn.runAndReadAll(
      `SELECT count(*) AS n FROM documents WHERE document_id = $id AND source_sha256 = $sha AND pipeline_version = $v`,
      { id: doc.document.document_id, sha: doc.document.source_sha256, v: doc.pipeline_version },
    );
    return Number(r.getRowObjects()[0]!.n) > 0;
  } catch {
    return false;
  }
}
