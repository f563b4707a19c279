import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EtlError } from '../schemas/index.js';
import { Registry, type SourceEntry } from '../schemas/index.js';
import { readSource } from './read-source.js';

/** The project root: where package.json lives, above this module (src or dist). */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const defaultRegistryPath = (): string => join(projectRoot(), 'sources', 'registry.json');

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export interface SourceDocument {
  readonly entry: SourceEntry;
  readonly absolutePath: string;
  /**
   * The path recorded as `documents.source_path`: the entry's path joined to the registry's folder
   * as the user named it (`sources/…` for the default registry), so it never depends on the
   * working directory.
   */
  readonly sourcePath: string;
}

/** How the default registry is named in recorded paths: relative to the project. */
const DEFAULT_REGISTRY_NAME = join('sources', 'registry.json');

/** Reads and validates the registry; every error names the registry file. */
export function loadRegistry(named?: string): SourceDocument[] {
  const path = named ?? defaultRegistryPath();
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new EtlError('registry_invalid', `cannot read registry: ${(cause as Error).message}`, {
      source: path,
      cause,
    });
  }
  const parsed = Registry.safeParse(json);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new EtlError('registry_invalid', `invalid registry at ${i.path.join('.') || '(root)'}: ${i.message}`, {
      source: path,
    });
  }
  const shownDir = dirname(named ?? DEFAULT_REGISTRY_NAME);
  return parsed.data.sources.map((entry) => ({
    entry,
    absolutePath: resolve(dirname(path), entry.path),
    sourcePath: join(shownDir, entry.path),
  }));
}

/** Reads a registered document's bytes and checks them against the registered sha256. */
export function readRegistered(doc: SourceDocument): { bytes: Uint8Array; sha: string } {
  let bytes: Uint8Array;
  try {
    bytes = readSource(doc.absolutePath);
  } catch (cause) {
    if (cause instanceof EtlError) throw cause;
    throw new EtlError('not_found', 'registered source file is missing', { source: doc.absolutePath, cause });
  }
  const sha = sha256(bytes);
  if (sha !== doc.entry.sha256) {
    throw new EtlError('checksum_mismatch', `sha256 is ${sha}, registry says ${doc.entry.sha256}`, {
      source: doc.absolutePath,
    });
  }
  return { bytes, sha };
}

/**
 * `2021-report.txt` → `2021-report`: the base of a document id for an ad-hoc input. A name with
 * no Latin letters or digits (`사업보고.txt`) gets a stable id from the name instead (never from
 * the folder, which depends on where the command runs).
 */
export function documentIdFor(file: string): string {
  const name = basename(file);
  const stem = name.replace(/\.[^.]+$/, '').toLowerCase();
  const slug = stem.replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+|-+$/g, '');
  return /[a-z0-9]/.test(slug) ? slug : `doc-${sha256(Buffer.from(name)).slice(0, 10)}`;
}
