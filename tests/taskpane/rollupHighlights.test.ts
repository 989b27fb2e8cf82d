// The add-in's highlights on the rollup sheets follow the domain's states: which ones need attention
// and their labels come from the one table (model.ts, taskJudgement.ts), never from copied strings.
import { ROLLUP_SHEETS } from "../../src/domain/consolidation/layout";
import {
  consolidate,
  SUBMISSION_STATE_LABELS,
  TASK_STATE_LABELS,
} from "../../src/domain/consolidation/model";
import { rollupSheets } from "../../src/domain/consolidation/sheets";
import { makePeriod } from "../../src/domain/period";
import { judgementLabel } from "../../src/domain/taskJudgement";
import { rollupHighlights } from "../../src/taskpane/logic/rollupCharts";
import { examplePlan } from "../helpers/fixtures";

it("highlights overdue and late tasks, and missing, rejected and conflicting reports, by their labels", () => {
  const { plan, registry, catalogue } = examplePlan();
  const rollup = consolidate(plan, [], {
    registry,
    catalogue,
    period: makePeriod("year", 2023),
    mergedAt: "x",
  });
  const h = rollupHighlights(rollupSheets(rollup));
  const rule = (sheet: string) => h.get(sheet)!.map((x) => [x.contains, x.fill]);
  expect(rule(ROLLUP_SHEETS.matrix)).toEqual([
    [judgementLabel("overdue"), "#F8CBAD"],
    [judgementLabel("done_late"), "#FFE699"],
  ]);
  expect(TASK_STATE_LABELS.done_late).toBe("Hoàn thành quá hạn");
  expect(rule(ROLLUP_SHEETS.status)).toEqual([
    [SUBMISSION_STATE_LABELS.missing, "#F8CBAD"],
    [SUBMISSION_STATE_LABELS.rejected, "#F8CBAD"],
    [SUBMISSION_STATE_LABELS.conflict, "#FFE699"],
  ]);
});
