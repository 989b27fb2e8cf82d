// Dropdown sources in an .xlsx file: inline text when the presentation policy allows it
// (../presentation.ts), else a column of the hidden lists sheet.
import type ExcelJS from "exceljs";
import { columnLetters } from "../../domain/cell";
import { dropdownSource, listsRange, LISTS_SHEET } from "../presentation";

function columnHolds(ws: ExcelJS.Worksheet, col: number, items: readonly string[]): boolean {
  const column = ws.getColumn(col);
  const values = column.values.slice(1); // ExcelJS column values are 1-based
  return values.length === items.length && items.every((s, i) => values[i] === s);
}

/** Put `items` in a column of the hidden lists sheet (reusing an identical column) and return the
 * absolute range reference, e.g. `'_lists'!$B$1:$B$40`. */
function rangeFormula(wb: ExcelJS.Workbook, items: readonly string[]): string {
  const key = LISTS_SHEET.toLowerCase();
  const ws = wb.worksheets.find((s) => s.name.toLowerCase() === key) ?? wb.addWorksheet(LISTS_SHEET);
  ws.state = "hidden";
  let col = 0;
  for (let c = 1; c <= ws.columnCount && col === 0; c++) if (columnHolds(ws, c, items)) col = c;
  if (col === 0) {
    col = ws.columnCount + 1;
    items.forEach((s, i) => (ws.getCell(i + 1, col).value = s));
  }
  return listsRange(LISTS_SHEET, columnLetters(col - 1), items.length);
}

/** The data-validation formula for a dropdown of `items` (without a leading "="): the inline text
 * quoted as a formula string, or the lists-sheet range. */
export function listFormula(wb: ExcelJS.Workbook, items: readonly string[]): string {
  const source = dropdownSource(items);
  return "inline" in source ? inlineListFormula(source.inline) : rangeFormula(wb, source.cells);
}

/** A dropdown's inline list as the formula `dataValidation` stores: quoted, inner quotes doubled. */
export function inlineListFormula(inline: string): string {
  return `"${inline.replace(/"/g, '""')}"`;
}
