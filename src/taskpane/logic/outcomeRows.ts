// The consolidation outcome as one row per picked file, in the order people need them: files with
// problems first, then accepted ones; duplicates and older versions apart (they change nothing).
// A rollup among the picks has its own row saying whether it is the merge target.
import {
  MERGE_OUTCOME_LABELS,
  type MergeOutcome as FileOutcomeKind,
} from "../../domain/consolidation/mergeRules";
import type { Rollup } from "../../domain/consolidation/model";
import { periodLabelEn, periodLabelVi } from "../../domain/period";
import type { Problem } from "../../domain/problem";
import type { Said } from "../said";
import type { Intake } from "../../domain/consolidation/intake";

export type RowKind = FileOutcomeKind | "returned" | "rollup_target" | "rollup_unused";

/** Which filter a row falls under. */
export type RowGroup = "rejected" | "warning" | "accepted" | "ignored";

export interface OutcomeRow {
  key: string;
  file: string;
  /** The agency's name (its code when unknown to the registry), or null. */
  agency: string | null;
  /** The agency code a "Trả lại" applies to, when the row counts in the rollup. */
  returnable: string | null;
  kind: RowKind;
  label: Said;
  group: RowGroup;
  /** Problems (errors for a rejected file, warnings for an accepted one). */
  problems: readonly Problem[];
  /** Reasons that are not problems (a return's reason, a rollup row's explanation). */
  notes: readonly Said[];
}

const COUNTING: readonly FileOutcomeKind[] = ["added", "replaced", "unchanged"];

const ROLLUP_LABELS: Record<"rollup_target" | "rollup_unused", Said> = {
  rollup_target: { vi: "Bảng tổng hợp gốc (cộng dồn vào)", en: "Earlier rollup (merging into)" },
  rollup_unused: { vi: "Bảng tổng hợp (không dùng)", en: "Rollup (not used)" },
};

const NOT_MERGED: Said = { vi: "Hợp lệ, chưa tổng hợp", en: "Valid, not consolidated" };

const GROUP_ORDER: Record<RowGroup, number> = { rejected: 0, warning: 1, accepted: 2, ignored: 3 };

function groupOf(kind: RowKind, problems: readonly Problem[]): RowGroup {
  if (kind === "rejected" || kind === "wrong_period") return "rejected";
  if (kind === "duplicate" || kind === "superseded") return "ignored";
  if (kind === "conflict" || kind === "returned" || kind === "rollup_unused") return "warning";
  return problems.some((p) => p.severity === "warning") ? "warning" : "accepted";
}

function rollupRows(intakes: readonly Intake[], targetFile: string | null): OutcomeRow[] {
  return intakes
    .filter((i) => i.kind === "rollup" && i.rollup)
    .map((i) => {
      const chosen = i.file === targetFile;
      const kind = chosen ? "rollup_target" : "rollup_unused";
      const r = i.rollup!;
      const n = r.prior.contributions.length;
      const what: Said = {
        vi: `Đây là bảng tổng hợp ${periodLabelVi(r.period)} (${n} cơ quan), không phải báo cáo của một cơ quan.`,
        en: `This is the ${periodLabelEn(r.period)} rollup (${n} agencies), not one agency's report.`,
      };
      const how: Said = chosen
        ? { vi: "Các báo cáo được cộng dồn vào bảng này.", en: "The reports are merged into it." }
        : {
            vi: "Không dùng. Muốn tổng hợp tiếp vào bảng này thì chọn “Cộng dồn vào bảng tổng hợp đã có”.",
            en: "Not used. To merge into it, choose “Merge into an earlier rollup”.",
          };
      return {
        key: `rollup:${i.file}`,
        file: i.file,
        agency: null,
        returnable: null,
        kind,
        label: ROLLUP_LABELS[kind],
        group: groupOf(kind, []),
        problems: [],
        notes: [what, how],
      };
    });
}

const sortRows = (rows: OutcomeRow[]) =>
  rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => GROUP_ORDER[a.r.group] - GROUP_ORDER[b.r.group] || a.i - b.i)
    .map((x) => x.r);

/** Rows after a merge. `targetFile` is the rollup file chosen as merge target, if any. */
export function outcomeRows(
  rollup: Rollup,
  intakes: readonly Intake[],
  targetFile: string | null,
): OutcomeRow[] {
  const name = (code: string | null) =>
    code === null ? null : (rollup.registry.agencies.find((a) => a.code === code)?.name ?? code);
  const rows: OutcomeRow[] = rollup.merge.outcomes.map((o, i) => {
    const agency = o.submission.agency;
    const returned = agency !== null && rollup.merge.returned.has(agency) && COUNTING.includes(o.outcome);
    const kind: RowKind = returned ? "returned" : o.outcome;
    const problems = o.reasons.length
      ? o.reasons
      : COUNTING.includes(o.outcome)
        ? o.submission.problems.filter((p) => p.severity === "warning")
        : [];
    const reason = returned ? rollup.merge.returned.get(agency!)!.reason : null;
    return {
      key: `${o.submission.file}-${i}`,
      file: o.submission.file,
      agency: name(agency),
      returnable: agency && COUNTING.includes(o.outcome) && !returned ? agency : null,
      kind,
      label: MERGE_OUTCOME_LABELS[kind],
      group: groupOf(kind, problems),
      problems,
      notes: reason ? [{ vi: `Lý do trả lại: ${reason}`, en: `Returned because: ${reason}` }] : [],
    };
  });
  // A rollup among the picks comes first: it says what the run merges into.
  return [...rollupRows(intakes, targetFile), ...sortRows(rows)];
}

/** Rows when no merge could run (e.g. only bad files): every file with why it was not taken. */
export function intakeRows(intakes: readonly Intake[]): OutcomeRow[] {
  const rows: OutcomeRow[] = intakes
    .filter((i) => i.kind !== "rollup")
    .flatMap((i) =>
      i.submissions.map((s, k) => {
        const errors = s.problems.filter((p) => p.severity === "error");
        const kind: RowKind = errors.length ? "rejected" : "added";
        return {
          key: `${i.file}-${k}`,
          file: i.file,
          agency: s.agency,
          returnable: null,
          kind,
          label: errors.length ? MERGE_OUTCOME_LABELS[kind] : NOT_MERGED,
          group: groupOf(kind, s.problems),
          problems: errors.length ? errors : s.problems,
          notes: [],
        };
      }),
    );
  return [...rollupRows(intakes, null), ...sortRows(rows)];
}
