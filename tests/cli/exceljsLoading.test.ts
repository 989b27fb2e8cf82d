// ExcelJS is the writer only, loaded when a workbook is written through it: a re-run of
// `cchc consolidate` into a rollup that holds only its own sheets reads it with the one reader and
// writes it fresh, without loading ExcelJS (about 0.2 s of CPU). Checked in a fresh Node process,
// where the module cache is Node's own (jest keeps a registry of its own).
import { mkdtempSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DEMO_PERIOD } from "../../src/cli/demo/generate";
import { periodCode } from "../../src/domain/period";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { demoFixture } from "../consolidation/demoFixture";
import { inFreshNode } from "../helpers/freshNode";

/** Run `cchc consolidate` `times` times in one fresh process: its exit codes and whether ExcelJS was loaded after each. */
function consolidateInFreshNode(args: string[], times: number): { code: number; exceljs: boolean }[] {
  const out = inFreshNode(
    `
    const { main } = require("./src/cli/main");
    const args = ${JSON.stringify(["node", "cchc", "consolidate", ...args])};
    (async () => {
      const runs = [];
      for (let i = 0; i < ${times}; i++) {
        const code = await main(args);
        runs.push({ code, exceljs: Object.keys(require.cache).some((f) => /[\\\\/]exceljs[\\\\/]/.test(f)) });
      }
      process.exitCode = 0; // the runs' codes are reported, not this process's
      console.log("RUNS " + JSON.stringify(runs));
    })();
    `,
    ["--import", "tsx"],
  );
  const line = out.split("\n").find((l) => l.startsWith("RUNS "));
  if (!line) throw new Error(out);
  return JSON.parse(line.slice(5)) as { code: number; exceljs: boolean }[];
}

describe("ExcelJS in `cchc consolidate`", () => {
  let dir: string;
  let reports: string;
  beforeAll(async () => {
    const { demo } = await demoFixture();
    dir = mkdtempSync(path.join(os.tmpdir(), "cchc-exceljs-"));
    reports = path.join(demo.dir, "bao-cao");
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is not loaded to write a rollup, nor to merge into one that holds only its own sheets", () => {
    const out = path.join(dir, "tong-hop.xlsx");
    const args = ["--plan", "examples/plan-2023.xlsx", "--period", periodCode(DEMO_PERIOD), reports];
    const runs = consolidateInFreshNode([...args, "-o", out, "--json"], 2);
    // The demo's reports include rejected ones (exit 1); both runs wrote the rollup.
    expect(runs.map((r) => r.code)).toEqual([1, 1]);
    expect(runs.map((r) => r.exceljs)).toEqual([false, false]);
  }, 60_000);

  it("is loaded to merge into a rollup someone added a sheet to, which it keeps", async () => {
    const out = path.join(dir, "tong-hop-rieng.xlsx");
    const args = ["--plan", "examples/plan-2023.xlsx", "--period", periodCode(DEMO_PERIOD), reports];
    expect(consolidateInFreshNode([...args, "-o", out, "--json"], 1)).toEqual([{ code: 1, exceljs: false }]);
    const wb = await XlsxWorkbook.open(out);
    await wb.writeSheets([{ name: "Ghi chú riêng", rows: [["của tôi", 42]] }]);
    await wb.saveAtomic(out);
    expect(consolidateInFreshNode([...args, "-o", out, "--json"], 1)).toEqual([{ code: 1, exceljs: true }]);
    const back = await XlsxWorkbook.open(out);
    expect((await back.readSheets(["Ghi chú riêng"])).get("Ghi chú riêng")).toEqual([["của tôi", 42]]);
  }, 60_000);
});
