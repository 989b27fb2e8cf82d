// Task checks (nhiệm vụ): codes against the plan and the agency's assignments, statuses, dates, evidence.
// On time or late is computed from the plan's deadline, never trusted from the typed status.
import { assignmentsFor } from "../assignment";
import { compareCivil, type CivilDate } from "../civilDate";
import { finalDueDate } from "../deadline";
import { periodRange, type Period } from "../period";
import { findTask } from "../plan";
import { problem, type Problem } from "../problem";
import type { TaskColumn } from "../report/layout";
import type { ReportModel } from "../report/read";
import { columnCell } from "../table";
import { isDone, TASK_STATUSES } from "../taskStatus";
import { formatVnDate } from "../text/vnDate";
import type { ValidationContext } from "./context";

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
  const assigned = agencyCode
    ? new Map(assignmentsFor(ctx.plan, agencyCode).map((a) => [a.task.code, a]))
    : null;
  const range = period ? periodRange(period, ctx.cutoff) : null;
  const seen = new Map<string, number>();
  const statusList = TASK_STATUSES.map((s) => s.vi).join(", ");

  for (const t of report.tasks) {
    const cell = (k: TaskColumn) => columnCell(loc, t.row, k);
    const planTask = findTask(ctx.plan, t.code);
    if (!planTask) {
      problems.push(
        problem({
          code: "TASK_UNKNOWN",
          severity: "error",
          sheet,
          cell: cell("code"),
          vi: `Mã nhiệm vụ "${t.code}" không có trong kế hoạch năm ${ctx.plan.year}.`,
          en: `Task code "${t.code}" is not in the ${ctx.plan.year} plan.`,
          value: t.code,
        }),
      );
      continue;
    }
    const first = seen.get(planTask.code);
    if (first !== undefined) {
      problems.push(
        problem({
          code: "TASK_DUPLICATE",
          severity: "error",
          sheet,
          cell: cell("code"),
          vi: `Nhiệm vụ ${planTask.code} được báo cáo hai lần (dòng ${first + 1} và ${t.row + 1}).`,
          en: `Task ${planTask.code} is reported twice (rows ${first + 1} and ${t.row + 1}).`,
          value: t.code,
        }),
      );
      continue;
    }
    seen.set(planTask.code, t.row);
    if (assigned && !assigned.has(planTask.code)) {
      problems.push(
        problem({
          code: "TASK_NOT_ASSIGNED",
          severity: "warning",
          sheet,
          cell: cell("code"),
          vi: `Nhiệm vụ ${planTask.code} không giao cho cơ quan này (chủ trì: ${planTask.leadText}).`,
          en: `Task ${planTask.code} is not assigned to this agency (lead: ${planTask.leadText}).`,
          value: t.code,
        }),
      );
    }

    if (!t.statusText) {
      problems.push(
        problem({
          code: "TASK_STATUS_NOT_FILLED",
          severity: "error",
          sheet,
          cell: cell("status"),
          vi: `Nhiệm vụ ${planTask.code}: chưa chọn tình trạng thực hiện (${statusList}).`,
          en: `Task ${planTask.code}: no status chosen.`,
        }),
      );
      continue;
    }
    if (!t.status) {
      problems.push(
        problem({
          code: "TASK_STATUS_INVALID",
          severity: "error",
          sheet,
          cell: cell("status"),
          vi: `Nhiệm vụ ${planTask.code}: tình trạng "${t.statusText}" không hợp lệ; chọn một trong: ${statusList}.`,
          en: `Task ${planTask.code}: status "${t.statusText}" is not valid; choose from the list.`,
          value: t.statusText,
        }),
      );
      continue;
    }

    const done = isDone(t.status);
    if (done && !t.doneDate && !t.doneDateRaw) {
      problems.push(
        problem({
          code: "TASK_DONE_NO_DATE",
          severity: "error",
          sheet,
          cell: cell("doneDate"),
          vi: `Nhiệm vụ ${planTask.code} đã hoàn thành nhưng chưa ghi ngày hoàn thành.`,
          en: `Task ${planTask.code} is done but has no completion date.`,
        }),
      );
    }
    if (done && !t.evidence) {
      problems.push(
        problem({
          code: "TASK_DONE_NO_EVIDENCE",
          severity: "warning",
          sheet,
          cell: cell("evidence"),
          vi: `Nhiệm vụ ${planTask.code} đã hoàn thành nhưng chưa ghi văn bản, minh chứng (ví dụ 2621/QĐ-UBND ngày 13/12/2022).`,
          en: `Task ${planTask.code} is done but has no evidence (e.g. document 2621/QĐ-UBND of 13/12/2022).`,
        }),
      );
    }
    // A number typed as a year (2023) reads as serial 2023 = 1905: no CCHC task was done that long ago.
    if (t.doneDate && Math.abs(t.doneDate.y - ctx.plan.year) > 1) {
      problems.push(
        problem({
          code: "TASK_DATE_IMPLAUSIBLE",
          severity: "error",
          sheet,
          cell: cell("doneDate"),
          vi: `Nhiệm vụ ${planTask.code}: ngày hoàn thành ${formatVnDate(t.doneDate)} không thuộc năm kế hoạch ${ctx.plan.year}; ghi theo dạng dd/mm/yyyy.`,
          en: `Task ${planTask.code}: completion date ${formatVnDate(t.doneDate)} is far from plan year ${ctx.plan.year}; use dd/mm/yyyy.`,
          value: t.doneDateRaw,
        }),
      );
      continue;
    }
    if (!done && t.doneDate) {
      problems.push(
        problem({
          code: "TASK_DATE_WITHOUT_DONE",
          severity: "warning",
          sheet,
          cell: cell("doneDate"),
          vi: `Nhiệm vụ ${planTask.code} có ngày hoàn thành nhưng tình trạng là "${t.statusText}".`,
          en: `Task ${planTask.code} has a completion date but its status is "${t.statusText}".`,
          value: t.doneDateRaw,
        }),
      );
    }
    if (done && t.doneDate && range && compareCivil(t.doneDate, range.end) > 0) {
      problems.push(
        problem({
          code: "TASK_DONE_AFTER_CUTOFF",
          severity: "error",
          sheet,
          cell: cell("doneDate"),
          vi: `Nhiệm vụ ${planTask.code}: ngày hoàn thành ${formatVnDate(t.doneDate)} sau ngày chốt số liệu của kỳ (${formatVnDate(range.end)}).`,
          en: `Task ${planTask.code}: completion date ${formatVnDate(t.doneDate)} is after the period's cut-off (${formatVnDate(range.end)}).`,
          value: t.doneDateRaw,
        }),
      );
    }
    const due = planTask.deadline ? finalDueDate(planTask.deadline) : null;
    if (due)
      problems.push(...timing(planTask.code, due, t.status, t.doneDate, range?.end ?? null, sheet, cell));
  }

  if (assigned) {
    for (const [code, a] of assigned) {
      if (seen.has(code)) continue;
      problems.push(
        problem({
          code: "TASK_MISSING",
          severity: "error",
          sheet,
          vi: `Thiếu nhiệm vụ ${code} (${a.role === "lead" ? "chủ trì" : "phối hợp"}) mà kế hoạch giao cho cơ quan.`,
          en: `Task ${code} (${a.role}) assigned to this agency by the plan is missing.`,
          value: code,
        }),
      );
    }
  }
  return problems;
}

function timing(
  code: string,
  due: CivilDate,
  status: NonNullable<ReportModel["tasks"][number]["status"]>,
  doneDate: CivilDate | null,
  periodEnd: CivilDate | null,
  sheet: string,
  cell: (k: "status" | "doneDate") => ReturnType<typeof columnCell>,
): Problem[] {
  if (isDone(status) && doneDate) {
    const late = compareCivil(doneDate, due) > 0;
    if (late && status === "done")
      return [
        problem({
          code: "TASK_DONE_LATE_UNMARKED",
          severity: "warning",
          sheet,
          cell: cell("status"),
          vi: `Nhiệm vụ ${code} hoàn thành ngày ${formatVnDate(doneDate)}, sau thời hạn ${formatVnDate(due)}: sẽ được tính là trễ hạn.`,
          en: `Task ${code} was done on ${formatVnDate(doneDate)}, after its deadline ${formatVnDate(due)}: it counts as late.`,
          value: formatVnDate(doneDate),
        }),
      ];
    if (!late && status === "done_late")
      return [
        problem({
          code: "TASK_MARKED_LATE_ON_TIME",
          severity: "info",
          sheet,
          cell: cell("status"),
          vi: `Nhiệm vụ ${code} ghi "trễ hạn" nhưng hoàn thành đúng hạn (${formatVnDate(doneDate)} ≤ ${formatVnDate(due)}).`,
          en: `Task ${code} is marked late but was done on time (${formatVnDate(doneDate)} ≤ ${formatVnDate(due)}).`,
        }),
      ];
    return [];
  }
  if (status !== "not_applicable" && !isDone(status) && periodEnd && compareCivil(due, periodEnd) < 0) {
    return [
      problem({
        code: "TASK_OVERDUE",
        severity: "warning",
        sheet,
        cell: cell("status"),
        vi: `Nhiệm vụ ${code} quá hạn (thời hạn ${formatVnDate(due)}) mà chưa hoàn thành.`,
        en: `Task ${code} is overdue (deadline ${formatVnDate(due)}) and not done.`,
      }),
    ];
  }
  return [];
}
