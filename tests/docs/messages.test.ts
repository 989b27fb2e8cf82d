// Messages name things as users know them: no indicator code where the indicator has a name. Scans the
// rendered messages of every problem the demo's reports raise, plus figure problems the demo lacks.
import { loadExampleBundle } from "../../src/cli/demo/bundle";
import { DEMO_PERIOD, demoFiles } from "../../src/cli/demo/generate";
import type { PlanBundle } from "../../src/domain/consolidation/intake";
import type { Problem } from "../../src/domain/problem";
import { PROBLEMS } from "../../src/domain/problemCatalogue";
import { validateReport } from "../../src/domain/validation/validateReport";
import { F, filledReport, gridsOf, rowOf } from "../helpers/fixtures";

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
  rowOf(fig, "TL_MOT_CUA")[F.value] = "96,8%"; // RATE_MISMATCH
  rowOf(fig, "TTHC_MOT_CUA_XA")[F.value] = 129; // SUM_MISMATCH
  rowOf(fig, "DVC_TICH_HOP_QG")[F.value] = 1779; // PART_EXCEEDS_WHOLE
  rowOf(fig, "PHONG_CAT_GIAM")[F.value] = -3; // COUNT_NEGATIVE
  rowOf(fig, "DVSN_CAT_GIAM")[F.value] = "1,500"; // COUNT_FRACTIONAL
  rowOf(fig, "VB_QPPL_BAN_HANH")[F.value] = "bốn"; // NUMBER_INVALID
  rowOf(fig, "BIEN_CHE_TINH_GIAN")[F.value] = "#REF!"; // CELL_EXCEL_ERROR
  rowOf(fig, "CBCCVC_TONG")[F.value] = null; // FIGURE_NOT_FILLED
  rowOf(fig, "TL_AP_DUNG_ISO")[F.value] = "120%"; // RATE_OUT_OF_RANGE
  fig.splice(fig.indexOf(rowOf(fig, "DVC_TONG")), 1); // FIGURE_MISSING
  out.push(...validateReport({ grids }, { ...bundle, expectedPeriod: DEMO_PERIOD }).problems);
  out.push(...catalogue2Problems());
  return out;
}

/** Catalogue 2's figures (Biểu 06 split, QĐ 766 rates, averages, warning sums) in problems too. */
function catalogue2Problems(): Problem[] {
  const grids = gridsOf(filledReport("STP", DEMO_PERIOD));
  const fig = grids.get("Số liệu")!;
  rowOf(fig, "HS_TRE_HAN")[F.value] = 1000; // SUM_GAP: resolved ≠ early/on time + overdue (+ returned)
  rowOf(fig, "PHIEU_DANH_GIA")[F.value] = 100;
  rowOf(fig, "PHIEU_HAI_LONG")[F.value] = 90;
  rowOf(fig, "TL_HAI_LONG")[F.value] = "50%"; // RATE_MISMATCH on a QĐ 766 rate
  rowOf(fig, "HS_SO_HOA")[F.value] = 1e17; // FIGURE_TOO_LARGE (catalogue 2 has no ceiling for it yet)
  rowOf(fig, "TTHC_DVCTT_PHAT_SINH_HS")[F.value] = 2000; // PART_EXCEEDS_WHOLE against TTHC_CUNG_CAP_DVCTT
  rowOf(fig, "HS_GQ_TRUOC_HAN")[F.value] = "nhiều"; // NUMBER_INVALID
  return validateReport({ grids }, { ...bundle, expectedPeriod: DEMO_PERIOD }).problems;
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
    // Catalogue 2's indicators are rendered too, by name.
    const c2 = catalogue2Problems();
    for (const c of ["SUM_GAP", "RATE_MISMATCH", "FIGURE_TOO_LARGE", "PART_EXCEEDS_WHOLE", "NUMBER_INVALID"])
      expect(c2.map((p) => p.code)).toContain(c);
    const named2 = ["TL_HAI_LONG", "HS_SO_HOA", "TTHC_DVCTT_PHAT_SINH_HS", "HS_GQ_TRUOC_HAN"].map(
      (code) => bundle.catalogue.indicators.find((i) => i.code === code)!.name_vi,
    );
    for (const name of named2) expect(c2.some((p) => p.message_vi.includes(name))).toBe(true);
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
