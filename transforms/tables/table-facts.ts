import type { Issue, RawTable } from '../../schemas/index.js';
import type { DateMention, FactDraft, UnitSource } from '../../schemas/index.js';
import {
  isTotalLabel,
  regionConflicts,
  resolveRegion,
  resolveRegionPath,
  tokenizeNumbers,
  unitColumns,
  yearOf,
  type Quantity,
} from '../../vocabulary/index.js';
import { unitFromNote, unitInLabel, unitsInNote } from './cell-units.js';
import {
  DEFAULT_SPECIFIC_UNIT,
  isSpecific,
  measureOfLabel,
  measureOfUnit,
  noteUnitsOf,
  soleGeneralUnit,
} from './label-measures.js';
import type { TableContext } from './table-context.js';
import { cellDates, isDateCell } from './table-dates.js';
import type { DataRow, TableModel } from './table-structure.js';

export interface TableFactInput {
  readonly table: RawTable;
  readonly model: TableModel;
  readonly context: TableContext;
  readonly section_id: string | null;
  readonly context_path: readonly string[];
  /** Resolves two-digit years in labels (`'98년`). */
  readonly report_year: number;
}

const firstOf = <T>(labels: readonly string[], f: (l: string) => T | null): T | null => {
  for (const l of labels) {
    const v = f(l);
    if (v !== null) return v;
  }
  return null;
};

/**
 * A table without any unit (no note, no unit in labels or cells) often names its total in the
 * line that introduces it (`… 287회 개최` over a table whose 합계 is 287): that unit is the table's.
 */
function unitFromIntro(input: TableFactInput): string | null {
  const totals = new Set<number>();
  for (const row of input.model.rows) {
    for (const cell of row.cells) {
      const path = [...row.labels, ...(row.col_paths[cell.col] ?? [])];
      if (cell.value.kind === 'quantities' && path.some(isTotalLabel)) totals.add(cell.value.quantities[0]!.value);
    }
  }
  for (const text of input.context.intro) {
    for (const t of tokenizeNumbers(text)) {
      if (t.quantity?.unit_raw && totals.has(t.quantity.value)) return t.quantity.unit_raw;
    }
  }
  return null;
}

const REMARKS = /^(비고|참고|remarks?|notes?)$/i;

/** An empty cell is a number not given when its column holds numbers, not words or remarks. */
const isBlankNumber = (model: TableModel, col: number, labels: readonly string[]) =>
  labels.length > 0 && !model.text_cols.has(col) && !REMARKS.test(labels[labels.length - 1]!.replace(/\s/g, ''));

/** Units a label names without any note: `업체수` counts companies, `건수` cases, `인원` people. */
const KEYWORD_UNITS = ['개사', '건', '명', '%'];

/**
 * In a header of regions (`서울 | 인천 | … | 합계`) every label should be a region: one that is
 * not is recorded, never silently left without a region.
 */
function checkRegionLabels(input: TableFactInput, issues: Issue[]): void {
  const leaves = new Set<string>();
  for (const row of input.model.rows)
    for (const path of row.col_paths) if (path.length) leaves.add(path[path.length - 1]!);
  const labels = [...leaves].filter((l) => !isTotalLabel(l) && !/^구\s*분$/.test(l));
  const unknown = labels.filter((l) => !resolveRegion(l));
  if (labels.length - unknown.length >= 3 && unknown.length && unknown.length <= labels.length / 3) {
    issues.push({
      code: 'region_unknown',
      message: `table ${input.table.table_id}: not a known region: ${unknown.join(', ')}`,
      line_no: input.table.line_start,
    });
  }
  // A label whose name and administrative code name different sido gets no region, and says so.
  for (const row of input.model.rows) {
    for (const message of regionConflicts(row.labels)) {
      const line_no = row.line_no;
      issues.push({ code: 'region_conflict', message: `table ${input.table.table_id}: ${message}`, line_no });
    }
  }
}

/**
 * What a label path (a row's labels, or a column's) says alone, read once per path rather than per
 * cell: its year, region and total flag, and the units its labels name.
 */
interface PathInfo {
  /** The labels, one copy shared by the path's facts (never mutated). */
  readonly labels: string[];
  readonly year: number | null;
  readonly region: string | null;
  readonly total: boolean;
  /** The innermost unit a label writes (`인원(명)`), with where it was read. */
  readonly written: SourcedUnit | null;
  /** The innermost rate, point change or ratio a label names, as `specificUnit` reads it. */
  readonly specific: SpecificUnit | null;
}

interface TableScope {
  readonly input: TableFactInput;
  readonly noteUnits: readonly string[];
  readonly introUnit: string | null;
  readonly tableYear: number | null;
  readonly yearOf: (label: string) => number | null;
  /** Labels whose measure the unit note contradicts, reported once per table. */
  readonly conflicts: Set<string>;
  /** Dates written in cells: date mentions, never facts. */
  readonly dates: DateMention[];
  /** One copy of the context path, shared by the table's facts (never mutated). */
  readonly context_path: string[];
}

type DataCell = DataRow['cells'][number];

/** A unit and where it was read: the cell, the column or row labels, the unit note, the intro line. */
interface SourcedUnit {
  readonly unit: string | null;
  readonly source: UnitSource;
}

/** A specific measure's unit, and the disagreement with the unit note it records when used. */
interface SpecificUnit extends SourcedUnit {
  readonly conflict: string | null;
}

const sourced = (unit: string | null, source: UnitSource): SourcedUnit | null => (unit ? { unit, source } : null);

/** The innermost label of `labels` that writes a unit. */
function writtenUnit(labels: readonly string[], source: UnitSource): SourcedUnit | null {
  for (let i = labels.length - 1; i >= 0; i--) {
    const unit = unitInLabel(labels[i]!);
    if (unit) return { unit, source };
  }
  return null;
}

/**
 * A rate, point change or ratio a label names beats any money or count around it (`증감률` under
 * `총수입`): its unit is the label's own, else the note's unit of that kind, else `%`, `%p` or `배`;
 * a note listing no unit of that kind disagrees with the label and is recorded.
 */
function specificUnit(
  noteUnits: readonly string[],
  labels: readonly string[],
  source: UnitSource,
): SpecificUnit | null {
  for (let i = labels.length - 1; i >= 0; i--) {
    const label = labels[i]!;
    const m = measureOfLabel(label);
    if (!m || !isSpecific(m)) continue;
    const own = unitInLabel(label);
    if (own && measureOfUnit(own) === m) return { unit: own, source, conflict: null };
    const inNote = noteUnitsOf(noteUnits, m)[0];
    if (inNote) return { unit: inNote, source: 'note', conflict: null };
    const conflict = noteUnits.length ? `${label} is a ${m}, the note lists ${noteUnits.join(', ')}` : null;
    return { unit: DEFAULT_SPECIFIC_UNIT[m]!, source, conflict };
  }
  return null;
}

function pathInfo(scope: TableScope, labels: readonly string[], source: 'row' | 'column'): PathInfo {
  return {
    labels: [...labels],
    year: firstOf(labels, scope.yearOf),
    region: resolveRegionPath(labels),
    total: labels.some(isTotalLabel),
    written: writtenUnit(labels, source),
    specific: specificUnit(scope.noteUnits, labels, source),
  };
}

/**
 * The labels of a cell merged over several columns (or rows): every path's labels, each once, in order
 * (`예산/2020` and `예산/2021` → `예산/2020/2021`); a year or region only where all the paths agree on it.
 */
function mergedInfo(scope: TableScope, paths: ReadonlyArray<readonly string[]>, source: 'row' | 'column'): PathInfo {
  const labels: string[] = [];
  for (const path of paths) for (const l of path) if (!labels.includes(l)) labels.push(l);
  const parts = paths.map((p) => pathInfo(scope, p, source));
  const agreed = <T>(f: (p: PathInfo) => T): T | null =>
    parts.every((p) => f(p) === f(parts[0]!)) ? f(parts[0]!) : null;
  return { ...pathInfo(scope, labels, source), year: agreed((p) => p.year), region: agreed((p) => p.region) };
}

/** A row's own unit (`인원(명)`, `건수`), or the one of the row above for a row with no labels. */
function rowUnitOf(row: PathInfo, noteUnits: readonly string[], above: SourcedUnit | null): SourcedUnit | null {
  if (!row.labels.length) return above;
  return (
    row.written ??
    sourced(unitFromNote(noteUnits.length ? noteUnits : KEYWORD_UNITS, row.labels), noteUnits.length ? 'note' : 'row')
  );
}

/**
 * Unit by precedence (labels innermost first, column labels before row labels): a rate, point
 * change or ratio in any label; a unit written in a label; the unit note by label; a label
 * keyword; the row's unit; the note's one money or count unit; the title's total.
 */
function cellUnit(scope: TableScope, row: PathInfo, col: PathInfo, rowUnit: SourcedUnit | null): SourcedUnit {
  const explicit = col.written ?? row.written;
  if (explicit && isSpecific(measureOfUnit(explicit.unit!))) return explicit;
  const specific = col.specific ?? row.specific;
  if (specific) {
    if (specific.conflict) scope.conflicts.add(specific.conflict);
    return specific;
  }
  return (
    explicit ??
    sourced(unitFromNote(scope.noteUnits, row.labels, col.labels), 'note') ??
    sourced(unitFromNote(KEYWORD_UNITS, col.labels), 'column') ??
    rowUnit ??
    sourced(soleGeneralUnit(scope.noteUnits), 'note') ??
    sourced(scope.introUnit, 'intro') ?? { unit: null, source: 'default' }
  );
}

/** The facts of one cell: one per quantity, a NULL fact for nil or a number not given, none for words. */
function cellFacts(
  scope: TableScope,
  row: DataRow,
  cell: DataCell,
  labels: { readonly row: PathInfo; readonly col: PathInfo },
  rowUnit: SourcedUnit | null,
  counter: { unitless: number },
): FactDraft[] {
  const { table, model, context } = scope.input;
  const row_labels = labels.row.labels;
  const col_labels = labels.col.labels;
  const labelUnit = cellUnit(scope, labels.row, labels.col, rowUnit);
  const period_year = labels.row.year ?? labels.col.year ?? scope.tableYear;
  const region_code = labels.col.region ?? labels.row.region;
  const is_total = labels.row.total || labels.col.total;
  const id = `${table.table_id}-r${row.row_index}c${cell.raw_col}`;
  // One literal per fact (no spreads): facts are the most numerous objects of a document.
  // a number inside words (`1유형(3만명)`) takes no money or count unit from the note or labels (they are about
  // the figures); a rate its label names it keeps (`지원비율 | 정부·대기업 지원 100`)
  const fact = (q: Quantity | null, fact_id: string, raw: string, inWords = false): FactDraft => {
    const inCell = q?.unit_raw ?? null;
    const unit_raw = inCell ?? (inWords && !isSpecific(measureOfUnit(labelUnit.unit ?? '')) ? null : labelUnit.unit);
    if (q && !unit_raw) counter.unitless++;
    const value = q ? q.value : null;
    const units = unitColumns(value, unit_raw);
    return {
      origin: 'table',
      section_id: scope.input.section_id,
      table_id: table.table_id,
      line_no: row.line_no,
      row_labels,
      col_labels,
      context_path: scope.context_path,
      subject: context.title,
      period_year,
      region_code,
      is_total,
      fact_id,
      raw_text: raw,
      value,
      unit_raw: units.unit_raw,
      unit: units.unit,
      base_unit: units.base_unit,
      value_base: units.value_base,
      qualifier: q?.qualifier ?? null,
      unit_source: inCell ? 'cell' : labelUnit.source,
    };
  };
  const v = cell.value;
  if ((v.kind === 'quantities' && isDateCell(cell.raw)) || v.kind === 'text') {
    const subject = row_labels[row_labels.length - 1] ?? context.title;
    // `7월 인터넷대출 개시` in the `'09년` row is July 2009.
    for (const d of cellDates(cell.raw, row.line_no, subject, period_year, scope.input.report_year))
      scope.dates.push(d);
    if (v.kind === 'quantities' || isDateCell(cell.raw)) return [];
  }
  if (v.kind === 'quantities')
    return v.quantities.map((q, k) => fact(q, v.quantities.length > 1 ? `${id}-${k + 1}` : id, q.raw));
  if (v.kind === 'nil' || (v.kind === 'empty' && isBlankNumber(model, cell.col, col_labels)))
    return [fact(null, id, cell.raw)];
  if (v.kind !== 'text') return [];
  return tokenizeNumbers(cell.raw).flatMap((t, k) =>
    t.quantity ? [fact(t.quantity, `${id}-q${k + 1}`, t.quantity.raw, true)] : [],
  );
}

/**
 * Every number of a structured table as a fact with its label paths, unit, year, region and total
 * flag; the dates its cells write go to `dates`.
 */
export function tableFacts(input: TableFactInput, issues: Issue[], dates: DateMention[] = []): FactDraft[] {
  const { table, context } = input;
  const noteUnits = unitsInNote(context.unit_note);
  const yearIn = (label: string) => yearOf(label, input.report_year);
  const scope: TableScope = {
    input,
    noteUnits,
    introUnit: noteUnits.length ? null : unitFromIntro(input),
    tableYear: firstOf([context.caption ?? '', context.title], yearIn),
    yearOf: yearIn,
    conflicts: new Set(),
    dates,
    context_path: [...input.context_path],
  };
  checkRegionLabels(input, issues);
  const facts: FactDraft[] = [];
  const counter = { unitless: 0 };
  // Rows of one header share their column paths: each path is read once per table.
  const colInfos = new Map<readonly string[], PathInfo>();
  const colInfo = (path: readonly string[]) =>
    colInfos.get(path) ?? colInfos.set(path, pathInfo(scope, path, 'column')).get(path)!;
  const noLabels: readonly string[] = [];
  let rowUnit: SourcedUnit | null = null;
  for (const row of input.model.rows) {
    const rowLabels = pathInfo(scope, row.labels, 'row');
    rowUnit = rowUnitOf(rowLabels, noteUnits, rowUnit);
    for (const cell of row.cells) {
      // a cell merged over several columns or rows is labelled by all of them
      const col = cell.merged_cols
        ? mergedInfo(scope, cell.merged_cols, 'column')
        : colInfo(row.col_paths[cell.col] ?? noLabels);
      const labels = { row: cell.merged_rows ? mergedInfo(scope, cell.merged_rows, 'row') : rowLabels, col };
      for (const f of cellFacts(scope, row, cell, labels, rowUnit, counter)) facts.push(f);
    }
  }
  if (scope.conflicts.size) {
    issues.push({
      code: 'unit_conflict',
      message: `table ${table.table_id} (${context.title}): ${[...scope.conflicts].join('; ')}`,
      line_no: table.line_start,
    });
  }
  if (counter.unitless) {
    issues.push({
      code: 'unit_unknown',
      message: `table ${table.table_id} (${context.title}): ${counter.unitless} number(s) with no unit in cell, labels, unit note or title`,
      line_no: table.line_start,
    });
  }
  return facts;
}
