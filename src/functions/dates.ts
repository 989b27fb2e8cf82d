// CCHC.DUE, CCHC.OVERDUE, CCHC.PERIODSTART, CCHC.PERIODEND: deadlines and reporting periods as
// Excel serial dates. Each takes a cell or a range and spills one result per cell.
import { civilToSerial } from "../domain/civilDate";
import { finalDueDate, isOverdue } from "../domain/deadline";
import { periodRange, type CutoffRule } from "../domain/period";
import {
  noDueDate,
  readCutoff,
  readDate,
  readDeadline,
  readPeriod,
  readPlanYear,
  readRequiredDate,
} from "./dateArgs";
import { isFunctionError, type FunctionError } from "./excelError";
import { lift } from "./lift";

/**
 * Ngày hết hạn (số ngày Excel) của thời hạn ghi trong kế hoạch, ví dụ "Quý IV năm 2022" → 31/12/2022, "Tháng 8 năm 2023" → 31/08/2023; nhiều thời hạn lấy ngày cuối cùng. Nhiệm vụ thường xuyên, định kỳ hoặc theo sự kiện trả về #N/A kèm lý do. — Due date (Excel serial) of a plan deadline phrase; the last one when several; recurring or event deadlines give #N/A with the reason.
 * @customfunction DUE
 * @helpurl https://cchc.example.invalid/docs/FUNCTIONS.md#due
 * @param deadline Thời hạn hoàn thành: một ô hoặc một vùng, như "Quý IV năm 2022", "Tháng 01/2023", "Quý II, III năm 2023". — Deadline phrase(s): a cell or a range.
 * @param [planYear] Năm kế hoạch, dùng khi thời hạn không ghi năm ("Quý II"). — Plan year for phrases that name no year.
 * @returns Ngày hết hạn (định dạng ô kiểu ngày). — The due date (format the cell as a date).
 */
export function due(deadline: unknown[][], planYear?: unknown): unknown[][] {
  const year = readPlanYear(planYear);
  if (isFunctionError(year)) return [[year]];
  return lift([deadline], (cell) => {
    const d = readDeadline(cell, year);
    if (isFunctionError(d)) return d;
    const date = finalDueDate(d);
    return date ? civilToSerial(date) : noDueDate(d);
  });
}

/**
 * TRUE nếu nhiệm vụ quá hạn tính đến ngày xét: hoàn thành sau ngày hết hạn, hoặc chưa hoàn thành khi ngày xét đã qua hạn; FALSE nếu không. — TRUE when a task missed its due date as of a date: done after it, or not done when the date is past it.
 * @customfunction OVERDUE
 * @helpurl https://cchc.example.invalid/docs/FUNCTIONS.md#overdue
 * @param deadline Thời hạn hoàn thành ("Quý IV năm 2022") hoặc một ngày; một ô hoặc một vùng. — Deadline phrase or date; a cell or a range.
 * @param doneDate Ngày hoàn thành; để trống nếu chưa hoàn thành. — Completion date; blank when not done.
 * @param asOf Ngày xét, ví dụ ngày chốt số liệu hoặc TODAY(). — The date to judge as of, e.g. the cut-off date or TODAY().
 * @param [planYear] Năm kế hoạch, dùng khi thời hạn không ghi năm. — Plan year for phrases that name no year.
 * @returns TRUE nếu quá hạn. — TRUE when overdue.
 */
export function overdue(
  deadline: unknown[][],
  doneDate: unknown[][],
  asOf: unknown[][],
  planYear?: unknown,
): unknown[][] {
  const year = readPlanYear(planYear);
  if (isFunctionError(year)) return [[year]];
  return lift([deadline, doneDate, asOf], (deadlineCell, doneCell, asOfCell): boolean | FunctionError => {
    const d = readDeadline(deadlineCell, year);
    if (isFunctionError(d)) return d;
    const done = readDate(doneCell, "Ngày hoàn thành");
    if (isFunctionError(done)) return done;
    const when = readRequiredDate(asOfCell, "Ngày xét");
    if (isFunctionError(when)) return when;
    const late = isOverdue(d, done, when);
    return late === null ? noDueDate(d) : late;
  });
}

/**
 * Ngày bắt đầu kỳ báo cáo theo quy tắc chốt số liệu (mặc định Nghị định 09/2019/NĐ-CP: "2023-Q2" → 15/03/2023). — First day of a reporting period's data window (Decree 09 cut-off by default).
 * @customfunction PERIODSTART
 * @helpurl https://cchc.example.invalid/docs/FUNCTIONS.md#periodstart
 * @param period Kỳ báo cáo: "2023-Q2", "Quý II/2023", "6 tháng đầu năm 2023", "9 tháng năm 2023", "2023"; một ô hoặc một vùng. — Reporting period(s): a cell or a range.
 * @param [cutoff] Quy tắc chốt số liệu: bỏ trống hoặc "NĐ09" (ngày 15 tháng trước), "lịch" (theo tháng dương lịch), hoặc ngày bắt đầu 2–28. — Cut-off rule: omitted or "NĐ09" (Decree 09), "lịch"/"calendar", or a start day 2–28.
 * @returns Ngày bắt đầu kỳ. — The period's first day.
 */
export function periodStart(period: unknown[][], cutoff?: unknown): unknown[][] {
  return periodEdge(period, cutoff, "start");
}

/**
 * Ngày kết thúc kỳ báo cáo theo quy tắc chốt số liệu (mặc định Nghị định 09/2019/NĐ-CP: "2023-Q2" → 14/06/2023). — Last day of a reporting period's data window (Decree 09 cut-off by default).
 * @customfunction PERIODEND
 * @helpurl https://cchc.example.invalid/docs/FUNCTIONS.md#periodend
 * @param period Kỳ báo cáo: "2023-Q2", "Quý II/2023", "6 tháng đầu năm 2023", "9 tháng năm 2023", "2023"; một ô hoặc một vùng. — Reporting period(s): a cell or a range.
 * @param [cutoff] Quy tắc chốt số liệu: bỏ trống hoặc "NĐ09" (đến ngày 14 tháng cuối kỳ), "lịch" (theo tháng dương lịch), hoặc ngày bắt đầu 2–28. — Cut-off rule: omitted or "NĐ09" (Decree 09), "lịch"/"calendar", or a start day 2–28.
 * @returns Ngày kết thúc kỳ. — The period's last day.
 */
export function periodEnd(period: unknown[][], cutoff?: unknown): unknown[][] {
  return periodEdge(period, cutoff, "end");
}

function periodEdge(period: unknown[][], cutoff: unknown, edge: "start" | "end"): unknown[][] {
  const rule: CutoffRule | FunctionError = readCutoff(cutoff);
  if (isFunctionError(rule)) return [[rule]];
  return lift([period], (cell) => {
    const p = readPeriod(cell);
    return isFunctionError(p) ? p : civilToSerial(periodRange(p, rule)[edge]);
  });
}
