// Dropdown sources. Excel keeps an inline list ("a,b,c") only up to 255 characters and cannot
// quote a comma inside an item, so longer lists live as a column on a hidden "_lists" sheet.
import type ExcelJS from "exceljs";
import { cellSafeText } from "../../domain/text/cellSafety";
import { columnLetters } from "../../domain/cell";

export const LISTS_SHEET = "_lists";
const MAX_INLINE_FORMULA = 255;

function inlineFormula(items: readonly string[]): string | undefined {
  if (items.some((s) => s.includes(","))) return undefined;
  const formula = `"${items.join(",").replace(/"/g, '""')}"`;
  return formula.length <= MAX_INLINE_FORMULA ? formula : undefined;
}

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
  const letters = columnLetters(col - 1);
  return `'${LISTS_SHEET}'!$${letters}$1:$${letters}$${items.length}`;
}

/** The data-validation formula for a dropdown of `items` (without a leading "="). */
export function listFormula(wb: ExcelJS.Workbook, items: readonly string[]): string {
  const clean = items.map((s) => cellSafeText(s.normalize("NFC")));
  return inlineFormula(clean) ?? rangeFormula(wb, clean);
}
