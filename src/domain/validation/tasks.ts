// Task checks (nhiệm vụ): codes against the plan and the agency's assignments, statuses, dates, evidence.
// On time or late is computed from the plan's deadline, never trusted from the typed status.
import { assignmentsByCode } from "../assignment";
import { compareCivil, type CivilDate } from "../civilDate";
import { finalDueDate } from "../deadline";
import { periodRange, type Period } from "../period";
import { findTask } from "../plan";
import type { CellValue } from "../cell";
import { problem, type Problem } from "../problem";
import type { TaskRef } from "../problemCatalogue";
import type { TaskColumn } from "../report/layout";
import type { ReportModel } from "../report/read";
import { columnCell } from "../table";
import { judgeTask } from "../taskJudgement";
import { isDone, TASK_STATUSES, type TaskStatus } from "../taskStatus";
import { formatVnDate } from "../text/vnDate";
import type { ValidationContext } from "./context";

/** The statuses a task may have, as its messages list them. */
const STATUS_LIST = TASK_STATUSES.map((s) => s.vi).join(", ");

export function checkTasks(
  report: ReportModel,
  ctx: ValidationContext,
  agencyCode: string | null,
  period: Period | null,
): Problem[] {
  const sheet = report.sheets.tasks;
  const loc = report.taskTable;
  if (!sheet || !loc) return [];
  const problems: Problem[] = [];
  const assigned = agencyCode ? assignmentsByCode(ctx.plan, agencyCode) : null;
  const range = period ? periodRange(period, ctx.cutoff) : null;
  const seen = new Map<string, number>();

  for (const t of report.tasks) {
    const cell = (k: TaskColumn) => columnCell(loc, t.row, k);
    const at = (k: TaskColumn, value: CellValue = null) => ({ sheet, cell: cell(k), value });
    const planTask = findTask(ctx.plan, t.code);
    if (!planTask) {
      problems.push(problem("TASK_UNKNOWN", { code: t.code, planYear: ctx.plan.year }, at("code", t.code)));
      continue;
    }
    const task = { code: planTask.code, title: planTask.title };
    const first = seen.get(planTask.code);
    if (first !== undefined) {
      problems.push(problem("TASK_DUPLICATE", { task, rows: [first + 1, t.row + 1] }, at("code", t.code)));
      continue;
    }
    seen.set(planTask.code, t.row);
    if (assigned && !assigned.has(planTask.code)) {
      problems.push(problem("TASK_NOT_ASSIGNED", { task, lead: planTask.leadText }, at("code", t.code)));
    }

    if (!t.statusText) {
      problems.push(problem("TASK_STATUS_NOT_FILLED", { task, statuses: STATUS_LIST }, at("status")));
      continue;
    }
    if (!t.status) {
      problems.push(
        problem(
          "TASK_STATUS_INVALID",
          { task, text: t.statusText, statuses: STATUS_LIST },
          at("status", t.statusText),
        ),
      );
      continue;
    }

    const done = isDone(t.status);
    if (done && !t.doneDate && !t.doneDateRaw)
      problems.push(problem("TASK_DONE_NO_DATE", { task }, at("doneDate")));
    if (done && !t.evidence) problems.push(problem("TASK_DONE_NO_EVIDENCE", { task }, at("evidence")));
    // A number typed as a year (2023) reads as serial 2023 = 1905: no CCHC task was done that long ago.
    if (t.doneDate && Math.abs(t.doneDate.y - ctx.plan.year) > 1) {
      problems.push(
        problem(
          "TASK_DATE_IMPLAUSIBLE",
          { task, date: t.doneDate, planYear: ctx.plan.year },
          at("doneDate", t.doneDateRaw),
        ),
      );
      continue;
    }
    if (!done && t.doneDate) {
      problems.push(
        problem("TASK_DATE_WITHOUT_DONE", { task, status: t.statusText }, at("doneDate", t.doneDateRaw)),
      );
    }
    if (done && t.doneDate && range && compareCivil(t.doneDate, range.end) > 0) {
      problems.push(
        problem(
          "TASK_DONE_AFTER_CUTOFF",
          { task, date: t.doneDate, cutoff: range.end },
          at("doneDate", t.doneDateRaw),
        ),
      );
    }
    const due = planTask.deadline ? finalDueDate(planTask.deadline) : null;
    if (due) problems.push(...timing(task, due, t.status, t.doneDate, range?.end ?? null, sheet, cell));
  }

  if (assigned) {
    for (const [code, a] of assigned) {
      if (seen.has(code)) continue;
      problems.push(
        problem(
          "TASK_MISSING",
          { task: { code, title: a.task.title }, role: a.role === "lead" ? "lead" : "coordinate" },
          { sheet, value: code },
        ),
      );
    }
  }
  return problems;
}

/** What a task's typed status and completion date say against its deadline (judgeTask): a "done"
 * completed late, a "done late" completed on time, or an unfinished task past its due date. */
export function timing(
  task: TaskRef,
  due: CivilDate,
  status: TaskStatus,
  doneDate: CivilDate | null,
  periodEnd: CivilDate | null,
  sheet: string,
  cell: (k: "status" | "doneDate") => ReturnType<typeof columnCell>,
): Problem[] {
  const where = { sheet, cell: cell("status") };
  const judged = judgeTask(status, doneDate, due, periodEnd);
  if (judged === "done_late" && status === "done" && doneDate)
    return [
      problem(
        "TASK_DONE_LATE_UNMARKED",
        { task, date: doneDate, due },
        { ...where, value: formatVnDate(doneDate) },
      ),
    ];
  if (judged === "done" && status === "done_late" && doneDate)
    return [problem("TASK_MARKED_LATE_ON_TIME", { task, date: doneDate, due }, where)];
  if (judged === "overdue") return [problem("TASK_OVERDUE", { task, due }, where)];
  return [];
}
