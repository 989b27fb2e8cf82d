import { examplePlan, examplePlanInput, filledReport, gridsOf, rowOf } from "../../../tests/helpers/fixtures";
import type { Grid } from "../cell";
import { parsePeriod, type Period } from "../period";
import { planWorkbookSheets } from "../planWorkbook";
import { tableColumn } from "../sheetTable";
import { isBlankReport } from "./blank";
import { TASK_TABLE } from "./layout";
import { buildReportTemplate } from "./template";

const STATUS = tableColumn(TASK_TABLE, "status");
const NOTE = tableColumn(TASK_TABLE, "note");
const Q2: Period = (parsePeriod("2023-Q2") as { ok: true; period: Period }).period;

function template(): Map<string, Grid> {
  const { plan, registry, catalogue } = examplePlan();
  const agency = registry.agencies.find((a) => a.code === "STP")!;
  return gridsOf(buildReportTemplate({ plan, agency, period: Q2, catalogue }));
}

describe("isBlankReport (what `cchc template -o` may replace)", () => {
  it("a template as written is blank", () => {
    expect(isBlankReport(template())).toBe(true);
  });

  it("a filled-in report is not", () => {
    expect(isBlankReport(gridsOf(filledReport("STP", Q2)))).toBe(false);
  });

  it.each([
    ["one task's status", (g: Map<string, Grid>) => (g.get("Nhiệm vụ")![1][STATUS] = "Hoàn thành")],
    ["one task's note", (g: Map<string, Grid>) => (g.get("Nhiệm vụ")![2][NOTE] = "đang chờ")],
    ["one figure", (g: Map<string, Grid>) => (rowOf(g.get("Số liệu")!, "HS_KY_TRUOC")[3] = 0)],
    ["the preparer", (g: Map<string, Grid>) => (rowOf(g.get("Thông tin")!, "Người lập")[1] = "Lê B")],
  ])("a template with %s typed in is not", (_what, edit) => {
    const g = template();
    edit(g);
    expect(isBlankReport(g)).toBe(false);
  });

  it("a plan workbook or an empty workbook is not a report at all", () => {
    expect(isBlankReport(gridsOf(planWorkbookSheets(examplePlanInput())))).toBe(false);
    expect(isBlankReport(new Map([["Sheet1", []]]))).toBe(false);
  });
});
