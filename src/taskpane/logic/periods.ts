// The periods a plan year reports, from its report schedule (the plan workbook's "Kỳ báo cáo" sheet,
// Văn bản 581/BNV-CCHC by default), and the one Kiểm tra expects unless the user picks another: the
// report due next at the agency deadline (or due within the last two weeks, while late reports come
// in). A plan year already past expects its last report (the year's); one not begun, its first.
import { addDays, compareCivil, type CivilDate } from "../../domain/civilDate";
import type { Period } from "../../domain/period";
import { DEFAULT_SCHEDULE, periodOfRow, scheduleFor, type Schedule } from "../../domain/reportSchedule";

/** How long after the agency deadline a report is still "the one being checked". */
export const LATE_GRACE_DAYS = 14;

export interface SchedulePeriod {
  period: Period;
  /** Agencies → Sở Nội vụ. */
  agencyDue: CivilDate;
}

/** The year's reports in the order they fall due. */
export function yearPeriods(schedule: Schedule | null | undefined, year: number): SchedulePeriod[] {
  const s = schedule ?? DEFAULT_SCHEDULE;
  return s.rows
    .map((r) => scheduleFor(s, periodOfRow(r, year)))
    .filter((x) => x !== undefined)
    .map((x) => ({ period: x.period, agencyDue: x.agencyDue }))
    .sort((a, b) => compareCivil(a.agencyDue, b.agencyDue));
}

/** The period expected by default on `today` for a plan of `year`. */
export function defaultPeriod(
  schedule: Schedule | null | undefined,
  year: number,
  today: CivilDate,
): Period | null {
  const list = yearPeriods(schedule, year);
  if (list.length === 0) return null;
  const next = list.find((p) => compareCivil(addDays(p.agencyDue, LATE_GRACE_DAYS), today) >= 0);
  return (next ?? list[list.length - 1]).period;
}

/** A period as a picker's value ("2023-Q3"). */
