import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { z } from 'zod';
import { EtlError } from '../schemas/etl-error.js';

export type ArtifactName = 'extracted' | 'normalized';

export const artifactPath = (out: string, documentId: string, name: ArtifactName): string =>
  join(out, 'artifacts', documentId, `${name}.json`);

/**
 * Validates, then writes via a temp file and rename: a crash never leaves half an artifact.
 * Returns what was written and the sha256 of its bytes (the next stage's input hash).
 */
export function writeArtifact<S extends z.ZodType>(path: string, schema: S, value: z.infer<S>): { value: z.infer<S>; sha256: string } {
  const checked = schema.parse(value);
  const json = JSON.stringify(checked);
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}-${threadId}`;
  writeFileSync(tmp, json);
  renameSync(tmp, path);
  return { value: checked, sha256: createHash('sha256').update(json).digest('hex') };
}

/** sha256 of an artifact's bytes, or null when there is none. */
export function artifactHash(path: string): string | null {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return null;
  }
}

/**
 * Reads and validates an artifact, with the sha256 of its bytes (the next stage's input hash);
 * a missing or malformed one is an error naming the file.
 */
export function readArtifactWithHash<S extends z.ZodType>(path: string, schema: S): { value: z.infer<S>; sha256: string } {
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
  return { value: parsed.data, sha256: createHash('sha256').update(text).digest('hex') };
}

/**
 * The stamp of an artifact without reading all of it (for skip decisions): artifacts are written
 * with `pipeline_version` and `input_sha256` among their first keys.
 */
export function peekStamp(path: string): { input_sha256: string; pipeline_version: string } | null {
  let head: string;
  try {
    const fd = openSync(path, 'r');
    try {
      const buf = Buffer.alloc(1024);
      head = buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
  const version = /"pipeline_version":("(?:[^"\\]|\\.)*")/.exec(head)?.[1];
  const sha = /"input_sha256":"([0-9a-zA-Z]+)"/.exec(head)?.[1];
  return version && sha ? { input_sha256: sha, pipeline_version: JSON.parse(version) as string } : null;
}
