// The workbook port: everything the shells need from a workbook, whichever host holds it.
// Adapters: ./xlsx (ExcelJS over .xlsx files) and ./office (Office.js inside Excel).
import type { A1, Grid } from "../domain/cell";
import type { SheetSpec } from "../domain/sheetSpec";

export interface SheetInfo {
  name: string;
  /** "visible" | "hidden" | "veryHidden" as the host reports it. */
  visibility: "visible" | "hidden" | "veryHidden";
}

export interface WorkbookPort {
  /** Sheet names in workbook order, with visibility. */
  listSheets(): Promise<SheetInfo[]>;
  /** Read sheets' used ranges from A1 as grids (one batch). Missing sheets are absent from the map. */
  readSheets(names: readonly string[]): Promise<Map<string, Grid>>;
  /** Merged ranges of sheets (one batch), as "A1:C1" strings by sheet name; missing sheets are absent.
   * May reject where the host cannot tell (Excel without ExcelApi 1.13). */
  mergedRanges(sheets: readonly string[]): Promise<Map<string, string[]>>;
  /** Write (replace) sheets with values and presentation. */
  writeSheets(specs: readonly SheetSpec[]): Promise<void>;
  /** Select a cell (the taskpane jumps to a problem). No-op for file adapters. */
  selectCell(sheet: string, cell: A1): Promise<void>;
}

/** The reading half of the port: what intake and every "read the whole workbook" needs. */
export type WorkbookReading = Pick<WorkbookPort, "listSheets" | "readSheets" | "mergedRanges">;
