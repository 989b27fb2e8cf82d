// How a SheetSpec looks in Excel, decided once for both adapters (.xlsx through ExcelJS, Office.js
// inside Excel): the fills, the spare rows below the data that still get dropdowns and formats, the
// hidden lists sheet, and when a dropdown list can be written inline. Each adapter only turns these
// decisions into its own calls.
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
