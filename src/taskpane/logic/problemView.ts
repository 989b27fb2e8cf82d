// How Kiểm tra presents a validation: the workbook's identity first, a period mismatch said once
// before anything else, a blank report said as such, and repeated problems of one kind grouped.
// The texts of the problems themselves are the domain's; this only orders and groups them.
import { serialToCivil } from "../../domain/civilDate";
import type { CellValue } from "../../domain/cell";
import { manyPhrase, problemForHost, type Problem } from "../../domain/problem";
import type { Period } from "../../domain/period";
import { formatVnDate } from "../../domain/text/vnDate";
import type { ValidationResult } from "../../domain/validation/validateReport";

/** Problems of one code are grouped when there are at least this many in one sheet. */
export const GROUP_FROM = 3;

export type ProblemItem =
  { kind: "one"; problem: Problem } | { kind: "many"; code: string; problems: readonly Problem[] };

/** A sheet's problems with repeats of one code folded into a group at the first one's place. */
export function groupRepeats(problems: readonly Problem[]): ProblemItem[] {
  const byCode = new Map<string, Problem[]>();
  for (const p of problems) byCode.set(p.code, [...(byCode.get(p.code) ?? []), p]);
  const out: ProblemItem[] = [];
  const done = new Set<string>();
  for (const p of problems) {
    const same = byCode.get(p.code)!;
    if (same.length < GROUP_FROM) out.push({ kind: "one", problem: p });
    else if (!done.has(p.code)) {
      done.add(p.code);
      out.push({ kind: "many", code: p.code, problems: same });
    }
  }
  return out;
}

/** A problem's message as the taskpane says it: actions named as its tabs and buttons, never as a
 * command to run. */
export function messageOf(p: Problem, lang: "vi" | "en"): string {
  const shown = problemForHost(p, "taskpane");
  return lang === "vi" ? shown.message_vi : shown.message_en;
}

/** The head of a group of repeats: "36 nhiệm vụ: ngày hoàn thành sau ngày chốt số liệu của kỳ" when the
 * catalogue words the kind, else the count and the first one's message. */
export function groupHead(problems: readonly Problem[], lang: "vi" | "en"): { text: string; words: boolean } {
  const many = manyPhrase(problems[0].code);
  if (many) return { text: `${problems.length} ${many[lang]}`, words: true };
  return { text: messageOf(problems[0], lang), words: false };
}

const DATE_CODE = /DATE|CUTOFF|LATE|DEADLINE/;

/** A problem's value as people read it: a date typed in a date cell as dd/mm/yyyy, never a serial. */
export function valueText(p: Pick<Problem, "code" | "value">): string {
  const v: CellValue = p.value;
  if (v === null || v === "") return "";
  if (typeof v === "number" && DATE_CODE.test(p.code) && v > 1000 && v < 100_000) {
    const d = serialToCivil(v);
    if (d) return formatVnDate(d);
  }
  return String(v);
}

/** A report nobody has filled in yet: tasks without any status and figures without any value. */
export function isBlankReport(v: ValidationResult): boolean {
  const r = v.report;
  if (!r || (r.tasks.length === 0 && r.figures.length === 0)) return false;
  const blank = (c: CellValue) => c === null || (typeof c === "string" && c.trim() === "");
  return r.tasks.every((t) => t.statusText.trim() === "") && r.figures.every((f) => blank(f.raw));
}

/** Problems a wrong period brings with it: grouped under the mismatch, not repeated in the list. */
export const PERIOD_CONSEQUENCES: ReadonlySet<string> = new Set(["TASK_DONE_AFTER_CUTOFF"]);

export interface ValidationView {
  /** Said once, first, when the report is for another period than the one being checked. */
  periodMismatch: { reported: Period; expected: Period; consequences: readonly Problem[] } | null;
  blank: boolean;
  /** Everything else, in the domain's order. */
  problems: readonly Problem[];
}

export function validationView(v: ValidationResult, expected: Period | null): ValidationView {
  const mismatch = v.problems.find((p) => p.code === "PERIOD_MISMATCH");
  if (!mismatch || !v.period || !expected)
    return {
      periodMismatch: null,
      blank: isBlankReport(v),
      problems: v.problems.filter((p) => p !== mismatch),
    };
  const consequences = v.problems.filter((p) => PERIOD_CONSEQUENCES.has(p.code));
  return {
    periodMismatch: { reported: v.period, expected, consequences },
    blank: isBlankReport(v),
    problems: v.problems.filter((p) => p !== mismatch && !PERIOD_CONSEQUENCES.has(p.code)),
  };
}
