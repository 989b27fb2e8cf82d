// The rollup model (bảng tổng hợp): what consolidating the agencies' submissions for one period
// yields — task matrix and completion rates, figures with totals, overdue tasks by lead agency,
// submission status, provenance, the long table and year-on-year change. Pure: file names, hashes
// and times arrive as data.
import { agencyByCode, childrenAt, parentAt, type AgencyRegistry } from "../agencies";
import { assignedAgencies, assignmentsByCode, type Role } from "../assignment";
import { civil, compareCivil, type CivilDate } from "../civilDate";
import { finalDueDate } from "../deadline";
import type { Catalogue } from "../indicators";
import { scheduleFor, type Schedule, type ScheduledPeriod } from "../reportSchedule";
import { successorComparison, type ComparisonGroup } from "./successorYoY";
import { CALENDAR, periodCode, periodLastMonth, periodRange, type CutoffRule, type Period } from "../period";
import { planTasks, type Plan, type PlanTask } from "../plan";
import type { Problem } from "../problem";
import { safeRate } from "../rate";
import { judgeTask, judgementLabel, type TaskJudgement } from "../taskJudgement";
import type { TaskStatus } from "../taskStatus";
import {
  mergeSubmissions,
  type Conflict,
  type ConflictClaim,
  type MergeOutcome,
  type MergeResult,
  type ReturnMark,
} from "./mergeRules";
import type { AcceptedSubmission, Submission } from "./submission";
import { agencyValue, sumFigures, yearOnYear, type FigureValues, type YearOnYear } from "./totals";
import { upperCode } from "../text/plainText";

/** A provenance record (nhật ký nguồn): one input file merged at some time, and what became of it. */
export interface ProvenanceEntry {
  readonly file: string;
  readonly hash: string;
  readonly via: string;
  readonly agency: string;
  readonly period: string;
  readonly version: number | null;
  readonly mergedAt: string;
  readonly outcome: MergeOutcome | "returned";
  readonly errors: number;
  readonly warnings: number;
  /** Reasons, Vietnamese, joined: validation errors of a rejected file, a conflict, a return. */
  readonly reasons: string;
}

/** What a rollup keeps from its earlier runs, to merge into it exactly. */
export interface PriorRollup {
  readonly contributions: readonly AcceptedSubmission[];
  readonly returns: readonly ReturnMark[];
  readonly provenance: readonly ProvenanceEntry[];
}

export interface ConsolidateOptions {
  readonly registry: AgencyRegistry;
  readonly catalogue: Catalogue;
  readonly period: Period;
  /** The consolidating unit (đơn vị tổng hợp); default the registry's province. */
  readonly unit?: string;
  readonly prior?: PriorRollup;
  /** Returns asked for in this run. */
  readonly returns?: readonly ReturnMark[];
  /** When this merge happens, as ISO text (a clock reading passed in by the shell). */
  readonly mergedAt: string;
  /** Reporting deadline; default the 20th of the period's last month. */
  readonly reportingDeadline?: CivilDate;
  /** Totals of the same period a year earlier, for year-on-year change. */
  readonly previousTotals?: ReadonlyMap<string, number | null>;
  /** Data cut-off rule: tasks are judged overdue as of the period's cut-off. Decree 09 by default. */
  readonly cutoff?: CutoffRule;
  /** The plan workbook's report schedule: its window end is the cut-off, its agency deadline the
   * reporting deadline (unless `reportingDeadline` is given), and both deadlines are stated. */
  readonly schedule?: Schedule;
  /** Last year's figures per agency, for year-on-year by successor mapping. */
  readonly previousByAgency?: ReadonlyMap<string, FigureValues>;
}

/** A task × agency cell of the matrix. */
export type TaskState = TaskJudgement | "not_reported" | "no_submission" | "not_assigned";

/** The matrix's words: a judgement's label from the status table (taskJudgement.ts), and the states
 * only a rollup has. */
export const TASK_STATE_LABELS: Record<TaskState, string> = {
  done: judgementLabel("done"),
  done_late: judgementLabel("done_late"),
  in_progress: judgementLabel("in_progress"),
  not_started: judgementLabel("not_started"),
  overdue: judgementLabel("overdue"),
  not_applicable: judgementLabel("not_applicable"),
  not_reported: "Không báo cáo",
  no_submission: "Chưa có báo cáo",
  not_assigned: "",
};

/** The states that need attention on the rollup's sheets: missed the deadline ("alert"), or late but
 * done ("caution"). The add-in highlights them; which ones is decided here, with the states. */
export const TASK_STATE_ATTENTION: Partial<Record<TaskState, Attention>> = {
  overdue: "alert",
  done_late: "caution",
};

export type Attention = "alert" | "caution";

export interface TaskCell {
  readonly state: TaskState;
  readonly role: Role | null;
  readonly status: TaskStatus | null;
  readonly doneDate: CivilDate | null;
}

export interface TaskRow {
  readonly task: PlanTask;
  readonly dueDate: CivilDate | null;
  /** By agency code, for every column agency. */
  readonly cells: ReadonlyMap<string, TaskCell>;
}

/** A completion share: done (on time or late) over assigned tasks that apply. */
export interface Completion {
  readonly done: number;
  readonly doneLate: number;
  readonly overdue: number;
  readonly total: number;
  readonly rate: number | null;
}

export interface FigureRow {
  readonly kind: "agency" | "subtotal" | "total";
  /** Agency code (for a subtotal, the parent unit's). */
  readonly agency: string;
  readonly label: string;
  /** Depth below the consolidating unit: 1 for its direct children. */
  readonly depth: number;
  readonly values: ReadonlyMap<string, number | null>;
  /** The source file of an agency row. */
  readonly source: string;
}

export type SubmissionState = "accepted" | "returned" | "rejected" | "conflict" | "missing";

export const SUBMISSION_STATE_LABELS: Record<SubmissionState, string> = {
  accepted: "Đã tiếp nhận",
  returned: "Trả lại",
  rejected: "Bị từ chối",
  conflict: "Xung đột",
  missing: "Chưa nộp",
};

/** The submission states that need attention on the status sheet (see TASK_STATE_ATTENTION). */
export const SUBMISSION_STATE_ATTENTION: Partial<Record<SubmissionState, Attention>> = {
  missing: "alert",
  rejected: "alert",
  conflict: "caution",
};

export interface StatusRow {
  readonly agency: string | null;
  readonly name: string;
  readonly expected: boolean;
  readonly state: SubmissionState;
  readonly version: number | null;
  readonly submittedAt: CivilDate | null;
  /** Submitted by the reporting deadline; null when the date is unknown or nothing was sent. */
  readonly onTime: boolean | null;
  readonly file: string;
  /** Hash of the contribution in use (accepted or returned), else empty. */
  readonly hashInUse: string;
  readonly errors: number;
  readonly warnings: number;
  readonly note: string;
}

export interface OverdueRow {
  readonly lead: string;
  readonly leadLabel: string;
  readonly task: PlanTask;
  readonly dueDate: CivilDate | null;
  readonly agency: string;
  readonly agencyName: string;
  readonly state: TaskState;
}

export interface LongRow {
  readonly agency: string;
  readonly agencyName: string;
  readonly period: string;
  readonly indicator: string;
  readonly value: number;
  readonly file: string;
  readonly hash: string;
  readonly version: number;
  readonly sheet: string;
  readonly cell: string;
  readonly via: string;
}

export interface SubmissionCounts {
  readonly expected: number;
  readonly received: number;
  readonly accepted: number;
  readonly returned: number;
  readonly rejected: number;
  readonly conflict: number;
  readonly missing: number;
  readonly onTime: number;
  readonly late: number;
}

export interface Rollup {
  readonly period: Period;
  readonly planYear: number;
  readonly unit: { code: string; name: string; kind: string };
  readonly mergedAt: string;
  readonly reportingDeadline: CivilDate;
  /** The schedule's entry for the period: data window, agency and Ministry deadlines. */
  readonly schedule: ScheduledPeriod | null;
  /** Year-on-year per unit (groups formed by successor links), when last year's rollup was given. */
  readonly comparison: readonly ComparisonGroup[] | null;
  /** The day tasks are judged against (the period's cut-off). */
  readonly asOf: CivilDate;
  readonly merge: MergeResult;
  readonly conflicts: readonly Conflict[];
  /** Column agencies: expected ones in registry order, then any other contributor. */
  readonly agencies: readonly string[];
  readonly expected: ReadonlySet<string>;
  readonly tasks: readonly TaskRow[];
  readonly completionByAgency: ReadonlyMap<string, Completion>;
  readonly completionBySection: ReadonlyMap<string, Completion>;
  readonly completion: Completion;
  readonly figureRows: readonly FigureRow[];
  readonly totals: ReadonlyMap<string, number | null>;
  readonly overdue: readonly OverdueRow[];
  readonly status: readonly StatusRow[];
  readonly counts: SubmissionCounts;
  readonly provenance: readonly ProvenanceEntry[];
  readonly long: readonly LongRow[];
  readonly yoy: readonly YearOnYear[] | null;
  readonly catalogue: Catalogue;
  readonly registry: AgencyRegistry;
  readonly sectionTitles: ReadonlyMap<string, string>;
}

/** Consolidate submissions for one period into the rollup model, merging into `prior` if given. */
export function consolidate(
  plan: Plan,
  submissions: readonly Submission[],
  opts: ConsolidateOptions,
): Rollup {
  const { registry, catalogue, period } = opts;
  const unitCode = opts.unit ?? registry.agencies.find((a) => a.kind === "province")?.code ?? "";
  const unitAgency = agencyByCode(registry, unitCode);
  const periodEnd = periodRange(period, CALENDAR).end;
  const scheduled = opts.schedule ? (scheduleFor(opts.schedule, period) ?? null) : null;
  const asOf = scheduled && !opts.cutoff ? scheduled.dataWindow.end : periodRange(period, opts.cutoff).end;
  const last = periodLastMonth(period);
  const reportingDeadline = opts.reportingDeadline ?? scheduled?.agencyDue ?? civil(last.y, last.m, 20);

  const merge = mergeSubmissions({
    period,
    prior: opts.prior?.contributions ?? [],
    priorConflicts: conflictClaims(opts.prior?.provenance ?? []),
    incoming: submissions,
    returns: [...(opts.prior?.returns ?? []), ...(opts.returns ?? [])],
  });
  const counting = new Map<string, AcceptedSubmission>();
  for (const [code, c] of merge.contributions) if (!merge.returned.has(code)) counting.set(code, c);

  // Expected: agencies the plan assigns tasks to that sit directly under the unit on the period's last day.
  const assigned = assignedAgencies(plan);
  const children = childrenAt(registry, unitCode, periodEnd);
  const expected = new Set(children.filter((c) => assigned.has(c) && c !== unitCode));
  const order = hierarchyOrder(registry, unitCode, periodEnd);
  const rank = (code: string) => order.get(code)?.rank ?? Number.MAX_SAFE_INTEGER;
  const columnSet = new Set<string>([...expected, ...merge.contributions.keys()]);
  const agencies = [...columnSet].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const nameOf = (code: string) => agencyByCode(registry, code)?.name ?? code;

  // Task matrix and completion.
  const roles = new Map(agencies.map((a) => [a, assignmentsByCode(plan, a)]));
  const reported = new Map(
    [...counting].map(([a, c]) => [a, new Map(c.tasks.map((t) => [upperCode(t.code), t]))] as const),
  );
  const tasks: TaskRow[] = [];
  const byAgency = new Map(agencies.map((a) => [a, newTally()]));
  const bySection = new Map<string, Tally>();
  const all = newTally();
  for (const task of planTasks(plan)) {
    const due = task.deadline ? finalDueDate(task.deadline) : null;
    const key = upperCode(task.code);
    const cells = new Map<string, TaskCell>();
    for (const a of agencies) {
      const role = roles.get(a)?.get(task.code)?.role ?? null;
      const contribution = counting.get(a);
      let cell: TaskCell;
      if (!role) cell = { state: "not_assigned", role, status: null, doneDate: null };
      else if (!contribution) cell = { state: "no_submission", role, status: null, doneDate: null };
      else {
        const t = reported.get(a)?.get(key);
        cell = t
          ? {
              state: judgeTask(t.status, t.doneDate, due, asOf),
              role,
              status: t.status,
              doneDate: t.doneDate,
            }
          : {
              // Not reported is judged as not started: overdue once past due.
              state: judgeTask("not_started", null, due, asOf) === "overdue" ? "overdue" : "not_reported",
              role,
              status: null,
              doneDate: null,
            };
        const section = bySection.get(task.section) ?? newTally();
        bySection.set(task.section, section);
        for (const tally of [byAgency.get(a)!, section, all]) count(tally, cell.state);
      }
      cells.set(a, cell);
    }
    tasks.push({ task, dueDate: due, cells });
  }

  // Figures: agency rows in hierarchy order with subtotals per parent unit, then the total.
  // Figures the catalogue computes from the task sheet (plan tasks assigned / done), per agency.
  const computed = catalogue.indicators.filter((i) => i.computed);
  const valuesOf = (c: AcceptedSubmission): FigureValues => {
    const v = new Map(c.figures.map((f) => [f.code, f.value]));
    const tally = byAgency.get(c.agency);
    for (const ind of computed) {
      if (tally) v.set(ind.code, ind.computed === "tasks_total" ? tally.total : tally.done);
      else v.delete(ind.code);
    }
    return v;
  };
  const contributorValues = new Map([...counting].map(([a, c]) => [a, valuesOf(c)] as const));
  const totals = sumFigures(catalogue, [...contributorValues.values()]);
  const figureRows = buildFigureRows(agencies, order, counting, contributorValues, opts, unitCode, nameOf);
  figureRows.push({
    kind: "total",
    agency: unitCode,
    label: unitAgency?.kind === "province" ? "TOÀN TỈNH" : `TỔNG CỘNG ${nameOf(unitCode).toUpperCase()}`,
    depth: 0,
    values: totals,
    source: "",
  });

  const overdue = overdueRows(tasks, agencies, registry, nameOf);
  const status = statusRows(
    agencies,
    expected,
    merge,
    reportingDeadline,
    nameOf,
    opts.prior?.provenance ?? [],
  );
  const counts = countStatus(status, expected);
  const provenance = [
    ...(opts.prior?.provenance ?? []),
    ...newProvenance(merge, opts.mergedAt, opts.prior?.returns ?? []),
  ];

  const long: LongRow[] = [];
  for (const a of agencies) {
    const c = counting.get(a);
    if (!c) continue;
    for (const f of c.figures) {
      long.push({
        agency: a,
        agencyName: nameOf(a),
        period: periodCode(period),
        indicator: f.code,
        value: f.value,
        file: c.file,
        hash: c.hash,
        version: c.version,
        sheet: f.sheet,
        cell: f.cell,
        via: c.via ?? "",
      });
    }
  }

  return {
    period,
    planYear: plan.year,
    unit: { code: unitCode, name: nameOf(unitCode), kind: unitAgency?.kind ?? "" },
    mergedAt: opts.mergedAt,
    reportingDeadline,
    asOf,
    merge,
    conflicts: merge.conflicts,
    agencies,
    expected,
    tasks,
    completionByAgency: new Map([...byAgency].map(([a, t]) => [a, completion(t)])),
    completionBySection: new Map(
      plan.sections
        .filter((s) => bySection.has(s.code))
        .map((s) => [s.code, completion(bySection.get(s.code)!)]),
    ),
    completion: completion(all),
    figureRows,
    totals,
    overdue,
    status,
    counts,
    provenance,
    long,
    yoy: opts.previousTotals ? yearOnYear(catalogue, totals, opts.previousTotals) : null,
    schedule: scheduled,
    comparison: opts.previousByAgency
      ? successorComparison(registry, catalogue, contributorValues, opts.previousByAgency, periodEnd)
      : null,
    catalogue,
    registry,
    sectionTitles: new Map(plan.sections.map((s) => [s.code, s.title])),
  };
}

/** The files logged in conflict by earlier runs: each remembered as a claim on its version. */
function conflictClaims(provenance: readonly ProvenanceEntry[]): ConflictClaim[] {
  return provenance
    .filter((e) => e.outcome === "conflict" && e.agency !== "" && e.hash !== "" && e.version !== null)
    .map((e) => ({ agency: e.agency, version: e.version!, hash: e.hash, file: e.file }));
}

interface Tally {
  done: number;
  doneLate: number;
  overdue: number;
  total: number;
}
const newTally = (): Tally => ({ done: 0, doneLate: 0, overdue: 0, total: 0 });

function count(t: Tally, state: TaskState): void {
  if (state === "not_applicable" || state === "not_assigned" || state === "no_submission") return;
  t.total++;
  if (state === "done" || state === "done_late") t.done++;
  if (state === "done_late") t.doneLate++;
  if (state === "overdue") t.overdue++;
}

function completion(t: Tally): Completion {
  return { ...t, rate: safeRate(t.done, t.total) };
}

/** Every agency under the unit on a day, depth-first in registry order, with depth and parent. */
function hierarchyOrder(
  registry: AgencyRegistry,
  unit: string,
  day: CivilDate,
): Map<string, { rank: number; depth: number; parent: string }> {
  const out = new Map<string, { rank: number; depth: number; parent: string }>();
  // Every agency's parent on the day, once (childrenAt per agency would be quadratic in the registry).
  const children = new Map<string, string[]>();
  for (const a of registry.agencies) {
    const parent = parentAt(registry, a.code, day);
    if (parent === null) continue;
    const list = children.get(parent);
    if (list) list.push(a.code);
    else children.set(parent, [a.code]);
  }
  const visit = (code: string, depth: number) => {
    if (depth > 8) return; // guards a registry that skipped its cycle check
    for (const child of children.get(code) ?? []) {
      if (out.has(child)) continue;
      out.set(child, { rank: out.size, depth, parent: code });
      visit(child, depth + 1);
    }
  };
  visit(unit, 1);
  return out;
}

function buildFigureRows(
  agencies: readonly string[],
  order: ReturnType<typeof hierarchyOrder>,
  counting: ReadonlyMap<string, AcceptedSubmission>,
  values: ReadonlyMap<string, FigureValues>,
  opts: ConsolidateOptions,
  unit: string,
  nameOf: (code: string) => string,
): FigureRow[] {
  const { catalogue } = opts;
  const rows: FigureRow[] = [];
  const empty: FigureValues = new Map();
  const agencyRow = (a: string): FigureRow => {
    const v = values.get(a) ?? empty;
    return {
      kind: "agency",
      agency: a,
      label: nameOf(a),
      depth: order.get(a)?.depth ?? 1,
      values: new Map(catalogue.indicators.map((ind) => [ind.code, agencyValue(ind, v)])),
      source: counting.get(a)?.file ?? "",
    };
  };
  // Descendants of a unit that appear as columns (e.g. communes carried in by a district's rollup).
  const descendants = (a: string): string[] =>
    agencies.filter((d) => {
      for (let p = order.get(d)?.parent; p && p !== unit; p = order.get(p)?.parent) if (p === a) return true;
      return false;
    });
  const placed = new Set<string>();
  for (const a of agencies) {
    if (placed.has(a)) continue;
    placed.add(a);
    rows.push(agencyRow(a));
    const under = descendants(a);
    if (under.length === 0) continue;
    for (const d of under) {
      placed.add(d);
      rows.push(agencyRow(d));
    }
    const members = [a, ...under].map((x) => values.get(x)).filter((v): v is FigureValues => v !== undefined);
    rows.push({
      kind: "subtotal",
      agency: a,
      label: `Cộng ${nameOf(a)} và đơn vị trực thuộc`,
      depth: order.get(a)?.depth ?? 1,
      values: sumFigures(catalogue, members),
      source: "",
    });
  }
  return rows;
}

function overdueRows(
  tasks: readonly TaskRow[],
  agencies: readonly string[],
  registry: AgencyRegistry,
  nameOf: (code: string) => string,
): OverdueRow[] {
  const rows: OverdueRow[] = [];
  for (const { task, dueDate, cells } of tasks) {
    const lead = task.lead.agencies[0] ?? "";
    const leadLabel = lead ? nameOf(lead) : task.lead.groups[0]?.phrase || task.leadText;
    for (const a of agencies) {
      const cell = cells.get(a)!;
      if (!["overdue", "in_progress", "not_started", "not_reported"].includes(cell.state)) continue;
      rows.push({ lead, leadLabel, task, dueDate, agency: a, agencyName: nameOf(a), state: cell.state });
    }
  }
  const leadRank = new Map(registry.agencies.map((a, i) => [a.code, i]));
  const taskRank = new Map(tasks.map((t, i) => [t.task.code, i]));
  return rows.sort(
    (x, y) =>
      (leadRank.get(x.lead) ?? 1e9) - (leadRank.get(y.lead) ?? 1e9) ||
      x.leadLabel.localeCompare(y.leadLabel) ||
      taskRank.get(x.task.code)! - taskRank.get(y.task.code)!,
  );
}

function statusRows(
  agencies: readonly string[],
  expected: ReadonlySet<string>,
  merge: MergeResult,
  deadline: CivilDate,
  nameOf: (code: string) => string,
  history: readonly ProvenanceEntry[],
): StatusRow[] {
  const byAgency = new Map<string, typeof merge.outcomes>();
  const unknown: StatusRow[] = [];
  for (const o of merge.outcomes) {
    const a = o.submission.agency;
    if (a === null) {
      unknown.push({
        agency: null,
        name: "(không xác định được cơ quan)",
        expected: false,
        state: "rejected",
        version: o.submission.version,
        submittedAt: o.submission.submittedAt,
        onTime: null,
        file: o.submission.file,
        hashInUse: "",
        errors: o.submission.errorCount,
        warnings: o.submission.warningCount,
        note: reasonsText(o.reasons),
      });
      continue;
    }
    byAgency.set(a, [...(byAgency.get(a) ?? []), o]);
  }
  const rows: StatusRow[] = [];
  const extra = [...new Set([...byAgency.keys(), ...history.map((e) => e.agency).filter(Boolean)])]
    .filter((a) => !agencies.includes(a))
    .sort();
  for (const a of [...agencies, ...extra]) {
    const current = merge.contributions.get(a);
    const outcomes = byAgency.get(a) ?? [];
    const ret = merge.returned.get(a);
    const conflict = merge.conflicts.find((c) => c.agency === a);
    const earlier = history.filter(
      (e) => e.agency === a && ["rejected", "wrong_period", "conflict"].includes(e.outcome),
    );
    const sub = current ?? outcomes[outcomes.length - 1]?.submission;
    const when = sub ? (sub.submittedAt ?? sub.receivedAt) : null;
    let state: SubmissionState;
    let note = "";
    if (current && ret) {
      state = "returned";
      note = ret.reason;
    } else if (current) {
      state = "accepted";
    } else if (conflict) {
      state = "conflict";
    } else if (outcomes.length) {
      state = "rejected";
      note = reasonsText(outcomes.flatMap((o) => o.reasons));
    } else if (earlier.length) {
      // Rejected in an earlier run and nothing accepted since: still rejected, not missing.
      const last = earlier[earlier.length - 1];
      state = last.outcome === "conflict" ? "conflict" : "rejected";
      note = `${last.file}: ${last.reasons}`;
    } else state = "missing";
    if (conflict)
      note = [note, `Xung đột lần gửi ${conflict.version}: ${conflict.files.join(", ")}`]
        .filter(Boolean)
        .join("; ");
    rows.push({
      agency: a,
      name: nameOf(a),
      expected: expected.has(a),
      state,
      version: sub?.version ?? (state === "missing" ? null : (earlier[earlier.length - 1]?.version ?? null)),
      submittedAt: when,
      onTime: when ? compareCivil(when, deadline) <= 0 : null,
      file: sub?.file ?? earlier[earlier.length - 1]?.file ?? "",
      hashInUse: current?.hash ?? "",
      errors: current ? current.errorCount : (sub?.errorCount ?? 0),
      warnings: current ? current.warningCount : (sub?.warningCount ?? 0),
      note,
    });
  }
  return [...rows, ...unknown];
}

function countStatus(rows: readonly StatusRow[], expected: ReadonlySet<string>): SubmissionCounts {
  const of = (s: SubmissionState) => rows.filter((r) => r.agency !== null && r.state === s).length;
  return {
    expected: expected.size,
    received: rows.filter((r) => r.agency !== null && r.state !== "missing").length,
    accepted: of("accepted"),
    returned: of("returned"),
    rejected: of("rejected"),
    conflict: of("conflict"),
    missing: of("missing"),
    onTime: rows.filter((r) => r.state !== "missing" && r.onTime === true).length,
    late: rows.filter((r) => r.state !== "missing" && r.onTime === false).length,
  };
}

function newProvenance(
  merge: MergeResult,
  mergedAt: string,
  recorded: readonly ReturnMark[],
): ProvenanceEntry[] {
  const entries: ProvenanceEntry[] = merge.outcomes.map(({ submission: s, outcome, reasons }) => ({
    file: s.file,
    hash: s.hash,
    via: s.via ?? "",
    agency: s.agency ?? "",
    period: s.period ? periodCode(s.period) : "",
    version: s.version,
    mergedAt,
    outcome,
    errors: s.errorCount,
    warnings: s.warningCount,
    reasons: reasonsText(reasons),
  }));
  for (const r of merge.returned.values()) {
    // A return already in the log is not logged again on every re-run.
    if (recorded.some((m) => m.agency === r.agency && m.version === r.version && m.reason === r.reason))
      continue;
    const c = merge.contributions.get(r.agency)!;
    entries.push({
      file: c.file,
      hash: c.hash,
      via: c.via ?? "",
      agency: r.agency,
      period: c.period ? periodCode(c.period) : "",
      version: r.version,
      mergedAt,
      outcome: "returned",
      errors: c.errorCount,
      warnings: c.warningCount,
      reasons: r.reason,
    });
  }
  return entries;
}

/** Reasons as one line: "[CODE] Sheet!A1: message; …", at most `limit` of them. */
export function reasonsText(reasons: readonly Problem[], limit = 5): string {
  const parts = reasons.slice(0, limit).map((p) => {
    const at = p.sheet && p.cell ? `${p.sheet}!${p.cell}: ` : p.sheet ? `${p.sheet}: ` : "";
    return `[${p.code}] ${at}${p.message_vi}`;
  });
  if (reasons.length > limit) parts.push(`… (+${reasons.length - limit})`);
  return parts.join("; ");
}
