// The merge rules of consolidation (quy tắc hợp nhất), stated in one place:
//
//  1. Contributions are keyed by agency + period; a rollup holds one period, so a submission for
//     another period is rejected ("wrong_period"), never merged.
//  2. A workbook with validation errors is rejected with its reasons; warnings do not block.
//  3. The newest submission version (Lần gửi) wins: it replaces that agency's earlier contribution
//     entirely — figures and tasks — so nothing is counted twice.
//  4. The same content again (same SHA-256) changes nothing: "unchanged", or "duplicate" for a second
//     copy within one batch (the copy whose file name sorts first is the one recorded).
//  5. Two different files with the same agency, period and (newest) version are a conflict: neither
//     is picked and the agency has no counting contribution until a higher version resolves it
//     (an earlier accepted version is withdrawn too), whichever run each file arrived in. The rollup
//     remembers each claim (agency, version,
//     hash: the accepted file's in its status table, the conflicting ones in its provenance log),
//     so a different file with the version already accepted withdraws that contribution too, and a
//     remembered conflict stays one until a higher version resolves it.
//  6. A consolidator can return (trả lại) an agency's current submission with a reason: it stays on
//     record but does not count. A newer version lifts the return.
//
// The outcome depends only on the sets of inputs, never on their order: ties are broken by content
// hash and file name, not by arrival.
import { periodCode, samePeriod, type Period } from "../period";
import { problem, type Problem } from "../problem";
import { isAcceptable, type AcceptedSubmission, type Submission } from "./submission";

/** What merging did with one input file. */
export type MergeOutcome =
  "added" | "replaced" | "unchanged" | "duplicate" | "superseded" | "conflict" | "rejected" | "wrong_period";

export const MERGE_OUTCOME_LABELS: Record<MergeOutcome | "returned", { vi: string; en: string }> = {
  added: { vi: "Thêm mới", en: "Added" },
  replaced: { vi: "Thay thế bản trước", en: "Replaced" },
  unchanged: { vi: "Không đổi (đã tổng hợp)", en: "Unchanged" },
  duplicate: { vi: "Trùng tệp (bỏ qua)", en: "Duplicate" },
  superseded: { vi: "Bản cũ hơn (bỏ qua)", en: "Superseded" },
  conflict: { vi: "Xung đột (cùng lần gửi, khác nội dung)", en: "Conflict" },
  rejected: { vi: "Bị từ chối (có lỗi)", en: "Rejected" },
  wrong_period: { vi: "Sai kỳ báo cáo", en: "Wrong period" },
  returned: { vi: "Trả lại", en: "Returned" },
};

/** A consolidator's decision to return an agency's submission. Without a version it applies to the
 * version current after this merge. */
export interface ReturnMark {
  readonly agency: string;
  readonly version?: number;
  readonly reason: string;
}

export interface FileOutcome {
  readonly submission: Submission;
  readonly outcome: MergeOutcome;
  /** Why it was not merged: validation errors, the period mismatch, or the conflicting files. */
  readonly reasons: readonly Problem[];
}

export interface Conflict {
  readonly agency: string;
  readonly version: number;
  /** The distinct files (one per content hash) claiming that version, sorted. */
  readonly files: readonly string[];
}

/** A file that claimed an agency's version in an earlier run and is in conflict (from provenance). */
export interface ConflictClaim {
  readonly agency: string;
  readonly version: number;
  readonly hash: string;
  readonly file: string;
}

export interface MergeInput {
  readonly period: Period;
  /** Contributions already in the rollup (from its stored tables), one per agency. */
  readonly prior: readonly AcceptedSubmission[];
  /** Conflicts remembered from earlier runs: each file that claimed a version in conflict. */
  readonly priorConflicts?: readonly ConflictClaim[];
  readonly incoming: readonly Submission[];
  /** Returns already recorded plus those asked for now. */
  readonly returns?: readonly ReturnMark[];
}

export interface MergeResult {
  /** Current contribution per agency code (returned ones included; see `returned`). */
  readonly contributions: ReadonlyMap<string, AcceptedSubmission>;
  /** Returns in force, by agency: each names the version it applies to. */
  readonly returned: ReadonlyMap<string, Required<ReturnMark>>;
  /** One outcome per incoming file, sorted by file name then hash. */
  readonly outcomes: readonly FileOutcome[];
  readonly conflicts: readonly Conflict[];
}

const byFile = (a: Submission, b: Submission): number =>
  a.file < b.file ? -1 : a.file > b.file ? 1 : a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0;

/** Apply the merge rules. Pure and deterministic; see the header for the rules. */
export function mergeSubmissions(input: MergeInput): MergeResult {
  const { period } = input;
  const contributions = new Map<string, AcceptedSubmission>();
  for (const p of input.prior) contributions.set(p.agency, p);
  const outcomes: FileOutcome[] = [];
  const groups = new Map<string, AcceptedSubmission[]>();

  for (const s of input.incoming) {
    if (!isAcceptable(s)) {
      const reasons = s.problems.filter((p) => p.severity === "error");
      // A report for another period is told apart from one with errors, its reason first.
      const mismatch = reasons.filter((p) => p.code === "PERIOD_MISMATCH");
      if (mismatch.length === 0 && s.period && !samePeriod(s.period, period))
        mismatch.push(wrongPeriod(s, s.period, period));
      const wrong = mismatch.length > 0;
      const ordered = wrong ? [...mismatch, ...reasons.filter((p) => p.code !== "PERIOD_MISMATCH")] : reasons;
      outcomes.push({ submission: s, outcome: wrong ? "wrong_period" : "rejected", reasons: ordered });
    } else if (!samePeriod(s.period, period)) {
      outcomes.push({ submission: s, outcome: "wrong_period", reasons: [wrongPeriod(s, s.period, period)] });
    } else {
      const list = groups.get(s.agency) ?? [];
      list.push(s);
      groups.set(s.agency, list);
    }
  }

  // Remembered conflict claims, by agency; their agencies are looked at even with no new file.
  const remembered = new Map<string, ConflictClaim[]>();
  for (const c of input.priorConflicts ?? [])
    remembered.set(c.agency, [...(remembered.get(c.agency) ?? []), c]);
  for (const agency of remembered.keys()) if (!groups.has(agency)) groups.set(agency, []);

  const conflicts: Conflict[] = [];
  for (const [agency, list] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const prior = contributions.get(agency);
    list.sort(byFile);
    // One claim per content hash: the prior contribution, remembered conflicting files, new files.
    type Claim = { hash: string; version: number; file: string; sub: AcceptedSubmission | null };
    const reps = new Map<string, Claim>();
    if (prior) reps.set(prior.hash, { ...prior, sub: prior });
    for (const c of remembered.get(agency) ?? [])
      if (!reps.has(c.hash)) reps.set(c.hash, { ...c, sub: null });
    for (const s of list) {
      const r = reps.get(s.hash);
      if (!r) reps.set(s.hash, { hash: s.hash, version: s.version, file: s.file, sub: s });
      else if (!r.sub) reps.set(s.hash, { ...r, sub: s }); // a remembered file sent again
    }
    const maxVersion = Math.max(...[...reps.values()].map((s) => s.version));
    const top = [...reps.values()].filter((s) => s.version === maxVersion);

    if (top.length === 1 && top[0].sub) {
      const winner = top[0].sub;
      if (winner !== prior) contributions.set(agency, winner);
      for (const s of list) {
        let outcome: MergeOutcome;
        if (s.hash !== winner.hash) outcome = "superseded";
        else if (winner === prior) outcome = "unchanged";
        else if (s === winner) outcome = prior ? "replaced" : "added";
        else outcome = "duplicate";
        outcomes.push({ submission: s, outcome, reasons: [] });
      }
    } else if (top.length === 1) {
      // The newest claim is a remembered file not sent again: nothing new decides anything.
      for (const s of list) outcomes.push({ submission: s, outcome: "superseded", reasons: [] });
    } else {
      const files = [...new Set(top.map((s) => s.file))].sort();
      conflicts.push({ agency, version: maxVersion, files });
      const reason = conflictProblem(agency, maxVersion, files);
      // Nothing counts for the agency, exactly as when all the files arrive in one run: an accepted
      // contribution is withdrawn — in conflict itself when it has that version (and logged so, so
      // later runs remember its claim), else superseded by the versions in conflict.
      if (prior) {
        contributions.delete(agency);
        if (!list.some((s) => s.hash === prior.hash))
          outcomes.push(
            prior.version === maxVersion
              ? { submission: prior, outcome: "conflict", reasons: [reason] }
              : { submission: prior, outcome: "superseded", reasons: [] },
          );
      }
      for (const s of list) {
        if (s.version !== maxVersion) outcomes.push({ submission: s, outcome: "superseded", reasons: [] });
        else outcomes.push({ submission: s, outcome: "conflict", reasons: [reason] });
      }
    }
  }

  const returned = new Map<string, Required<ReturnMark>>();
  for (const mark of input.returns ?? []) {
    const current = contributions.get(mark.agency);
    if (!current) continue;
    const version = mark.version ?? current.version;
    if (version === current.version)
      returned.set(mark.agency, { agency: mark.agency, version, reason: mark.reason });
  }

  outcomes.sort((a, b) => byFile(a.submission, b.submission) || a.outcome.localeCompare(b.outcome));
  conflicts.sort((a, b) => a.agency.localeCompare(b.agency));
  return { contributions, returned, outcomes, conflicts };
}

/** Contributions that count: current and not returned, in agency-code order. */
export function countingContributions(result: MergeResult): AcceptedSubmission[] {
  return [...result.contributions.values()]
    .filter((c) => !result.returned.has(c.agency))
    .sort((a, b) => a.agency.localeCompare(b.agency));
}

function wrongPeriod(s: Submission, reported: Period, period: Period): Problem {
  return problem(
    "PERIOD_MISMATCH",
    { reported, expected: period, file: s.file },
    { value: periodCode(reported) },
  );
}

function conflictProblem(agency: string, version: number, files: readonly string[]): Problem {
  return problem("SUBMISSION_CONFLICT", { agency, version, files }, { value: version });
}
