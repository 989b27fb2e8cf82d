// The bundled example data (examples/data/*.json): the seed's 2023 plan with the 2023-format registry
// (agencies.json, version 1), and the merged province's registry (agencies-2025.json), the catalogue
// and the report schedule, from which the 2027 plan is carried forward. Read from the package folder,
// whether running from src/ or build/.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadRegistry } from "../domain/agencies";
import { planNew } from "../domain/planNew";
import type { PlanWorkbookInput } from "../domain/planWorkbook";

export const PACKAGE_ROOT = join(__dirname, "..", "..");
export const EXAMPLE_PLAN_XLSX = join(PACKAGE_ROOT, "examples", "plan-2023.xlsx");
export const EXAMPLE_PLAN_2027_XLSX = join(PACKAGE_ROOT, "examples", "plan-2027.xlsx");

const readJson = (name: string) =>
  JSON.parse(readFileSync(join(PACKAGE_ROOT, "examples", "data", name), "utf8"));

/** The example plan workbook's contents (2023 format), from the transcribed data files. */
export function examplePlanInput(): PlanWorkbookInput {
  return {
    plan: readJson("plan-2023.json"),
    registry: readJson("agencies.json"),
    catalogue: readJson("indicators.json"),
  };
}

/** The bundled current registry (merged province), catalogue and report schedule. */
export function currentData(): Pick<PlanWorkbookInput, "registry" | "catalogue" | "schedule"> {
  return {
    registry: readJson("agencies-2025.json"),
    catalogue: readJson("indicators.json"),
    schedule: readJson("periods.json"),
  };
}

/** A plan of the merged province for `year`, carried forward from the 2023 plan with the current
 * registry, catalogue and report schedule (examples/plan-2027.xlsx for 2027). */
export function mergedPlanInput(year = 2027): PlanWorkbookInput {
  const registryJson = readJson("agencies-2025.json");
  const loaded = loadRegistry(registryJson);
  if (!loaded.ok) throw new Error(`examples/data/agencies-2025.json: ${JSON.stringify(loaded.issues)}`);
  const carried = planNew(readJson("plan-2023.json"), {
    fromYear: 2023,
    toYear: year,
    registry: loaded.registry,
  });
  return {
    plan: carried.plan,
    registry: registryJson,
    catalogue: readJson("indicators.json"),
    schedule: readJson("periods.json"),
  };
}
