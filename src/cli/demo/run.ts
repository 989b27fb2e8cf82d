// `cchc demo`: generate the agency workbooks, consolidate them in two rounds (the revised
// resubmission arrives in the second, merged into the existing rollup), with last year's rollup
// for year-on-year change. Everything lands under one folder (default out/demo).
import { promises as fsp } from "node:fs";
import * as path from "node:path";
import { agencyByCode } from "../../domain/agencies";
import { consolidate, type Rollup } from "../../domain/consolidation/model";
import { rollupSheets } from "../../domain/consolidation/sheets";
import type { AcceptedSubmission } from "../../domain/consolidation/submission";
import { makePeriod } from "../../domain/period";
import { XlsxWorkbook } from "../../workbook/xlsx/xlsxWorkbook";
import type { PlanBundle } from "../../domain/consolidation/intake";
import { runConsolidation, type ConsolidationOutcome } from "../consolidate/run";
import type { Progress } from "../consolidate/progress";
import { agencyFigures, rng } from "./figures";
import { DEMO_MISSING, DEMO_PERIOD, demoFiles } from "./generate";

export interface DemoResult {
  dir: string;
  reports: string[];
  rollupFile: string;
  previousFile: string;
  round1: ConsolidationOutcome;
  round2: ConsolidationOutcome;
}

/** Run the whole demo into `dir` (emptied first of what the demo writes). */
export async function runDemo(bundle: PlanBundle, dir: string, progress?: Progress): Promise<DemoResult> {
  const reportsDir = path.join(dir, "bao-cao");
  const lateDir = path.join(dir, "bao-cao-bo-sung");
  await fsp.rm(reportsDir, { recursive: true, force: true });
  await fsp.rm(lateDir, { recursive: true, force: true });
  await fsp.mkdir(reportsDir, { recursive: true });
  await fsp.mkdir(lateDir, { recursive: true });
  const rollupFile = path.join(dir, "tong-hop-nam-2023.xlsx");
  const previousFile = path.join(dir, "tong-hop-nam-2022.xlsx");
  await fsp.rm(rollupFile, { force: true });

  const reports: string[] = [];
  for (const f of demoFiles(bundle)) {
    const target = path.join(f.batch === 1 ? reportsDir : lateDir, f.name);
    const wb = XlsxWorkbook.create();
    await wb.writeSheets(f.sheets.length ? f.sheets : [{ name: "Thông tin", rows: [["x"]] }]);
    const bytes = await wb.toBuffer();
    await fsp.writeFile(target, f.damaged ? bytes.subarray(0, Math.floor(bytes.length / 3)) : bytes);
    reports.push(target);
  }
  await writePreviousYear(bundle, previousFile);

  const now = () => new Date();
  const round1 = await runConsolidation({
    bundle,
    inputs: [reportsDir],
    output: rollupFile,
    previous: previousFile,
    period: DEMO_PERIOD,
    now,
    progress,
  });
  const round2 = await runConsolidation({
    bundle,
    inputs: [lateDir],
    output: rollupFile,
    previous: previousFile,
    period: DEMO_PERIOD,
    now,
    progress,
  });
  return { dir, reports, rollupFile, previousFile, round1, round2 };
}

/** Last year's rollup (2022), built from generated contributions, so --previous has something to compare. */
async function writePreviousYear(bundle: PlanBundle, file: string): Promise<Rollup> {
  const period = makePeriod("year", 2022);
  const expected = [
    "VPUBND",
    "SNV",
    "STP",
    "STC",
    "SYT",
    "SGDDT",
    "H_TPVL",
    "H_BINHMINH",
    "H_LONGHO",
    "H_MANGTHIT",
    "H_VUNGLIEM",
    "H_TAMBINH",
    "H_TRAON",
    "H_BINHTAN",
  ];
  const contributions: AcceptedSubmission[] = expected
    .filter((c) => c !== DEMO_MISSING)
    .map((code, i) => {
      const figures = agencyFigures(agencyByCode(bundle.registry, code)!.kind, rng(2022 + i * 31));
      return {
        file: `${code}-2022.xlsx`,
        hash: `demo-2022-${code}`,
        agency: code,
        period,
        version: 1,
        submittedAt: { y: 2022, m: 12, d: 15 },
        receivedAt: null,
        problems: [],
        errorCount: 0,
        warningCount: 0,
        figures: Object.entries(figures).map(([c, value]) => ({
          code: c,
          value,
          sheet: "Số liệu",
          cell: "D2",
        })),
        tasks: [],
      };
    });
  const rollup = consolidate(bundle.plan, [], {
    registry: bundle.registry,
    catalogue: bundle.catalogue,
    period,
    prior: { contributions, returns: [], provenance: [] },
    mergedAt: "2022-12-25T08:00:00.000Z",
  });
  const wb = XlsxWorkbook.create();
  await wb.writeSheets(rollupSheets(rollup));
  await wb.saveAtomic(file);
  return rollup;
}
