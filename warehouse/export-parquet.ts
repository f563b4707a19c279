import type { DuckDBConnection } from '@duckdb/node-api';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { TABLES } from '../schemas/index.js';

const lit = (p: string) => `'${p.replace(/'/g, "''")}'`;

/**
 * Writes `<dir>/<table>/report_year=<YYYY>/*.parquet` for per-document tables and
 * `<dir>/<table>.parquet` for dimensions. Written beside the old export, then swapped in, so a
 * reader never sees half an export.
 */
export async function exportParquet(conn: DuckDBConnection, dir: string): Promise<number> {
  const staging = `${dir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  let files = 0;
  for (const t of TABLES) {
    if (t.perDocument) {
      const rows = await conn.runAndReadAll(`SELECT count(*) AS n FROM ${t.name}`);
      if (Number(rows.getRowObjects()[0]!.n) === 0) continue;
      await conn.run(`COPY (SELECT * FROM ${t.name} ORDER BY ALL) TO ${lit(join(staging, t.name))} (FORMAT parquet, PARTITION_BY (report_year))`);
    } else {
      await conn.run(`COPY (SELECT * FROM ${t.name} ORDER BY ALL) TO ${lit(join(staging, `${t.name}.parquet`))} (FORMAT parquet)`);
    }
    files++;
  }
  const old = `${dir}.old-${process.pid}`;
  rmSync(old, { recursive: true, force: true });
  try {
    renameSync(dir, old);
  } catch {
    // first export: nothing to move aside
  }
  renameSync(staging, dir);
  rmSync(old, { recursive: true, force: true });
  return files;
}
