// Issue 16, smaller: the long tables are meant for CSV and Power BI, where a cell starting with
// = + - @ would run as a formula. `cchc consolidate --csv` writes them with such text neutralised by a
// leading apostrophe (OWASP); the workbook keeps the text exactly.
import { promises as fsp } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { EXAMPLE_PLAN_XLSX } from "../../src/cli/exampleData";
import { neutraliseCsvText } from "../../src/domain/consolidation/csvExport";
import { parsePeriod, type Period } from "../../src/domain/period";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { filledReport, T } from "../helpers/fixtures";
import { runCli } from "../helpers/runCli";

const Q2 = (parsePeriod("2023-Q2") as { ok: true; period: Period }).period;
const TYPED = [
  '=HYPERLINK("http://example.invalid","x")',
  "+ Đã gửi",
  "-Chưa có ý kiến",
  "@Sở Nội vụ",
  "\tTab",
];

it("neutralises exactly what a spreadsheet would evaluate", () => {
  expect(TYPED.map(neutraliseCsvText)).toEqual(TYPED.map((t) => `'${t}`));
  expect(["Đã gửi", "2621/QĐ-UBND", "a=b", ""].map(neutraliseCsvText)).toEqual([
    "Đã gửi",
    "2621/QĐ-UBND",
    "a=b",
    "",
  ]);
});

it("cchc consolidate --csv: formula-like evidence neutralised in the CSV, kept as typed in the workbook", async () => {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "cchc-csv-"));
  const specs = filledReport("STP", Q2);
  const tasks = specs.find((s) => s.name === "Nhiệm vụ")!.rows;
  const done = tasks.slice(1).filter((r) => typeof r[T.doneDate] === "number");
  const EVIDENCE = TYPED.slice(0, 4); // the reader trims a leading tab, so it never reaches the rollup
  EVIDENCE.forEach((t, i) => (done[i][T.evidence] = t));
  const wb = XlsxWorkbook.create();
  await wb.writeSheets(specs);
  const report = path.join(dir, "STP.xlsx");
  await wb.saveAtomic(report);
  const out = path.join(dir, "tong-hop.xlsx");
  const csvDir = path.join(dir, "csv");
  const res = await runCli("consolidate", "--plan", EXAMPLE_PLAN_XLSX, report, "-o", out, "--csv", csvDir);
  expect(res.code).toBe(0);
  expect((await fsp.readdir(csvDir)).sort()).toEqual(["du-lieu-dai.csv", "du-lieu-nhiem-vu.csv"]);
  const text = await fsp.readFile(path.join(csvDir, "du-lieu-nhiem-vu.csv"), "utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  // No field anywhere starts with a formula trigger (fields split on commas outside quotes).
  const fields = text
    .slice(1)
    .split(/\r\n/)
    .flatMap((line) => line.match(/("([^"]|"")*"|[^,]*)/g) ?? []);
  const unquoted = fields.map((f) => (f.startsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f));
  expect(unquoted.filter((f) => /^[=+\-@\t]/.test(f))).toEqual([]);
  for (const t of EVIDENCE) expect(unquoted).toContain(`'${t}`);
  // The workbook keeps the text as typed (stored as text, never a formula).
  const grids = await (await XlsxWorkbook.open(out)).readSheets(["Dữ liệu nhiệm vụ"]);
  const cells = [...grids.values()][0].flat();
  for (const t of EVIDENCE) expect(cells).toContain(t);
  // Dates are ISO dates, numbers plain.
  const long = await fsp.readFile(path.join(csvDir, "du-lieu-dai.csv"), "utf8");
  expect(long).toMatch(/\r\nSTP,/);
  expect(text).toMatch(/,2023-\d\d-\d\d,/);
});
