// The bundled example plan (2023, from seed 001) with its registry and catalogue: from
// examples/plan-2023.xlsx when built, else straight from the transcribed JSON in examples/data.
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { planWorkbookSheets, readPlanWorkbook } from "../../domain/planWorkbook";
import { CliError } from "../errors";
import { requirePlan } from "../workbookFiles";
import type { PlanBundle } from "../../domain/consolidation/intake";

/** The repository root, from src/cli/demo (tsx, jest) or build/cli/demo (the bin). */
export const repoRoot = (): string => path.resolve(__dirname, "..", "..", "..");

export async function loadExampleBundle(root = repoRoot()): Promise<PlanBundle & { source: string }> {
  const xlsx = path.join(root, "examples", "plan-2023.xlsx");
  if (existsSync(xlsx)) {
    const b = await requirePlan(xlsx);
    return { plan: b.plan, registry: b.registry, catalogue: b.catalogue, schedule: b.schedule, source: xlsx };
  }
  const data = path.join(root, "examples", "data");
  const read = (n: string) => JSON.parse(readFileSync(path.join(data, n), "utf8"));
  const sheets = planWorkbookSheets({
    plan: read("plan-2023.json"),
    registry: read("agencies.json"),
    catalogue: read("indicators.json"),
  });
  const pw = readPlanWorkbook(new Map(sheets.map((s) => [s.name, s.rows])));
  if (!pw.plan || !pw.registry || !pw.catalogue) {
    throw new CliError(
      `Không đọc được kế hoạch mẫu trong ${data}.`,
      `Cannot read the example plan in ${data}.`,
    );
  }
  return {
    plan: pw.plan,
    registry: pw.registry,
    catalogue: pw.catalogue,
    schedule: pw.schedule,
    source: data,
  };
}
