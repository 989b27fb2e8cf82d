// Issue 16, "nothing lost, nothing overwritten": `-o` never lands on a source (by any name), one file
// that breaks the intake rejects only itself, and the merge result does not depend on which run a
// conflicting file arrived in.
import { createHash } from "node:crypto";
import { existsSync, promises as fsp } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { EXAMPLE_PLAN_XLSX } from "../../src/cli/exampleData";
import { readRollup, ROLLUP_STORED_SHEETS } from "../../src/domain/consolidation/readRollup";
import { parsePeriod, type Period } from "../../src/domain/period";
import * as validation from "../../src/domain/validation/validateReport";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { F, filledReport, rowOf } from "../helpers/fixtures";
import { runCli } from "../helpers/runCli";

const Q2 = (parsePeriod("2023-Q2") as { ok: true; period: Period }).period;
const PLAN = EXAMPLE_PLAN_XLSX;
const sha = async (f: string) =>
  createHash("sha256")
    .update(await fsp.readFile(f))
    .digest("hex");

let dir: string;
let reports: string;
let stp: string;
let snv: string;

async function writeReport(
  file: string,
  agency: string,
  edit?: (figures: (string | number | boolean | null)[][]) => void,
) {
  const specs = filledReport(agency, Q2);
  if (edit) edit(specs.find((s) => s.name === "Số liệu")!.rows);
  const wb = XlsxWorkbook.create();
  await wb.writeSheets(specs);
  await wb.saveAtomic(file);
  return file;
}

beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), "cchc-dataloss-"));
  reports = path.join(dir, "reports");
  await fsp.mkdir(reports);
  stp = await writeReport(path.join(reports, "STP-2023.xlsx"), "STP");
  snv = await writeReport(path.join(reports, "SNV-2023.xlsx"), "SNV");
});

const consolidate = (...args: string[]) =>
  runCli("consolidate", "--plan", PLAN, "--period", "2023-Q2", ...args);

describe("-o never overwrites a source", () => {
  const refused = async (args: string[], protectedFiles: string[], text: RegExp) => {
    const before = await Promise.all(protectedFiles.map(sha));
    const res = await consolidate(...args);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(text);
    expect(res.stderr).toContain("Không ghi gì");
    expect(res.stderr).not.toMatch(/\n\s+at /);
    expect(await Promise.all(protectedFiles.map(sha))).toEqual(before);
    return res;
  };

  it("an agency's report in the folder being consolidated: exit 2, its bytes unchanged", async () => {
    await refused([reports, "-o", stp], [stp, snv], /không phải bảng tổng hợp CCHC/);
  });

  it("an agency's report named as an input: exit 2", async () => {
    await refused([stp, snv, "-o", stp], [stp, snv], /chính là một tệp báo cáo đầu vào/);
  });

  it("the plan: exit 2, the plan unchanged", async () => {
    const plan = path.join(dir, "plan-copy.xlsx");
    await fsp.copyFile(PLAN, plan);
    const before = await sha(plan);
    const res = await runCli("consolidate", "--plan", plan, "--period", "2023-Q2", reports, "-o", plan);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("chính là tệp kế hoạch");
    expect(await sha(plan)).toBe(before);
    // The same mistake in `cchc template -o`.
    const t = await runCli("template", "--plan", plan, "--agency", "SNV", "--period", "2023-Q2", "-o", plan);
    expect(t.code).toBe(2);
    // The suggested name is a template's, not the rollup's.
    expect(t.stderr).toContain("-o SNV-2023-Q2.xlsx");
    expect(t.stderr).not.toContain("tong-hop");
    expect(await sha(plan)).toBe(before);
  });

  it("through a symlink or a hard link to a report: exit 2 (compared by file identity)", async () => {
    const link = path.join(dir, "tong-hop-link.xlsx");
    await fsp.symlink(stp, link);
    await refused([reports, "-o", link], [stp], /không phải bảng tổng hợp CCHC/);
    await refused([stp, "-o", link], [stp], /chính là một tệp báo cáo đầu vào/);
    const hard = path.join(dir, "tong-hop-hard.xlsx");
    await fsp.link(snv, hard);
    await refused([snv, "-o", hard], [snv], /chính là một tệp báo cáo đầu vào/);
    await refused(
      [reports, "-o", path.join(reports, "..", "reports", "STP-2023.xlsx")],
      [stp],
      /không phải bảng/,
    );
  });

  it("last year's rollup (--previous) as the output: exit 2", async () => {
    const prev = path.join(dir, "prev.xlsx");
    expect((await consolidate(stp, "-o", prev)).code).toBe(0);
    await refused([snv, "-o", prev, "--previous", prev], [prev], /bảng tổng hợp năm trước/);
  });

  it("a folder as the output: exit 2 saying it is a folder", async () => {
    const res = await consolidate(stp, "-o", reports);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("là một thư mục");
  });

  // Siblings: every command that writes a workbook refuses the same way.
  it("cchc plan new -o: never over --from or --registry (by any name), nor over a report or a rollup", async () => {
    const plan = path.join(dir, "plan-for-new.xlsx");
    await fsp.copyFile(PLAN, plan);
    const link = path.join(dir, "plan-new-link.xlsx");
    await fsp.symlink(plan, link);
    const rollup = path.join(dir, "rollup-for-new.xlsx");
    expect((await consolidate(stp, "-o", rollup)).code).toBe(0);
    const guarded = [plan, stp, rollup];
    const before = await Promise.all(guarded.map(sha));
    const planNew = (...args: string[]) => runCli("plan", "new", "--year", "2027", "--from", plan, ...args);
    for (const [args, text] of [
      [["-o", plan], /chính là kế hoạch năm trước.*-o ke-hoach-2027\.xlsx/],
      [["-o", link], /chính là kế hoạch năm trước/],
      [["--registry", PLAN, "-o", PLAN], /chính là tệp danh mục/],
      [["-o", stp], /không phải một tệp kế hoạch CCHC/],
      [["-o", rollup], /không phải một tệp kế hoạch CCHC/],
    ] as const) {
      const res = await planNew(...args);
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(text);
      expect(res.stderr).toContain("Không ghi gì");
    }
    expect(await Promise.all(guarded.map(sha))).toEqual(before);
    // Its own output, a plan, is replaced as before.
    const fresh = path.join(dir, "plan-2027-new.xlsx");
    expect((await planNew("-o", fresh)).code).toBe(0);
    expect((await planNew("-o", fresh)).code).toBe(0);
  });

  it("cchc template -o: never over an agency's filled-in report or a rollup; a blank template is replaced", async () => {
    const rollup = path.join(dir, "rollup-for-template.xlsx");
    expect((await consolidate(snv, "-o", rollup)).code).toBe(0);
    const before = await Promise.all([stp, rollup].map(sha));
    const template = (out: string) =>
      runCli("template", "--plan", PLAN, "--agency", "STP", "--period", "2023-Q2", "-o", out);
    for (const out of [stp, rollup]) {
      const res = await template(out);
      expect(res.code).toBe(2);
      expect(res.stderr).toContain("không phải một biểu mẫu báo cáo còn trống");
      expect(res.stderr).toContain("Không ghi gì");
    }
    expect(await Promise.all([stp, rollup].map(sha))).toEqual(before);
    const blank = path.join(dir, "STP-blank.xlsx");
    expect((await template(blank)).code).toBe(0);
    expect((await template(blank)).code).toBe(0);
  });

  it("--csv naming a file: exit 2 before anything is written (no rollup, the file unchanged)", async () => {
    const out = path.join(dir, "csv-refused.xlsx");
    const before = await sha(stp);
    const res = await consolidate(snv, "-o", out, "--csv", stp);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("là một tệp, không phải thư mục");
    expect(existsSync(out)).toBe(false);
    expect(await sha(stp)).toBe(before);
  });

  it("an existing rollup in the folder itself is merged into, not taken as an input", async () => {
    const folder = path.join(dir, "with-rollup");
    await fsp.mkdir(folder);
    await fsp.copyFile(stp, path.join(folder, "STP.xlsx"));
    const out = path.join(folder, "tong-hop.xlsx");
    expect((await consolidate(folder, "-o", out)).code).toBe(0);
    await fsp.copyFile(snv, path.join(folder, "SNV.xlsx"));
    const again = await consolidate(folder, "-o", out, "--json");
    expect(again.code).toBe(0);
    const doc = JSON.parse(again.stdout) as { outcomes: { file: string }[] };
    expect(doc.outcomes.map((o) => path.basename(o.file)).sort()).toEqual(["SNV.xlsx", "STP.xlsx"]);
  });

  it("a symlinked output: the real file is written (the link stays a link) and locked by its real name", async () => {
    const real = path.join(dir, "real-rollup.xlsx");
    expect((await consolidate(stp, "-o", real)).code).toBe(0);
    const link = path.join(dir, "rollup-link.xlsx");
    await fsp.symlink(real, link);
    const res = await consolidate(snv, "-o", link);
    expect(res.code).toBe(0);
    expect((await fsp.lstat(link)).isSymbolicLink()).toBe(true);
    const wb = await XlsxWorkbook.open(real);
    const read = readRollup(await wb.readSheets([...ROLLUP_STORED_SHEETS]));
    expect(read.ok && read.rollup.prior.contributions.map((c) => c.agency).sort()).toEqual(["SNV", "STP"]);
    expect(existsSync(`${real}.lock`)).toBe(false);
  });
});

describe("one file that breaks the intake rejects only itself", () => {
  it("an unexpected failure checking one report: that file FILE_CHECK_FAILED with a note to report it, the others merged (exit 1)", async () => {
    const real = validation.validateReport;
    const spy = jest.spyOn(validation, "validateReport").mockImplementation((input, ctx) => {
      const info = input.grids.get("Thông tin");
      if (JSON.stringify(info).includes("SNV")) throw new RangeError("Maximum call stack size exceeded");
      return real(input, ctx);
    });
    try {
      const out = path.join(dir, "isolated.xlsx");
      const res = await consolidate(stp, snv, "-o", out, "--json");
      expect(res.code).toBe(1);
      const doc = JSON.parse(res.stdout) as {
        outcomes: { file: string; outcome: string; reasons: { code: string; message_vi: string }[] }[];
      };
      const bad = doc.outcomes.find((o) => o.file === snv)!;
      expect(bad.outcome).toBe("rejected");
      expect(bad.reasons[0].code).toBe("FILE_CHECK_FAILED");
      expect(bad.reasons[0].message_vi).toContain("Xin báo lỗi");
      expect(doc.outcomes.find((o) => o.file === stp)!.outcome).toBe("added");
      expect(existsSync(out)).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });
});

describe("the merge result does not depend on the run a conflicting file arrives in", () => {
  let a: string;
  let b: string;
  beforeAll(async () => {
    const conflictDir = path.join(dir, "conflict");
    await fsp.mkdir(conflictDir);
    a = await writeReport(path.join(conflictDir, "SYT-a.xlsx"), "SYT");
    b = await writeReport(path.join(conflictDir, "SYT-b.xlsx"), "SYT", (g) => {
      rowOf(g, "PHONG_CAT_GIAM")[F.value] = 4;
    });
  });

  const totals = async (...runs: string[][]) => {
    const out = path.join(
      dir,
      `order-${runs
        .flat()
        .map((f) => path.basename(f))
        .join("-")}.xlsx`,
    );
    let last = { code: -1, stdout: "" };
    for (const files of runs) last = await consolidate(stp, ...files, "-o", out, "--json");
    const doc = JSON.parse(last.stdout) as {
      totals: Record<string, number | null>;
      status: { agency: string; state: string }[];
    };
    return { code: last.code, totals: doc.totals, syt: doc.status.find((s) => s.agency === "SYT")?.state };
  };

  it("A then B, B then A and both at once: the same totals, SYT in conflict, exit 1", async () => {
    const once = await totals([a, b]);
    const ab = await totals([a], [b]);
    const ba = await totals([b], [a]);
    expect(once.syt).toBe("conflict");
    expect(ab).toEqual(once);
    expect(ba).toEqual(once);
    // Remembered: sending A again later does not bring it back.
    const again = await totals([a], [b], [a]);
    expect(again).toEqual(once);
  });
});
