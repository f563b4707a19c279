import { createHash } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { z } from 'zod';
import { EtlError } from '../schemas/index.js';

export type ArtifactName = 'extracted' | 'normalized';

export const artifactPath = (out: string, documentId: string, name: ArtifactName): string =>
  join(out, 'artifacts', documentId, `${name}.json`);

/** The file functions the atomic writer uses: node's, or failing ones in tests. */
export interface WriteFs {
  mkdirSync(path: string, opts: { recursive: true }): unknown;
  writeFileSync(path: string, data: string): void;
  renameSync(from: string, to: string): void;
  rmSync(path: string, opts: { force: true }): void;
}

/** What a failed write means to the person running the pipeline, by errno. */
const WRITE_ERRORS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EFBIG: 'file too large',
  EIO: 'input/output error',
};

/** A failed write as one line: `no space left on device writing <file>`. */
export function writeFailure(cause: unknown, file: string, stage?: string): EtlError {
  const code = (cause as NodeJS.ErrnoException | null)?.code;
  const what = (code && WRITE_ERRORS[code]) ?? String((cause as Error | null)?.message ?? cause).split('\n')[0];
  return new EtlError('stage_failed', `${what} writing ${file}`, { stage, cause });
}

/**
 * Writes `data` to a temp file beside `path`, then renames it into place: a crash never leaves
 * half a file. A failed write (disk full …) removes the temp file and throws one `writeFailure`.
 */
export function writeFileAtomic(path: string, data: string, fs: WriteFs = nodeFs): void {
  const tmp = `${path}.tmp-${process.pid}-${threadId}`;
  try {
    fs.mkdirSync(dirname(path), { recursive: true });
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, path);
  } catch (cause) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // the write's own error is the one worth reporting
    }
    throw writeFailure(cause, path);
  }
}

/**
 * Writes an artifact atomically (`writeFileAtomic`); returns its text and the sha256 of its bytes
 * (the next stage's input hash). Whoever uses the artifact next parses that text, so what is loaded
 * is exactly what was written, whichever thread made it. The value comes typed from the stage that
 * made it and is not validated here: zod on a whole report costs ~100 ms until warm, more than the
 * rest of a one-report run's transform, and validation is where an artifact comes from disk
 * (`readVerified`). The golden tests check that every rendition's artifacts are exactly what their
 * schemas make of them.
 */
export function writeArtifact(path: string, value: unknown, fs: WriteFs = nodeFs): { sha256: string; json: string } {
  const json = JSON.stringify(value);
  writeFileAtomic(path, json, fs);
  const sha256 = createHash('sha256').update(json).digest('hex');
  try {
    rememberHash(path, sha256, statKey(nodeFs.statSync(path, { bigint: true })), fs);
  } catch {
    // only a shortcut: without it the next run hashes the bytes
  }
  return { sha256, json };
}

/**
 * Beside each artifact, `<artifact>.sha256`: its hash with the file's size, modification and
 * change times and inode as they were when it was hashed. A rerun over a thousand documents then
 * stats its artifacts instead of reading and hashing a gigabyte. Any write to the file, a rename
 * onto it or a copy of it changes its change time (which, unlike the modification time, no tool
 * sets back), and the hash is computed from the bytes again, and noted again.
 */
const hashNote = (path: string) => `${path}.sha256`;

const statKey = (st: nodeFs.BigIntStats): string => `${st.size}:${st.mtimeNs}:${st.ctimeNs}:${st.ino}`;

function rememberHash(path: string, sha256: string, key: string, fs: WriteFs = nodeFs): void {
  try {
    fs.writeFileSync(hashNote(path), `${sha256} ${key}`);
  } catch {
    // only a shortcut: without it the next run hashes the bytes
  }
}

/** sha256 of an artifact's bytes, or null when there is none (see `rememberHash`). */
export function artifactHash(path: string): string | null {
  let fd: number;
  try {
    fd = nodeFs.openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    const key = statKey(nodeFs.fstatSync(fd, { bigint: true }));
    try {
      const [sha256, noted] = nodeFs.readFileSync(hashNote(path), 'utf8').split(' ');
      if (noted === key && sha256) return sha256;
    } catch {
      // no note: hash the bytes
    }
    const sha256 = createHash('sha256').update(nodeFs.readFileSync(fd)).digest('hex');
    // noted only if the file did not change while it was read
    if (statKey(nodeFs.fstatSync(fd, { bigint: true })) === key) rememberHash(path, sha256, key);
    return sha256;
  } catch {
    return null;
  } finally {
    nodeFs.closeSync(fd);
  }
}

/**
 * Reads and validates an artifact, with the sha256 of its bytes (the next stage's input hash);
 * a missing or malformed one is an error naming the file.
 */
export function readArtifactWithHash<S extends z.ZodType>(
  path: string,
  schema: S,
): { value: z.infer<S>; sha256: string } {
  let text: string;
  try {
    text = nodeFs.readFileSync(path, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new EtlError('artifact_missing', 'no artifact here: run the previous stage first', { source: path, cause });
    // e.g. ERR_STRING_TOO_LONG: an artifact past V8's largest string; the input caps keep real ones far below
    const size = nodeFs.existsSync(path) ? ` (${(nodeFs.statSync(path).size / 2 ** 20).toFixed(0)} MB)` : '';
    throw new EtlError('artifact_invalid', `cannot read artifact${size}: ${(cause as Error).message.split('\n')[0]}`, {
      source: path,
      cause,
    });
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
    throw new EtlError(
      'artifact_invalid',
      `artifact does not match its schema at ${first?.path.join('.')}: ${first?.message}`,
      { source: path },
    );
  }
  return { value: parsed.data, sha256: createHash('sha256').update(text).digest('hex') };
}

/** What an artifact says it is, from its first keys (`artifact`, `pipeline_version`, `input_sha256`, `document`). */
export interface Stamp {
  readonly artifact: string | null;
  readonly pipeline_version: string | null;
  readonly input_sha256: string | null;
  readonly document_id: string | null;
  readonly source_sha256: string | null;
}

const HEAD_BYTES = 4096;

function readHead(path: string): string | null {
  try {
    const fd = nodeFs.openSync(path, 'r');
    try {
      const buf = Buffer.alloc(HEAD_BYTES);
      return buf.subarray(0, nodeFs.readSync(fd, buf, 0, buf.length, 0)).toString('utf8');
    } finally {
      nodeFs.closeSync(fd);
    }
  } catch {
    return null;
  }
}

/** A JSON string value of `key` in `head` (the first one: the stamp and `document` come first). */
function headValue(head: string, key: string): string | null {
  const raw = new RegExp(`"${key}":("(?:[^"\\\\]|\\\\.)*")`).exec(head)?.[1];
  if (!raw) return null;
  try {
    return JSON.parse(raw) as string;
  } catch {
    return null;
  }
}

/**
 * The stamp of an artifact without reading all of it (for skip decisions), or null when there is
 * no file. Fields the head does not hold are null.
 */
export function peekStamp(path: string): Stamp | null {
  const head = readHead(path);
  if (head === null) return null;
  const documentAt = head.indexOf('"document":{');
  const doc = documentAt >= 0 ? head.slice(documentAt) : '';
  return {
    artifact: headValue(head, 'artifact'),
    pipeline_version: headValue(head, 'pipeline_version'),
    input_sha256: headValue(head, 'input_sha256'),
    document_id: headValue(doc, 'document_id'),
    source_sha256: headValue(doc, 'source_sha256'),
  };
}

/** What a stage expects of an artifact it would skip or read. */
export interface Expected {
  readonly artifact: ArtifactName;
  readonly document_id: string;
  readonly pipeline_version: string;
  /** The input hash it must be stamped with; null: not checked (the input is not at hand). */
  readonly input_sha256?: string | null;
}

/**
 * `fresh`: stamped as expected, so the stage may skip. `stale`: an older input or pipeline
 * version, redone without remark. `bad`: not what it claims or not readable, redone with `note`.
 */
export type StampCheck =
  { readonly state: 'missing' | 'stale' | 'fresh' } | { readonly state: 'bad'; readonly note: string };

type Head = Pick<Stamp, 'artifact' | 'document_id'>;

/** Why an artifact is not what the stage expects (unreadable stamp, wrong kind, another document), or null. */
function foreignStamp(stamp: Head, complete: boolean, expected: Expected): string | null {
  const name = expected.artifact;
  const { artifact, document_id } = stamp;
  if (!complete || !artifact || !document_id) return `${name} artifact was corrupt: redone`;
  if (artifact !== name) return `${name} artifact was a ${artifact} artifact: redone`;
  if (document_id !== expected.document_id) return `${name} artifact was for document ${document_id}: redone`;
  return null;
}

/** Checks an artifact's stamp against what the stage expects, reading only its head. */
export function checkStamp(path: string, expected: Expected): StampCheck {
  const stamp = peekStamp(path);
  if (!stamp) return { state: 'missing' };
  const note = foreignStamp(stamp, Boolean(stamp.pipeline_version && stamp.input_sha256), expected);
  if (note) return { state: 'bad', note };
  const input = expected.input_sha256;
  const sameInput = input === undefined || stamp.input_sha256 === input;
  return { state: sameInput && stamp.pipeline_version === expected.pipeline_version ? 'fresh' : 'stale' };
}

/** What `readVerified` checks of an artifact's content: its kind, version and document. */
type Stamped = { artifact: string; pipeline_version: string; document: { document_id: string } };

export type Verified<T> =
  | { readonly ok: true; readonly value: T; readonly sha256: string }
  | { readonly ok: false; readonly missing: boolean; readonly note: string };

/**
 * Reads an artifact for a stage and verifies it: it parses, matches its schema, and is stamped
 * with the expected kind, document and pipeline version. Anything else is a note for the caller,
 * which redoes the artifact from its input: an artifact is never trusted, and never fatal.
 */
export function readVerified<S extends z.ZodType<Stamped>>(
  path: string,
  schema: S,
  expected: Expected,
): Verified<z.infer<S>> {
  let read: { value: z.infer<S>; sha256: string };
  try {
    read = readArtifactWithHash(path, schema);
  } catch (e) {
    const missing = e instanceof EtlError && e.code === 'artifact_missing';
    if (missing) return { ok: false, missing, note: 'no artifact here: run the previous stage first' };
    return { ok: false, missing, note: `${expected.artifact} artifact was corrupt: redone` };
  }
  const { artifact, pipeline_version, document } = read.value;
  const otherVersion = pipeline_version === expected.pipeline_version ? null : `made by pipeline ${pipeline_version}`;
  const note =
    foreignStamp({ artifact, document_id: document.document_id }, true, expected) ??
    (otherVersion && `${expected.artifact} artifact was ${otherVersion}: redone`);
  return note ? { ok: false, missing: false, note } : { ok: true, ...read };
}
