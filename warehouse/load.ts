import type { DuckDBConnection } from '@duckdb/node-api';
import type { NormalizedDocument } from '../schemas/normalized.js';
import { EtlError } from '../schemas/etl-error.js';
import { appendRows, type Row } from './append-rows.js';
import { ensureSchema } from './ddl.js';
import { dimensionRows, documentRows } from './rows.js';
import { TABLES, tableSpec } from './table-specs.js';

async function inTransaction<T>(conn: DuckDBConnection, work: () => Promise<T>): Promise<T> {
  await conn.run('BEGIN TRANSACTION');
  try {
    const result = await work();
    await conn.run('COMMIT');
    return result;
  } catch (e) {
    await conn.run('ROLLBACK');
    throw e;
  }
}

async function replace(conn: DuckDBConnection, rows: Record<string, Row[]>, where: string | null): Promise<number> {
  let n = 0;
  for (const [name, list] of Object.entries(rows)) {
    await conn.run(`DELETE FROM ${name}${where ? ` WHERE ${where}` : ''}`);
    n += await appendRows(conn, tableSpec(name), list);
  }
  return n;
}

/**
 * Loads one document in one transaction: its old rows go and its new rows come together, so a
 * rerun never duplicates and a failure leaves the previous load in place. Dimensions are refreshed
 * in the same transaction.
 */
export async function loadDocument(conn: DuckDBConnection, doc: NormalizedDocument, loaded_at: string): Promise<number> {
  await ensureSchema(conn);
  const id = doc.document.document_id.replace(/'/g, "''");
  try {
    return await inTransaction(conn, async () => {
      const n = await replace(conn, documentRows(doc, loaded_at), `document_id = '${id}'`);
      await replace(conn, dimensionRows(), null);
      return n;
    });
  } catch (cause) {
    if (cause instanceof EtlError) throw cause;
    throw new EtlError('warehouse_failed', `load failed: ${String((cause as Error).message).split('\n')[0]}`, { stage: 'load', source: doc.document.source_path, cause });
  }
}

/** Appends run-log rows (their own small transaction). */
export async function recordRuns(conn: DuckDBConnection, runs: readonly Row[]): Promise<void> {
  await ensureSchema(conn);
  await inTransaction(conn, () => appendRows(conn, tableSpec('pipeline_runs'), runs));
}

export const PER_DOCUMENT_TABLES = TABLES.filter((t) => t.perDocument).map((t) => t.name);
