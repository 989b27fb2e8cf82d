// A submission (báo cáo đã nộp) reduced to what consolidation needs: identity, figures with their
// source cells, task statuses and the problems found. The grids are dropped once this is built,
// so consolidating thousands of workbooks keeps only these small records in memory: every text a
// submission keeps is its own (ownText), not a view that would keep the workbook's XML alive.
import { a1 } from "../cell";
import type { CivilDate } from "../civilDate";
import type { Period } from "../period";
import { countBySeverity, hasErrors, problem, type Problem } from "../problem";
import type { TaskStatus } from "../taskStatus";
import { boundedMemo } from "../text/boundedMemo";
import { ownText, upperCode } from "../text/plainText";
import type { ValidationResult } from "../validation/validateReport";

/** One figure as reported, with the cell it came from (truy vết nguồn). */
export interface SubmittedFigure {
  readonly code: string;
  readonly value: number;
  readonly sheet: string;
  readonly cell: string;
}

/** One task's progress as reported. */
export interface SubmittedTask {
  readonly code: string;
  readonly status: TaskStatus;
  readonly doneDate: CivilDate | null;
  readonly evidence: string;
  readonly sheet: string;
  readonly cell: string;
}

/** Where a submission came from. When a rollup is merged upward, `via` names the rollup file. */
export interface SubmissionSource {
  /** File name as given (a path relative to what the consolidator passed). */
  readonly file: string;
  /** SHA-256 of the file's bytes, hex. */
  readonly hash: string;
  /** The rollup workbook this contribution was carried in, when merged from a lower level. */
  readonly via?: string;
}

/** An input file as consolidation sees it, accepted or not. Identity fields are null when unreadable. */
export interface Submission extends SubmissionSource {
  readonly agency: string | null;
  readonly period: Period | null;
  readonly version: number | null;
  /** "Ngày gửi" typed in the workbook. */
  readonly submittedAt: CivilDate | null;
  /** When the file reached the consolidator (e.g. its modification date), if known. */
  readonly receivedAt: CivilDate | null;
  /** Errors and warnings (info notes dropped: they never block and are many). */
  readonly problems: readonly Problem[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly figures: readonly SubmittedFigure[];
  readonly tasks: readonly SubmittedTask[];
}

/** Codes and sheet names recur in every submission: one copy of each is kept for all of them. */
const sharedText = boundedMemo(ownText, 64, 20_000);
/** A figure's code as a submission keeps it: upper case, one copy for all submissions. */
const sharedCode = boundedMemo((code) => ownText(upperCode(code)), 64, 20_000);

/** A submission that passed validation: identity known, no errors. */
export interface AcceptedSubmission extends Submission {
  readonly agency: string;
  readonly period: Period;
  readonly version: number;
}

/** Errors block acceptance; warnings do not (SPEC §4). */
export function isAcceptable(s: Submission): s is AcceptedSubmission {
  return s.agency !== null && s.period !== null && s.version !== null && s.errorCount === 0;
}

/** Reduce a validation result to a submission. `source` and `receivedAt` are data from the shell. */
export function toSubmission(
  v: ValidationResult,
  source: SubmissionSource,
  receivedAt: CivilDate | null = null,
): Submission {
  const problems = v.problems.filter((p) => p.severity !== "info").map(ownProblem);
  const counts = countBySeverity(problems);
  const report = v.report;
  const figures: SubmittedFigure[] = [];
  const tasks: SubmittedTask[] = [];
  if (report && !hasErrors(problems)) {
    const figSheet = sharedText(report.sheets.figures ?? "");
    const seen = new Set<string>();
    for (const f of report.figures) {
      if (f.value === null) continue;
      const code = sharedCode(f.code);
      if (seen.has(code)) continue;
      seen.add(code);
      figures.push({ code, value: f.value, sheet: figSheet, cell: f.cell });
    }
    const taskSheet = sharedText(report.sheets.tasks ?? "");
    const statusCol = report.taskTable?.columns.status;
    for (const t of report.tasks) {
      if (!t.status) continue;
      tasks.push({
        code: sharedText(t.code),
        status: t.status,
        doneDate: t.doneDate,
        evidence: ownText(t.evidence),
        sheet: taskSheet,
        cell: statusCol === undefined ? "" : a1(t.row, statusCol),
      });
    }
  }
  // Spelled out rather than spread from `source` (which V8 builds several times slower).
  return {
    file: source.file,
    hash: source.hash,
    agency: v.agency?.code ?? null,
    period: v.period,
    version: report?.info.version ?? null,
    submittedAt: report?.info.submittedAt ?? null,
    receivedAt,
    problems,
    errorCount: counts.error,
    warningCount: counts.warning,
    figures,
    tasks,
  };
}

/** The problem with texts of its own (its messages quote the cells' text). */
function ownProblem(p: Problem): Problem {
  return {
    code: p.code,
    severity: p.severity,
    sheet: p.sheet === null ? null : sharedText(p.sheet),
    cell: p.cell,
    message_vi: ownText(p.message_vi),
    message_en: ownText(p.message_en),
    value: typeof p.value === "string" ? ownText(p.value) : p.value,
  };
}

/** A file that could not be read at all, as a rejected submission carrying the reason. */
export function unreadableSubmission(source: SubmissionSource, reason: Problem): Submission {
  return {
    ...source,
    agency: null,
    period: null,
    version: null,
    submittedAt: null,
    receivedAt: null,
    problems: [reason],
    errorCount: 1,
    warningCount: 0,
    figures: [],
    tasks: [],
  };
}

/**
 * The reason for a file whose intake failed unexpectedly (a bug, not the file's fault as far as we
 * know): that file alone is rejected, the run goes on, and the message asks people to report it.
 * `detail` is the failure's one-line text.
 */
export function intakeFailedProblem(file: string, detail: string): Problem {
  const d = detail.split("\n")[0].slice(0, 200);
  return problem("FILE_CHECK_FAILED", { file, detail: d });
}
