// Cells and grids as the domain sees them: the shape of `range.values` in the Office JavaScript API.
// Dates arrive as Excel serial numbers; error values as their text ("#REF!").
import { isTidyText } from "./text/plainText";

/** One cell's value: what `range.values` holds. Empty cells are `null` (Office gives ""; adapters map it). */
export type CellValue = string | number | boolean | null;

/** A sheet's used range from A1, row-major. Rows may be ragged; a missing cell is `null`. */
export type Grid = CellValue[][];

declare const a1Brand: unique symbol;
/** An A1 cell address such as "C12" (no sheet name). */
export type A1 = string & { readonly [a1Brand]: true };

declare const rowIndexBrand: unique symbol;
/** 0-based row index into a Grid (row 1 in Excel is index 0). */
export type RowIndex = number & { readonly [rowIndexBrand]: true };

declare const colIndexBrand: unique symbol;
/** 0-based column index into a Grid (column A is index 0). */
export type ColIndex = number & { readonly [colIndexBrand]: true };

export const rowIndex = (n: number): RowIndex => n as RowIndex;
export const colIndex = (n: number): ColIndex => n as ColIndex;

/** Column letters for a 0-based column index: 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const buildA1 = (row: number, col: number): A1 => `${columnLetters(col)}${row + 1}` as A1;

// Every report names the same cells (a figure's value, a task's status) in its problems and
// submissions: the addresses of the first rows and columns are built once, by column as asked for.
const A1_ROWS = 4096;
const A1_COLS = 64;
const a1Built: (A1 | undefined)[][] = [];

/** The A1 address of a 0-based (row, column) position. */
export function a1(row: number, col: number): A1 {
  if (row >>> 0 === row && row < A1_ROWS && col >>> 0 === col && col < A1_COLS) {
    const column = (a1Built[col] ??= new Array<A1 | undefined>(A1_ROWS));
    return (column[row] ??= buildA1(row, col));
  }
  return buildA1(row, col);
}

/** Parse "C12" into 0-based indexes; undefined when it is not an address. */
export function parseA1(address: string): { row: RowIndex; col: ColIndex } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: rowIndex(Number(m[2]) - 1), col: colIndex(col - 1) };
}

/** Excel's error values as they appear in `range.values`. */
export const EXCEL_ERRORS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#BUSY!",
  "#CONNECT!",
  "#UNKNOWN!",
] as const;
export type ExcelErrorText = (typeof EXCEL_ERRORS)[number];

export function isExcelError(v: unknown): v is ExcelErrorText {
  return typeof v === "string" && (EXCEL_ERRORS as readonly string[]).includes(v);
}

/** True for null, undefined and strings that are empty after trimming. */
export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** The cell at (row, col), or null past the grid's edge. */
export function cellAt(grid: Grid, row: number, col: number): CellValue {
  const r = grid[row];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

/** A cell's text: trimmed, NFC, with inner runs of whitespace and line breaks collapsed. */
export function cellText(v: CellValue): string {
  if (v === null) return "";
  // A number's or boolean's text is ASCII without spaces: nothing to normalize (the common case).
  if (typeof v !== "string") return String(v);
  if (isTidyText(v)) return v; // already NFC with single spaces: most texts
  return v.normalize("NFC").replace(/\s+/g, " ").trim();
}
