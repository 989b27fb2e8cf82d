// The benchmark's workload: N agency report workbooks for 2023, like a merged province's (about 20
// departments and 170 communes). Agencies beyond the example registry are synthetic communes added to
// the registry (so the plan's "UBND cấp xã" tasks reach them); past one file per agency, files are
// revised resubmissions (version 2, 3, …). Every file is distinct and valid, so each one is parsed,
// validated and merged for real. Deterministic: the same N and seed give the same files.
import { existsSync, readFileSync } from "node:fs";
import { promises as fsp } from "node:fs";
import * as path from "node:path";
import { assignedAgencies } from "../../domain/assignment";
import { childrenAt, agencyByCode } from "../../domain/agencies";
import { civil, type CivilDate } from "../../domain/civilDate";
import { periodRange } from "../../domain/period";
import { planWorkbookSheets, readPlanWorkbook, type PlanWorkbookInput } from "../../domain/planWorkbook";
import { XlsxWorkbook } from "../../workbook/xlsx/xlsxWorkbook";
import type { PlanBundle } from "../../domain/consolidation/intake";
import { repoRoot } from "../demo/bundle";
import { agencyFigures, intIn, rng } from "../demo/figures";
import { CUTOFF_DECREE, DEMO_PERIOD, fillReport } from "../demo/generate";

/** Synthetic communes added to the example registry: 170, the top of a merged province's range. */
export const SYNTHETIC_COMMUNES = 170;
export const BENCH_PERIOD = DEMO_PERIOD;
const SEED = 20231213;

/** The example plan, registry and catalogue with the synthetic communes, as plan workbook input. */
export function benchPlanInput(root = repoRoot()): PlanWorkbookInput {
  const data = path.join(root, "examples", "data");
  const read = (n: string) => JSON.parse(readFileSync(path.join(data, n), "utf8"));
  const registry = read("agencies.json") as PlanWorkbookInput["registry"];
  const communes = Array.from({ length: SYNTHETIC_COMMUNES }, (_, i) => {
    const n = String(i + 1).padStart(3, "0");
    return {
      code: `X_BENCH_${n}`,
      name: `UBND xã Thử Nghiệm ${n}`,
      nameEn: `Test Commune ${n} People's Committee`,
      aliases: [],
      kind: "commune",
      parent: "UBND_TINH",
      validFrom: null,
      validTo: null,
    };
  });
  registry.agencies = [...registry.agencies, ...communes];
  return { plan: read("plan-2023.json"), registry, catalogue: read("indicators.json") };
}

/** The example plan, registry and catalogue with the synthetic communes, read like a plan workbook. */
export function benchBundle(root = repoRoot()): PlanBundle {
  const sheets = planWorkbookSheets(benchPlanInput(root));
  const pw = readPlanWorkbook(new Map(sheets.map((s) => [s.name, s.rows])));
  if (!pw.plan || !pw.registry || !pw.catalogue) {
    throw new Error(`bench bundle: ${pw.problems.find((p) => p.severity === "error")?.message_en}`);
  }
  return { plan: pw.plan, registry: pw.registry, catalogue: pw.catalogue };
}

/** The agencies that submit to the province in 2023 and have tasks: departments, districts, communes. */
export function benchAgencies(bundle: PlanBundle): string[] {
  const assigned = assignedAgencies(bundle.plan);
  return childrenAt(bundle.registry, "UBND_TINH", civil(2023, 12, 31)).filter((c) => assigned.has(c));
}

export interface WorkloadFile {
  name: string;
  agency: string;
  version: number;
}

/** Which agency and version the i-th file (0-based) is. */
export function workloadPlan(agencies: readonly string[], n: number): WorkloadFile[] {
  return Array.from({ length: n }, (_, i) => {
    const agency = agencies[i % agencies.length];
    const version = Math.floor(i / agencies.length) + 1;
    return { name: `${String(i + 1).padStart(5, "0")}-${agency}-lan${version}.xlsx`, agency, version };
  });
}

/** One file's bytes. */
export async function workloadBytes(bundle: PlanBundle, f: WorkloadFile, i: number): Promise<Buffer> {
  const agency = agencyByCode(bundle.registry, f.agency)!;
  const r = rng(SEED + i * 7919);
  const end = periodRange(BENCH_PERIOD, CUTOFF_DECREE).end;
  // Later versions arrive later (and stay within December so none is past the cut-off by much).
  const submittedAt: CivilDate = civil(2023, 12, Math.min(28, intIn(r, 5, 15) + f.version));
  const sheets = fillReport(
    bundle,
    f.agency,
    BENCH_PERIOD,
    end,
    {
      version: f.version,
      submittedAt,
      figures: agencyFigures(agency.kind, r),
      doneShare: 0.8 + r() * 0.18,
    },
    rng(SEED + i),
  );
  const wb = XlsxWorkbook.create();
  await wb.writeSheets(sheets);
  return wb.toBuffer();
}

/** Write the bench plan workbook (what `cchc consolidate --plan` reads) to `file`, unless present. */
export async function ensurePlanWorkbook(root: string, file: string): Promise<string> {
  if (existsSync(file)) return file;
  await fsp.mkdir(path.dirname(file), { recursive: true });
  const wb = XlsxWorkbook.create();
  await wb.writeSheets(planWorkbookSheets(benchPlanInput(root)));
  await wb.saveAtomic(file);
  return file;
}

/**
 * Make (or reuse) the N files under `dir`. A marker file records N and the seed, so a second run
 * with the same N reuses them; anything else is regenerated.
 */
export async function ensureWorkload(
  bundle: PlanBundle,
  dir: string,
  n: number,
  onFile?: (i: number) => void,
): Promise<string[]> {
  const marker = path.join(dir, ".workload.json");
  const files = workloadPlan(benchAgencies(bundle), n);
  const paths = files.map((f) => path.join(dir, f.name));
  const stamp = JSON.stringify({ n, seed: SEED, communes: SYNTHETIC_COMMUNES });
  if (existsSync(marker) && readFileSync(marker, "utf8") === stamp) return paths;
  await fsp.rm(dir, { recursive: true, force: true });
  await fsp.mkdir(dir, { recursive: true });
  for (const [i, f] of files.entries()) {
    await fsp.writeFile(paths[i], await workloadBytes(bundle, f, i));
    onFile?.(i);
  }
  await fsp.writeFile(marker, stamp);
  return paths;
}
