// Deadlines (thời gian hoàn thành) as the plan writes them: "Quý IV năm 2022", "Tháng 01/2023",
// "Quý II, III năm 2023", "Thường xuyên", "Sau khi có kết quả công bố", "Quý IV/2022 và theo định kỳ".
// A phrase is a sequence of clauses (a due date, a recurring duty, an event) joined by "và".
// Anything not understood is reported with a reason, never guessed.
import { civil, compareCivil, isValidCivil, lastDayOfMonth, type CivilDate } from "./civilDate";
import { CALENDAR, makePeriod, periodRange, quarterFromToken, type PeriodKind } from "./period";
import { foldKey, tidy } from "./text/normalize";
import { isLate, judgeTask } from "./taskJudgement";

/** A parsed deadline. A phrase may carry due dates, a recurring duty and an event at once. */
export interface Deadline {
  /** The phrase as written, tidied (NFC, spaces collapsed). */
  text: string;
  /** Hard due dates, ascending and distinct: the last day of each period the phrase names. */
  dueDates: CivilDate[];
  /** A standing or periodic duty: "Thường xuyên", "Định kỳ trong năm", "Theo BC CCHC định kỳ", "Hằng năm" … */
  recurring: boolean;
  /** The triggering event as written, e.g. "Sau khi có kết quả công bố"; null when none. */
  event: string | null;
  /** The latest year the phrase names ("Định kỳ trong năm 2023" → 2023), or the plan year a dated clause
   * without a year fell back to; null when no year is involved. */
  year: number | null;
}

/** Why a deadline phrase cannot be read: data, rendered by the problem catalogue
 * (PLAN_DEADLINE_UNPARSED). `rest` is the unreadable part, `whole` the phrase when they differ. */
export type DeadlineFailure =
  | { kind: "too_long"; max: number }
  | { kind: "empty" }
  | { kind: "bad_quarter" | "bad_month" | "unknown"; rest: string; whole: string | null }
  | { kind: "no_year"; clause: string }
  | { kind: "year_range"; year: number; min: number; max: number }
  | { kind: "bad_date"; date: string };

export type DeadlineResult =
  { ok: true; deadline: Deadline } | { ok: false; text: string; reason: DeadlineFailure };

const MAX_TEXT = 500;
const MIN_YEAR = 1900;
const MAX_YEAR = 9999;

/** Folded text with, for each folded character, the index of the original character it came from,
 * so that an event phrase can be returned as written. */
interface Folded {
  key: string;
  origin: number[];
}

// foldKey per character keeps a position map: letters fold to ASCII, combining marks vanish (NFD
// input), everything else becomes a single separating space.
function foldWithOrigin(text: string): Folded {
  let key = "";
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    const isMark = /\p{M}/u.test(ch);
    const f = isMark ? "" : foldKey(ch) || " ";
    for (const c of f) {
      if (c === " " && (key === "" || key.endsWith(" "))) continue;
      key += c;
      origin.push(i);
    }
    i += ch.length;
  }
  if (key.endsWith(" ")) {
    key = key.slice(0, -1);
    origin.pop();
  }
  return { key, origin };
}

// One clause of a deadline phrase, matched with a sticky regex on the folded key.
type Clause =
  | { kind: "date"; d: number; m: number; y: number | null }
  | { kind: "months"; months: number[]; y: number | null }
  | { kind: "quarters"; quarters: number[]; y: number | null }
  | { kind: "span"; period: Exclude<PeriodKind, "quarter">; y: number | null }
  | { kind: "halfEnd"; y: number | null } // 6 tháng cuối năm
  | { kind: "recurring"; y: number | null }
  | { kind: "event" };

const END = "(?= |$)";
const YEAR = "(\\d{4})";
const QTOK = "(?:iv|iii|ii|i|[1-4])(?![0-9a-z])";
const MTOK = "(?:1[0-2]|0?[1-9])(?![0-9])";
// "trong quý I", "cuối quý I", "hết quý I", "đến hết quý I": all mean by its last day.
const WITHIN = "(?:hoan thanh )?(?:(?:trong|cuoi|het|den het|truoc het|vao) )?";
const BY = "(?:(?:hoan thanh |thuc hien )?(?:truoc|cham nhat(?: la)?|han chot|han|den|vao|trong) )?";
const RECURRING_CORE = [
  "thuong xuyen(?: lien tuc)?",
  "lien tuc",
  "dinh ky(?: (?:va |hoac )?dot xuat)?(?: (?:theo )?(?:che do )?(?:bao cao|bc)(?: cchc)?)?(?: (?:hang|moi) (?:nam|quy|thang))?",
  "(?:che do )?(?:bao cao|bc) (?:cchc )?dinh ky",
  "(?:hang|moi) (?:nam|quy|thang|tuan)",
  "ky bao cao",
].join("|");
// Event openers; the event runs to the end of the phrase.
const EVENT_OPENERS = [
  "sau khi",
  "ngay sau khi",
  "ngay khi",
  "khi",
  "theo quy dinh",
  "theo yeu cau",
  "theo chi dao",
  "theo ke hoach",
  "theo lo trinh",
  "theo tien do",
  "theo huong dan",
  "theo van ban",
  "dot xuat",
].join("|");

const num = (s: string | undefined): number | null => (s === undefined ? null : Number(s));

const CLAUSES: ReadonlyArray<{ re: RegExp; build: (m: RegExpExecArray) => Clause }> = [
  {
    re: new RegExp(`(?:${EVENT_OPENERS})${END}.*`, "y"),
    build: () => ({ kind: "event" }),
  },
  {
    re: new RegExp(
      `(?:theo |thuc hien )?(?:${RECURRING_CORE})(?: trong (?:ca )?nam(?: ${YEAR})?| nam ${YEAR})?${END}`,
      "y",
    ),
    build: (m) => ({ kind: "recurring", y: num(m[1] ?? m[2]) }),
  },
  {
    // "Trước ngày 15/3/2023", "ngày 15 tháng 3 năm 2023", "ngày 15/3" (plan year), "30/6/2023"
    re: new RegExp(
      `${BY}(?:ngay (\\d{1,2}) (?:thang )?(\\d{1,2})(?: (?:nam )?${YEAR})?|(\\d{1,2}) (\\d{1,2}) ${YEAR})${END}`,
      "y",
    ),
    build: (m) =>
      m[1] !== undefined
        ? { kind: "date", d: Number(m[1]), m: Number(m[2]), y: num(m[3]) }
        : { kind: "date", d: Number(m[4]), m: Number(m[5]), y: Number(m[6]) },
  },
  {
    re: new RegExp(`${WITHIN}quy (${QTOK}(?:(?: va)?(?: quy)? ${QTOK})*)(?: (?:nam )?${YEAR})?${END}`, "y"),
    build: (m) => ({
      kind: "quarters",
      quarters: m[1]
        .split(" ")
        .map(quarterFromToken)
        .filter((q): q is NonNullable<typeof q> => q !== null),
      y: num(m[2]),
    }),
  },
  {
    re: new RegExp(
      `${WITHIN}thang (${MTOK}(?:(?: va)?(?: thang)? ${MTOK})*)(?: (?:nam )?${YEAR})?${END}`,
      "y",
    ),
    build: (m) => ({
      kind: "months",
      months: m[1]
        .split(" ")
        .filter((t) => /^\d+$/.test(t))
        .map(Number),
      y: num(m[2]),
    }),
  },
  {
    re: new RegExp(`${WITHIN}(?:(6|9) thang (?:dau )?|(nua) dau )nam(?: ${YEAR})?${END}`, "y"),
    build: (m) => ({ kind: "span", period: m[1] === "9" ? "nine" : "half", y: num(m[3]) }),
  },
  {
    re: new RegExp(`${WITHIN}(?:6 thang|nua) cuoi nam(?: ${YEAR})?${END}`, "y"),
    build: (m) => ({ kind: "halfEnd", y: num(m[1]) }),
  },
  {
    // "Năm 2023", "Trong năm 2023", "Cả năm", "Trong năm" (plan year)
    re: new RegExp(`${WITHIN}(?:ca )?nam(?: ${YEAR})?${END}`, "y"),
    build: (m) => ({ kind: "span", period: "year", y: num(m[1]) }),
  },
];

const CONNECTOR = /(?:va|dong thoi)(?= |$) ?/y;

/** Parse a deadline phrase. `planYear` supplies the year of a dated clause that names none ("Quý II");
 * without it such a phrase fails. Case, diacritics and NFC/NFD do not matter. Never throws. */
export function parseDeadline(text: string, planYear?: number): DeadlineResult {
  const raw = typeof text === "string" ? text : String(text ?? "");
  const fail = (reason: DeadlineFailure): DeadlineResult => ({ ok: false, text: raw, reason });
  if (raw.length > MAX_TEXT) return fail({ kind: "too_long", max: MAX_TEXT });
  const tidied = tidy(raw);
  const { key, origin } = foldWithOrigin(tidied);
  if (!key) return fail({ kind: "empty" });
  const validPlanYear =
    planYear !== undefined && Number.isInteger(planYear) && planYear >= MIN_YEAR && planYear <= MAX_YEAR
      ? planYear
      : undefined;

  // Original text from a folded position to the end, as written (for events and error messages).
  const originalFrom = (pos: number): string => tidied.slice(origin[pos]).replace(/[\s.;,]+$/u, "");

  const dueDates: CivilDate[] = [];
  const years: number[] = [];
  let recurring = false;
  let event: string | null = null;
  let pos = 0;
  while (pos < key.length) {
    let clause: Clause | null = null;
    let clauseEnd = pos;
    for (const { re, build } of CLAUSES) {
      re.lastIndex = pos;
      const m = re.exec(key);
      if (m) {
        clause = build(m);
        clauseEnd = pos + m[0].length;
        break;
      }
    }
    if (!clause) {
      const rest = originalFrom(pos);
      return fail(explainUnknown(key.slice(pos), rest, tidied));
    }
    const clauseText = tidied.slice(origin[pos], clauseEnd > pos ? origin[clauseEnd - 1] + 1 : origin[pos]);
    if (clause.kind === "event") {
      event = originalFrom(pos);
    } else if (clause.kind === "recurring") {
      recurring = true;
      if (clause.y !== null) {
        if (!yearInRange(clause.y)) return fail(badYear(clause.y));
        years.push(clause.y);
      }
    } else {
      const y = clause.y ?? validPlanYear;
      if (y === undefined) {
        return fail({ kind: "no_year", clause: clauseText });
      }
      if (!yearInRange(y)) return fail(badYear(y));
      years.push(y);
      const dates = clauseDates(clause, y);
      if (typeof dates === "string") {
        return fail({ kind: "bad_date", date: dates });
      }
      dueDates.push(...dates);
    }
    pos = clauseEnd;
    if (key[pos] === " ") pos++;
    // A connector joins two clauses; a dangling one ("Quý IV và") is left to fail as not understood.
    CONNECTOR.lastIndex = pos;
    if (CONNECTOR.exec(key) && CONNECTOR.lastIndex < key.length) pos = CONNECTOR.lastIndex;
  }

  dueDates.sort(compareCivil);
  const distinct = dueDates.filter((d, i) => i === 0 || compareCivil(d, dueDates[i - 1]) !== 0);
  return {
    ok: true,
    deadline: {
      text: tidied,
      dueDates: distinct,
      recurring,
      event,
      year: years.length ? Math.max(...years) : null,
    },
  };
}

function yearInRange(y: number): boolean {
  return y >= MIN_YEAR && y <= MAX_YEAR;
}

function badYear(y: number): DeadlineFailure {
  return { kind: "year_range", year: y, min: MIN_YEAR, max: MAX_YEAR };
}

// Last day of each period a dated clause names, or the offending "d/m/y" text for an impossible date.
function clauseDates(
  clause: Exclude<Clause, { kind: "recurring" | "event" }>,
  y: number,
): CivilDate[] | string {
  switch (clause.kind) {
    case "date":
      return isValidCivil(y, clause.m, clause.d)
        ? [civil(y, clause.m, clause.d)]
        : `${clause.d}/${clause.m}/${y}`;
    case "months":
      return clause.months.map((m) => lastDayOfMonth(y, m));
    case "quarters":
      return clause.quarters.map((q) => lastDayOfMonth(y, 3 * q));
    case "span":
      return [periodRange(makePeriod(clause.period, y), CALENDAR).end];
    case "halfEnd":
      return [civil(y, 12, 31)];
  }
}

// A more helpful reason for the commonest slips than "not understood".
function explainUnknown(restKey: string, rest: string, whole: string): DeadlineFailure {
  const at = { rest, whole: rest === whole ? null : whole };
  if (/^(?:(?:trong|cuoi|het) )?quy(?: |$)/.test(restKey)) return { kind: "bad_quarter", ...at };
  if (/^(?:(?:trong|cuoi|het) )?thang \d/.test(restKey)) return { kind: "bad_month", ...at };
  return { kind: "unknown", ...at };
}

/** The last hard due date, or null for a purely recurring or event-triggered deadline. */
export function finalDueDate(d: Deadline): CivilDate | null {
  return d.dueDates.length ? d.dueDates[d.dueDates.length - 1] : null;
}

/** Whether the task missed its final due date as of `asOf`: done after it, or still not done (or done
 * only after `asOf`) when `asOf` is past it. Null when the deadline has no hard date. */
export function isOverdue(d: Deadline, doneDate: CivilDate | null, asOf: CivilDate): boolean | null {
  const due = finalDueDate(d);
  if (!due) return null;
  // Done only counts when it happened by `asOf`; then the one lateness rule judges.
  const doneByAsOf = doneDate !== null && compareCivil(doneDate, asOf) <= 0;
  return isLate(judgeTask(doneByAsOf ? "done" : "in_progress", doneByAsOf ? doneDate : null, due, asOf));
}
