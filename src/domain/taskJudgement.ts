// The lateness rule, once: whether a task was done on time, done late, or is overdue, judged from its
// plan deadline — never trusted from the typed status. Used by validation (a typed status that
// disagrees, TASK_OVERDUE), by consolidation (the task matrix and completion rates) and by
// CCHC.OVERDUE (deadline.ts isOverdue).
import { compareCivil, type CivilDate } from "./civilDate";
import { isDone, taskStatusLabel, type TaskStatus } from "./taskStatus";

/** A typed status as judged against the deadline: a done task on time or late, an unfinished one
 * overdue once its due date has passed, otherwise what was typed. */
export type TaskJudgement = TaskStatus | "overdue";

/** Label of the one judgement that is not a typed status. */
const OVERDUE_LABEL = { vi: "Quá hạn, chưa hoàn thành", en: "Overdue, not done" } as const;

/**
 * Judge a task. `done` is its completion date, `due` its final due date (null: no hard date, nothing
 * to judge by), `asOf` the day it is judged on (the period's end; null: not judged for overdue).
 * - "Không phát sinh" stays not applicable.
 * - Done (on time or late as typed): late when completed after the due date; with no date to judge
 *   by, what was typed.
 * - Not done: overdue when `asOf` is past the due date; otherwise what was typed.
 */
export function judgeTask(
  status: TaskStatus,
  done: CivilDate | null,
  due: CivilDate | null,
  asOf: CivilDate | null,
): TaskJudgement {
  if (status === "not_applicable") return status;
  if (isDone(status)) {
    if (!due || !done) return status;
    return compareCivil(done, due) > 0 ? "done_late" : "done";
  }
  return due && asOf && compareCivil(asOf, due) > 0 ? "overdue" : status;
}

/** Whether a judgement missed the deadline: done late, or overdue. */
export function isLate(j: TaskJudgement): boolean {
  return j === "done_late" || j === "overdue";
}

/** A judgement's label, from the one status table (taskStatus.ts) or {@link OVERDUE_LABEL}. */
export function judgementLabel(j: TaskJudgement, lang: "vi" | "en" = "vi"): string {
  return j === "overdue" ? OVERDUE_LABEL[lang] : taskStatusLabel(j, lang);
}
