// Kế hoạch tab: next year's plan from the plan in use — the carry-forward of `cchc plan new`
// (newYearPlan), as .xlsx bytes the pane downloads (web page) or opens as a new workbook (Excel).
// A 2023-format plan (registry version 1) is carried into the current registry, catalogue and report
// schedule bundled with the product (the merged province from 1/7/2025), as `cchc plan new` does; a
// current plan keeps its own, so a province's edited registry goes on into the new year.
import { loadRegistry } from "../../domain/agencies";
import type { Grid } from "../../domain/cell";
import { PLAN_SHEETS } from "../../domain/planLayout";
import { newPlanFileName, newYearPlan, type CurrentPlanData, type NewYearPlan } from "../../domain/planNew";
import { REVIEW_HEADER, type PlanWorkbook } from "../../domain/planWorkbook";
import type { TaskpaneOps } from "../ops";
import type { Said } from "../said";
import { readWholeWorkbook } from "../../workbook/wholeWorkbook";
import { examplePlanGrids, openXlsxBytes, type LoadedPlan } from "./planSources";
import { deliverTemplates, workbookBytes, type Delivery } from "./templates";

/** A JSON module's value, however the bundler or test runner hands it over. */
const jsonOf = (m: unknown): unknown => (m as { default?: unknown }).default ?? m;

/** The bundled current registry, catalogue and schedule, loaded on demand (a chunk of their own). */
export async function bundledCurrentData(): Promise<CurrentPlanData> {
  const [registry, catalogue, schedule] = await Promise.all([
    import("../../../examples/data/agencies-2025.json"),
    import("../../../examples/data/indicators.json"),
    import("../../../examples/data/periods.json"),
  ]);
  return {
    registry: jsonOf(registry),
    catalogue: jsonOf(catalogue),
    schedule: jsonOf(schedule),
  } as CurrentPlanData;
}

/** The data a new plan is written with: the plan's own when current, else the bundled current data. */
export async function currentDataFor(
  loaded: Pick<PlanWorkbook, "registry" | "catalogue" | "schedule" | "predatesReorganisation">,
): Promise<{ current: CurrentPlanData; bundled: boolean }> {
  if (!loaded.predatesReorganisation && loaded.registry && loaded.catalogue)
    return {
      current: {
        registry: loaded.registry,
        catalogue: loaded.catalogue,
        schedule: loaded.schedule,
      } as unknown as CurrentPlanData,
      bundled: false,
    };
  return { current: await bundledCurrentData(), bundled: true };
}

/** The plan sheet's grids of the plan in use: re-read from the workbook or the picked file. */
export async function planGridsFor(
  loaded: LoadedPlan,
  ops: Pick<TaskpaneOps, "readSheets">,
  file: { name: string; bytes: Uint8Array } | null,
): Promise<ReadonlyMap<string, Grid>> {
  if (loaded.source === "workbook") return ops.readSheets([PLAN_SHEETS.plan]);
  if (loaded.source === "file" && file && file.name === loaded.name)
    return (await readWholeWorkbook(await openXlsxBytes(file))).grids;
  return examplePlanGrids();
}

export interface NextPlan {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly made: Omit<NewYearPlan, "sheets">;
  /** True when the bundled current registry, catalogue and schedule were used. */
  readonly bundled: boolean;
}

/** Next year's plan workbook (or `year`'s) from the plan in use; null when its grids hold no plan. */
export async function nextYearPlan(
  loaded: LoadedPlan,
  grids: ReadonlyMap<string, Grid>,
  year: number,
): Promise<NextPlan | null> {
  if (!loaded.plan) return null;
  const { current, bundled } = await currentDataFor(loaded);
  const reg = loadRegistry(current.registry);
  if (!reg.ok) throw new Error(`registry: ${JSON.stringify(reg.issues[0])}`); // the bundled or already-read registry: a bug
  const made = newYearPlan(grids, loaded.plan.year, year, current, reg.registry);
  if (!made) return null;
  const { sheets, ...rest } = made;
  return { fileName: newPlanFileName(year), bytes: await workbookBytes(sheets), made: rest, bundled };
}

/** Hand the new plan to the user as the Biểu mẫu tab does: opened in Excel, downloaded on the page. */
export function deliverPlan(
  ops: Pick<TaskpaneOps, "download" | "openAsNewWorkbook" | "canDownload">,
  next: NextPlan,
): Promise<Delivery> {
  const file = { name: next.fileName, bytes: next.bytes };
  return deliverTemplates(ops, [file], next.fileName, "download", () => Promise.resolve(next.bytes));
}

/** What was made, for the message under the button. */
export function nextPlanMessage(next: NextPlan, how: Delivery): Said {
  const m = next.made;
  const errors = m.problems.filter((p) => p.severity === "error").length;
  const vi =
    `${how === "downloaded" ? "Đã tải về" : "Đã mở"} ${next.fileName}: kế hoạch năm ${m.year} từ kế hoạch năm ${m.fromYear}; ` +
    `${m.tasks} nhiệm vụ, ${m.shiftedDeadlines} thời hạn đã dời năm, ${m.replacedAgencies} lượt cơ quan thay bằng đơn vị kế thừa, ` +
    `${m.flagged} dòng cần rà soát (cột "${REVIEW_HEADER}"); ${errors} lỗi.` +
    (next.bundled ? " Dùng danh mục cơ quan, chỉ tiêu và kỳ báo cáo hiện hành (tỉnh sau 01/7/2025)." : "");
  const en =
    `${how === "downloaded" ? "Downloaded" : "Opened"} ${next.fileName}: the ${m.year} plan from ${m.fromYear}'s; ` +
    `${m.tasks} tasks, ${m.shiftedDeadlines} deadlines shifted, ${m.replacedAgencies} agencies replaced by successors, ` +
    `${m.flagged} rows to review; ${errors} errors.` +
    (next.bundled
      ? " With the current registry, catalogue and report schedule (the province after 1/7/2025)."
      : "");
  return { vi, en };
}
