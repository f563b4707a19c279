import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { EtlError } from '../schemas/etl-error.js';

export interface Warehouse {
  readonly path: string;
  readonly conn: DuckDBConnection;
  close(): void;
}

/**
 * Opens (creating if needed) the DuckDB file. DuckDB lets one process write a file at a time: a
 * second writer gets a clear "warehouse is locked" error rather than a corrupt file.
 */
export async function openWarehouse(path: string, opts: { readOnly?: boolean; memoryLimit?: string } = {}): Promise<Warehouse> {
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
      throw new EtlError('warehouse_locked', 'warehouse is locked by another process; wait for it to finish', { source: path, cause });
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
