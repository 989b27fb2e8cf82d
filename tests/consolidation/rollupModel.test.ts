// The rollup model on hand-made submissions: task timing from deadlines, hierarchy subtotals, and a
// district's rollup merged upward into the province (through its own sheets, read back).
import { loadExampleBundle } from "../../src/cli/demo/bundle";
import type { PlanBundle } from "../../src/domain/consolidation/intake";
import { assignmentsFor } from "../../src/domain/assignment";
import type { Grid } from "../../src/domain/cell";
import { consolidate } from "../../src/domain/consolidation/model";
import { readRollup } from "../../src/domain/consolidation/readRollup";
import { rollupSheets } from "../../src/domain/consolidation/sheets";
import type { Submission } from "../../src/domain/consolidation/submission";
import { makePeriod } from "../../src/domain/period";

const PERIOD = makePeriod("year", 2023);
let bundle: PlanBundle;
beforeAll(async () => {
  bundle = await loadExampleBundle();
});

function report(agency: string, figures: Record<string, number>, opts: Partial<Submission> = {}): Submission {
  const tasks = assignmentsFor(bundle.plan, agency).map((a) => ({
    code: a.task.code,
    status: "done" as const,
    doneDate: { y: 2023, m: 12, d: 10 },
    evidence: "1/QĐ",
    sheet: "Nhiệm vụ",
    cell: "F2",
  }));
  return {
    file: `${agency}.xlsx`,
    hash: `h-${agency}`,
    agency,
    period: PERIOD,
    version: 1,
    submittedAt: { y: 2023, m: 12, d: 18 },
    receivedAt: null,
    problems: [],
    errorCount: 0,
    warningCount: 0,
    figures: Object.entries(figures).map(([code, value]) => ({ code, value, sheet: "Số liệu", cell: "D2" })),
    tasks,
    ...opts,
  };
}

const hs = (resolved: number, onTime: number) => ({
  HS_DA_GIAI_QUYET: resolved,
  HS_DUNG_HAN: onTime,
  HS_TRE_HAN: resolved - onTime,
});
const asGrids = (sheets: { name: string; rows: Grid }[]) => new Map(sheets.map((s) => [s.name, s.rows]));

describe("rollup model", () => {
  it("judges tasks on time or late from the plan's deadline, not the typed status", () => {
    const snv = report("SNV", hs(10, 9));
    const first = snv.tasks[0]; // I.1: "Quý IV năm 2022" → due 31/12/2022, done 10/12/2023
    const r = consolidate(bundle.plan, [snv], { ...bundle, period: PERIOD, mergedAt: "t" });
    const cell = r.tasks.find((t) => t.task.code === first.code)!.cells.get("SNV")!;
    expect(cell.state).toBe("done_late");
    expect(r.completionByAgency.get("SNV")!.doneLate).toBeGreaterThan(0);
    expect(r.counts.expected).toBe(29);
    expect(r.counts.missing).toBe(28);
    expect(r.status.find((s) => s.agency === "STP")!.state).toBe("missing");
  });

  it("rolls communes up to their district and districts up to the province, counting each agency once", () => {
    const communes = ["X_BM_CAIVON", "X_BM_THANHPHUOC"].map((c, i) => report(c, hs(100 + i, 99)));
    const district = consolidate(bundle.plan, communes, {
      ...bundle,
      period: PERIOD,
      unit: "H_BINHMINH",
      mergedAt: "t1",
    });
    expect(district.expected.has("X_BM_CAIVON")).toBe(true);
    expect(district.totals.get("HS_DA_GIAI_QUYET")).toBe(201);

    // The district's rollup workbook, read back, carries its communes' contributions upward.
    const read = readRollup(asGrids(rollupSheets(district)));
    if (!read.ok) throw new Error(read.problems[0].message_en);
    const carried = read.rollup.prior.contributions.map((c) => ({ ...c, via: "tong-hop-binh-minh.xlsx" }));
    const province = consolidate(
      bundle.plan,
      [...carried, report("H_BINHMINH", hs(50, 50)), report("SNV", hs(10, 5))],
      {
        ...bundle,
        period: PERIOD,
        mergedAt: "t2",
      },
    );
    expect(province.totals.get("HS_DA_GIAI_QUYET")).toBe(201 + 50 + 10);
    expect(province.totals.get("HS_DUNG_HAN")).toBe(99 + 99 + 50 + 5);
    expect(province.totals.get("TL_DUNG_HAN")).toBeCloseTo(253 / 261, 12);
    const sub = province.figureRows.find((r) => r.kind === "subtotal" && r.agency === "H_BINHMINH")!;
    expect(sub.values.get("HS_DA_GIAI_QUYET")).toBe(251);
    const labels = province.figureRows.map((r) => r.agency);
    expect(labels.indexOf("X_BM_CAIVON")).toBeGreaterThan(labels.indexOf("H_BINHMINH"));
    expect(
      province.long
        .filter((l) => l.agency === "X_BM_CAIVON")
        .every((l) => l.via === "tong-hop-binh-minh.xlsx"),
    ).toBe(true);
    // Communes are not expected at the province in 2023 (they sit under a district): not "missing".
    expect(province.status.filter((s) => s.state === "missing").some((s) => s.agency?.startsWith("X_"))).toBe(
      false,
    );
  });

  it("since 1/7/2025 communes report straight to the province: the registry, not code, decides", () => {
    const r = consolidate(bundle.plan, [], { ...bundle, period: makePeriod("year", 2025), mergedAt: "t" });
    expect(r.expected.has("X_BM_CAIVON")).toBe(true);
    expect(r.expected.has("H_BINHMINH")).toBe(false);
  });

  it("flags late submissions against the reporting deadline (without a schedule, the 20th of the last month)", () => {
    const late = report("STP", hs(1, 1), { submittedAt: { y: 2023, m: 12, d: 21 } });
    const r = consolidate(bundle.plan, [late, report("SNV", hs(1, 1))], {
      ...bundle,
      schedule: undefined,
      period: PERIOD,
      mergedAt: "t",
    });
    expect(r.status.find((s) => s.agency === "STP")!.onTime).toBe(false);
    expect(r.status.find((s) => s.agency === "SNV")!.onTime).toBe(true);
    expect(r.counts.late).toBe(1);
  });

  it("with the plan's schedule, 'on time' means by the agency deadline (581/BNV-CCHC default: the 16th)", () => {
    const sent = (d: number) => ({ submittedAt: { y: 2023, m: 12, d } });
    const r = consolidate(
      bundle.plan,
      [report("STP", hs(1, 1), sent(17)), report("SNV", hs(1, 1), sent(16))],
      {
        ...bundle,
        period: PERIOD,
        mergedAt: "t",
      },
    );
    expect(r.schedule?.row.code).toBe("Y");
    expect(r.status.find((s) => s.agency === "STP")!.onTime).toBe(false);
    expect(r.status.find((s) => s.agency === "SNV")!.onTime).toBe(true);
  });
});
