// CCHC.ONTIME, CCHC.RATE, CCHC.YOY, CCHC.CHECKRATE: shares and changes of reported figures.
// ONTIME and RATE sum ranges first (like SUM), so a total's rate is recomputed from summed parts and
// never averaged; YOY and CHECKRATE work cell by cell and spill.
import { checkStatedRate, relativeChange, safeRate, statedRate } from "../domain/rate";
import { isExcelError } from "../domain/cell";
import { readCell } from "./cellInput";
import { ErrorCode, excelError, isFunctionError, propagateError, type FunctionError } from "./excelError";
import { functionError } from "./messages";
import { lift } from "./lift";
import { readNumber, readOptionalInt, sumNumbers } from "./numberArgs";

/**
 * Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn trên tổng số hồ sơ đã giải quyết (595.634 / 596.864 → 99,79%). Vùng ô được cộng trước khi chia. — Share of dossiers resolved early or on time among those resolved; ranges are summed first.
 * @customfunction ONTIME
 * @helpurl https://cchc.example.invalid/docs/FUNCTIONS.md#ontime
 * @param onTime Số hồ sơ giải quyết trước hạn và đúng hạn: một ô hoặc một vùng. — Dossiers resolved early or on time: a cell or a range.
 * @param resolved Tổng số hồ sơ đã giải quyết: một ô hoặc một vùng. — Dossiers resolved in total: a cell or a range.
 * @returns Tỷ lệ đúng hạn (định dạng ô kiểu %). — The on-time share (format the cell as %).
 */
export function onTimeRate(onTime: unknown[][], resolved: unknown[][]): number | FunctionError {
  const part = sumNumbers(onTime, "Số hồ sơ đúng hạn", true);
  if (typeof part !== "number") return part;
  const whole = sumNumbers(resolved, "Số hồ sơ đã giải quyết", true);
  if (typeof whole !== "number") return whole;
  if (part > whole) {
    return functionError("part_over_whole", {
      part: "Số hồ sơ đúng hạn",
      partValue: part,
      whole: "Số hồ sơ đã giải quyết",
      wholeValue: whole,
    });
  }
  return safeRate(part, whole) ?? excelError(ErrorCode.divisionByZero);
}

/**
 * Tỷ lệ an toàn tử số / mẫu số, có thể làm tròn (1.652 / 1.724 → 95,8% với 3 chữ số). Vùng ô được cộng trước khi chia. — A safe share part / whole, optionally rounded; ranges are summed first.
 * @customfunction RATE
 * @helpurl https://cchc.example.invalid/docs/FUNCTIONS.md#rate
 * @param part Tử số (phần): một ô hoặc một vùng. — The part (numerator): a cell or a range.
 * @param whole Mẫu số (tổng): một ô hoặc một vùng. — The whole (denominator): a cell or a range.
 * @param [digits] Số chữ số thập phân của phân số khi làm tròn, 0–15, như hàm ROUND (4 → 99,79%); bỏ trống để không làm tròn. — Decimal places of the fraction to round to, 0–15, as in ROUND; omit for no rounding.
 * @returns Tỷ lệ (định dạng ô kiểu %). — The share (format the cell as %).
 */
export function rate(part: unknown[][], whole: unknown[][], digits?: unknown): number | FunctionError {
  const places =
    digits === null || digits === undefined ? undefined : readOptionalInt(digits, "Số chữ số", 0, 15);
  if (isFunctionError(places)) return places;
  const p = sumNumbers(part, "Tử số", false);
  if (typeof p !== "number") return p;
  const w = sumNumbers(whole, "Mẫu số", false);
  if (typeof w !== "number") return w;
  return safeRate(p, w, places) ?? excelError(ErrorCode.divisionByZero);
}

/**
 * Mức thay đổi so với kỳ trước (cùng kỳ năm trước): (hiện tại − trước) / |trước|; 605.859 so với 550.000 → 10,16%. — Relative change from the previous (year's) figure.
 * @customfunction YOY
 * @helpurl https://cchc.example.invalid/docs/FUNCTIONS.md#yoy
 * @param current Số liệu kỳ này: một ô hoặc một vùng. — This period's figure: a cell or a range.
 * @param previous Số liệu kỳ trước: một ô hoặc một vùng. — The previous figure: a cell or a range.
 * @returns Tỷ lệ thay đổi (định dạng ô kiểu %). — The relative change (format the cell as %).
 */
export function yoy(current: unknown[][], previous: unknown[][]): unknown[][] {
  return lift([current, previous], (c, p): number | FunctionError => {
    const now = readNumber(c, "Số liệu kỳ này");
    if (isFunctionError(now)) return now;
    const before = readNumber(p, "Số liệu kỳ trước");
    if (isFunctionError(before)) return before;
    return relativeChange(now, before) ?? excelError(ErrorCode.divisionByZero);
  });
}

/**
 * TRUE nếu tỷ lệ đã ghi khớp với tử số / mẫu số ở độ chính xác đã in (làm tròn hoặc cắt bớt: 98/107 là 91,59% hoặc 91,58%), FALSE nếu không. — TRUE when a stated percentage agrees with its parts at its printed precision (rounded or truncated), FALSE otherwise.
 * @customfunction CHECKRATE
 * @helpurl https://cchc.example.invalid/docs/FUNCTIONS.md#checkrate
 * @param stated Tỷ lệ đã ghi: chữ "91,58%" hoặc ô số định dạng % (0,9158); một ô hoặc một vùng. — The stated rate: text "91,58%" or a number cell formatted as %; a cell or a range.
 * @param part Tử số: một ô hoặc một vùng. — The numerator: a cell or a range.
 * @param whole Mẫu số: một ô hoặc một vùng. — The denominator: a cell or a range.
 * @returns TRUE nếu khớp. — TRUE when consistent.
 */
export function checkRate(stated: unknown[][], part: unknown[][], whole: unknown[][]): unknown[][] {
  return lift([stated, part, whole], (s, p, w): boolean | FunctionError => {
    const claim = readStated(s);
    if (isFunctionError(claim)) return claim;
    const num = readNumber(p, "Tử số");
    if (isFunctionError(num)) return num;
    const den = readNumber(w, "Mẫu số");
    if (isFunctionError(den)) return den;
    const r = checkStatedRate(claim.value, claim.decimals, num, den);
    if (r.ok) return true;
    return r.exact === null ? excelError(ErrorCode.divisionByZero) : false;
  });
}

/** A stated rate and the percentage decimals it was printed with (the domain's one reading). */
function readStated(v: unknown): { value: number; decimals: number } | FunctionError {
  const cell = readCell(v);
  if (isExcelError(cell)) return propagateError(cell);
  const r = statedRate(cell);
  if (r.ok) return { value: r.fraction, decimals: r.percentDecimals };
  if (r.reason === "blank") return functionError("blank_figure", { what: "Tỷ lệ đã ghi" });
  return functionError("not_number", { what: "Tỷ lệ đã ghi", value: cell });
}
