// Reading date-like arguments: dates (Excel serials or "13/12/2022"), deadline phrases, plan years,
// reporting periods and cut-off rules — each to a domain value or the Excel error a user should see.
import { isBlank, isExcelError, type CellValue } from "../domain/cell";
import { serialToCivil, type CivilDate } from "../domain/civilDate";
import { parseDeadline, type Deadline } from "../domain/deadline";
import {
  CALENDAR,
  DECREE_09,
  isValidCutoffRule,
  parsePeriod,
  type CutoffRule,
  type Period,
} from "../domain/period";
import { foldKey } from "../domain/text/normalize";
import { formatVnDate, parseVnDate } from "../domain/text/vnDate";
import { readCell, readScalar } from "./cellInput";
import { propagateError, type FunctionError } from "./excelError";
import { functionError } from "./messages";
import { readOptionalInt } from "./numberArgs";

/** A date cell: an Excel serial or Vietnamese day-first text. Blank gives null (for "not done yet"). */
export function readDate(v: unknown, what: string): CivilDate | null | FunctionError {
  const cell = readCell(v);
  if (isBlank(cell)) return null;
  if (isExcelError(cell)) return propagateError(cell);
  const date = typeof cell === "boolean" ? undefined : parseVnDate(cell);
  if (date) return date;
  return functionError("not_date", { what, value: cell });
}

/** A required date: blank is #N/A. */
export function readRequiredDate(v: unknown, what: string): CivilDate | FunctionError {
  const date = readDate(v, what);
  return date === null ? functionError("blank_date", { what }) : date;
}

/** A deadline cell: a phrase ("Quý IV năm 2022") or a plain date (a serial or "31/12/2022"). */
export function readDeadline(v: unknown, planYear: number | undefined): Deadline | FunctionError {
  const cell = readCell(v);
  if (isBlank(cell)) return functionError("deadline_blank");
  if (isExcelError(cell)) return propagateError(cell);
  if (typeof cell === "string") {
    const r = parseDeadline(cell, planYear);
    if (r.ok) return r.deadline;
    const date = parseVnDate(cell);
    return date ? dateDeadline(cell, date) : functionError("deadline", { reason: r.reason });
  }
  const date = typeof cell === "number" ? serialToCivil(cell) : undefined;
  if (date) return dateDeadline(formatVnDate(date), date);
  return functionError("deadline_not_text", { value: cell });
}

function dateDeadline(text: string, date: CivilDate): Deadline {
  return { text, dueDates: [date], recurring: false, event: null, year: date.y };
}

/** The #N/A for a parsed deadline with no due date (recurring, or set by an event). */
export function noDueDate(d: Deadline): FunctionError {
  return functionError("no_due_date", { event: d.event, text: d.text });
}

/** The optional plan year that dates a phrase naming no year ("Quý II"). */
export function readPlanYear(v: unknown): number | undefined | FunctionError {
  return readOptionalInt(v, "Năm kế hoạch", 1900, 9999);
}

/** A reporting period: "2023-Q2", "Quý II/2023", "6 tháng đầu năm 2023", "2023" or the number 2023. */
export function readPeriod(v: unknown): Period | FunctionError {
  const cell: CellValue = readCell(v);
  if (cell === null || isBlank(cell)) return functionError("period_blank");
  if (isExcelError(cell)) return propagateError(cell);
  if (typeof cell === "boolean") return functionError("period", { reason: { kind: "not_text" } });
  const r = parsePeriod(cell);
  return r.ok ? r.period : functionError("period", { reason: r.reason });
}

const CUTOFF_WORDS: ReadonlyMap<string, CutoffRule> = new Map([
  ["nd09", DECREE_09],
  ["nghidinh09", DECREE_09],
  ["decree09", DECREE_09],
  ["calendar", CALENDAR],
  ["lich", CALENDAR],
  ["duonglich", CALENDAR],
  ["theolich", CALENDAR],
]);

/** The optional cut-off rule: omitted → Decree 09; "lịch"/"calendar" (or 1) → calendar months;
 * a day 2–28 → windows starting on that day of the month before. */
export function readCutoff(v: unknown): CutoffRule | FunctionError {
  const cell = readScalar(v);
  if (isBlank(cell)) return DECREE_09;
  if (isExcelError(cell)) return propagateError(cell);
  if (typeof cell === "string") {
    const rule = CUTOFF_WORDS.get(foldKey(cell).replace(/ /g, ""));
    if (rule) return rule;
  }
  const day = readOptionalInt(cell, "Ngày chốt số liệu", 1, 28);
  if (typeof day === "object") {
    return functionError("cutoff", { value: cell });
  }
  if (day === undefined) return DECREE_09;
  const rule: CutoffRule = day === 1 ? CALENDAR : { kind: "custom", startDay: day };
  return isValidCutoffRule(rule) ? rule : DECREE_09;
}
