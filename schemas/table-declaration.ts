import { z } from 'zod';

/** Column types the loader knows how to append; TIMESTAMPTZ for instants, so no reader takes UTC for local time. */
export type ColumnType =
  'VARCHAR' | 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN' | 'DATE' | 'TIMESTAMP' | 'TIMESTAMPTZ' | 'VARCHAR[]';

/** What a table or column means, in English and in Korean (the data dictionary). */
export interface Description {
  readonly en: string;
  readonly ko: string;
}

export interface ColumnSpec extends Description {
  readonly name: string;
  readonly type: ColumnType;
  /** The `COMMENT` DuckDB stores: Korean, then English. */
  readonly comment: string;
}

/** A column's SQL type and its meaning in English and Korean, declared beside the zod field it stores. */
export type ColumnDecl = readonly [type: ColumnType, en: string, ko: string];

/** One comment for both readers: `한국어 설명 | English description`. */
export const bilingual = (d: Description): string => `${d.ko} | ${d.en}`;

/** One entry per field of the row schema, no more, no fewer: the compiler checks both ways. */
export type Columns<S extends z.ZodRawShape> = { readonly [K in keyof S]-?: ColumnDecl };

export interface TableSpec<S extends z.ZodRawShape = z.ZodRawShape> extends Description {
  readonly name: string;
  /** The `COMMENT` DuckDB stores: Korean, then English. */
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
  [en, ko]: readonly [en: string, ko: string],
  perDocument: boolean,
  row: z.ZodObject<S>,
  columns: NoInfer<Columns<S>>,
): TableSpec<S> {
  const specs = Object.entries(columns as Record<string, ColumnDecl>).map(([col, [type, cen, cko]]) => ({
    name: col,
    type,
    en: cen,
    ko: cko,
    comment: bilingual({ en: cen, ko: cko }),
  }));
  return { name, en, ko, comment: bilingual({ en, ko }), perDocument, columns: specs, row };
}
