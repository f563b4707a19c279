import { EtlError } from '../schemas/index.js';
import { ExtractedDocument } from '../schemas/index.js';
import { NormalizedDocument } from '../schemas/index.js';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { SourceRef } from '../extractors/index.js';
import type { SourceFormat } from '../schemas/index.js';
import {
  artifactHash,
  artifactPath,
  checkStamp,
  readVerified,
  writeArtifact,
  type ArtifactName,
  type Expected,
} from './artifacts.js';
import { readJob, type JobSpec } from './document-jobs.js';
import { timed, type StageOutcome, type StageRecord } from './stage-timer.js';
import { STAGES, extractStage, transformInputHash, transformStage, type Stage } from './stages.js';
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
  /**
   * The normalized artifact just written, as its text and hash, so the load need not read it back:
   * the load parses the text (a string crosses threads faster than the object would be cloned, and
   * the warehouse then holds exactly what the artifact says, whichever thread made it).
   */
  readonly normalized: { readonly json: string; readonly sha256: string } | null;
}

export const inRange = (stage: Stage, from: Stage, to: Stage): boolean =>
  STAGES.indexOf(stage) >= STAGES.indexOf(from) && STAGES.indexOf(stage) <= STAGES.indexOf(to);

/**
 * What an extracted artifact is made from: the source bytes and what is said about them (id,
 * year, title, format …), never where the file lies: moving it, or running from another
 * folder, redoes nothing. Changing `--year` or `--format` makes it stale, as new bytes do.
 */
export function extractInputHash(ref: SourceRef, format: SourceFormat): string {
  const { document_id, publisher, title, report_year, published_on, source_sha256 } = ref;
  const key = {
    document_id,
    publisher,
    title: title ?? null,
    report_year: report_year ?? null,
    published_on: published_on ?? null,
    source_sha256,
    format,
  };
  return createHash('sha256').update(JSON.stringify(key)).digest('hex');
}

/** What the steps of one document share: bytes read, an artifact written, the new normalized one. */
interface Progress {
  changed: boolean;
  input_bytes: number;
  normalized: PreparedDocument['normalized'];
}

const expected = (job: JobSpec, artifact: ArtifactName, input_sha256?: string | null): Expected => ({
  artifact,
  document_id: job.document_id,
  pipeline_version: PIPELINE_VERSION,
  input_sha256,
});

/**
 * The extracted artifact this thread wrote last, as its text: its transform, next, parses it from
 * here rather than reading and validating the file again, as long as the file on disk is still
 * that one (same hash).
 */
let lastExtracted: { readonly path: string; readonly sha256: string; readonly json: string } | null = null;

/** The extract stage's check of its artifact, and what it read to make it. */
function extractCheck(job: JobSpec, out: string) {
  const read = readJob(job);
  const path = artifactPath(out, job.document_id, 'extracted');
  const input = extractInputHash(read.ref, read.format);
  return { ...read, path, input, check: checkStamp(path, expected(job, 'extracted', input)) };
}

/** The transform stage's check of its artifact: stamped with the hash of the extracted one (and the catalog's). */
function transformCheck(job: JobSpec, out: string) {
  const path = artifactPath(out, job.document_id, 'normalized');
  const extractedPath = artifactPath(out, job.document_id, 'extracted');
  const extractedSha = artifactHash(extractedPath);
  const check = checkStamp(path, expected(job, 'normalized', extractedSha && transformInputHash(extractedSha)));
  return { path, extractedPath, extractedSha, check };
}

/** extract: skipped when the artifact is stamped with this input; one that is not what it claims is redone. */
async function extract(job: JobSpec, out: string, force: boolean, p: Progress): Promise<StageOutcome> {
  const { bytes, ref, format, path, input, check } = extractCheck(job, out);
  p.input_bytes = bytes.length;
  if (!force && check.state === 'fresh') return { rows: 0, skipped: true };
  const doc = { ...(await extractStage(bytes, ref, format)), input_sha256: input };
  const written = writeArtifact(path, doc);
  lastExtracted = { path, ...written };
  p.changed = true;
  return { rows: doc.lines.length, message: check.state === 'bad' ? check.note : null };
}

/**
 * transform: skipped when the normalized artifact is stamped with the extracted one's hash (and the
 * metric catalog's, see `transformInputHash`). The extracted artifact is verified as it is read;
 * a corrupt one is extracted again from the source.
 */
async function transform(job: JobSpec, ctx: StageContext, p: Progress): Promise<StageOutcome> {
  const { path, extractedPath, extractedSha, check } = transformCheck(job, ctx.out);
  if (!p.changed && !ctx.force && check.state === 'fresh') return { rows: 0, skipped: true };
  let note = check.state === 'bad' ? check.note : null;
  const held = lastExtracted?.path === extractedPath && lastExtracted.sha256 === extractedSha ? lastExtracted : null;
  lastExtracted = null;
  let extracted: ReturnType<typeof readVerified<typeof ExtractedDocument>> = held
    ? { ok: true, value: JSON.parse(held.json) as ExtractedDocument, sha256: held.sha256 }
    : readVerified(extractedPath, ExtractedDocument, expected(job, 'extracted'));
  if (!extracted.ok && !extracted.missing) {
    note = extracted.note;
    await extract(job, ctx.out, true, p);
    extracted = readVerified(extractedPath, ExtractedDocument, expected(job, 'extracted'));
  }
  if (!extracted.ok) {
    throw new EtlError('artifact_missing', extracted.note, { stage: 'transform', source: extractedPath });
  }
  const normalized = await transformStage(extracted.value, extracted.sha256);
  const written = writeArtifact(path, normalized);
  p.normalized = { json: written.json, sha256: written.sha256 };
  p.changed = true;
  return { rows: normalized.facts.length, message: note };
}

/**
 * The per-document stages before the warehouse: extract and transform, each skipped when its
 * artifact is already stamped with the same input and pipeline version. Never throws: a failure
 * is reported in the result so that one bad document fails alone.
 */
export async function prepareDocument(
  job: JobSpec,
  ctx: StageContext,
  now: () => Date = () => new Date(),
): Promise<PreparedDocument> {
  const records: StageRecord[] = [];
  const p: Progress = { changed: false, input_bytes: 0, normalized: null };
  // The pipeline's own errors name their file; anything else gets the document's name here.
  const wrap = (stage: Stage) => (e: unknown) =>
    e instanceof EtlError
      ? e
      : new EtlError('stage_failed', `${stage} failed: ${(e as Error).message}`, {
          stage,
          source: job.source,
          cause: e,
        });
  const time = (stage: Stage, work: () => Promise<StageOutcome> | StageOutcome) =>
    timed(stage, job.document_id, now, (r) => records.push(r), work, wrap(stage));
  const { document_id, source } = job;
  const result = () => ({ document_id, source, records, changed: p.changed, input_bytes: p.input_bytes });
  try {
    if (inRange('extract', ctx.from, ctx.to)) await time('extract', () => extract(job, ctx.out, ctx.force, p));
    if (inRange('transform', ctx.from, ctx.to)) await time('transform', () => transform(job, ctx, p));
    return { ...result(), ok: true, error: null, normalized: p.normalized };
  } catch (e) {
    return { ...result(), ok: false, error: (e as Error).message, normalized: null };
  }
}

/**
 * A document whose extract and transform would both be skipped, checked in this thread (reading
 * its source, stats and artifact heads, nothing more): its skipped records, or null when a stage
 * has work to do (or fails) and the document goes to a worker. A rerun over an unchanged archive
 * then starts no worker at all.
 */
export async function probeUnchanged(
  job: JobSpec,
  ctx: StageContext,
  now: () => Date = () => new Date(),
): Promise<PreparedDocument | null> {
  if (ctx.force || !inRange('extract', ctx.from, ctx.to) || !inRange('transform', ctx.from, ctx.to)) return null;
  // without both artifacts there is work to do: the source is not read here (the worker reads it)
  const paths = (['extracted', 'normalized'] as const).map((a) => artifactPath(ctx.out, job.document_id, a));
  if (!paths.every((p) => existsSync(p))) return null;
  let input_bytes: number;
  try {
    const e = extractCheck(job, ctx.out);
    if (e.check.state !== 'fresh' || transformCheck(job, ctx.out).check.state !== 'fresh') return null;
    input_bytes = e.bytes.length;
  } catch {
    return null; // the worker's run of the stage reports it
  }
  const records: StageRecord[] = [];
  for (const stage of ['extract', 'transform'] as const)
    await timed(
      stage,
      job.document_id,
      now,
      (r) => records.push(r),
      () => ({ rows: 0, skipped: true }),
    );
  const { document_id, source } = job;
  return { document_id, source, records, changed: false, input_bytes, ok: true, error: null, normalized: null };
}

/**
 * The normalized artifact a load reads, verified (see `readVerified`). One that is corrupt, for
 * another document or of another pipeline version is transformed again (and its extracted
 * artifact extracted again if that is corrupt too), with a note saying so.
 */
export async function normalizedForLoad(
  job: JobSpec,
  ctx: StageContext,
  now: () => Date,
): Promise<{ doc: NormalizedDocument; sha256: string; note: string | null; records: StageRecord[] }> {
  const path = artifactPath(ctx.out, job.document_id, 'normalized');
  const read = readVerified(path, NormalizedDocument, expected(job, 'normalized'));
  if (read.ok) return { doc: read.value, sha256: read.sha256, note: null, records: [] };
  if (read.missing) throw new EtlError('artifact_missing', read.note, { stage: 'load', source: path });
  const redo = await prepareDocument(job, { ...ctx, from: 'transform', to: 'transform', force: true }, now);
  if (!redo.ok || !redo.normalized) {
    throw new EtlError('stage_failed', redo.error ?? `${path}: cannot be redone`, { stage: 'load' });
  }
  const doc = JSON.parse(redo.normalized.json) as NormalizedDocument;
  return { doc, sha256: redo.normalized.sha256, note: read.note, records: redo.records };
}
