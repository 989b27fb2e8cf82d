import { examplePlan, examplePlanInput, gridsOf } from "../../tests/helpers/fixtures";
import { planTasks, readPlan } from "./plan";
import { planWorkbookSheets, readPlanWorkbook } from "./planWorkbook";

const planGrid = () => gridsOf(planWorkbookSheets(examplePlanInput())).get("Kế hoạch")!;

describe("readPlan on the seed's 2023 appendix", () => {
  const { plan } = examplePlan();

  it("reads all eight sections with every task row of the appendix", () => {
    expect(plan.year).toBe(2023);
    expect(plan.sections.map((s) => s.code)).toEqual(["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]);
    const input = examplePlanInput().plan.rows.filter((r) => r.kind === "task");
    // V.2 is a heading whose a), b) rows carry the deadlines: every other task row becomes a task.
    expect(planTasks(plan)).toHaveLength(input.length - 1);
  });

  it("gives several rows under one number distinct, stable codes", () => {
    const codes = planTasks(plan).map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.slice(0, 4)).toEqual(["I.1", "I.1.2", "I.2", "I.2.2"]);
    expect(codes).toEqual(expect.arrayContaining(["V.2.a", "V.2.b", "III.8"]));
    expect(codes).not.toContain("V.2");
  });

  it("resolves every deadline and every agency cell", () => {
    const tasks = planTasks(plan);
    expect(tasks.filter((t) => t.deadline === null)).toEqual([]);
    expect(tasks.flatMap((t) => [...t.lead.unresolved, ...t.coordinators.unresolved])).toEqual([]);
    const first = tasks[0];
    expect(first.lead.agencies).toEqual(["SNV"]);
    expect(first.deadline?.dueDates).toEqual([{ y: 2022, m: 12, d: 31 }]);
  });

  it("reads the 2023-format plan workbook with one note only: it predates the 2025 reorganisation", () => {
    const pw = readPlanWorkbook(gridsOf(planWorkbookSheets(examplePlanInput())));
    expect(pw.problems.map((p) => [p.code, p.severity])).toEqual([["PLAN_PREDATES_2025", "info"]]);
    expect(pw.predatesReorganisation).toBe(true);
    // No schedule sheet: the 581/BNV-CCHC defaults (Quý I, 6 tháng, Quý III, Năm).
    expect(pw.schedule.rows.map((r) => r.code)).toEqual(["Q1", "H1", "Q3", "Y"]);
  });
});

describe("readPlan reports what it cannot read, with its cell", () => {
  const { registry } = examplePlan();

  it("an unparseable deadline", () => {
    const grid = planGrid();
    grid[5][5] = "Sớm nhất có thể";
    const { problems } = readPlan(grid, "Kế hoạch", { registry });
    expect(problems).toEqual([
      expect.objectContaining({
        code: "PLAN_DEADLINE_UNPARSED",
        severity: "error",
        cell: "F6",
        value: "Sớm nhất có thể",
      }),
    ]);
  });

  it("an unknown agency", () => {
    const grid = planGrid();
    grid[5][2] = "Sở Du hành Vũ trụ";
    const { problems } = readPlan(grid, "Kế hoạch", { registry });
    expect(problems).toEqual([
      expect.objectContaining({ code: "PLAN_AGENCY_UNKNOWN", cell: "C6", value: "Sở Du hành Vũ trụ" }),
    ]);
  });

  it("a missing header column and an unknown year", () => {
    const grid = planGrid();
    grid[3][5] = "Ghi chú";
    expect(readPlan(grid, "Kế hoạch", { registry }).problems).toEqual([
      expect.objectContaining({ code: "COLUMN_MISSING", severity: "error" }),
    ]);
    const noTitle = planGrid();
    noTitle[1][0] = "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH";
    expect(readPlan(noTitle, "Kế hoạch", { registry }).problems.map((p) => p.code)).toEqual([
      "PLAN_YEAR_UNKNOWN",
    ]);
  });

  it("headers in NFD and with a small typo are read; the typo is a warning", () => {
    const grid = planGrid();
    grid[3] = grid[3].map((h) => (typeof h === "string" ? h.normalize("NFD") : h));
    grid[3][2] = "Cơ quan chủ tr";
    const { plan, problems } = readPlan(grid, "Kế hoạch", { registry });
    expect(problems.map((p) => [p.code, p.severity, p.cell])).toEqual([["HEADER_TYPO", "warning", "C4"]]);
    expect(planTasks(plan!)).toHaveLength(58);
  });

  it("an invalid row number", () => {
    const grid = planGrid();
    grid[5][0] = "1.5.x";
    // The row below it (a second row under the same number) cannot be coded either: reported, not guessed.
    expect(readPlan(grid, "Kế hoạch", { registry }).problems).toEqual([
      expect.objectContaining({ code: "PLAN_STT_INVALID", cell: "A6", value: "1.5.x" }),
      expect.objectContaining({ code: "PLAN_ROW_WITHOUT_NUMBER", cell: "A7" }),
    ]);
  });
});
