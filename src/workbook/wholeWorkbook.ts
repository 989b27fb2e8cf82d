// Every sheet of a workbook as grids, plus merged ranges: what validating a report or reading a plan
// takes in. The one place that reads a whole workbook through the port, whichever adapter is behind it.
import type { Grid } from "../domain/cell";
import type { WorkbookReading } from "./port";

export interface WholeWorkbook {
  grids: Map<string, Grid>;
  /** Merged ranges by sheet; empty when the host cannot tell (validation then skips that check). */
  merged: Map<string, string[]>;
}

/** Read every sheet (one batch) and every sheet's merged ranges (one batch). */
export async function readWholeWorkbook(port: WorkbookReading): Promise<WholeWorkbook> {
  const names = (await port.listSheets()).map((s) => s.name);
  const grids = await port.readSheets(names);
  // Merged ranges need ExcelApi 1.13 in Excel; without it there are none to check, not a failure.
  const merged = await port.mergedRanges(names).catch(() => new Map<string, string[]>());
  return { grids, merged };
}
