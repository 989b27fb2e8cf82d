// Reading numeric arguments: real numbers, Vietnamese text ("605.859", "99,79%"), blanks and error
// values, each mapped to a number or to the Excel error a user should see. Numbers take a fast path:
// the rate functions must run a million times a second.
import { isBlank, isExcelError, type CellValue } from "../domain/cell";
import { foldKey } from "../domain/text/normalize";
import { parseVnNumber } from "../domain/text/vnNumber";
import { asMatrix, readCell } from "./cellInput";
import { propagateError, type FunctionError } from "./excelError";
import { functionError } from "./messages";

/** One required number. `what` names it in messages ("Số hồ sơ đã giải quyết"). */
export function readNumber(v: unknown, what: string): number | FunctionError {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  const cell = readCell(v);
  const r = parseVnNumber(cell);
  if (r.ok) return r.value;
  return numberError(r.reason, cell, what);
}

function numberError(
  reason: "blank" | "excel_error" | "not_number",
  cell: CellValue,
  what: string,
): FunctionError {
  if (reason === "blank") return functionError("blank_figure", { what });
  if (reason === "excel_error" && typeof cell === "string") return propagateError(cell.trim().toUpperCase());
  return functionError("not_number", { what, value: cell });
}

/**
 * The sum of a cell or a range, like SUM: blank cells are skipped, Vietnamese text is read, an error
 * value or a non-number stops with that error. A range with no number at all is #N/A (no data yet —
 * never 0). With `counts`, every value must be a whole, non-negative count (not a percentage).
 */
export function sumNumbers(arg: unknown, what: string, counts: boolean): number | FunctionError {
  if (typeof arg === "number" && Number.isFinite(arg) && (!counts || isCount(arg))) return arg;
  const m = asMatrix(arg);
  let sum = 0;
  let seen = false;
  for (let i = 0; i < m.length; i++) {
    const row = m[i];
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      let x: number;
      if (typeof v === "number" && Number.isFinite(v)) {
        x = v;
      } else {
        const cell = readCell(v);
        if (isBlank(cell)) continue;
        const r = parseVnNumber(cell);
        if (!r.ok) return numberError(r.reason, cell, what);
        if (counts && r.percent) {
          return functionError("count_not_rate", { what, value: cell });
        }
        x = r.value;
      }
      if (counts && !isCount(x)) {
        return functionError("not_count", { what, value: x });
      }
      sum += x;
      seen = true;
    }
  }
  if (!seen) return functionError("blank_figure", { what });
  return sum;
}

function isCount(x: number): boolean {
  return Number.isInteger(x) && x >= 0;
}

/** An optional whole number in [min, max]; undefined when omitted (null) or blank. */
export function readOptionalInt(
  v: unknown,
  what: string,
  min: number,
  max: number,
): number | undefined | FunctionError {
  const cell = readCell(Array.isArray(v) ? asMatrix(v)[0][0] : v);
  if (isBlank(cell)) return undefined;
  if (isExcelError(cell)) return propagateError(cell);
  const r = parseVnNumber(cell);
  if (!r.ok || !Number.isInteger(r.value) || r.value < min || r.value > max) {
    return functionError("int_range", { what, min, max, value: cell });
  }
  return r.value;
}

const TRUE_WORDS = new Set(["true", "dung", "co", "yes"]);
const FALSE_WORDS = new Set(["false", "sai", "khong", "no"]);

/** An optional TRUE/FALSE (also 1/0, "đúng"/"sai", "có"/"không"); undefined when omitted or blank. */
export function readOptionalBool(v: unknown, what: string): boolean | undefined | FunctionError {
  const cell = readCell(Array.isArray(v) ? asMatrix(v)[0][0] : v);
  if (cell === null || isBlank(cell)) return undefined;
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "number") return cell !== 0;
  if (isExcelError(cell)) return propagateError(cell);
  const key = foldKey(cell);
  if (TRUE_WORDS.has(key)) return true;
  if (FALSE_WORDS.has(key)) return false;
  return functionError("not_bool", { what, value: cell });
}
