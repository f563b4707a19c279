import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdirSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { EtlError } from '../schemas/index.js';

export interface Warehouse {
  readonly path: string;
  readonly conn: DuckDBConnection;
  close(): void;
}

/**
 * Opens (creating if needed) the DuckDB file. DuckDB lets one process write a file at a time: a
 * second writer gets a clear "warehouse is locked" error rather than a corrupt file.
 */
export async function openWarehouse(
  path: string,
  opts: { readOnly?: boolean; memoryLimit?: string } = {},
): Promise<Warehouse> {
  if (!opts.readOnly) mkdirSync(dirname(path), { recursive: true });
  let instance: DuckDBInstance;
  // DuckDB would cache up to 80% of RAM; a batch loading thousands of reports needs far less.
  const settings: Record<string, string> = { memory_limit: opts.memoryLimit ?? '256MB' };
  if (opts.readOnly) settings.access_mode = 'READ_ONLY';
  try {
    instance = await DuckDBInstance.create(path, settings);
  } catch (cause) {
    const text = String((cause as Error).message ?? cause);
    if (/lock/i.test(text)) {
      throw new EtlError('warehouse_locked', 'warehouse is locked by another process; wait for it to finish', {
        source: path,
        cause,
      });
    }
    throw new EtlError('warehouse_failed', `cannot open warehouse: ${text.split('\n')[0]}`, { source: path, cause });
  }
  const conn = await instance.connect();
  return {
    path,
    conn,
    close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/**
 * Opens the warehouse for analysts' SQL so that no statement can write: the file is read-only,
 * files outside `readableDirs` (the Parquet export) cannot be read or written, no other database
 * can be attached, no extension installed, and the configuration is locked so a `SET` cannot
 * undo any of it. DuckDB still lets a statement write inside `readableDirs` (a `COPY` there), so
 * callers run only statements `readOnlyStatements` accepts.
 */
export async function openReadOnly(path: string, opts: { readableDirs?: readonly string[] } = {}): Promise<Warehouse> {
  const wh = await openWarehouse(path, { readOnly: true });
  // A trailing separator, or `/out/parquet` would also allow `/out/parquet-old`.
  const dirs = (opts.readableDirs ?? []).map((d) => `'${(resolve(d) + sep).replace(/'/g, "''")}'`);
  try {
    // allowed_directories is a list, which the C API's config flags cannot set: it is set here, before the lock.
    await wh.conn.run(`SET allowed_directories = [${dirs.join(', ')}]`);
    await wh.conn.run('SET autoinstall_known_extensions = false');
    await wh.conn.run('SET autoload_known_extensions = false');
    await wh.conn.run('SET enable_external_access = false');
    await wh.conn.run('SET lock_configuration = true');
  } catch (cause) {
    wh.close();
    throw new EtlError('warehouse_failed', 'cannot lock the warehouse down for reading', { source: path, cause });
  }
  return wh;
}
