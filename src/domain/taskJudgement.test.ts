import fc from "fast-check";
import { examplePlan } from "../../tests/helpers/fixtures";
import { assignmentsFor } from "./assignment";
import { a1 } from "./cell";
import { civil, compareCivil, type CivilDate } from "./civilDate";
import { consolidate } from "./consolidation/model";
import type { Submission } from "./consolidation/submission";
import { finalDueDate, isOverdue } from "./deadline";
import { makePeriod, periodRange } from "./period";
import { isLate, judgeTask, judgementLabel } from "./taskJudgement";
import { isDone, TASK_STATUSES, type TaskStatus } from "./taskStatus";
import { timing } from "./validation/tasks";

const arbDate = fc
  .record({
    y: fc.integer({ min: 2021, max: 2025 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => civil(y, m, d));
const arbStatus = fc.constantFrom(...TASK_STATUSES.map((s) => s.status));

describe("judgeTask", () => {
  it("judges by the deadline, not the typed status", () => {
    const due = civil(2023, 6, 30);
    const asOf = civil(2023, 12, 31);
    expect(judgeTask("done", civil(2023, 7, 1), due, asOf)).toBe("done_late");
    expect(judgeTask("done_late", civil(2023, 6, 30), due, asOf)).toBe("done");
    expect(judgeTask("done_late", null, due, asOf)).toBe("done_late"); // no date: as typed
    expect(judgeTask("in_progress", null, due, asOf)).toBe("overdue");
    expect(judgeTask("in_progress", null, due, civil(2023, 6, 30))).toBe("in_progress");
    expect(judgeTask("not_started", null, due, null)).toBe("not_started");
    expect(judgeTask("not_applicable", null, due, asOf)).toBe("not_applicable");
    expect(judgementLabel("overdue")).toBe("Quá hạn, chưa hoàn thành");
    expect(judgementLabel("done_late", "en")).toBe("Done late");
  });
});

describe("the three uses of the lateness rule agree (validation, consolidation, CCHC.OVERDUE)", () => {
  const { plan, registry, catalogue } = examplePlan();
  const agency = "STP";
  const assigned = assignmentsFor(plan, agency).find((a) => a.task.deadline && finalDueDate(a.task.deadline));
  const task = assigned!.task;
  const due = finalDueDate(task.deadline!)!;

  /** The state consolidation gives the task reported by the agency for a year. */
  function matrixState(year: number, status: TaskStatus, doneDate: CivilDate | null) {
    const period = makePeriod("year", year);
    const sub: Submission = {
      file: "stp.xlsx",
      hash: "h",
      agency,
      period,
      version: 1,
      submittedAt: null,
      receivedAt: null,
      problems: [],
      errorCount: 0,
      warningCount: 0,
      figures: [],
      tasks: [{ code: task.code, status, doneDate, evidence: "", sheet: "Nhiệm vụ", cell: "E2" }],
    };
    const rollup = consolidate(plan, [sub], {
      registry,
      catalogue,
      period,
      mergedAt: "2024-01-01T00:00:00Z",
    });
    return rollup.tasks.find((r) => r.task.code === task.code)!.cells.get(agency)!.state;
  }

  it("holds for any status, completion date and period", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2021, max: 2025 }),
        arbStatus,
        fc.option(arbDate, { nil: null }),
        (year, status, doneDate) => {
          const asOf = periodRange(makePeriod("year", year)).end;
          const judged = judgeTask(status, doneDate, due, asOf);
          // Consolidation's matrix.
          expect(matrixState(year, status, doneDate)).toBe(judged);
          // Validation: a problem exactly where the judgement and the typed status disagree.
          const codes = timing(
            { code: task.code, title: task.title },
            due,
            status,
            doneDate,
            asOf,
            "Nhiệm vụ",
            () => a1(1, 4),
          ).map((p) => p.code);
          const expected =
            judged === "overdue"
              ? ["TASK_OVERDUE"]
              : isDone(status) && doneDate && judged !== status
                ? [status === "done" ? "TASK_DONE_LATE_UNMARKED" : "TASK_MARKED_LATE_ON_TIME"]
                : [];
          expect(codes).toEqual(expected);
          // CCHC.OVERDUE, which knows only the completion date: late exactly when the judgement is,
          // wherever the typed status and the date tell the same story as of that day.
          const doneByAsOf = doneDate !== null && compareCivil(doneDate, asOf) <= 0;
          if (status !== "not_applicable" && isDone(status) === doneByAsOf)
            expect(isOverdue(task.deadline!, doneDate, asOf)).toBe(isLate(judged));
        },
      ),
      { numRuns: 150 },
    );
  });
});
