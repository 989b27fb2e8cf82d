// Regression tests for the four silent losses of issue 14 (each failed on main before the fix).
import { loadExampleBundle } from "../../src/cli/demo/bundle";
import type { PlanBundle } from "../../src/domain/consolidation/intake";
import { assignmentsFor } from "../../src/domain/assignment";
import type { Grid } from "../../src/domain/cell";
import {
  INFO_LABELS,
  LONG_HEADERS,
  ROLLUP_INFO_TABLE,
  ROLLUP_SHEETS,
  STATUS_HEADERS,
} from "../../src/domain/consolidation/layout";
import { consolidate } from "../../src/domain/consolidation/model";
import { readRollup } from "../../src/domain/consolidation/readRollup";
import { rollupSheets } from "../../src/domain/consolidation/sheets";
import type { Submission } from "../../src/domain/consolidation/submission";
import { makePeriod, parsePeriod, type Period } from "../../src/domain/period";
import { statedRate } from "../../src/domain/rate";
import { tableColumn } from "../../src/domain/sheetTable";
import { validateReport } from "../../src/domain/validation/validateReport";
import { checkRate } from "../../src/functions/rates";
import { priorFromGrids } from "../../src/taskpane/logic/consolidate";
import { examplePlan, F, filledReport, gridsOf, I, rowOf } from "../helpers/fixtures";

const Q2: Period = (parsePeriod("2023-Q2") as { ok: true; period: Period }).period;
const ctx = () => ({ ...examplePlan(), expectedPeriod: Q2 });
const filled = (agency = "STP") => gridsOf(filledReport(agency, Q2));

describe("bug 1: one stated-rate reading for the validator and CCHC.CHECKRATE", () => {
  it('text "0,9159" against 98/107 is accepted by both (2 percentage decimals, rounded)', () => {
    expect(statedRate("0,9159")).toEqual({ ok: true, fraction: 0.9159, percentDecimals: 2 });
    expect(checkRate([["0,9159"]], [[98]], [[107]])).toEqual([[true]]);
    const grids = filled();
    rowOf(grids.get("Số liệu")!, "TL_AP_DUNG_ISO")[F.value] = "0,9159";
    const problems = validateReport({ grids }, ctx()).problems;
    expect(problems.filter((p) => p.code === "RATE_MISMATCH")).toEqual([]);
  });

  it("both agree on every form of the same stated rate", () => {
    for (const stated of ["91,59%", "91,58%", "0,9158", 0.9159, 0.9158] as const) {
      const grids = filled();
      rowOf(grids.get("Số liệu")!, "TL_AP_DUNG_ISO")[F.value] = stated;
      const validatorOk = !validateReport({ grids }, ctx()).problems.some((p) => p.code === "RATE_MISMATCH");
      expect([stated, validatorOk]).toEqual([stated, checkRate([[stated]], [[98]], [[107]])[0][0]]);
    }
    for (const stated of ["91,6%", "0,9157", 0.9157] as const) {
      const grids = filled();
      rowOf(grids.get("Số liệu")!, "TL_AP_DUNG_ISO")[F.value] = stated;
      expect(validateReport({ grids }, ctx()).problems.some((p) => p.code === "RATE_MISMATCH")).toBe(
        stated !== "91,6%",
      );
      expect(checkRate([[stated]], [[98]], [[107]])[0][0]).toBe(stated === "91,6%");
    }
  });
});

describe("bug 2: a stored rollup with missing columns is refused, not silently emptied", () => {
  let bundle: PlanBundle;
  beforeAll(async () => {
    bundle = await loadExampleBundle();
  });
  const PERIOD = makePeriod("year", 2023);
  function submission(agency: string): Submission {
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
      figures: [{ code: "HS_DA_GIAI_QUYET", value: 10, sheet: "Số liệu", cell: "D5" }],
      tasks: assignmentsFor(bundle.plan, agency).map((a) => ({
        code: a.task.code,
        status: "done" as const,
        doneDate: { y: 2023, m: 12, d: 10 },
        evidence: "1/QĐ",
        sheet: "Nhiệm vụ",
        cell: "F2",
      })),
    };
  }
  const stored = (): Map<string, Grid> => {
    const r = consolidate(bundle.plan, [submission("SNV"), submission("STP")], {
      ...bundle,
      period: PERIOD,
      mergedAt: "t",
    });
    return new Map(rollupSheets(r).map((s) => [s.name, s.rows.map((row) => [...row])]));
  };
  const rename = (grids: Map<string, Grid>, sheet: string, header: string) => {
    const head = grids.get(sheet)![0];
    head[head.indexOf(header)] = `${header} (sửa)`;
  };

  it("reads an intact rollup with both contributions", () => {
    const read = readRollup(stored());
    expect(read.ok && read.rollup.prior.contributions.map((c) => c.agency).sort()).toEqual(["SNV", "STP"]);
  });

  it.each([
    [ROLLUP_SHEETS.status, STATUS_HEADERS.hash],
    [ROLLUP_SHEETS.long, LONG_HEADERS.value],
  ])('renaming "%s" › "%s" is refused with a problem naming the sheet and column', (sheet, header) => {
    const grids = stored();
    rename(grids, sheet, header);
    const read = readRollup(grids);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toEqual([
      expect.objectContaining({ code: "ROLLUP_COLUMN_MISSING", severity: "error", sheet, value: header }),
    ]);
    expect(read.problems[0].message_vi).toContain(`"${header}"`);
    expect(read.problems[0].message_vi).toContain(`"${sheet}"`);
    // The taskpane refuses to merge over it (so nothing is written) instead of starting afresh.
    expect(() => priorFromGrids(grids)).toThrow(/restore the column header/i);
  });

  it("a rollup written by a newer layout is refused; a rollup stating no version is read as 1", () => {
    const grids = stored();
    const info = grids.get(ROLLUP_SHEETS.info)!;
    const [label, value] = [tableColumn(ROLLUP_INFO_TABLE, "label"), tableColumn(ROLLUP_INFO_TABLE, "value")];
    const row = info.find((r) => r[label] === INFO_LABELS.schemaVersion)!;
    row[value] = 2;
    const newer = readRollup(grids);
    expect(!newer.ok && newer.problems.map((p) => p.code)).toEqual(["ROLLUP_VERSION_NEWER"]);
    row[value] = null;
    expect(readRollup(grids).ok).toBe(true);
  });

  it("the stored sheets' headers are protected", () => {
    const r = consolidate(bundle.plan, [submission("SNV")], { ...bundle, period: PERIOD, mergedAt: "t" });
    const specs = rollupSheets(r);
    for (const name of [
      ROLLUP_SHEETS.status,
      ROLLUP_SHEETS.provenance,
      ROLLUP_SHEETS.long,
      ROLLUP_SHEETS.taskLong,
    ])
      expect([name, specs.find((s) => s.name === name)?.protectHeaders]).toEqual([name, true]);
  });
});

describe("bug 3: an unknown agency code is an error even when the name is known", () => {
  it('code "SNOIVU" with name "Sở Nội vụ" → AGENCY_UNKNOWN at the code cell, suggesting SNV', () => {
    const grids = filled("SNV");
    const info = grids.get("Thông tin")!;
    rowOf(info, "Mã cơ quan")[I.value] = "SNOIVU";
    rowOf(info, "Tên cơ quan")[I.value] = "Sở Nội vụ";
    const result = validateReport({ grids }, ctx());
    const p = result.problems.find((x) => x.code === "AGENCY_UNKNOWN");
    expect(p).toMatchObject({ severity: "error", sheet: "Thông tin", value: "SNOIVU" });
    const codeRow = info.findIndex((r) => r[0] === "Mã cơ quan");
    expect(p!.cell).toBe(`B${codeRow + 1}`);
    expect(p!.message_vi).toContain("Có phải SNV — Sở Nội vụ?");
    expect(result.agency).toBeNull();
  });
});

describe("bug 4: text checks on every text cell, phone numbers are not formulas", () => {
  const problemsAt = (mutate: (g: Map<string, Grid>) => void) => {
    const grids = filled();
    mutate(grids);
    return validateReport({ grids }, ctx()).problems.map((p) => [p.code, p.sheet, p.cell]);
  };
  it.each(["+84 270 3823 456", "+84-270-3823-456", "+84 (270) 3823 456"])(
    'contact "%s" on Thông tin is a phone number, not formula-like text',
    (phone) => {
      const found = problemsAt(
        (g) => void (rowOf(g.get("Thông tin")!, "Điện thoại, email")[I.value] = phone),
      );
      expect(found.filter(([code]) => code === "FORMULA_LIKE_TEXT")).toEqual([]);
    },
  );
  it("formula-like and legacy-encoded text on Thông tin is flagged at its cell", () => {
    const found = problemsAt((g) => {
      rowOf(g.get("Thông tin")!, "Điện thoại, email")[I.value] = '=HYPERLINK("http://x")';
      rowOf(g.get("Thông tin")!, "Người lập")[I.value] = "NguyÔn V¨n A";
    });
    expect(found).toEqual(
      expect.arrayContaining([
        ["FORMULA_LIKE_TEXT", "Thông tin", expect.stringMatching(/^B\d+$/)],
        ["LEGACY_ENCODING", "Thông tin", expect.stringMatching(/^B\d+$/)],
      ]),
    );
  });
});
