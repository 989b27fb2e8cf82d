// CCHC.PROGRESS and CCHC.STATUS: task statuses as agencies type them.
import { isBlank, isExcelError } from "../domain/cell";
import { safeRate } from "../domain/rate";
import { isApplicable, isDone, parseTaskStatus, taskStatusLabel } from "../domain/taskStatus";
import { asMatrix, readCell } from "./cellInput";
import { ErrorCode, excelError, isFunctionError, propagateError, type FunctionError } from "./excelError";
import { functionError } from "./messages";
import { lift } from "./lift";
import { readOptionalBool } from "./numberArgs";

function unknownStatus(cell: unknown): FunctionError {
  return functionError("unknown_status", { value: readCell(cell) });
}

/**
 * Tỷ lệ nhiệm vụ đã hoàn thành (kể cả quá hạn) trong một vùng ô tình trạng; bỏ qua ô trống và "Không phát sinh". — Share of tasks done (on time or late) in a range of status cells; blanks and "Không phát sinh" are left out.
 * @customfunction PROGRESS
 * @helpurl https://cchc.example.invalid/docs/FUNCTIONS.md#progress
 * @param statuses Vùng ô tình trạng: "Hoàn thành", "Hoàn thành quá hạn", "Đang thực hiện", "Chưa thực hiện", "Không phát sinh" (không phân biệt dấu, hoa thường). — Range of status cells (Vietnamese or English labels, diacritics-insensitive).
 * @returns Tỷ lệ hoàn thành (định dạng ô kiểu %). — The completed share (format the cell as %).
 */
export function progress(statuses: unknown[][]): number | FunctionError {
  const m = asMatrix(statuses);
  let done = 0;
  let applicable = 0;
  let filled = 0;
  for (const row of m) {
    for (const v of row) {
      const cell = readCell(v);
      if (isBlank(cell)) continue;
      if (isExcelError(cell)) return propagateError(cell);
      const status = typeof cell === "string" ? parseTaskStatus(cell) : undefined;
      if (status === undefined) return unknownStatus(cell);
      filled++;
      if (!isApplicable(status)) continue;
      applicable++;
      if (isDone(status)) done++;
    }
  }
  if (filled === 0) return functionError("no_statuses");
  const share = safeRate(done, applicable);
  return share === null ? excelError(ErrorCode.divisionByZero) : share;
}

/**
 * Tên chuẩn của một tình trạng nhiệm vụ ("hoan thanh tre han" → "Hoàn thành quá hạn"); dùng để làm sạch dữ liệu. — The canonical label of a task status, for cleaning data.
 * @customfunction STATUS
 * @helpurl https://cchc.example.invalid/docs/FUNCTIONS.md#status
 * @param status Tình trạng như đã nhập; một ô hoặc một vùng. — A status as typed; a cell or a range.
 * @param [english] TRUE để trả về tên tiếng Anh. — TRUE for the English label.
 * @returns Tên chuẩn của tình trạng. — The canonical label.
 */
export function statusLabel(status: unknown[][], english?: unknown): unknown[][] {
  const en = readOptionalBool(english, "Tham số tiếng Anh");
  if (isFunctionError(en)) return [[en]];
  const lang = en ? "en" : "vi";
  return lift([status], (v): string | FunctionError => {
    const cell = readCell(v);
    if (isBlank(cell)) return functionError("blank_status");
    if (isExcelError(cell)) return propagateError(cell);
    const s = typeof cell === "string" ? parseTaskStatus(cell) : undefined;
    return s === undefined ? unknownStatus(cell) : taskStatusLabel(s, lang);
  });
}
