// How a SheetSpec looks in Excel, decided once for both adapters (.xlsx through ExcelJS, Office.js
// inside Excel): the fills, the spare rows below the data that still get dropdowns and formats, the
// hidden lists sheet, when a dropdown list can be written inline, and which cells get a number format
// of their own. Each adapter only turns these decisions into its own calls.
import { NUMBER_FORMATS, type SheetSpec } from "../domain/sheetSpec";
import { cellSafeText } from "../domain/text/cellSafety";

/** Header rows: light blue. */
export const HEADER_FILL = "#DDEBF7";
/** Highlighted rows (late or missing items): light orange. */
export const HIGHLIGHT_FILL = "#FCE4D6";
/** Empty rows below the data that still get dropdowns and number formats, for rows people add. */
export const SPARE_ROWS = 200;
/** The hidden sheet holding dropdown lists too long to be inline, one list a column. */
export const LISTS_SHEET = "_lists";
/** Excel keeps an inline dropdown list only up to 255 characters of text: the items joined by
 * commas, the quotes a file writes around it not counted. */
export const MAX_INLINE_LIST = 255;

/** The error shown when someone types a value outside a dropdown's list. */
export const LIST_ERROR = {
  title: "Giá trị không hợp lệ",
  message: "Hãy chọn một giá trị trong danh sách. / Choose a value from the list.",
} as const;

/** A colour as ExcelJS's ARGB ("FFDDEBF7"). */
export const argb = (hex: string): string => `FF${hex.replace(/^#/, "").toUpperCase()}`;

/** The last row (1-based, inclusive) that gets a column's dropdown and format: data, then spares. */
export const lastPreparedRow = (rows: number, headerRows: number): number =>
  Math.max(rows, headerRows) + SPARE_ROWS;

/** A number format of one cell (0-based row and column), as an Excel format code. */
export interface CellNumberFormat {
  readonly row: number;
  readonly col: number;
  readonly code: string;
}

/**
 * The sheet's per-cell number formats (`cellFormats`, e.g. a template's rate rows) that fall on its
 * cells — rows of `spec.rows`, columns below `width` — as format codes ({@link NUMBER_FORMATS}), by
 * column then row; a later entry for the same cell wins. Each one replaces the cell's column format,
 * on a header or highlighted row too; the cell's other styling stays.
 */
export function cellNumberFormats(spec: SheetSpec, width: number): CellNumberFormat[] {
  const byCell = new Map<string, CellNumberFormat>();
  for (const cf of spec.cellFormats ?? []) {
    const { row, col } = cf;
    if (!Number.isInteger(row) || !Number.isInteger(col)) continue;
    if (row < 0 || row >= spec.rows.length || col < 0 || col >= width) continue;
    const key = `${row},${col}`;
    byCell.delete(key);
    byCell.set(key, { row, col, code: NUMBER_FORMATS[cf.format] });
  }
  return [...byCell.values()].sort((x, y) => x.col - y.col || x.row - y.row);
}

/** Where a dropdown's items go: inline text ("a,b,c"), or cells of the lists sheet. */
export type DropdownSource = { inline: string } | { cells: string[] };

/**
 * A dropdown list's source. Items are written as stored text (NFC, made cell-safe) and counted as
 * Excel counts them, in UTF-16 code units; an item with a comma cannot be inline (Excel cannot quote
 * one), nor a list whose text is longer than {@link MAX_INLINE_LIST}.
 */
export function dropdownSource(items: readonly string[]): DropdownSource {
  const clean = items.map((s) => cellSafeText(s.normalize("NFC")));
  const text = clean.join(",");
  if (clean.some((s) => s.includes(",")) || text.length > MAX_INLINE_LIST) return { cells: clean };
  return { inline: text };
}

/** The absolute reference to a list in column `col` (0-based) of the lists sheet, e.g.
 * `'_lists'!$B$1:$B$40`. */
export function listsRange(sheet: string, letters: string, count: number): string {
  return `'${sheet.replace(/'/g, "''")}'!$${letters}$1:$${letters}$${count}`;
}
