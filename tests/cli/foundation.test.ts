// Issue 2's acceptance on the command line: plan, template, validate, and bad input.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXAMPLE_PLAN_2027_XLSX, EXAMPLE_PLAN_XLSX } from "../../src/cli/exampleData";
import type { Grid } from "../../src/domain/cell";
import { parsePeriod, type Period } from "../../src/domain/period";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { filledReport, T } from "../helpers/fixtures";
import { runCli } from "../helpers/runCli";

const dir = mkdtempSync(join(tmpdir(), "cchc-cli-"));
const Q2 = (parsePeriod("2023-Q2") as { ok: true; period: Period }).period;
const PLAN = EXAMPLE_PLAN_XLSX;

async function writeWorkbook(file: string, sheets: { name: string; rows: Grid }[]) {
  const wb = XlsxWorkbook.create();
  await wb.writeSheets(sheets);
  await wb.saveAtomic(file);
  return file;
}

interface JsonProblem {
  code: string;
  severity: string;
  sheet: string | null;
  cell: string | null;
  message_vi: string;
  message_en: string;
}
const validateJson = async (...files: string[]) => {
  const run = await runCli("validate", "--plan", PLAN, "--json", ...files);
  return { ...run, doc: JSON.parse(run.stdout) as { files: { file: string; problems: JsonProblem[] }[] } };
};

describe("cchc plan", () => {
  it("lists every task of the seed appendix, sections I–VIII, with zero unparsed", async () => {
    const run = await runCli("plan", PLAN, "--json");
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.plan.sections.map((s: { code: string }) => s.code)).toEqual([
      "I",
      "II",
      "III",
      "IV",
      "V",
      "VI",
      "VII",
      "VIII",
    ]);
    expect(doc.summary).toEqual({
      year: 2023,
      sections: 8,
      tasks: 58,
      deadlinesParsed: 58,
      deadlinesUnparsed: 0,
      agenciesUnresolved: 0,
    });
    // The 2023-format workbook reads with one note: it predates the 2025 reorganisation.
    expect(doc.problems.map((p: { code: string }) => p.code)).toEqual(["PLAN_PREDATES_2025"]);
    const first = doc.plan.sections[0].tasks[0];
    expect(first).toMatchObject({
      code: "I.1",
      lead: { agencies: ["SNV"] },
      deadline: { dueDates: ["2022-12-31"] },
    });
  });

  it("--help lists the commands with examples", async () => {
    const run = await runCli("--help");
    expect(run.code).toBe(0);
    for (const cmd of ["plan", "template", "validate"]) expect(run.stdout).toContain(cmd);
    expect(run.stdout).toContain("cchc validate --plan examples/plan-2023.xlsx");
  });
});

describe("cchc template → cchc validate", () => {
  const template = join(dir, "STP-2023-Q2.xlsx");

  beforeAll(async () => {
    const run = await runCli(
      "template",
      "--plan",
      PLAN,
      "--agency",
      "Sở Tư pháp",
      "--period",
      "Quý II/2023",
      "-o",
      template,
    );
    expect(run.code).toBe(0);
  });

  it("the untouched template reports only 'not filled' problems", async () => {
    const { code, doc } = await validateJson(template);
    expect(code).toBe(1);
    const codes = new Set(doc.files[0].problems.map((p) => p.code));
    expect([...codes].sort()).toEqual(["FIGURE_NOT_FILLED", "INFO_NOT_FILLED", "TASK_STATUS_NOT_FILLED"]);
  });

  it("filled in through the adapter, it validates with zero errors (exit 0)", async () => {
    const wb = await XlsxWorkbook.open(template);
    const names = (await wb.listSheets()).map((s) => s.name);
    const grids = await wb.readSheets(names);
    const filled = filledReport("STP", Q2);
    // Fill the cells people fill (statuses, dates, evidence, figures, preparer) into the generated file.
    for (const spec of filled) {
      const grid = grids.get(spec.name)!;
      spec.rows.forEach((row, r) => row.forEach((v, c) => (grid[r][c] = v)));
    }
    await wb.writeSheets(filled.map((s) => ({ ...s, rows: grids.get(s.name)! })));
    const out = join(dir, "STP-filled.xlsx");
    await wb.saveAtomic(out);
    const { code, doc } = await validateJson(out);
    expect(doc.files[0].problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(code).toBe(0);
  });

  it("a wrong stated percentage is flagged at its cell", async () => {
    const specs = filledReport("STP", Q2);
    specs[2].rows.find((r) => r[0] === "TL_DUNG_HAN")![3] = "99,97%";
    const file = await writeWorkbook(join(dir, "wrong-rate.xlsx"), specs);
    const { code, doc } = await validateJson(file);
    expect(code).toBe(1);
    expect(doc.files[0].problems.filter((p) => p.severity === "error")).toEqual([
      expect.objectContaining({ code: "RATE_MISMATCH", sheet: "Số liệu", cell: "D12" }),
    ]);
  });
});

describe("cchc validate on bad input: a clear message, the documented exit code, no stack trace", () => {
  const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");
  const cases: [string, () => Promise<string>, string, number][] = [
    [
      "a file that is not xlsx",
      async () => {
        const f = join(dir, "notes.xlsx");
        writeFileSync(f, "Báo cáo quý II — bản nháp\n");
        return f;
      },
      "NOT_XLSX",
      2,
    ],
    [
      "a truncated file",
      async () => {
        const buf = readFileSync(PLAN);
        const f = join(dir, "truncated.xlsx");
        writeFileSync(f, buf.subarray(0, Math.floor(buf.length / 2)));
        return f;
      },
      "TRUNCATED",
      2,
    ],
    [
      "an empty workbook",
      async () => writeWorkbook(join(dir, "empty.xlsx"), [{ name: "Sheet1", rows: [] }]),
      "WORKBOOK_EMPTY",
      1,
    ],
    [
      "a missing sheet",
      async () => writeWorkbook(join(dir, "no-figures.xlsx"), filledReport("STP", Q2).slice(0, 2)),
      "SHEET_MISSING",
      1,
    ],
  ];

  it.each(cases)("%s", async (_name, make, expected, exit) => {
    const file = await make();
    const before = sha(file);
    const { code, doc, stderr } = await validateJson(file);
    expect(code).toBe(exit);
    const p = doc.files[0].problems.find((x) => x.code === expected)!;
    expect(p).toBeDefined();
    expect(p.message_vi.length).toBeGreaterThan(20);
    expect(p.message_en.length).toBeGreaterThan(20);
    if (exit === 2) expect(p.message_vi).toContain(file);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(sha(file)).toBe(before); // sources are never modified
  });

  it("a header with a typo or in NFD form is read, the typo named with sheet and cell", async () => {
    const specs = filledReport("STP", Q2);
    specs[1].rows[0][T.status] = "Tình trạg";
    specs[1].rows[0][T.evidence] = String(specs[1].rows[0][T.evidence]).normalize("NFD");
    specs[2].rows[0] = specs[2].rows[0].map((h) => String(h).normalize("NFD"));
    const file = await writeWorkbook(join(dir, "typo.xlsx"), specs);
    const { code, doc } = await validateJson(file);
    expect(code).toBe(0);
    expect(doc.files[0].problems.filter((p) => p.severity !== "info")).toEqual([
      expect.objectContaining({ code: "HEADER_TYPO", severity: "warning", sheet: "Nhiệm vụ", cell: "F1" }),
    ]);
  });

  it("human output names the file, the sheet!cell and the problem in Vietnamese (English with --lang en)", async () => {
    const specs = filledReport("STP", Q2);
    specs[2].rows.find((r) => r[0] === "TL_DUNG_HAN")![3] = "99,97%";
    const file = await writeWorkbook(join(dir, "wrong-rate-2.xlsx"), specs);
    const vi = await runCli("validate", "--plan", PLAN, file);
    expect(vi.stdout).toContain(`${file}: 1 lỗi`);
    expect(vi.stdout).toMatch(
      /LỖI\s+Số liệu!D12\s+\[RATE_MISMATCH\] Tỷ lệ "Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn" \(%\) ghi 99,97%/,
    );
    const en = await runCli("--lang", "en", "validate", "--plan", PLAN, file);
    expect(en.stdout).toMatch(
      /ERROR\s+Số liệu!D12\s+\[RATE_MISMATCH\] Rate "On-time resolution rate" \(%\) stated as 99.97%/,
    );
  });

  it("usage errors exit 2 with a message and no stack trace", async () => {
    const missingPlan = await runCli("validate", "--plan", join(dir, "nope.xlsx"), join(dir, "x.xlsx"));
    expect(missingPlan.code).toBe(2);
    expect(missingPlan.stderr).toContain("nope.xlsx");
    expect(missingPlan.stderr).not.toMatch(/\n\s+at /);
    const badPeriod = await runCli(
      "template",
      "--plan",
      PLAN,
      "--agency",
      "SNV",
      "--period",
      "Quý V/2023",
      "-o",
      join(dir, "x.xlsx"),
    );
    expect(badPeriod.code).toBe(2);
    expect(badPeriod.stderr).toContain("Quý V/2023");
    const unknownAgency = await runCli(
      "template",
      "--plan",
      PLAN,
      "--agency",
      "Sở Mặt Trăng",
      "--period",
      "2023",
      "-o",
      join(dir, "x.xlsx"),
    );
    expect(unknownAgency.code).toBe(2);
    expect((await runCli("validate")).code).toBe(2);
    const badWorkers = await runCli("consolidate", "--plan", PLAN, dir, "--dry-run", "--workers", "0");
    expect(badWorkers.code).toBe(2);
    expect(badWorkers.stderr).toContain('--workers "0": ghi auto hoặc một số nguyên từ 1 đến 64.');
  });
});

describe("cchc plan on the merged province's 2027 plan", () => {
  it("reads examples/plan-2027.xlsx with the merged registry: 0 problems", async () => {
    const run = await runCli("plan", EXAMPLE_PLAN_2027_XLSX, "--json");
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.problems).toEqual([]);
    expect(doc.summary).toMatchObject({
      year: 2027,
      sections: 8,
      tasks: 58,
      deadlinesUnparsed: 0,
      agenciesUnresolved: 0,
    });
    // Carried forward: "Quý IV năm 2022" → "Quý IV năm 2026"; Sở TT&TT (merged 1/3/2025) → Sở KH&CN.
    const first = doc.plan.sections[0].tasks[0];
    expect(first.deadline.text).toBe("Quý IV năm 2026");
    const i3 = doc.plan.sections[0].tasks.find((t: { code: string }) => t.code === "I.3");
    expect(i3.lead.agencies).toEqual(["SKHCN"]);
  });
});

describe("cchc plan new", () => {
  it("carries the 2023 plan into 2027 with the current registry: deadlines shifted, rows flagged, 0 problems", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "cchc-plan-new-")), "ke-hoach-2027.xlsx");
    const run = await runCli("plan", "new", "--year", "2027", "--from", PLAN, "-o", out, "--json");
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({ fromYear: 2023, year: 2027, tasks: 58, problems: [] });
    expect(doc.deadlinesShifted).toBe(31);
    expect(doc.flaggedForReview).toBeGreaterThan(30);
    const read = await runCli("plan", out, "--json");
    expect(JSON.parse(read.stdout).summary).toMatchObject({ year: 2027, tasks: 58, deadlinesUnparsed: 0 });
    const missing = await runCli("plan", "new", "--from", PLAN, "-o", out);
    expect(missing.code).toBe(2);
  });
});
