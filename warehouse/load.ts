import type { DuckDBConnection } from '@duckdb/node-api';
import type { NormalizedDocument } from '../schemas/index.js';
import { EtlError } from '../schemas/index.js';
import { appendRows } from './append-rows.js';
import { ensureSchema } from './ddl.js';
import { documentRows, type TableRows } from './rows.js';
import { WAREHOUSE_TABLES, type WarehouseRow, type WarehouseTableName } from '../schemas/index.js';

async function inTransaction<T>(conn: DuckDBConnection, work: () => Promise<T>): Promise<T> {
  await conn.run('BEGIN TRANSACTION');
  try {
    const result = await work();
    await conn.run('COMMIT');
    return result;
  } catch (e) {
    // A failed COMMIT (disk full …) has already ended the transaction, and ROLLBACK then fails
    // with "cannot rollback": the first error is the cause worth reporting.
    await conn.run('ROLLBACK').catch(() => {});
    throw e;
  }
}

/**
 * A DuckDB failure in one line. A full disk says so and names the file DuckDB was writing
 * (`no space left on device writing /out/kbiz.duckdb.wal`), or `file` when DuckDB did not say.
 */
export function warehouseFailure(cause: unknown, file: string): string {
  const text = String((cause as Error | null)?.message ?? cause);
  const named = (cause as NodeJS.ErrnoException | null)?.path ?? /"([^"]+)"/.exec(text)?.[1];
  if (/no space left on device/i.test(text)) return `no space left on device writing ${named ?? file}`;
  return text.split('\n')[0]!;
}

/** The documents loaded, each with the sha256 of its source bytes (none in a new warehouse, before its schema). */
export async function loadedSources(conn: DuckDBConnection): Promise<Map<string, string>> {
  const exists = await conn.runAndReadAll(
    `SELECT 1 FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = 'documents'`,
  );
  if (!exists.currentRowCount) return new Map();
  const rows = (await conn.runAndReadAll('SELECT document_id, source_sha256 FROM documents')).getRowObjectsJson();
  return new Map(rows.map((r) => [String(r.document_id), String(r.source_sha256)]));
}

async function replace(
  conn: DuckDBConnection,
  tables: Partial<Record<WarehouseTableName, TableRows>>,
  where: string,
  clear: boolean,
): Promise<number> {
  let n = 0;
  for (const [name, { rows, constants }] of Object.entries(tables) as Array<[WarehouseTableName, TableRows]>) {
    if (clear) await conn.run(`DELETE FROM ${name} WHERE ${where}`);
    n += await appendRows(conn, WAREHOUSE_TABLES[name], rows, constants);
  }
  return n;
}

/**
 * Loads one document in one transaction: its old rows go and its new rows come together, so a
 * rerun never duplicates and a failure leaves the previous load in place.
 */
export async function loadDocument(
  conn: DuckDBConnection,
  doc: NormalizedDocument,
  loaded_at: string,
  artifact_sha256: string | null = null,
): Promise<number> {
  await ensureSchema(conn);
  const id = doc.document.document_id.replace(/'/g, "''");
  try {
    return await inTransaction(conn, async () => {
      // A document's rows only ever exist together with its `documents` row (one transaction),
      // so a document not yet there has nothing to delete anywhere.
      const present = await conn.runAndReadAll(`SELECT count(*) AS n FROM documents WHERE document_id = '${id}'`);
      const loaded = Number(present.getRowObjects()[0]!.n) > 0;
      return replace(conn, documentRows(doc, loaded_at, artifact_sha256), `document_id = '${id}'`, loaded);
    });
  } catch (cause) {
    if (cause instanceof EtlError) throw cause;
    const why = warehouseFailure(cause, 'the warehouse');
    // A full disk is about the warehouse, not the document: the document's name would mislead.
    if (why.startsWith('no space')) throw new EtlError('warehouse_failed', why, { stage: 'load', cause });
    const source = doc.document.source_path;
    throw new EtlError('warehouse_failed', `load failed: ${why}`, { stage: 'load', source, cause });
  }
}

/** Appends run-log rows (their own small transaction). */
export async function recordRuns(
  conn: DuckDBConnection,
  runs: readonly WarehouseRow<'pipeline_runs'>[],
): Promise<void> {
  await ensureSchema(conn);
  await inTransaction(conn, () => appendRows(conn, WAREHOUSE_TABLES.pipeline_runs, runs));
}
