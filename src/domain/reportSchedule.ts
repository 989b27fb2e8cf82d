// The CCHC report schedule (kỳ báo cáo): which reports a year has, the data window each covers and
// its two deadlines — agencies → Sở Nội vụ (set by the province) and province → Bộ Nội vụ. Data in
// the plan workbook's "Kỳ báo cáo" sheet; the defaults follow Văn bản 581/BNV-CCHC.
import { z } from "zod";
import { schemaIssue, type DataFault, type DataIssue } from "./dataIssue";
import { civil, daysInMonth, type CivilDate } from "./civilDate";
import { makePeriod, samePeriod, type Period, type PeriodKind, type Quarter } from "./period";

export const SCHEDULE_SCHEMA_VERSION = 1;

const Day = z.number().int().min(1).max(31);
const Month = z.number().int().min(1).max(12);

/** One report kind of the schedule. Months are of the report's year; `startPrevYear` moves the
 * window start into the year before (15/12 of y−1). Deadlines fall in the window's end month unless
 * their month is given. */
export const ScheduleRowSchema = z.strictObject({
  code: z.string().regex(/^[A-Z0-9_]+$/, "codes are upper-case ASCII, digits and _"),
  name_vi: z.string().min(1),
  name_en: z.string().min(1),
  kind: z.enum(["year", "quarter", "half", "nine"]),
  quarter: z.number().int().min(1).max(4).optional(),
  startMonth: Month,
  startDay: Day,
  startPrevYear: z.boolean().default(false),
  endMonth: Month,
  endDay: Day,
  /** Agencies → Sở Nội vụ: a day the province sets. */
  agencyDueDay: Day,
  agencyDueMonth: Month.optional(),
  /** Province → Bộ Nội vụ. */
  ministryDueDay: Day,
  ministryDueMonth: Month.optional(),
  source: z.string().optional(),
  /** "unverified": not read in the cited source (e.g. the province's own agency deadline). */
  confidence: z.enum(["verified", "secondary", "unverified"]).optional(),
  note: z.string().optional(),
});
export type ScheduleRow = z.infer<typeof ScheduleRowSchema>;

export const ScheduleSchema = z.strictObject({
  schemaVersion: z.literal(SCHEDULE_SCHEMA_VERSION),
  rows: z.array(ScheduleRowSchema).min(1),
});
export type Schedule = z.infer<typeof ScheduleSchema>;

const SOURCE_581 = "Văn bản 581/BNV-CCHC (Bộ Nội vụ), theo NĐ 09/2019/NĐ-CP";
const AGENCY_DAY_NOTE =
  "Hạn cơ quan gửi Sở Nội vụ do tỉnh quy định (ngày của Vĩnh Long chưa xác minh): sửa cột agencyDueDay.";

/** Văn bản 581/BNV-CCHC: Quý I, 6 tháng, Quý III (a quarter, not nine months), Năm; due at the
 * Ministry on the 20th of the last month; no Quý II/IV report. The agency day (16th) is a default
 * a province replaces. */
export const DEFAULT_SCHEDULE: Schedule = {
  schemaVersion: SCHEDULE_SCHEMA_VERSION,
  rows: [
    row("Q1", "Quý I", "Q1", "quarter", 1, [12, 15, true], [3, 14]),
    row("H1", "6 tháng", "6 months", "half", undefined, [12, 15, true], [6, 14]),
    row("Q3", "Quý III", "Q3", "quarter", 3, [6, 15, false], [9, 14]),
    row("Y", "Năm", "Year", "year", undefined, [12, 15, true], [12, 14]),
  ],
};

function row(
  code: string,
  vi: string,
  en: string,
  kind: PeriodKind,
  quarter: Quarter | undefined,
  [startMonth, startDay, startPrevYear]: [number, number, boolean],
  [endMonth, endDay]: [number, number],
): ScheduleRow {
  return {
    code,
    name_vi: vi,
    name_en: en,
    kind,
    ...(quarter ? { quarter } : {}),
    startMonth,
    startDay,
    startPrevYear,
    endMonth,
    endDay,
    agencyDueDay: 16,
    ministryDueDay: 20,
    source: SOURCE_581,
    confidence: "verified",
    note: AGENCY_DAY_NOTE,
  };
}

/** Parse and check a schedule: the schema, then duplicate codes and periods, and window order. */
export function loadSchedule(
  json: unknown,
): { ok: true; schedule: Schedule } | { ok: false; issues: DataIssue[] } {
  const parsed = ScheduleSchema.safeParse(json);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => schemaIssue(i, json)) };
  const issues: DataIssue[] = [];
  const rows = parsed.data.rows;
  const at = (i: number, field: string, fault: DataFault) =>
    issues.push({ table: "rows", index: i, record: rows[i].code, field, fault });
  const codes = new Set<string>();
  rows.forEach((r, i) => {
    if (codes.has(r.code)) at(i, "code", { kind: "duplicate" });
    codes.add(r.code);
    if ((r.kind === "quarter") !== (r.quarter !== undefined)) at(i, "quarter", { kind: "quarter_number" });
    const w = scheduleWindow(r, 2024);
    if (w.end.y * 400 + w.end.m * 32 + w.end.d < w.start.y * 400 + w.start.m * 32 + w.start.d)
      at(i, "endMonth", { kind: "ends_before_start" });
  });
  rows.forEach((r, i) => {
    const first = rows.findIndex((o) => samePeriod(periodOfRow(o, 2024), periodOfRow(r, 2024)));
    if (first !== i) at(i, "kind", { kind: "same_period", as: rows[first].code });
  });
  return issues.length ? { ok: false, issues } : { ok: true, schedule: parsed.data };
}

const clampDay = (y: number, m: number, d: number): CivilDate => civil(y, m, Math.min(d, daysInMonth(y, m)));

/** The period a schedule row stands for in a year. */
export function periodOfRow(r: ScheduleRow, year: number): Period {
  return makePeriod(r.kind, year, r.quarter as Quarter | undefined);
}

/** A row's data window in a year, both ends inclusive. */
export function scheduleWindow(r: ScheduleRow, year: number): { start: CivilDate; end: CivilDate } {
  return {
    start: clampDay(r.startPrevYear ? year - 1 : year, r.startMonth, r.startDay),
    end: clampDay(year, r.endMonth, r.endDay),
  };
}

export interface ScheduledPeriod {
  readonly row: ScheduleRow;
  readonly period: Period;
  readonly dataWindow: { start: CivilDate; end: CivilDate };
  /** Agencies → Sở Nội vụ: "submitted on time" in the rollup is judged against this. */
  readonly agencyDue: CivilDate;
  /** Province → Bộ Nội vụ. */
  readonly ministryDue: CivilDate;
}

/** The schedule's entry for a period, or undefined when the schedule has no such report. */
export function scheduleFor(schedule: Schedule, period: Period): ScheduledPeriod | undefined {
  const r = schedule.rows.find((x) => samePeriod(periodOfRow(x, period.year), period));
  if (!r) return undefined;
  const y = period.year;
  return {
    row: r,
    period,
    dataWindow: scheduleWindow(r, y),
    agencyDue: clampDay(y, r.agencyDueMonth ?? r.endMonth, r.agencyDueDay),
    ministryDue: clampDay(y, r.ministryDueMonth ?? r.endMonth, r.ministryDueDay),
  };
}
