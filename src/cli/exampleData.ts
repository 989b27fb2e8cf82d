// The bundled example data (examples/data/*.json): the seed's 2023 plan, Vĩnh Long's agency registry
// and the indicator catalogue. Read from the package folder, whether running from src/ or build/.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { PlanWorkbookInput } from "../domain/planWorkbook";

export const PACKAGE_ROOT = join(__dirname, "..", "..");
export const EXAMPLE_PLAN_XLSX = join(PACKAGE_ROOT, "examples", "plan-2023.xlsx");

const readJson = (name: string) =>
  JSON.parse(readFileSync(join(PACKAGE_ROOT, "examples", "data", name), "utf8"));

/** The example plan workbook's contents, from the transcribed data files. */
export function examplePlanInput(): PlanWorkbookInput {
  return {
    plan: readJson("plan-2023.json"),
    registry: readJson("agencies.json"),
    catalogue: readJson("indicators.json"),
  };
}
