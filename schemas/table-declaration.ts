import { z } from 'zod';

/** Column types the loader knows how to append. */
export type ColumnType = 'VARCHAR' | 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN' | 'DATE' | 'TIMESTAMP' | 'VARCHAR[]';

export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
  readonly comment: string;
}

/** A column's SQL type and comment, declared beside the zod field it stores. */
export type ColumnDecl = readonly [ColumnType, string];

/** One entry per field of the row schema, no more, no fewer: the compiler checks both ways. */
export type Columns<S extends z.ZodRawShape> = { readonly [K in keyof S]-?: ColumnDecl };

export interface TableSpec<S extends z.ZodRawShape = z.ZodRawShape> {
  readonly name: string;
  readonly comment: string;
  /** Per-document tables are replaced document by document and exported partitioned by report_year. */
  readonly perDocument: boolean;
  /** In DDL order, which is the order of the declaration (the Appender fills columns by position). */
  readonly columns: readonly ColumnSpec[];
  /** The zod schema of one warehouse row; the loader's rows and the artifacts derive from it. */
  readonly row: z.ZodObject<S>;
}

/**
 * Declares a warehouse table from the zod schema of its rows and, for each field, its SQL type
 * and comment. DDL, `COMMENT ON`, the loader and the Parquet export all read the result, so a
 * field renamed on one side and not the other does not compile.
 */
export function declareTable<S extends z.ZodRawShape>(
  name: string,
  comment: string,
  perDocument: boolean,
  row: z.ZodObject<S>,
  columns: NoInfer<Columns<S>>,
): TableSpec<S> {
  const specs = Object.entries(columns as Record<string, ColumnDecl>).map(([col, [type, text]]) => ({ name: col, type, comment: text }));
  return { name, comment, perDocument, columns: specs, row };
}
