import { readFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { globSync } from 'tinyglobby';
import { declaredFormat, resolveFormat, type SourceRef } from '../extractors/index.js';
import { EtlError } from '../schemas/etl-error.js';
import type { SourceEntry, SourceFormat } from '../schemas/source.js';
import { documentIdFor, loadRegistry, readRegistered, sha256 } from './registry.js';

/** One document to process; plain data, so that a worker thread can take it. */
export interface JobSpec {
  readonly document_id: string;
  readonly source: string;
  /** The registry entry, or null for an ad-hoc `--input` file. */
  readonly entry: SourceEntry | null;
  readonly year?: number;
  readonly format?: SourceFormat;
}

/** `--input` values: files as given, glob patterns expanded (sorted), duplicates once. */
export function expandInputs(inputs: readonly string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    const matches = /[*?[{]/.test(input) ? globSync(input, { onlyFiles: true, expandDirectories: false, absolute: isAbsolute(input) }).sort() : [input];
    if (!matches.length) throw new EtlError('not_found', 'no file matches this pattern', { source: input });
    for (const m of matches) if (!files.includes(m)) files.push(m);
  }
  return files;
}

/** The documents of a run: the registry's, or the `--input` files' (ids made unique). */
export function jobSpecs(opts: { inputs?: readonly string[]; registry?: string; year?: number; format?: SourceFormat }): JobSpec[] {
  if (opts.inputs?.length) {
    const seen = new Map<string, number>();
    return expandInputs(opts.inputs).map((file) => {
      const base = documentIdFor(file);
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return { document_id: n > 1 ? `${base}-${n}` : base, source: file, entry: null, year: opts.year, format: opts.format };
    });
  }
  return loadRegistry(opts.registry).map((doc) => ({
    document_id: doc.entry.document_id, source: doc.absolutePath, entry: doc.entry, year: opts.year, format: opts.format,
  }));
}

/** Reads a job's bytes (checking a registered file's sha256) and resolves its format from content. */
export function readJob(job: JobSpec): { bytes: Uint8Array; ref: SourceRef; format: SourceFormat } {
  if (job.entry) {
    const { bytes, sha } = readRegistered({ entry: job.entry, absolutePath: job.source });
    const source_path = relative(process.cwd(), job.source) || job.source;
    return { bytes, ref: { ...job.entry, source_path, source_sha256: sha }, format: resolveFormat(bytes, job.source, job.entry.format, job.format) };
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(job.source);
  } catch (cause) {
    throw new EtlError('not_found', 'cannot read input file', { stage: 'extract', source: job.source, cause });
  }
  const ref: SourceRef = { document_id: job.document_id, publisher: '중소기업중앙회', report_year: job.year, source_path: job.source, source_sha256: sha256(bytes) };
  return { bytes, ref, format: resolveFormat(bytes, job.source, declaredFormat(job.source), job.format) };
}
