// Messages name things as users know them: no indicator code where the indicator has a name. Scans the
// rendered messages of every problem the demo's reports raise, plus figure problems the demo lacks.
import { loadExampleBundle } from "../../src/cli/demo/bundle";
import { DEMO_PERIOD, demoFiles } from "../../src/cli/demo/generate";
import type { PlanBundle } from "../../src/cli/consolidate/run";
import type { Problem } from "../../src/domain/problem";
import { PROBLEMS } from "../../src/domain/problemCatalogue";
import { validateReport } from "../../src/domain/validation/validateReport";
import { filledReport, gridsOf, rowOf } from "../helpers/fixtures";

let bundle: PlanBundle;
beforeAll(async () => {
  bundle = await loadExampleBundle();
});

function demoProblems(): Problem[] {
  const out: Problem[] = [];
  for (const f of demoFiles(bundle)) {
    if (f.damaged || f.sheets.length === 0) continue;
    out.push(
      ...validateReport({ grids: gridsOf(f.sheets) }, { ...bundle, expectedPeriod: DEMO_PERIOD }).problems,
    );
  }
  // Figure problems, so each figure code is rendered at least once.
  const grids = gridsOf(filledReport("STP", DEMO_PERIOD));
  const fig = grids.get("Số liệu")!;
  rowOf(fig, "TL_MOT_CUA")[3] = "96,8%"; // RATE_MISMATCH
  rowOf(fig, "TTHC_MOT_CUA_XA")[3] = 129; // SUM_MISMATCH
  rowOf(fig, "DVC_TICH_HOP_QG")[3] = 1779; // PART_EXCEEDS_WHOLE
  rowOf(fig, "PHONG_CAT_GIAM")[3] = -3; // COUNT_NEGATIVE
  rowOf(fig, "DVSN_CAT_GIAM")[3] = "1,500"; // COUNT_FRACTIONAL
  rowOf(fig, "VB_QPPL_BAN_HANH")[3] = "bốn"; // NUMBER_INVALID
  rowOf(fig, "BIEN_CHE_TINH_GIAN")[3] = "#REF!"; // CELL_EXCEL_ERROR
  rowOf(fig, "CBCCVC_TONG")[3] = null; // FIGURE_NOT_FILLED
  rowOf(fig, "TL_AP_DUNG_ISO")[3] = "120%"; // RATE_OUT_OF_RANGE
  fig.splice(fig.indexOf(rowOf(fig, "DVC_TONG")), 1); // FIGURE_MISSING
  out.push(...validateReport({ grids }, { ...bundle, expectedPeriod: DEMO_PERIOD }).problems);
  return out;
}

describe("rendered problem messages", () => {
  it("name indicators by name and unit, never by a code that has a name", () => {
    const problems = demoProblems();
    const codes = new Set(problems.map((p) => p.code));
    for (const c of [
      "RATE_MISMATCH",
      "SUM_MISMATCH",
      "PART_EXCEEDS_WHOLE",
      "COUNT_FRACTIONAL",
      "FIGURE_MISSING",
    ])
      expect(codes).toContain(c);
    expect(problems.length).toBeGreaterThan(20);
    const named = bundle.catalogue.indicators.map((i) => i.code);
    const pattern = new RegExp(`\\b(${named.join("|")})\\b`);
    const offending = problems
      .filter((p) => p.code !== "FIGURE_UNKNOWN")
      .flatMap((p) =>
        [p.message_vi, p.message_en].filter((m) => pattern.test(m)).map((m) => `${p.code}: ${m}`),
      );
    expect(offending).toEqual([]);
  });

  it("end with what to do, in both languages", () => {
    for (const p of demoProblems()) {
      const e = PROBLEMS[p.code];
      const todoVi = typeof e.todo_vi === "string" ? e.todo_vi : null;
      if (todoVi) expect(p.message_vi.endsWith(todoVi)).toBe(true);
      expect(p.message_vi).toMatch(/[.?!»")]$/);
      expect(p.message_en).toMatch(/[.?!»")]$/);
    }
  });
});
