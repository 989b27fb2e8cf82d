// CCHC.VNNUM and CCHC.VNTEXT: between numbers and the way Vietnamese reports write them
// ("605.859", "1.652,5", "99,79%"). Each takes a cell or a range and spills one result per cell.
import { isBlank, isExcelError } from "../domain/cell";
import { formatVnNumber, parseVnNumber } from "../domain/text/vnNumber";
import { readCell } from "./cellInput";
import { isFunctionError, propagateError, type FunctionError } from "./excelError";
import { functionError } from "./messages";
import { lift } from "./lift";
import { readOptionalBool, readOptionalInt } from "./numberArgs";

/**
 * Số từ chữ viết kiểu Việt Nam: "605.859" → 605859, "1.652,5" → 1652,5, "99,79%" → 0,9979. — A number from Vietnamese-formatted text ("." groups thousands, "," is the decimal mark).
 * @customfunction VNNUM
 * @helpurl https://cchc.example.invalid/docs/FUNCTIONS.md#vnnum
 * @param text Chữ số kiểu Việt Nam (hoặc một số); một ô hoặc một vùng. — Vietnamese number text (or a number); a cell or a range.
 * @returns Giá trị số; tỷ lệ phần trăm trả về phân số. — The number; a percentage gives its fraction.
 */
export function vnNum(text: unknown[][]): unknown[][] {
  return lift([text], (v): number | FunctionError => {
    const cell = readCell(v);
    const r = parseVnNumber(cell);
    if (r.ok) return r.value;
    if (r.reason === "blank") return functionError("blank_figure");
    if (r.reason === "excel_error" && typeof cell === "string")
      return propagateError(cell.trim().toUpperCase());
    return functionError("not_number", { value: cell });
  });
}

// Default digits for a plain number: as many as it has, up to this many.
const MAX_DEFAULT_DIGITS = 6;

/**
 * Chữ viết kiểu Việt Nam của một số: 605859 → "605.859"; 0,9979 dạng phần trăm → "99,79%". Làm tròn như hàm ROUND, hoặc cắt bớt nếu chọn. — Vietnamese text for a number; rounds like ROUND unless truncating.
 * @customfunction VNTEXT
 * @helpurl https://cchc.example.invalid/docs/FUNCTIONS.md#vntext
 * @param number Số cần viết (hoặc chữ số kiểu Việt Nam); một ô hoặc một vùng. — The number (or Vietnamese number text); a cell or a range.
 * @param [digits] Số chữ số sau dấu phẩy, 0–15; mặc định 2 cho phần trăm, còn lại theo số (tối đa 6). — Digits after the decimal mark, 0–15; default 2 for percentages, else as needed (up to 6).
 * @param [percent] TRUE để viết dạng phần trăm (0,9979 → "99,79%"). — TRUE to write a fraction as a percentage.
 * @param [truncate] TRUE để cắt bớt thay vì làm tròn (98/107 → "91,58%"). — TRUE to cut extra digits instead of rounding.
 * @returns Chữ số kiểu Việt Nam. — Vietnamese number text.
 */
export function vnText(
  number: unknown[][],
  digits?: unknown,
  percent?: unknown,
  truncate?: unknown,
): unknown[][] {
  const d = readOptionalInt(digits, "Số chữ số thập phân", 0, 15);
  if (isFunctionError(d)) return [[d]];
  const pct = readOptionalBool(percent, "Tham số phần trăm");
  if (isFunctionError(pct)) return [[pct]];
  const cut = readOptionalBool(truncate, "Tham số cắt bớt");
  if (isFunctionError(cut)) return [[cut]];
  return lift([number], (v): string | FunctionError => {
    const cell = readCell(v);
    if (isBlank(cell)) return functionError("blank_figure");
    if (isExcelError(cell)) return propagateError(cell);
    const r = parseVnNumber(cell);
    if (!r.ok) return functionError("not_number", { value: cell });
    // Text such as "99,79%" keeps its own style unless told otherwise.
    const asPercent = pct ?? r.percent;
    const written = r.decimals !== null && asPercent === r.percent ? r.decimals : undefined;
    const places = d ?? written ?? (asPercent ? 2 : decimalsOf(r.value));
    return formatVnNumber(r.value, { digits: places, percent: asPercent, truncate: cut ?? false });
  });
}

/** Decimal places a number needs, up to MAX_DEFAULT_DIGITS (1652.5 → 1). */
function decimalsOf(x: number): number {
  for (let k = 0; k < MAX_DEFAULT_DIGITS; k++) {
    const scaled = x * 10 ** k;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, Math.abs(scaled))) return k;
  }
  return MAX_DEFAULT_DIGITS;
}
