// Reporting periods (kỳ báo cáo): quarter, first 6 months, first 9 months, year — and the data
// cut-off window each covers. Decree 09/2019/NĐ-CP shifts windows to end on the 14th so reports
// can be compiled before the period's calendar end; the rule is configurable.
import { civil, compareCivil, daysInMonth, lastDayOfMonth, type CivilDate } from "./civilDate";
import { foldKey } from "./text/normalize";

/** năm, quý, 6 tháng (đầu năm), 9 tháng (đầu năm). */
export type PeriodKind = "year" | "quarter" | "half" | "nine";

export type Quarter = 1 | 2 | 3 | 4;

/** A reporting period; `quarter` is present exactly when kind is "quarter". */
export interface Period {
  kind: PeriodKind;
  year: number;
  quarter?: Quarter;
}

/** Why a period cannot be read: data, rendered by the problem catalogue (PERIOD_INVALID). */
export type PeriodFailure =
  | { kind: "not_integer" }
  | { kind: "not_text" }
  | { kind: "too_long" }
  | { kind: "empty" }
  | { kind: "year_range"; year: number; min: number; max: number }
  | { kind: "unknown" };

export type PeriodResult = { ok: true; period: Period } | { ok: false; text: string; reason: PeriodFailure };

/** How a period's data window is cut. */
export type CutoffRule = { kind: "decree09" } | { kind: "calendar" } | { kind: "custom"; startDay: number };

/** Decree 09/2019/NĐ-CP: windows run from the 15th of the month before to the 14th of the last month. */
export const DECREE_09: CutoffRule = { kind: "decree09" };
/** Natural calendar boundaries (1/1–31/3 for Q1). */
export const CALENDAR: CutoffRule = { kind: "calendar" };

const MIN_YEAR = 1901; // the window of a 1901 period starts in 1900, the first year CivilDate allows
const MAX_YEAR = 9999;

const ROMAN_QUARTERS: Record<string, Quarter> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  "1": 1,
  "2": 2,
  "3": 3,
  "4": 4,
};
const ROMAN = ["", "I", "II", "III", "IV"];

/** Quarter number from a folded token: Roman ("iv") or Arabic ("4"); null otherwise. */
export function quarterFromToken(token: string): Quarter | null {
  return Object.prototype.hasOwnProperty.call(ROMAN_QUARTERS, token) ? ROMAN_QUARTERS[token] : null;
}

/** Build a period, keeping `quarter` only for quarters (so equal periods are deep-equal). */
export function makePeriod(kind: PeriodKind, year: number, quarter?: Quarter): Period {
  return kind === "quarter" ? { kind, year, quarter } : { kind, year };
}

const Q = "(i|ii|iii|iv|[1-4])";
const Y = "(\\d{4})";
// Matched against foldKey(input): lower-case ASCII, punctuation turned to single spaces.
const PATTERNS: ReadonlyArray<{ re: RegExp; build: (m: RegExpMatchArray) => Period }> = [
  { re: new RegExp(`^(?:nam |year )?${Y}$`), build: (m) => makePeriod("year", +m[1]) },
  { re: new RegExp(`^${Y} q([1-4])$`), build: (m) => makePeriod("quarter", +m[1], +m[2] as Quarter) },
  { re: new RegExp(`^q([1-4]) ${Y}$`), build: (m) => makePeriod("quarter", +m[2], +m[1] as Quarter) },
  {
    re: new RegExp(`^quy ${Q} (?:nam )?${Y}$`),
    build: (m) => makePeriod("quarter", +m[2], quarterFromToken(m[1]) ?? undefined),
  },
  { re: new RegExp(`^${Y} h1$`), build: (m) => makePeriod("half", +m[1]) },
  { re: new RegExp(`^h1 ${Y}$`), build: (m) => makePeriod("half", +m[1]) },
  { re: new RegExp(`^(?:6 thang (?:dau )?|nua dau )nam ${Y}$`), build: (m) => makePeriod("half", +m[1]) },
  { re: new RegExp(`^${Y} 9m$`), build: (m) => makePeriod("nine", +m[1]) },
  { re: new RegExp(`^9 months ${Y}$`), build: (m) => makePeriod("nine", +m[1]) },
  { re: new RegExp(`^9 thang (?:dau )?nam ${Y}$`), build: (m) => makePeriod("nine", +m[1]) },
];

const MAX_INPUT = 200;

/** Parse a period from a code ("2023-Q2", "2023-H1", "2023-9M", "2023"), a year number, or a
 * Vietnamese or English label ("Quý II/2023", "Quý 2 năm 2023", "6 tháng đầu năm 2023",
 * "9 tháng năm 2023", "Năm 2023", "Q2 2023"). Case, diacritics and NFC/NFD do not matter. */
export function parsePeriod(input: string | number): PeriodResult {
  const text = typeof input === "number" ? String(input) : typeof input === "string" ? input : "";
  const fail = (reason: PeriodFailure): PeriodResult => ({ ok: false, text, reason });
  if (typeof input === "number") {
    if (!Number.isInteger(input)) return fail({ kind: "not_integer" });
  } else if (typeof input !== "string") {
    return fail({ kind: "not_text" });
  }
  if (text.length > MAX_INPUT) return fail({ kind: "too_long" });
  const key = foldKey(text);
  if (!key) return fail({ kind: "empty" });
  for (const { re, build } of PATTERNS) {
    const m = key.match(re);
    if (!m) continue;
    const period = build(m);
    if (period.year < MIN_YEAR || period.year > MAX_YEAR) {
      return fail({ kind: "year_range", year: period.year, min: MIN_YEAR, max: MAX_YEAR });
    }
    return { ok: true, period };
  }
  return fail({ kind: "unknown" });
}

/** Stable code: "2023-Q2" | "2023-H1" | "2023-9M" | "2023". */
export function periodCode(p: Period): string {
  switch (p.kind) {
    case "quarter":
      return `${p.year}-Q${p.quarter}`;
    case "half":
      return `${p.year}-H1`;
    case "nine":
      return `${p.year}-9M`;
    case "year":
      return String(p.year);
  }
}

/** Vietnamese label as written in reports: "Quý II/2023", "6 tháng đầu năm 2023", "9 tháng năm 2023", "Năm 2023". */
export function periodLabelVi(p: Period): string {
  switch (p.kind) {
    case "quarter":
      return `Quý ${ROMAN[p.quarter ?? 0]}/${p.year}`;
    case "half":
      return `6 tháng đầu năm ${p.year}`;
    case "nine":
      return `9 tháng năm ${p.year}`;
    case "year":
      return `Năm ${p.year}`;
  }
}

/** English label: "Q2 2023", "H1 2023", "9 months 2023", "Year 2023". */
export function periodLabelEn(p: Period): string {
  switch (p.kind) {
    case "quarter":
      return `Q${p.quarter} ${p.year}`;
    case "half":
      return `H1 ${p.year}`;
    case "nine":
      return `9 months ${p.year}`;
    case "year":
      return `Year ${p.year}`;
  }
}

/** First calendar month of a period (quarter Q → 3Q−2; the others start in January). */
function periodFirstMonth(p: Period): number {
  return p.kind === "quarter" ? 3 * (p.quarter ?? 1) - 2 : 1;
}

/** Calendar month the period ends in: Q2 → June, 6 months → June, 9 months → September, year → December. */
export function periodLastMonth(p: Period): { y: number; m: number } {
  switch (p.kind) {
    case "quarter":
      return { y: p.year, m: 3 * (p.quarter ?? 1) };
    case "half":
      return { y: p.year, m: 6 };
    case "nine":
      return { y: p.year, m: 9 };
    case "year":
      return { y: p.year, m: 12 };
  }
}

/** Whether a cut-off rule is usable: a custom start day must be 2–28 so that it, and the day
 * before it, exist in every month. Check configuration with this at the edge. */
export function isValidCutoffRule(rule: CutoffRule): boolean {
  if (rule.kind !== "custom") return rule.kind === "decree09" || rule.kind === "calendar";
  return Number.isInteger(rule.startDay) && rule.startDay >= 2 && rule.startDay <= 28;
}

/** The data window of a period, both ends inclusive. Default Decree 09: Q1 2023 is 15/12/2022–14/03/2023,
 * 6 months 15/12–14/06, 9 months 15/12–14/09, year 15/12–14/12. A custom rule has the same shape
 * with another start day (ending the day before it). Throws on an invalid rule (a configuration bug). */
export function periodRange(p: Period, rule: CutoffRule = DECREE_09): { start: CivilDate; end: CivilDate } {
  if (!isValidCutoffRule(rule)) {
    throw new RangeError(`Invalid cut-off rule ${JSON.stringify(rule)}: custom startDay must be 2–28`);
  }
  const first = periodFirstMonth(p);
  const last = periodLastMonth(p);
  if (rule.kind === "calendar") {
    return { start: civil(p.year, first, 1), end: lastDayOfMonth(last.y, last.m) };
  }
  const startDay = rule.kind === "custom" ? rule.startDay : 15;
  const start = first === 1 ? civil(p.year - 1, 12, startDay) : civil(p.year, first - 1, startDay);
  const end = civil(last.y, last.m, Math.min(startDay - 1, daysInMonth(last.y, last.m)));
  return { start, end };
}

/** Whether a day falls inside a period's window (inclusive). */
export function inPeriod(date: CivilDate, p: Period, rule: CutoffRule = DECREE_09): boolean {
  const { start, end } = periodRange(p, rule);
  return compareCivil(date, start) >= 0 && compareCivil(date, end) <= 0;
}

/** Same kind, year and (for quarters) quarter. */
export function samePeriod(a: Period, b: Period): boolean {
  return a.kind === b.kind && a.year === b.year && (a.kind !== "quarter" || a.quarter === b.quarter);
}

/** The same period one year earlier, for year-on-year comparison. */
export function previousYearPeriod(p: Period): Period {
  return makePeriod(p.kind, p.year - 1, p.quarter);
}
