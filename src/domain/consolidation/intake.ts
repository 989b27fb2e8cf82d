// Intake of one workbook, once it is read: a stored rollup yields the contributions it carries, a
// report is validated and reduced to one compact submission. Every shell (CLI, taskpane, web page)
// reaches this through `src/workbook/intake.ts`, which reads the workbook through the port; what the
// file's bytes hash to and when it was received are data from the shell (the domain has no crypto,
// no clock).
import type { AgencyRegistry } from "../agencies";
import type { CivilDate } from "../civilDate";
import type { Catalogue } from "../indicators";
import { periodCode, type Period } from "../period";
import type { Plan } from "../plan";
import type { Problem } from "../problem";
import type { Schedule } from "../reportSchedule";
import type { ValidationContext } from "../validation/context";
import { validateReport, type ValidationResult, type WorkbookInput } from "../validation/validateReport";
import { isRollup, readRollup, type StoredRollup } from "./readRollup";
import {
  intakeFailedProblem,
  isAcceptable,
  toSubmission,
  unreadableSubmission,
  type Submission,
  type SubmissionSource,
} from "./submission";

/** What reports are checked and merged against: the plan workbook's plan, registry and catalogue. */
export interface PlanBundle {
  plan: Plan;
  registry: AgencyRegistry;
  catalogue: Catalogue;
  /** The plan workbook's report schedule (window, agency and Ministry deadlines). */
  schedule?: Schedule;
}

/** One file taken in. */
export interface Intake {
  file: string;
  /** SHA-256 of the file's bytes ("" when they could not be read). */
  hash: string;
  kind: "report" | "rollup" | "unreadable";
  /** One submission for a report; the carried contributions for a rollup; one rejection otherwise. */
  submissions: Submission[];
  /** The validation, for showing a report's problems (null for a rollup or an unreadable file). */
  validation: ValidationResult | null;
  /** A rollup's stored tables: a shell may offer it as a merge target (never merged silently). */
  rollup?: StoredRollup;
}

/** A file that could not be read (or opened) at all, rejected with its reason. */
export function unreadableIntake(source: SubmissionSource, reason: Problem): Intake {
  return {
    file: source.file,
    hash: source.hash,
    kind: "unreadable",
    submissions: [unreadableSubmission(source, reason)],
    validation: null,
  };
}

/** A file whose intake failed unexpectedly (a bug): rejected alone with FILE_CHECK_FAILED. */
export function failedIntake(file: string, failure: unknown): Intake {
  const detail = failure instanceof Error ? `${failure.name}: ${failure.message}` : String(failure);
  return unreadableIntake({ file, hash: "" }, intakeFailedProblem(file, detail));
}

/** A workbook's sheets as read: a stored rollup → its contributions (each marked as carried "via"
 * this file), anything else → validated as a report and reduced to a submission. */
export function intakeWorkbook(
  source: SubmissionSource,
  workbook: WorkbookInput,
  receivedAt: CivilDate | null,
  ctx: ValidationContext,
): Intake {
  const { file, hash } = source;
  if (isRollup(workbook.grids)) {
    const read = readRollup(workbook.grids);
    if (!read.ok) return unreadableIntake(source, read.problems[0]);
    const carried = read.rollup.prior.contributions.map((c) => ({ ...c, via: c.via ?? file }));
    return { file, hash, kind: "rollup", submissions: carried, validation: null, rollup: read.rollup };
  }
  const validation = validateReport(workbook, ctx);
  return {
    file,
    hash,
    kind: "report",
    submissions: [toSubmission(validation, source, receivedAt)],
    validation,
  };
}

/** The period most acceptable submissions report, when none was given: `period` null when there is
 * none or a tie; `candidates` lists the periods seen (most reported first), for asking to name one. */
export function inferPeriod(submissions: readonly Submission[]): {
  period: Period | null;
  candidates: Period[];
} {
  const counts = new Map<string, { period: Period; n: number }>();
  for (const s of submissions) {
    if (!isAcceptable(s)) continue;
    const k = periodCode(s.period);
    counts.set(k, { period: s.period, n: (counts.get(k)?.n ?? 0) + 1 });
  }
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n);
  const candidates = ranked.map((r) => r.period);
  const tie = ranked.length > 1 && ranked[0].n === ranked[1].n;
  return { period: ranked.length === 0 || tie ? null : ranked[0].period, candidates };
}
