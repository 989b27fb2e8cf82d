import { examplePlan, filledReport, gridsOf, rowOf } from "../../../tests/helpers/fixtures";
import fc from "fast-check";
import { parseA1, type Grid } from "../cell";
import type { Problem } from "../problem";
import { parsePeriod, type Period } from "../period";
import { buildReportTemplate } from "../report/template";
import { sortProblems, validateReport } from "./validateReport";

const Q2: Period = (parsePeriod("2023-Q2") as { ok: true; period: Period }).period;
const ctx = () => ({ ...examplePlan(), expectedPeriod: Q2 });
const codes = (grids: Map<string, Grid>) => validateReport({ grids }, ctx()).problems.map((p) => p.code);
const errors = (grids: Map<string, Grid>) =>
  validateReport({ grids }, ctx()).problems.filter((p) => p.severity === "error");

function filled(agency = "STP"): Map<string, Grid> {
  return gridsOf(filledReport(agency, Q2));
}

describe("validateReport", () => {
  it("an untouched template reports only 'not filled' problems", () => {
    const { plan, registry, catalogue } = examplePlan();
    const agency = registry.agencies.find((a) => a.code === "STP")!;
    const grids = gridsOf(buildReportTemplate({ plan, agency, period: Q2, catalogue }));
    const found = new Set(codes(grids));
    expect([...found].sort()).toEqual(["FIGURE_NOT_FILLED", "INFO_NOT_FILLED", "TASK_STATUS_NOT_FILLED"]);
  });

  it("a correctly filled report has no errors and no warnings", () => {
    const result = validateReport({ grids: filled() }, ctx());
    expect(result.problems.filter((p) => p.severity !== "info")).toEqual([]);
    expect(result.agency?.code).toBe("STP");
  });

  it("accepts the seeds' figures: 99,79%, 95,8% and 98/107 stated as 91,58% (truncated)", () => {
    const grids = filled();
    const fig = grids.get("Số liệu")!;
    expect(rowOf(fig, "TL_DUNG_HAN")[3]).toBe("99,79%");
    expect(rowOf(fig, "TL_MOT_CUA")[3]).toBe("95,8%");
    expect(rowOf(fig, "TL_AP_DUNG_ISO")[3]).toBe("91,58%");
    rowOf(fig, "TL_AP_DUNG_ISO")[3] = 0.9159; // rounded, as a number cell
    expect(errors(grids)).toEqual([]);
  });

  it("flags a wrong stated percentage at its cell", () => {
    const grids = filled();
    rowOf(grids.get("Số liệu")!, "TL_DUNG_HAN")[3] = "99,97%";
    expect(errors(grids)).toEqual([
      expect.objectContaining({ code: "RATE_MISMATCH", sheet: "Số liệu", cell: "D12", value: "99,97%" }),
    ]);
  });

  it("flags parts that do not sum to their whole, and a part above its whole", () => {
    const grids = filled();
    const fig = grids.get("Số liệu")!;
    rowOf(fig, "TTHC_MOT_CUA_XA")[3] = 129; // 1.236 + 288 + 129 ≠ 1.652
    rowOf(fig, "DVC_TICH_HOP_QG")[3] = 1779; // > 1.778 services
    const found = errors(grids).map((p) => [p.code, p.cell]);
    expect(found).toEqual(
      expect.arrayContaining([
        ["SUM_MISMATCH", "D19"],
        ["PART_EXCEEDS_WHOLE", "D46"],
      ]),
    );
  });

  it("warns, never rejects, when resolved ≠ early/on time + overdue (Thừa Thiên Huế's real export)", () => {
    // Thừa Thiên Huế, "Mức 1, 2": 257.141 resolved; 124.907 early + 102.770 on time + 19.852 overdue = 247.529.
    const grids = filled();
    const fig = grids.get("Số liệu")!;
    const set = (code: string, v: number) => (rowOf(fig, code)[3] = v);
    set("HS_GQ_TRUOC_HAN", 124907);
    set("HS_GQ_DUNG_HAN", 102770);
    set("HS_DUNG_HAN", 227677);
    set("HS_TRE_HAN", 19852);
    set("HS_DA_GIAI_QUYET", 257141);
    set("HS_DANG_GIAI_QUYET", 605859 - 257141);
    set("HS_DANG_GQ_TRONG_HAN", 605859 - 257141 - 95);
    set("HS_DEN_HAN", 257141 + 95);
    rowOf(fig, "TL_DUNG_HAN")[3] = null;
    const problems = validateReport({ grids }, ctx()).problems;
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    const gap = problems.find((p) => p.code === "SUM_GAP")!;
    expect(gap).toMatchObject({ severity: "warning", sheet: "Số liệu", value: 257141 });
    expect(gap.message_vi).toContain("chênh lệch 9.612");
    // The "other" bucket (returned, withdrawn) closes the gap: no warning at all.
    set("HS_TRA_LAI_RUT", 9612);
    expect(validateReport({ grids }, ctx()).problems.filter((p) => p.code === "SUM_GAP")).toEqual([]);
  });

  it("accepts Vietnamese-formatted text numbers and rejects text, negatives, fractions and #REF!", () => {
    const grids = filled();
    const fig = grids.get("Số liệu")!;
    rowOf(fig, "TTHC_MOT_CUA")[3] = "1.652";
    rowOf(fig, "VB_QPPL_BAN_HANH")[3] = "bốn mươi";
    rowOf(fig, "PHONG_CAT_GIAM")[3] = -3;
    rowOf(fig, "DVSN_CAT_GIAM")[3] = 1.5;
    rowOf(fig, "BIEN_CHE_TINH_GIAN")[3] = "#REF!";
    const result = validateReport({ grids }, ctx()).problems;
    expect(
      result
        .filter((p) => p.severity === "error")
        .map((p) => p.code)
        .sort(),
    ).toEqual(["CELL_EXCEL_ERROR", "COUNT_FRACTIONAL", "COUNT_NEGATIVE", "NUMBER_INVALID"]);
    expect(result).toContainEqual(
      expect.objectContaining({ code: "NUMBER_TEXT", severity: "info", value: "1.652" }),
    );
  });

  it("checks tasks: invalid status, done without date, after the cut-off, unknown, duplicate, missing", () => {
    const grids = filled();
    const tasks = grids.get("Nhiệm vụ")!;
    const data = tasks.slice(1);
    data[0][5] = "Xong rồi"; // invalid status
    data[1][6] = null; // done, no date
    data[2][6] = 45200; // 30/09/2023, after Q2's cut-off (14/06/2023)
    data[3][0] = "IX.9"; // unknown
    data[4][0] = data[5][0]; // duplicate, and data[4]'s task now missing
    const found = errors(grids)
      .map((p) => p.code)
      .sort();
    expect(found).toEqual([
      "TASK_DONE_AFTER_CUTOFF",
      "TASK_DONE_NO_DATE",
      "TASK_DUPLICATE",
      "TASK_MISSING",
      "TASK_MISSING",
      "TASK_STATUS_INVALID",
      "TASK_UNKNOWN",
    ]);
  });

  it("computes late and overdue from the plan's deadline, not the typed status", () => {
    const grids = filled();
    const tasks = grids.get("Nhiệm vụ")!;
    const i1 = tasks.find((r) => r[0] === "I.2")!; // due Tháng 01/2023
    i1[6] = 44985; // 28/02/2023: after the deadline, typed as plain "Hoàn thành"
    const i3 = tasks.find((r) => r[0] === "II.2")!; // due Tháng 01 năm 2023
    i3[5] = "Đang thực hiện";
    i3[6] = null;
    i3[7] = null;
    const warnings = validateReport({ grids }, ctx()).problems.filter((p) => p.severity === "warning");
    expect(warnings.map((p) => p.code).sort()).toEqual(["TASK_DONE_LATE_UNMARKED", "TASK_OVERDUE"]);
  });

  it("identity: unknown agency, wrong period, wrong plan year", () => {
    const grids = filled();
    const info = grids.get("Thông tin")!;
    rowOf(info, "Mã cơ quan")[1] = "XYZ";
    rowOf(info, "Tên cơ quan")[1] = "Sở Không Tồn Tại";
    rowOf(info, "Kỳ báo cáo")[1] = "2023-Q3";
    rowOf(info, "Năm kế hoạch")[1] = 2022;
    expect(errors(grids).map((p) => p.code)).toEqual(
      expect.arrayContaining(["AGENCY_UNKNOWN", "PERIOD_MISMATCH", "PLAN_YEAR_MISMATCH"]),
    );
  });

  it("structure: a missing sheet, a header typo, an NFD header, merged header cells", () => {
    const grids = filled();
    grids.delete("Số liệu");
    const tasks = grids.get("Nhiệm vụ")!;
    tasks[0][5] = "Tình trạg"; // typo
    tasks[0][7] = String(tasks[0][7]).normalize("NFD");
    const result = validateReport({ grids, merged: new Map([["Nhiệm vụ", ["A1:B1"]]]) }, ctx());
    expect(
      result.problems.filter((p) => p.severity !== "info").map((p) => [p.code, p.sheet, p.cell]),
    ).toEqual([
      ["SHEET_MISSING", null, null],
      ["HEADER_MERGED", "Nhiệm vụ", "A1"],
      ["HEADER_TYPO", "Nhiệm vụ", "F1"],
    ]);
  });

  it("an empty workbook and a rollup instead of a report", () => {
    expect(codes(new Map())).toEqual(["WORKBOOK_EMPTY"]);
    const grids = filled();
    rowOf(grids.get("Thông tin")!, "Loại biểu mẫu")[1] = "Tổng hợp CCHC";
    expect(codes(grids)).toContain("NOT_A_REPORT");
  });

  it("a figure code typed in lower or mixed case is the catalogue's indicator, and a second row of it a duplicate", () => {
    const grids = filled();
    const fig = grids.get("Số liệu")!;
    const row = rowOf(fig, "TL_DUNG_HAN");
    row[0] = "tl_Dung_han";
    row[3] = "99,97%"; // still checked against its parts, as TL_DUNG_HAN
    const again = [...rowOf(fig, "HS_TIEP_NHAN")];
    again[0] = "Hs_Tiep_Nhan";
    fig.push(again);
    const found = validateReport({ grids }, ctx()).problems.map((p) => [p.code, p.cell]);
    expect(found).toEqual(
      expect.arrayContaining([
        ["RATE_MISMATCH", "D12"],
        ["FIGURE_DUPLICATE", `D${fig.length}`],
      ]),
    );
    expect(found.map(([code]) => code)).not.toContain("FIGURE_UNKNOWN");
    expect(found.map(([code]) => code)).not.toContain("FIGURE_MISSING");
  });

  it("text: legacy TCVN3 and formula-looking text are flagged", () => {
    const grids = filled();
    const tasks = grids.get("Nhiệm vụ")!;
    tasks[1][8] = "Së Néi vô ®· ban hµnh";
    tasks[2][8] = '=HYPERLINK("http://x")';
    const found = validateReport({ grids }, ctx()).problems.map((p) => [p.code, p.cell]);
    expect(found).toEqual(
      expect.arrayContaining([
        ["LEGACY_ENCODING", "I2"],
        ["FORMULA_LIKE_TEXT", "I3"],
      ]),
    );
  });
});

describe("validateReport: dates", () => {
  it("a year typed where a date belongs is implausible, not 1905", () => {
    const grids = filled();
    const row = grids.get("Nhiệm vụ")!.find((r) => r[5] === "Hoàn thành")!;
    row[6] = 2023;
    expect(errors(grids)).toEqual([expect.objectContaining({ code: "TASK_DATE_IMPLAUSIBLE", value: 2023 })]);
  });

  it("dates typed as Vietnamese text are read", () => {
    const grids = filled();
    const row = grids.get("Nhiệm vụ")!.find((r) => r[5] === "Hoàn thành" && r[0] === "I.1")!;
    row[6] = "ngày 13 tháng 12 năm 2022";
    expect(errors(grids)).toEqual([]);
  });
});

describe("validateReport: the problem record", () => {
  it("carries code, severity, sheet, cell, both messages and the value", () => {
    const grids = filled();
    rowOf(grids.get("Số liệu")!, "TL_MOT_CUA")[3] = "96,8%";
    expect(errors(grids)).toMatchInlineSnapshot(`
     [
       {
         "cell": "D23",
         "code": "RATE_MISMATCH",
         "message_en": "Rate "Share of procedures under the one-stop mechanism" (%) stated as 96.8% disagrees with 1,652/1,724 = 95.824% ("Procedures under the one-stop mechanism" (TTHC) / "Administrative procedures in force" (TTHC)). Correct the rate, or leave it blank to have it computed.",
         "message_vi": "Tỷ lệ "Tỷ lệ TTHC giải quyết theo cơ chế một cửa, một cửa liên thông" (%) ghi 96,8% không khớp 1.652/1.724 = 95,824% ("Số TTHC giải quyết theo cơ chế một cửa, một cửa liên thông" (TTHC) / "Số TTHC đang áp dụng" (TTHC)). Hãy sửa tỷ lệ, hoặc để trống để phần mềm tự tính.",
         "severity": "error",
         "sheet": "Số liệu",
         "value": "96,8%",
       },
     ]
    `);
  });
});

describe("sortProblems", () => {
  it("orders as the comparator by severity, localeCompare of sheets and cell order does, stably", () => {
    const sheetNames = [
      null,
      "",
      "Số liệu",
      "Số liệu".normalize("NFD"),
      "Nhiệm vụ",
      "Thông tin",
      "a",
      "A",
      "b",
      "Z",
    ];
    const cells = [null, "A1", "B1", "A2", "AA10", "C3", "Z9999", "not a cell"];
    const item = fc.record({
      severity: fc.constantFrom("error", "warning", "info"),
      sheet: fc.constantFrom(...sheetNames),
      cell: fc.constantFrom(...cells),
    });
    const order = { error: 0, warning: 1, info: 2 } as const;
    const cellKey = (c: string | null) => {
      const at = c ? parseA1(c) : undefined;
      return at ? at.row * 20000 + at.col : -1;
    };
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), (items) => {
        const problems = items.map(
          (x, i) =>
            ({ ...x, code: `P${i}`, message_vi: "", message_en: "", value: null }) as unknown as Problem,
        );
        const expected = [...problems].sort(
          (a, b) =>
            order[a.severity] - order[b.severity] ||
            (a.sheet ?? "").localeCompare(b.sheet ?? "") ||
            cellKey(a.cell) - cellKey(b.cell),
        );
        expect(sortProblems([...problems]).map((p) => p.code)).toEqual(expected.map((p) => p.code));
      }),
      { numRuns: 2000 },
    );
  });
});
