// What the domain asks a workbook adapter to write: values plus the presentation people need.
// Each workbook adapter turns this into its own calls; the domain never sees them.
import type { Grid } from "./cell";

/** Number formats the product writes. Excel formats are locale-neutral codes; vi-VN display comes
 * from the reader's locale, so counts use "#,##0" which shows 605.859 in a Vietnamese Excel. */
export const NUMBER_FORMATS = {
  count: "#,##0",
  amount: "#,##0.00",
  percent: "0.00%",
  date: "dd/mm/yyyy",
  text: "@",
} as const;
export type NumberFormatName = keyof typeof NUMBER_FORMATS;

export interface ColumnSpec {
  /** Width in characters. */
  width?: number;
  /** Number format applied to the data rows of this column. */
  format?: NumberFormatName;
  /** A dropdown list (data validation) for the data rows of this column. */
  list?: readonly string[];
  /** Wrap long text. */
  wrap?: boolean;
}

export interface SheetSpec {
  name: string;
  /** Values, row-major, including the header rows. */
  rows: Grid;
  /** Per-column presentation, by 0-based column index. */
  columns?: readonly ColumnSpec[];
  /** Per-cell number formats (0-based row and column), overriding the column's. */
  cellFormats?: readonly { row: number; col: number; format: NumberFormatName }[];
  /** How many top rows are headers: bold, frozen, and locked when `protectHeaders` is set. */
  headerRows?: number;
  /** Lock the header rows (sheet protection without password; data rows stay editable). */
  protectHeaders?: boolean;
  /** Rows (0-based) to highlight, e.g. late or missing items. */
  highlightRows?: readonly number[];
  /** Hide the sheet (for lookup lists). */
  hidden?: boolean;
}
