import { isAbsolute, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { declaredFormat, resolveFormat, type SourceRef } from '../extractors/index.js';
import { EtlError } from '../schemas/index.js';
import type { SourceEntry, SourceFormat } from '../schemas/index.js';
import { artifactPath, peekStamp } from './artifacts.js';
import { readSource } from './read-source.js';
import { documentIdFor, loadRegistry, readRegistered, sha256, type SourceDocument } from './registry.js';

/** One document to process; plain data, so that a worker thread can take it. */
export interface JobSpec {
  readonly document_id: string;
  /** Where the bytes are read from. */
  readonly source: string;
  /** What `documents.source_path` records: the path as the registry or the command line gave it. */
  readonly source_path: string;
  /** The registry entry, or null for an ad-hoc `--input` file. */
  readonly entry: SourceEntry | null;
  readonly year?: number;
  readonly format?: SourceFormat;
  /** `--publisher` for an ad-hoc file; a registered one has its entry's. */
  readonly publisher?: string;
}

/** `--input` values: files as given, glob patterns expanded (sorted), the same file once. */
export function expandInputs(inputs: readonly string[]): string[] {
  const files = new Map<string, string>();
  for (const input of inputs) {
    const matches = /[*?[{]/.test(input)
      ? globSync(input, { onlyFiles: true, expandDirectories: false, absolute: isAbsolute(input) }).sort()
      : [input];
    if (!matches.length) throw new EtlError('not_found', 'no file matches this pattern', { source: input });
    for (const m of matches) if (!files.has(resolve(m))) files.set(resolve(m), m);
  }
  return [...files.values()];
}

/** The documents a run asks for, before any id is given: registry entries, or `--input` files. */
export type DocumentSources =
  | { readonly kind: 'registry'; readonly docs: readonly SourceDocument[] }
  | { readonly kind: 'files'; readonly files: readonly string[]; readonly registered: ReadonlySet<string> };

/**
 * Globs expanded and the registry read: every usage error comes out here, before the warehouse is
 * opened. Ad-hoc runs read the registry only for the ids it reserves (a missing default one
 * reserves none; a `--registry` that cannot be read is an error).
 */
export function documentSources(opts: { inputs?: readonly string[]; registry?: string }): DocumentSources {
  if (!opts.inputs?.length) return { kind: 'registry', docs: loadRegistry(opts.registry) };
  const files = expandInputs(opts.inputs);
  let docs: SourceDocument[] = [];
  try {
    docs = loadRegistry(opts.registry);
  } catch (e) {
    if (opts.registry) throw e;
  }
  return { kind: 'files', files, registered: new Set(docs.map((d) => d.entry.document_id)) };
}

/**
 * The sha256 of the source bytes a document id already stands for in `out` (the warehouse's
 * `documents`, or an artifact not loaded yet), or undefined when the id is free.
 */
export type HeldIds = (documentId: string) => string | undefined;

export function heldIds(out: string, loaded: ReadonlyMap<string, string>): HeldIds {
  return (id) => loaded.get(id) ?? peekStamp(artifactPath(out, id, 'extracted'))?.source_sha256 ?? undefined;
}

const hashFile = (file: string): string | null => {
  try {
    return sha256(readSource(file));
  } catch {
    return null; // reading it again in the extract stage names the problem
  }
};

/** A file's content hash, read only when its name is contested: most runs read no file here. */
function lazyHash(file: string): () => string {
  let sha: string | undefined;
  return () => (sha ??= hashFile(file) ?? sha256(Buffer.from(`unreadable:${file}`)));
}

/** After `report`: `report-3f9a2c`, longer suffixes only if a shorter one is taken too. */
const suffixed = (base: string, sha: string): string[] => [6, 12, 64].map((n) => `${base}-${sha.slice(0, n)}`);

/**
 * Ids for ad-hoc files: the file name, or on a collision (another file of this run, a registered
 * document, or other bytes already in `out`) the name with a short hash of the content, so a
 * rerun of the same file gets the same id. Identical bytes under one name are one document.
 * `replace`: the name wins over the registry and `out`, replacing what it held.
 */
function adHocIds(
  files: readonly string[],
  registered: ReadonlySet<string>,
  held: HeldIds,
  replace: boolean,
): Array<[string, string]> {
  const inRun = new Map<string, () => string>();
  const ids: Array<[string, string]> = [];
  for (const file of files) {
    const base = documentIdFor(file);
    const sha = lazyHash(file);
    const free = (id: string): boolean => {
      const mine = inRun.get(id);
      if (mine) return mine() === sha();
      if (replace) return true;
      if (registered.has(id)) return false;
      const other = held(id);
      return other === undefined || other === sha();
    };
    const id = free(base) ? base : (suffixed(base, sha()).find(free) ?? `${base}-${sha()}`);
    if (inRun.has(id)) continue; // free for a name this run gave already: the same bytes, one document
    inRun.set(id, sha);
    ids.push([file, id]);
  }
  return ids;
}

/** The documents of a run with their ids: the registry's, or the `--input` files' (see `adHocIds`). */
export function jobSpecs(
  sources: DocumentSources,
  opts: { year?: number; format?: SourceFormat; replace?: boolean; publisher?: string },
  held: HeldIds = () => undefined,
): JobSpec[] {
  const { year, format } = opts;
  if (sources.kind === 'registry') {
    return sources.docs.map(({ entry, absolutePath, sourcePath }) => ({
      document_id: entry.document_id,
      source: absolutePath,
      source_path: sourcePath,
      entry,
      year,
      format,
    }));
  }
  return adHocIds(sources.files, sources.registered, held, opts.replace ?? false).map(([file, document_id]) => ({
    document_id,
    source: file,
    source_path: file,
    entry: null,
    year,
    format,
    publisher: opts.publisher,
  }));
}

/** Reads a job's bytes (checking a registered file's sha256) and resolves its format from content. */
export function readJob(job: JobSpec): { bytes: Uint8Array; ref: SourceRef; format: SourceFormat } {
  if (job.entry) {
    const { bytes, sha } = readRegistered({ entry: job.entry, absolutePath: job.source, sourcePath: job.source_path });
    const ref: SourceRef = { ...job.entry, source_path: job.source_path, source_sha256: sha };
    return { bytes, ref, format: resolveFormat(bytes, job.source, job.entry.format, job.format) };
  }
  let bytes: Uint8Array;
  try {
    bytes = readSource(job.source);
  } catch (cause) {
    if (cause instanceof EtlError) throw cause;
    throw new EtlError('not_found', 'cannot read input file', { stage: 'extract', source: job.source, cause });
  }
  const ref: SourceRef = {
    document_id: job.document_id,
    publisher: job.publisher ?? null,
    report_year: job.year,
    source_path: job.source_path,
    source_sha256: sha256(bytes),
  };
  return { bytes, ref, format: resolveFormat(bytes, job.source, declaredFormat(job.source), job.format) };
}
