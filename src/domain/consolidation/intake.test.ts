import { examplePlan, filledReport, gridsOf } from "../../../tests/helpers/fixtures";
import { civil } from "../civilDate";
import { parsePeriod, periodCode, type Period } from "../period";
import { failedIntake, inferPeriod, intakeWorkbook } from "./intake";
import { consolidate } from "./model";
import { rollupSheets } from "./sheets";
import type { Submission } from "./submission";

const period = (code: string): Period => (parsePeriod(code) as { ok: true; period: Period }).period;
const Q2 = period("2023-Q2");
const ctx = () => ({ ...examplePlan(), expectedPeriod: Q2 });

describe("intakeWorkbook", () => {
  it("validates a report and reduces it to one submission carrying the shell's hash and date", () => {
    const received = civil(2023, 7, 3);
    const got = intakeWorkbook(
      { file: "stp.xlsx", hash: "abc" },
      { grids: gridsOf(filledReport("STP", Q2)) },
      received,
      ctx(),
    );
    expect(got.kind).toBe("report");
    expect(got.validation?.agency?.code).toBe("STP");
    expect(got.submissions).toHaveLength(1);
    expect(got.submissions[0]).toMatchObject({
      file: "stp.xlsx",
      hash: "abc",
      agency: "STP",
      receivedAt: received,
    });
    expect(got.submissions[0].errorCount).toBe(0);
  });

  it("takes a stored rollup's contributions, each carried via that file, and keeps its tables", () => {
    const { plan, registry, catalogue } = examplePlan();
    const report = intakeWorkbook(
      { file: "stp.xlsx", hash: "abc" },
      { grids: gridsOf(filledReport("STP", Q2)) },
      null,
      ctx(),
    );
    const rollup = consolidate(plan, report.submissions, {
      registry,
      catalogue,
      period: Q2,
      mergedAt: "2023-07-05T00:00:00.000Z",
    });
    const got = intakeWorkbook(
      { file: "huyen.xlsx", hash: "def" },
      { grids: gridsOf(rollupSheets(rollup)) },
      null,
      ctx(),
    );
    expect(got.kind).toBe("rollup");
    expect(got.validation).toBeNull();
    expect(got.rollup?.period).toEqual(Q2);
    expect(got.submissions.map((s) => [s.agency, s.hash, s.via])).toEqual([["STP", "abc", "huyen.xlsx"]]);
  });

  it("a failure is this file's rejection (FILE_CHECK_FAILED), never an exception", () => {
    const got = failedIntake("x.xlsx", new TypeError("boom"));
    expect(got.kind).toBe("unreadable");
    expect(got.submissions[0].problems.map((p) => p.code)).toEqual(["FILE_CHECK_FAILED"]);
    expect(got.submissions[0].errorCount).toBe(1);
  });
});

describe("inferPeriod", () => {
  const sub = (code: string, errorCount = 0): Submission =>
    ({ agency: "SNV", period: period(code), version: 1, errorCount }) as Submission;

  it("takes the period most acceptable submissions report", () => {
    const got = inferPeriod([sub("2023"), sub("2023-Q2"), sub("2023"), sub("2022", 1), sub("2022", 1)]);
    expect(got.period && periodCode(got.period)).toBe("2023");
  });

  it("gives none on a tie or when nothing is acceptable, naming the periods seen", () => {
    const tie = inferPeriod([sub("2023"), sub("2023-Q2")]);
    expect(tie.period).toBeNull();
    expect(tie.candidates.map(periodCode).sort()).toEqual(["2023", "2023-Q2"]);
    expect(inferPeriod([sub("2023", 2)])).toEqual({ period: null, candidates: [] });
  });
});
