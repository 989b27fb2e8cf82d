// The merged province's cycle (issue 17): 2025 with the old units to 30/6 and the new ones from 1/7,
// the 2026 yearly report of the new province (its departments and 124 communes, real workbooks
// consolidated against the 581/BNV-CCHC schedule, year-on-year against 2025 by successor mapping),
// and the 2027 plan carried forward. Deterministic; everything under `<dir>/tinh-moi`.
import { promises as fsp } from "node:fs";
import * as path from "node:path";
import {
  agencyByCode,
  agencyValidAt,
  childrenAt,
  loadRegistry,
  type AgencyRegistry,
} from "../../domain/agencies";
import { assignedAgencies } from "../../domain/assignment";
import { civil } from "../../domain/civilDate";
import { consolidate, type Rollup } from "../../domain/consolidation/model";
import { rollupSheets } from "../../domain/consolidation/sheets";
import type { AcceptedSubmission } from "../../domain/consolidation/submission";
import { makePeriod } from "../../domain/period";
import { planWorkbookSheets, readPlanWorkbook } from "../../domain/planWorkbook";
import { scheduleFor } from "../../domain/reportSchedule";
import { XlsxWorkbook } from "../../workbook/xlsx/xlsxWorkbook";
import type { Progress } from "../consolidate/progress";
import type { PlanBundle } from "../../domain/consolidation/intake";
import { runConsolidation, type ConsolidationOutcome } from "../consolidate/run";
import { mergedPlanInput } from "../exampleData";
import { agencyFigures, intIn, rng } from "./figures";
import { fillReport } from "./generate";

export interface MergedDemoResult {
  readonly dir: string;
  readonly previousFile: string;
  readonly rollupFile: string;
  readonly planFile: string;
  readonly reports: number;
  readonly previous: Rollup;
  readonly outcome: ConsolidationOutcome;
}

/** The plan of the merged province for a year (carried forward from 2023), read like a workbook. */
export function mergedBundle(year: number): PlanBundle {
  const pw = readPlanWorkbook(
    new Map(planWorkbookSheets(mergedPlanInput(year)).map((s) => [s.name, s.rows])),
  );
  if (!pw.plan || !pw.registry || !pw.catalogue)
    throw new Error(`merged plan ${year}: ${pw.problems[0]?.message_en}`);
  return { plan: pw.plan, registry: pw.registry, catalogue: pw.catalogue, schedule: pw.schedule };
}

/** Run the merged-province cycle into `<dir>/tinh-moi`. */
export async function runMergedDemo(dir: string, progress?: Progress): Promise<MergedDemoResult> {
  const root = path.join(dir, "tinh-moi");
  const reportsDir = path.join(root, "bao-cao-nam-2026");
  await fsp.rm(root, { recursive: true, force: true });
  await fsp.mkdir(reportsDir, { recursive: true });
  const previousFile = path.join(root, "tong-hop-nam-2025.xlsx");
  const rollupFile = path.join(root, "tong-hop-nam-2026.xlsx");
  const planFile = path.join(root, "ke-hoach-2027.xlsx");

  const previous = await writeYear2025(mergedBundle(2025), previousFile);

  // 2026: every unit under the new UBND tỉnh that the plan assigns tasks to sends a real workbook.
  const bundle = mergedBundle(2026);
  const period = makePeriod("year", 2026);
  const sched = scheduleFor(bundle.schedule!, period)!;
  const assigned = assignedAgencies(bundle.plan);
  const expected = childrenAt(bundle.registry, "UBND_TINH", civil(2026, 12, 31)).filter((c) =>
    assigned.has(c),
  );
  let reports = 0;
  for (const [i, code] of expected.entries()) {
    const agency = agencyByCode(bundle.registry, code)!;
    const r = rng(2026_12_14 + i * 7919);
    const figures = agencyFigures(agency.kind, r);
    // Most send by the agency deadline (16/12), a few on 17–19/12: late for Sở Nội vụ.
    const day = intIn(r, 8, 19);
    const sheets = fillReport(
      bundle,
      code,
      period,
      sched.dataWindow.end,
      { version: 1, submittedAt: civil(2026, 12, day), figures, doneShare: 0.82 + r() * 0.16 },
      rng(2026 + i),
    );
    const wb = XlsxWorkbook.create();
    await wb.writeSheets(sheets);
    await fsp.writeFile(path.join(reportsDir, `${code}-2026.xlsx`), await wb.toBuffer());
    reports++;
  }
  const outcome = await runConsolidation({
    bundle,
    inputs: [reportsDir],
    output: rollupFile,
    previous: previousFile,
    period,
    now: () => new Date(Date.UTC(2026, 11, 18, 8)),
    progress,
  });

  // 2027: the plan carried forward (what `cchc plan new --year 2027` writes).
  const wb = XlsxWorkbook.create();
  await wb.writeSheets(planWorkbookSheets(mergedPlanInput(2027)));
  await wb.saveAtomic(planFile);
  return { dir: root, previousFile, rollupFile, planFile, reports, previous, outcome };
}

/** Who reported for 2025: the old units (Vĩnh Long, Bến Tre, Trà Vinh) for the part to 30/6, the
 * new province's units for the part from 1/7; the continuing Vĩnh Long departments for the year. */
function contributors2025(reg: AgencyRegistry): { code: string; share: number }[] {
  const before = civil(2025, 6, 30);
  const after = civil(2025, 7, 1);
  const out: { code: string; share: number }[] = [];
  for (const a of reg.agencies) {
    if (!["department", "provincial_body", "district", "commune"].includes(a.kind)) continue;
    const old = agencyValidAt(a, before);
    const now = agencyValidAt(a, after);
    const top = (): string | null => {
      let p: string | null = a.code;
      for (let k = 0; k < 6 && p; k++) {
        const next: string | null = agencyByCode(reg, p)?.parent ?? null;
        if (next === null) return p;
        p = next;
      }
      return p;
    };
    if (a.kind === "commune" && old && !now) continue; // old communes reported through their district
    if (old && now) out.push({ code: a.code, share: 1 });
    else if (old && ["UBND_TINH", "UBND_BENTRE", "UBND_TRAVINH"].includes(top() ?? ""))
      out.push({ code: a.code, share: 0.5 });
    else if (now && !old) out.push({ code: a.code, share: 0.5 });
  }
  return out;
}

/** The 2025 yearly rollup, built from contributions (as `--previous` for 2026). */
async function writeYear2025(bundle: PlanBundle, file: string): Promise<Rollup> {
  const period = makePeriod("year", 2025);
  const reg = bundle.registry;
  const contributions: AcceptedSubmission[] = contributors2025(reg).map(({ code, share }, i) => {
    const full = agencyFigures(agencyByCode(reg, code)!.kind, rng(2025 + i * 31));
    const figures = Object.entries(full).map(([c, v]) => ({
      code: c,
      value: share === 1 || c.startsWith("TL_") ? v : Math.round(v * share),
      sheet: "Số liệu",
      cell: "D2",
    }));
    return {
      file: `${code}-2025.xlsx`,
      hash: `demo-2025-${code}`,
      agency: code,
      period,
      version: 1,
      submittedAt: { y: 2025, m: 12, d: 15 },
      receivedAt: null,
      problems: [],
      errorCount: 0,
      warningCount: 0,
      figures,
      tasks: [],
    };
  });
  const rollup = consolidate(bundle.plan, [], {
    registry: reg,
    catalogue: bundle.catalogue,
    period,
    schedule: bundle.schedule,
    prior: { contributions, returns: [], provenance: [] },
    mergedAt: "2025-12-18T08:00:00.000Z",
  });
  const wb = XlsxWorkbook.create();
  await wb.writeSheets(rollupSheets(rollup));
  await wb.saveAtomic(file);
  return rollup;
}

/** The registry the merged demo uses, loaded (for tests). */
export function mergedRegistry(): AgencyRegistry {
  const r = loadRegistry(mergedPlanInput(2027).registry);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.registry;
}
