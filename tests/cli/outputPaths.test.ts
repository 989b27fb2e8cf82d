// Output paths are user input: a missing folder is created, and a path that cannot be written is a
// usage error (exit 2) with a message — never an internal error (exit 3).
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXAMPLE_PLAN_XLSX } from "../../src/cli/exampleData";
import { runCli } from "../helpers/runCli";

const dir = mkdtempSync(join(tmpdir(), "cchc-out-"));
const template = (output: string) =>
  runCli("template", "--plan", EXAMPLE_PLAN_XLSX, "--agency", "SNV", "--period", "2023-Q2", "-o", output);

describe("cchc template -o", () => {
  it("creates a missing folder", async () => {
    const out = join(dir, "chua-co", "con", "SNV.xlsx");
    const run = await template(out);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it("exits 2 with a message when the folder is a file", async () => {
    const file = join(dir, "a-file");
    writeFileSync(file, "x");
    const run = await template(join(file, "SNV.xlsx"));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Không ghi được tệp");
    expect(run.stderr).toContain(join(file, "SNV.xlsx"));
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("cchc consolidate -o", () => {
  it("creates a missing folder", async () => {
    const reports = join(dir, "bao-cao");
    expect((await template(join(reports, "SNV.xlsx"))).code).toBe(0);
    const out = join(dir, "tong-hop", "moi", "th.xlsx");
    const run = await runCli(
      "consolidate",
      "--plan",
      EXAMPLE_PLAN_XLSX,
      reports,
      "--period",
      "2023-Q2",
      "-o",
      out,
      "--json",
    );
    expect(run.code).toBeLessThan(2);
    expect(existsSync(out)).toBe(true);
  });

  it("exits 2 with a message when the folder is a file", async () => {
    const file = join(dir, "another-file");
    writeFileSync(file, "x");
    const run = await runCli("consolidate", "--plan", EXAMPLE_PLAN_XLSX, dir, "-o", join(file, "th.xlsx"));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(join(file, "th.xlsx"));
  });
});

describe("cchc consolidate --lang en", () => {
  it("prints the outcome and summary tables in English", async () => {
    const reports = join(dir, "bao-cao-en");
    expect((await template(join(reports, "SNV.xlsx"))).code).toBe(0);
    const out = join(dir, "en", "th.xlsx");
    const args = ["consolidate", "--plan", EXAMPLE_PLAN_XLSX, reports, "--period", "2023-Q2", "-o", out];
    const en = await runCli("--lang", "en", ...args);
    expect(en.code).toBeLessThan(2);
    expect(en.stdout).toMatch(/^Agency\s+Status\s+Ver\.\s+Submitted/m);
    expect(en.stdout).toMatch(/^Expected \d+ · received \d+ · accepted/m);
    expect(en.stdout).toContain("Wrote ");
    expect(en.stdout).not.toMatch(/Phải báo cáo|Mã cơ quan|Tình trạng|Đã ghi/);
    // The agency row's note is the stored Vietnamese text in Vietnamese only; in English, counts and file.
    expect(en.stdout).toMatch(/^SNV .*\d+ error\(s\), \d+ warning\(s\) — .*SNV\.xlsx$/m);
    expect(en.stdout).not.toMatch(/ +$/m);
    // The yearly period has a schedule line (data window, deadlines), worded in English too.
    const yearly = ["consolidate", "--plan", EXAMPLE_PLAN_XLSX, reports, "--period", "2023", "-o"];
    const enYear = await runCli("--lang", "en", ...yearly, join(dir, "en", "year-en.xlsx"));
    expect(enYear.stdout).toMatch(/: data \d\d\/\d\d\/\d{4} – \d\d\/\d\d\/\d{4}; agencies due at/);
    expect(enYear.stdout).not.toMatch(/hạn cơ quan gửi|số liệu \d/);
    expect((await runCli(...yearly, join(dir, "en", "year-vi.xlsx"))).stdout).toMatch(
      /số liệu \d\d\/\d\d\/\d{4} – .*; hạn cơ quan gửi Sở Nội vụ/,
    );
    const vi = await runCli(...args);
    expect(vi.stdout).toMatch(/^Mã cơ quan\s+Tình trạng/m);
    expect(vi.stdout).toMatch(/^Phải báo cáo \d+/m);
  });
});
