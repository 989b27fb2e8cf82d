// Every kind of workbook the product writes, made through the same code paths the product uses:
// the example plan (scripts/build-examples.ts), `cchc template`, the demo's agency reports and
// rollups, `cchc consolidate`, the web page's rollup (src/preview/browserOps.ts, first written and
// then merged into) and the web page's .zip of templates (unpacked: its members are the workbooks).
import JSZip from "jszip";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadExampleBundle } from "../../src/cli/demo/bundle";
import { demoFiles, DEMO_PERIOD } from "../../src/cli/demo/generate";
import { runDemo } from "../../src/cli/demo/run";
import { EXAMPLE_PLAN_XLSX, examplePlanInput } from "../../src/cli/exampleData";
import { rollupSheets } from "../../src/domain/consolidation/sheets";
import { makePeriod } from "../../src/domain/period";
import { planWorkbookSheets } from "../../src/domain/planWorkbook";
import { createBrowserOps } from "../../src/preview/browserOps";
import { intakeAll, mergeIntakes, priorFromGrids, PRIOR_SHEETS } from "../../src/taskpane/logic/consolidate";
import { chartSheet, rollupHighlights } from "../../src/taskpane/logic/rollupCharts";
import {
  agenciesWithTasks,
  templateBytes,
  templateFileName,
  zipFiles,
} from "../../src/taskpane/logic/templates";
import * as zipWrite from "../../src/workbook/xlsx/zipWrite";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { runCli } from "../helpers/runCli";

export type WorkbookKind =
  | "plan"
  | "template (cchc template)"
  | "agency reports (demo)"
  | "rollup (cchc demo, cchc consolidate)"
  | "rollup (web page)"
  | "templates .zip (web page)";

/** Kind → file label → .xlsx bytes. */
export type Written = Map<WorkbookKind, Map<string, Uint8Array>>;

const read = (file: string): Uint8Array => new Uint8Array(readFileSync(file));

export async function writeEveryKind(): Promise<Written> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cchc-written-"));
  const out: Written = new Map();
  const put = (kind: WorkbookKind, label: string, bytes: Uint8Array) => {
    if (!out.has(kind)) out.set(kind, new Map());
    out.get(kind)!.set(label, bytes);
  };

  // The example plan, as scripts/build-examples.ts writes it.
  const planFile = path.join(dir, "plan-2023.xlsx");
  const plan = XlsxWorkbook.create();
  await plan.writeSheets(planWorkbookSheets(examplePlanInput()));
  await plan.saveAtomic(planFile);
  put("plan", "plan-2023.xlsx", read(planFile));
  put("plan", "examples/plan-2023.xlsx (committed)", read(EXAMPLE_PLAN_XLSX));
  put(
    "plan",
    "examples/plan-2027.xlsx (committed)",
    read(path.join(path.dirname(EXAMPLE_PLAN_XLSX), "plan-2027.xlsx")),
  );
  // Next year's plan, as `cchc plan new` writes it from this year's.
  const newPlanFile = path.join(dir, "ke-hoach-2024.xlsx");
  const n = await runCli("plan", "new", "--year", "2024", "--from", EXAMPLE_PLAN_XLSX, "-o", newPlanFile);
  if (n.code !== 0) throw new Error(`cchc plan new exited ${n.code}: ${n.stderr}`);
  put("plan", "cchc plan new: ke-hoach-2024.xlsx", read(newPlanFile));

  const templateFile = path.join(dir, "mau", "SNV-2023-Q2.xlsx");
  const t = await runCli(
    "template",
    "--plan",
    EXAMPLE_PLAN_XLSX,
    "--agency",
    "SNV",
    "--period",
    "2023-Q2",
    "-o",
    templateFile,
  );
  if (t.code !== 0) throw new Error(`cchc template exited ${t.code}: ${t.stderr}`);
  put("template (cchc template)", "SNV-2023-Q2.xlsx", read(templateFile));

  // The demo: agency reports (less the deliberately damaged copy), last year's rollup, and this
  // year's rollup written in round 1 and merged into in round 2.
  const bundle = await loadExampleBundle();
  const demoDir = path.join(dir, "demo");
  const demo = await runDemo(bundle, demoDir);
  const damaged = new Set(
    demoFiles(bundle)
      .filter((f) => f.damaged)
      .map((f) => f.name),
  );
  for (const f of demo.reports)
    if (!damaged.has(path.basename(f))) put("agency reports (demo)", path.basename(f), read(f));
  put("rollup (cchc demo, cchc consolidate)", "demo: tong-hop-nam-2023.xlsx", read(demo.rollupFile));
  put("rollup (cchc demo, cchc consolidate)", "demo: tong-hop-nam-2022.xlsx", read(demo.previousFile));

  const cliRollup = path.join(dir, "cli", "tong-hop.xlsx");
  const c = await runCli(
    "consolidate",
    "--plan",
    EXAMPLE_PLAN_XLSX,
    path.join(demoDir, "bao-cao"),
    "-o",
    cliRollup,
  );
  if (c.code > 1) throw new Error(`cchc consolidate exited ${c.code}: ${c.stderr}`);
  put("rollup (cchc demo, cchc consolidate)", "cchc consolidate: tong-hop.xlsx", read(cliRollup));

  // The web page: the taskpane's consolidation, written by the page's operations. In the browser
  // there is no native zlib, so the adapter writes every row through ExcelJS: do the same here.
  const reportsDir = path.join(demoDir, "bao-cao");
  const picked = readdirSync(reportsDir)
    .filter((n) => !damaged.has(n))
    .map((name) => ({ name, bytes: read(path.join(reportsDir, name)) }));
  const noNative = jest.spyOn(zipWrite, "nativeZip").mockReturnValue(false);
  try {
    const downloads: { name: string; bytes: Uint8Array }[] = [];
    const ops = createBrowserOps({ download: (name, bytes) => downloads.push({ name, bytes }) });
    const writeRollup = async () => {
      const prior = priorFromGrids(await ops.readSheets(PRIOR_SHEETS));
      const intakes = await intakeAll(picked, bundle, DEMO_PERIOD);
      const merged = mergeIntakes(bundle, intakes, { period: DEMO_PERIOD, prior, now: new Date() });
      if (!merged.ok) throw new Error(merged.problem.message_en);
      const specs = rollupSheets(merged.rollup);
      const charts = chartSheet(merged.rollup);
      await ops.writeRollup([...specs, charts.spec], {
        charts: charts.charts,
        highlights: rollupHighlights(specs),
      });
    };
    await writeRollup(); // a new workbook
    await writeRollup(); // merged into the rollup now open, as a second run on the page does
    downloads.forEach((d, i) =>
      put("rollup (web page)", `${i === 0 ? "new" : "merged into"}: ${d.name}`, d.bytes),
    );

    // Biểu mẫu: every agency's template for a period, downloaded as one .zip.
    const period = makePeriod("quarter", 2023, 2);
    const files = [];
    for (const agency of agenciesWithTasks(bundle))
      files.push({
        name: templateFileName(agency, period),
        bytes: await templateBytes(bundle, agency, period),
      });
    const zip = await JSZip.loadAsync(await zipFiles(files));
    for (const f of Object.values(zip.files))
      if (!f.dir) put("templates .zip (web page)", f.name, await f.async("uint8array"));
  } finally {
    noNative.mockRestore();
  }
  return out;
}
