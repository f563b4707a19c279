import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { EtlError } from '../schemas/index.js';
import { MetricCatalog } from '../schemas/index.js';
import { projectRoot } from './registry.js';

/** The curated catalog and the hash of its bytes (part of what a normalized artifact is made from). */
export interface LoadedCatalog {
  readonly metrics: MetricCatalog;
  readonly sha256: string;
}

export const defaultCatalogPath = (): string => join(projectRoot(), 'sources', 'metrics.csv');

const nullable = (s: string | undefined) => (s && s.trim() ? s.trim() : null);
const year = (s: string | undefined) => (nullable(s) === null ? null : Number(s));

/** Parses sources/metrics.csv; every error names the file and the line. */
export function parseCatalog(text: string, path: string): MetricCatalog {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  });
  if (parsed.errors.length) {
    const e = parsed.errors[0]!;
    throw new EtlError('catalog_invalid', `cannot read metric catalog: ${e.message}`, {
      source: path,
      line: (e.row ?? 0) + 2,
    });
  }
  const rows = parsed.data.map((r) => ({
    metric_id: r.metric_id,
    name_ko: r.name_ko,
    name_en: r.name_en,
    kind: r.kind,
    unit_family: r.unit_family,
    aliases: (r.aliases ?? '')
      .split(' ; ')
      .map((a) => a.trim())
      .filter(Boolean),
    denominator_metric_id: nullable(r.denominator_metric_id),
    first_year: year(r.first_year),
    last_year: year(r.last_year),
  }));
  const result = MetricCatalog.safeParse(rows);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const row = typeof issue.path[0] === 'number' ? issue.path[0] : null;
    const where = issue.path.slice(1).join('.');
    throw new EtlError('catalog_invalid', `invalid metric catalog${where ? ` at ${where}` : ''}: ${issue.message}`, {
      source: path,
      line: row === null ? undefined : row + 2,
    });
  }
  return result.data;
}

let bundled: LoadedCatalog | undefined;

/** The bundled catalog, read once per process. */
export function loadCatalog(path = defaultCatalogPath()): LoadedCatalog {
  if (path === defaultCatalogPath() && bundled) return bundled;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (cause) {
    throw new EtlError('not_found', 'cannot read metric catalog', { source: path, cause });
  }
  const loaded = {
    metrics: parseCatalog(bytes.toString('utf8'), path),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
  if (path === defaultCatalogPath()) bundled = loaded;
  return loaded;
}
