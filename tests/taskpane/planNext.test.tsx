/** @jest-environment jsdom */
// Issue 17: the Kế hoạch tab makes next year's plan from the plan in use with the carry-forward of
// `cchc plan new` (newYearPlan): downloaded on the web page, opened as a new workbook in Excel.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { PLAN_SHEETS } from "../../src/domain/planLayout";
import { readPlanWorkbook } from "../../src/domain/planWorkbook";
import { planTasks } from "../../src/domain/plan";
import { PlanTab } from "../../src/taskpane/components/PlanTab";
import type { PlanState } from "../../src/taskpane/hooks/usePlan";
import { deliverPlan, nextPlanMessage, nextYearPlan, planGridsFor } from "../../src/taskpane/logic/planNext";
import { examplePlan, examplePlanGrids, type LoadedPlan } from "../../src/taskpane/logic/planSources";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { fakeOps, installResizeObserver } from "./helpers";

installResizeObserver();

async function gridsOf(bytes: Uint8Array) {
  const wb = await XlsxWorkbook.fromBuffer(bytes);
  return wb.readSheets((await wb.listSheets()).map((s) => s.name));
}
const PLAN_2027 = path.resolve(__dirname, "../../examples/plan-2027.xlsx");

describe("next year's plan from the plan in use", () => {
  test("the 2023-format example goes into 2027 with the bundled current data, as `cchc plan new` writes it", async () => {
    const example = examplePlan();
    const next = (await nextYearPlan(example, examplePlanGrids(), 2027))!;
    expect(next.fileName).toBe("ke-hoach-2027.xlsx");
    expect(next.bundled).toBe(true);
    expect(next.made).toMatchObject({ fromYear: 2023, year: 2027, tasks: 58, problems: [] });
    expect(next.made.flagged).toBeGreaterThan(0);
    const read = readPlanWorkbook(await gridsOf(next.bytes));
    expect(read.problems).toEqual([]);
    expect(read.plan!.year).toBe(2027);
    expect(read.predatesReorganisation).toBe(false);
    expect(read.registry!.agencies.some((a) => a.code === "P25_LONGCHAU")).toBe(true);
    // The same task rows (carried deadlines, successors, review notes) as examples/plan-2027.xlsx.
    const bundled = await gridsOf(new Uint8Array(readFileSync(PLAN_2027)));
    const rows = (g: Map<string, unknown[][]>) => g.get(PLAN_SHEETS.plan)!.slice(4);
    expect(rows(await gridsOf(next.bytes))).toEqual(rows(bundled));
  });

  test("a current plan keeps its own registry, catalogue and schedule", async () => {
    const bytes = new Uint8Array(readFileSync(PLAN_2027));
    const grids = await gridsOf(bytes);
    const loaded: LoadedPlan = { ...readPlanWorkbook(grids), source: "file", name: "plan-2027.xlsx" };
    const { ops } = fakeOps();
    const again = await planGridsFor(loaded, ops, { name: "plan-2027.xlsx", bytes });
    const next = (await nextYearPlan(loaded, again, 2028))!;
    expect(next.bundled).toBe(false);
    expect(next.made).toMatchObject({ fromYear: 2027, year: 2028, tasks: 58, problems: [] });
    const out = readPlanWorkbook(await gridsOf(next.bytes));
    expect(out.registry).toEqual(loaded.registry);
    expect(out.catalogue).toEqual(loaded.catalogue);
    expect(out.schedule).toEqual(loaded.schedule);
    expect(nextPlanMessage(next, "downloaded").vi).toMatch(
      /^Đã tải về ke-hoach-2028\.xlsx: .* 58 nhiệm vụ.*; 0 lỗi\.$/,
    );
  });

  test("the plan in this workbook is re-read from its plan sheet", async () => {
    const { ops } = fakeOps(examplePlanGrids());
    const loaded: LoadedPlan = { ...examplePlan(), source: "workbook" };
    const grids = await planGridsFor(loaded, ops, null);
    expect([...grids.keys()]).toEqual([PLAN_SHEETS.plan]);
    const next = (await nextYearPlan(loaded, grids, 2024))!;
    expect(planTasks(readPlanWorkbook(await gridsOf(next.bytes)).plan!)).toHaveLength(58);
  });

  test("downloaded on the web page, opened as a new workbook in Excel", async () => {
    const next = (await nextYearPlan(examplePlan(), examplePlanGrids(), 2027))!;
    const web = fakeOps();
    expect(await deliverPlan(web.ops, next)).toBe("downloaded");
    expect(web.calls.downloads.map((d) => d.name)).toEqual(["ke-hoach-2027.xlsx"]);
    const opened: string[] = [];
    const excel = fakeOps();
    excel.ops.openAsNewWorkbook = async (name) => void opened.push(name);
    expect(await deliverPlan(excel.ops, next)).toBe("opened");
    expect(opened).toEqual(["ke-hoach-2027.xlsx"]);
    expect(excel.calls.downloads).toEqual([]);
  });
});

describe("the Kế hoạch tab's button", () => {
  const state = (loaded: LoadedPlan): PlanState => ({
    loaded,
    bundle: { plan: loaded.plan!, registry: loaded.registry!, catalogue: loaded.catalogue! },
    busy: false,
    failure: null,
    fromWorkbook: async () => undefined,
    fromFile: async () => undefined,
    useExample: () => undefined,
  });

  test("makes the year typed, downloads it and says what it made", async () => {
    const { ops, calls } = fakeOps();
    render(<PlanTab plan={state(examplePlan())} host="browser" ops={ops} />);
    fireEvent.change(screen.getByLabelText("Năm kế hoạch mới"), { target: { value: "2027" } });
    fireEvent.click(screen.getByRole("button", { name: "Tạo kế hoạch năm 2027" }));
    await screen.findByText(
      /^Đã tải về ke-hoach-2027\.xlsx: kế hoạch năm 2027 từ kế hoạch năm 2023; 58 nhiệm vụ/,
    );
    await waitFor(() => expect(calls.downloads.map((d) => d.name)).toEqual(["ke-hoach-2027.xlsx"]));
  }, 30_000);

  test("refuses a year that is not after the plan's", () => {
    const { ops } = fakeOps();
    render(<PlanTab plan={state(examplePlan())} host="browser" ops={ops} />);
    fireEvent.change(screen.getByLabelText("Năm kế hoạch mới"), { target: { value: "2022" } });
    expect(screen.getByRole("button", { name: "Tạo kế hoạch năm …" })).toHaveProperty("disabled", true);
    screen.getByText("Năm sau năm kế hoạch đang dùng");
  });
});
