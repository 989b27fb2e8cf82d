// One definition per sheet table: each column's key, Vietnamese header and accepted aliases, width,
// number format, dropdown list, whether the reader requires it, who fills it and what it holds. The
// template writer, the reader's header lookup and docs/FORMAT.md's tables all derive from it, so
// they cannot drift apart by position. Keys are listed in column order.
import type { CellValue } from "./cell";
import type { ColumnSpec, NumberFormatName } from "./sheetSpec";

export interface ColumnDef {
  /** The header written by the template (Vietnamese). */
  readonly header: string;
  /** Other headers the reader accepts (diacritics-insensitive), e.g. an English one. */
  readonly aliases?: readonly string[];
  readonly width: number;
  readonly format?: NumberFormatName;
  readonly wrap?: boolean;
  readonly list?: readonly string[];
  /** The reader refuses the table without this column (COLUMN_MISSING). */
  readonly required?: boolean;
  /** Who writes the column: the report template, the agency, or the consolidation (rollup). */
  readonly filledBy: "template" | "agency" | "rollup";
  /** What the column holds, for docs/FORMAT.md. */
  readonly description: string;
}

export type TableDef<K extends string> = Readonly<Record<K, ColumnDef>>;

export const tableKeys = <K extends string>(t: TableDef<K>): K[] => Object.keys(t) as K[];

/** Header lookup for locateTable: key → [header, ...aliases]. */
export function tableHeaders<K extends string>(t: TableDef<K>): Record<K, readonly string[]> {
  const out = {} as Record<K, readonly string[]>;
  for (const k of tableKeys(t)) out[k] = [t[k].header, ...(t[k].aliases ?? [])];
  return out;
}

export const tableRequired = <K extends string>(t: TableDef<K>): K[] =>
  tableKeys(t).filter((k) => t[k].required);

export const tableHeaderRow = <K extends string>(t: TableDef<K>): string[] =>
  tableKeys(t).map((k) => t[k].header);

/** key → the header the writer writes. */
export function tableHeaderNames<K extends string>(t: TableDef<K>): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const k of tableKeys(t)) out[k] = t[k].header;
  return out;
}

/** The template's column presentation, in column order. */
export function tableColumns<K extends string>(t: TableDef<K>): ColumnSpec[] {
  return tableKeys(t).map((k) => {
    const c = t[k];
    return {
      width: c.width,
      ...(c.format ? { format: c.format } : {}),
      ...(c.wrap ? { wrap: true } : {}),
      ...(c.list ? { list: c.list } : {}),
    };
  });
}

/** 0-based column of a key in the written layout. */
export const tableColumn = <K extends string>(t: TableDef<K>, key: K): number => tableKeys(t).indexOf(key);

/** A data row in the written layout from values by key (missing keys are blank). */
export function tableRow<K extends string>(
  t: TableDef<K>,
  values: Partial<Record<K, CellValue>>,
): CellValue[] {
  return tableKeys(t).map((k) => values[k] ?? null);
}

/** One row of a label/value sheet (`Thông tin`): the label written and the labels the reader
 * accepts (matched ignoring case and diacritics, like headers). */
export interface FieldDef {
  readonly label: string;
  readonly aliases?: readonly string[];
  /** true: missing or blank is an error; "warning": only a warning; false: optional. */
  readonly required: boolean | "warning";
  /** English name, written in the guide column and used in messages. */
  readonly en: string;
  /** What the value holds, for docs/FORMAT.md. */
  readonly description: string;
}

export type FieldTable<K extends string> = Readonly<Record<K, FieldDef>>;

/** Every label a field is recognised by: the written one first. */
export const fieldLabels = (f: FieldDef): readonly string[] => [f.label, ...(f.aliases ?? [])];
