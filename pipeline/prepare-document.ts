import { EtlError } from '../schemas/etl-error.js';
import { ExtractedDocument } from '../schemas/extracted.js';
import { NormalizedDocument } from '../schemas/normalized.js';
import { createHash } from 'node:crypto';
import type { SourceRef } from '../extractors/index.js';
import type { SourceFormat } from '../schemas/source.js';
import { artifactHash, artifactPath, peekStamp, readArtifactWithHash, writeArtifact } from './artifacts.js';
import { readJob, type JobSpec } from './document-jobs.js';
import { timed, type StageOutcome, type StageRecord } from './stage-timer.js';
import { STAGES, extractStage, transformStage, type Stage } from './stages.js';
import { PIPELINE_VERSION } from './version.js';

export interface StageContext {
  readonly out: string;
  readonly from: Stage;
  readonly to: Stage;
  readonly force: boolean;
}

export interface PreparedDocument {
  readonly document_id: string;
  readonly source: string;
  readonly ok: boolean;
  readonly error: string | null;
  /** An artifact was (re)written, so the load must not be skipped. */
  readonly changed: boolean;
  readonly records: StageRecord[];
  readonly input_bytes: number;
  /** The normalized artifact just written (validated) and its hash, so the load need not read it back. */
  readonly normalized: { readonly doc: NormalizedDocument; readonly sha256: string } | null;
}

export const inRange = (stage: Stage, from: Stage, to: Stage): boolean =>
  STAGES.indexOf(stage) >= STAGES.indexOf(from) && STAGES.indexOf(stage) <= STAGES.indexOf(to);

const fresh = (path: string, input: string | null, force: boolean) => {
  if (force || !input) return false;
  const stamp = peekStamp(path);
  return stamp?.input_sha256 === input && stamp.pipeline_version === PIPELINE_VERSION;
};

/**
 * What an extracted artifact is made from: the source bytes and everything said about them
 * (id, year, title, format …). Changing `--year` or `--format` makes it stale, as a new file does.
 */
export function extractInputHash(ref: SourceRef, format: SourceFormat): string {
  return createHash('sha256').update(JSON.stringify({ ref, format })).digest('hex');
}

/**
 * The per-document stages before the warehouse: extract and transform, each skipped when its
 * artifact is already stamped with the same input and pipeline version. Never throws: a failure
 * is reported in the result so that one bad document fails alone.
 */
export async function prepareDocument(job: JobSpec, ctx: StageContext, now: () => Date = () => new Date()): Promise<PreparedDocument> {
  const records: StageRecord[] = [];
  let changed = false;
  let input_bytes = 0;
  let normalized: PreparedDocument['normalized'] = null;
  // The pipeline's own errors name their file; anything else gets the document's name here.
  const wrap = (stage: Stage) => (e: unknown) =>
    e instanceof EtlError ? e : new EtlError('stage_failed', `${stage} failed: ${(e as Error).message}`, { stage, source: job.source, cause: e });
  const time = (stage: Stage, work: () => Promise<StageOutcome> | StageOutcome) =>
    timed(stage, job.document_id, now, (r) => records.push(r), work, wrap(stage));
  try {
    if (inRange('extract', ctx.from, ctx.to)) {
      await time('extract', async () => {
        const { bytes, ref, format } = readJob(job);
        input_bytes = bytes.length;
        const path = artifactPath(ctx.out, job.document_id, 'extracted');
        const input = extractInputHash(ref, format);
        if (fresh(path, input, ctx.force)) return { rows: 0, skipped: true };
        const doc = { ...(await extractStage(bytes, ref, format)), input_sha256: input };
        writeArtifact(path, ExtractedDocument, doc);
        changed = true;
        return { rows: doc.lines.length };
      });
    }
    if (inRange('transform', ctx.from, ctx.to)) {
      await time('transform', () => {
        const path = artifactPath(ctx.out, job.document_id, 'normalized');
        const extractedPath = artifactPath(ctx.out, job.document_id, 'extracted');
        if (!changed && fresh(path, artifactHash(extractedPath), ctx.force)) return { rows: 0, skipped: true };
        const extracted = readArtifactWithHash(extractedPath, ExtractedDocument);
        const written = writeArtifact(path, NormalizedDocument, transformStage(extracted.value, extracted.sha256));
        normalized = { doc: written.value, sha256: written.sha256 };
        changed = true;
        return { rows: written.value.facts.length };
      });
    }
    return { document_id: job.document_id, source: job.source, ok: true, error: null, changed, records, input_bytes, normalized };
  } catch (e) {
    return { document_id: job.document_id, source: job.source, ok: false, error: (e as Error).message, changed, records, input_bytes, normalized: null };
  }
}
