// Where the taskpane's plan comes from: the open workbook's plan sheets, a picked plan file, or
// the bundled example (the seed's 2023 plan with Vĩnh Long's registry and the catalogue).
import agencies from "../../../examples/data/agencies.json";
import indicators from "../../../examples/data/indicators.json";
import plan2023 from "../../../examples/data/plan-2023.json";
import type { Grid } from "../../domain/cell";
import {
  planWorkbookSheets,
  readPlanWorkbook,
  type PlanWorkbook,
  type PlanWorkbookInput,
} from "../../domain/planWorkbook";
import type { WorkbookReading } from "../../workbook/port";
import { readWholeWorkbook } from "../../workbook/wholeWorkbook";
import { isWorkbookReadError, readErrorProblem } from "../../workbook/xlsx/errors";
import { DEFAULT_SCHEDULE } from "../../domain/reportSchedule";
import type { PickedFile } from "../ops";

export type PlanSource = "workbook" | "file" | "example";

export interface LoadedPlan extends PlanWorkbook {
  source: PlanSource;
  /** File name when picked from a file. */
  name?: string;
}

/** The example plan workbook's sheets as grids. */
export function examplePlanGrids(): Map<string, Grid> {
  const input = { plan: plan2023, registry: agencies, catalogue: indicators } as unknown as PlanWorkbookInput;
  return new Map(planWorkbookSheets(input).map((s) => [s.name, s.rows]));
}

export function examplePlan(): LoadedPlan {
  return { ...readPlanWorkbook(examplePlanGrids()), source: "example" };
}

/** A picked .xlsx file opened for reading (unreadable files reject with a WorkbookReadError). */
export async function openXlsxBytes(file: PickedFile): Promise<WorkbookReading> {
  // ExcelJS loads on demand (its own chunk): not on the page's start, where the functions register.
  const { XlsxWorkbook } = await import("../../workbook/xlsx/xlsxWorkbook");
  return XlsxWorkbook.fromBuffer(file.bytes, { name: file.name });
}

/** The plan in a picked plan workbook; unreadable files become a problem, never an exception. */
export async function planFromFile(file: PickedFile): Promise<LoadedPlan> {
  try {
    const { grids } = await readWholeWorkbook(await openXlsxBytes(file));
    return { ...readPlanWorkbook(grids), source: "file", name: file.name };
  } catch (e) {
    if (!isWorkbookReadError(e)) throw e;
    return {
      plan: null,
      registry: null,
      catalogue: null,
      schedule: DEFAULT_SCHEDULE,
      predatesReorganisation: false,
      problems: [readErrorProblem(e)],
      source: "file",
      name: file.name,
    };
  }
}
