import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { z } from 'zod';
import { EtlError } from '../schemas/etl-error.js';

export type ArtifactName = 'extracted' | 'normalized';

export const artifactPath = (out: string, documentId: string, name: ArtifactName): string =>
  join(out, 'artifacts', documentId, `${name}.json`);

/** Validates, then writes via a temp file and rename: a crash never leaves half an artifact. */
export function writeArtifact<S extends z.ZodType>(path: string, schema: S, value: z.infer<S>): void {
  const checked = schema.parse(value);
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(checked));
  renameSync(tmp, path);
}

/** Reads and validates an artifact; a missing or malformed one is an error naming the file. */
export function readArtifact<S extends z.ZodType>(path: string, schema: S): z.infer<S> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new EtlError('artifact_missing', 'no artifact here: run the previous stage first', { source: path, cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new EtlError('artifact_invalid', 'artifact is not valid JSON', { source: path, cause });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new EtlError('artifact_invalid', `artifact does not match its schema at ${first?.path.join('.')}: ${first?.message}`, { source: path });
  }
  return parsed.data;
}

/** The stamp of an artifact without validating the whole of it (for skip decisions). */
export function peekStamp(path: string): { input_sha256: string; pipeline_version: string } | null {
  try {
    const head = JSON.parse(readFileSync(path, 'utf8')) as { input_sha256?: unknown; pipeline_version?: unknown };
    return typeof head.input_sha256 === 'string' && typeof head.pipeline_version === 'string'
      ? { input_sha256: head.input_sha256, pipeline_version: head.pipeline_version }
      : null;
  } catch {
    return null;
  }
}
