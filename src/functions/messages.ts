// What the custom functions say when they cannot answer: one table of failures, each with its Excel
// error code and its Vietnamese message (Excel shows one language; the formula help carries the
// English). Readers and functions name a failure and its parameters; none writes a message inline.
// Period and deadline reasons are the problem catalogue's (PERIOD_INVALID, PLAN_DEADLINE_UNPARSED); an
// error value in the input is passed on by propagateError (excelError.ts).
import type { CellValue } from "../domain/cell";
import type { DeadlineFailure } from "../domain/deadline";
import type { PeriodFailure } from "../domain/period";
import { deadlineReason, periodReason } from "../domain/problemCatalogue";
import { TASK_STATUSES } from "../domain/taskStatus";
import { ErrorCode, excelError, type FunctionError } from "./excelError";

/** A cell's value quoted for a message: text in quotes, numbers Vietnamese-style. */
function quote(cell: CellValue): string {
  if (typeof cell === "string") return `"${cell.length > 60 ? cell.slice(0, 57) + "…" : cell}"`;
  if (typeof cell === "number") return String(cell).replace(".", ",");
  return String(cell).toUpperCase();
}

/** A catalogue reason as a message of its own: capitalised. */
const sentence = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
/** "Số hồ sơ: ô trống" when the argument is named, "Ô trống" when not. */
const named = (what: string | undefined, text: string): string =>
  what ? `${what}: ${text}` : sentence(text);
const STATUS_LIST = TASK_STATUSES.map((s) => `"${s.vi}"`).join(", ");

type Failure<P> = { readonly code: ErrorCode; readonly vi: (p: P) => string };
const fail = <P>(code: ErrorCode, vi: (p: P) => string): Failure<P> => ({ code, vi });
type Value = { value: CellValue };
type What = { what?: string };

export const FUNCTION_FAILURES = {
  /** A figure not yet filled in: no data is not 0. */
  blank_figure: fail<What>(ErrorCode.notAvailable, (p) => named(p.what, "ô trống, chưa có số liệu")),
  blank_date: fail<What>(ErrorCode.notAvailable, (p) => named(p.what, "ô trống")),
  blank_status: fail<None>(ErrorCode.notAvailable, () => "Ô trống, chưa có tình trạng"),
  no_statuses: fail<None>(ErrorCode.notAvailable, () => "Chưa có tình trạng nhiệm vụ nào"),
  not_number: fail<What & Value>(ErrorCode.invalidValue, (p) =>
    p.what ? `${p.what} không phải là số: ${quote(p.value)}` : `Không phải là số: ${quote(p.value)}`,
  ),
  count_not_rate: fail<Required<What> & Value>(
    ErrorCode.invalidValue,
    (p) => `${p.what} phải là số đếm, không phải tỷ lệ: ${quote(p.value)}`,
  ),
  not_count: fail<Required<What> & Value>(
    ErrorCode.invalidValue,
    (p) => `${p.what} phải là số nguyên không âm: ${quote(p.value)}`,
  ),
  int_range: fail<Required<What> & Value & { min: number; max: number }>(
    ErrorCode.invalidValue,
    (p) => `${p.what} phải là số nguyên từ ${p.min} đến ${p.max}: ${quote(p.value)}`,
  ),
  not_bool: fail<Required<What> & Value>(
    ErrorCode.invalidValue,
    (p) => `${p.what} phải là TRUE hoặc FALSE: ${quote(p.value)}`,
  ),
  not_date: fail<Required<What> & Value>(
    ErrorCode.invalidValue,
    (p) => `${p.what} không phải là ngày hợp lệ: ${quote(p.value)}`,
  ),
  part_over_whole: fail<{ part: string; partValue: number; whole: string; wholeValue: number }>(
    ErrorCode.invalidValue,
    (p) => `${p.part} (${quote(p.partValue)}) lớn hơn ${p.whole.toLowerCase()} (${quote(p.wholeValue)})`,
  ),
  shapes: fail<None>(ErrorCode.notAvailable, () => "Các vùng dữ liệu không cùng kích thước"),
  period: fail<{ reason: PeriodFailure }>(ErrorCode.invalidValue, (p) => sentence(periodReason(p.reason).vi)),
  period_blank: fail<None>(ErrorCode.notAvailable, () => sentence(periodReason({ kind: "empty" }).vi)),
  deadline: fail<{ reason: DeadlineFailure }>(ErrorCode.invalidValue, (p) =>
    sentence(deadlineReason(p.reason).vi),
  ),
  deadline_blank: fail<None>(ErrorCode.notAvailable, () => sentence(deadlineReason({ kind: "empty" }).vi)),
  deadline_not_text: fail<Value>(
    ErrorCode.invalidValue,
    (p) => `Thời hạn hoàn thành không hợp lệ: ${quote(p.value)}`,
  ),
  no_due_date: fail<{ event: string | null; text: string }>(ErrorCode.notAvailable, (p) =>
    p.event !== null
      ? `Thời hạn theo sự kiện ("${p.event}"), không có ngày hết hạn cụ thể`
      : `Nhiệm vụ thường xuyên/định kỳ ("${p.text}"), không có ngày hết hạn cụ thể`,
  ),
  cutoff: fail<Value>(
    ErrorCode.invalidValue,
    (p) =>
      `Quy tắc chốt số liệu không hợp lệ: ${quote(p.value)}; dùng "NĐ09", "lịch" hoặc một ngày từ 2 đến 28`,
  ),
  unknown_status: fail<Value>(
    ErrorCode.invalidValue,
    (p) => `Tình trạng không hợp lệ: ${quote(p.value)}; dùng ${STATUS_LIST}`,
  ),
} as const;
type None = Record<never, never>;

export type FunctionFailure = keyof typeof FUNCTION_FAILURES;
type ParamsOf<K extends FunctionFailure> = Parameters<(typeof FUNCTION_FAILURES)[K]["vi"]>[0];

/** The Excel error for a failure, with its message. */
export function functionError<K extends FunctionFailure>(
  kind: K,
  ...params: object extends ParamsOf<K> ? [ParamsOf<K>?] : [ParamsOf<K>]
): FunctionError {
  const f = FUNCTION_FAILURES[kind] as Failure<ParamsOf<K>>;
  return excelError(f.code, f.vi((params[0] ?? {}) as ParamsOf<K>));
}
