// The taskpane's operations inside Excel: the open workbook through the Office.js adapter.
import type { A1 } from "../domain/cell";
import { OfficeWorkbook } from "../workbook/office/officeWorkbook";
import { createWorkbookFromXlsx } from "../workbook/office/newWorkbook";
import { browserDownload, type TaskpaneOps } from "./ops";

/** Operations over the workbook open in Excel. */
export function createOfficeOps(wb: OfficeWorkbook = new OfficeWorkbook()): TaskpaneOps {
  return {
    host: "excel",
    async readOpenWorkbook() {
      const names = (await wb.listSheets()).map((s) => s.name);
      const grids = await wb.readSheets(names);
      // Merged ranges need ExcelApi 1.13; without it validation simply skips that check.
      const merged = await wb.mergedRangesOf(names).catch(() => new Map<string, string[]>());
      return { grids, merged };
    },
    readSheets: (names) => wb.readSheets(names),
    selectCell: (sheet: string, cell: A1) => wb.selectCell(sheet, cell),
    writeRollup: (specs, extras) => wb.writeSheets(specs, extras),
    openAsNewWorkbook: (_name, bytes) => createWorkbookFromXlsx(bytes),
    download: browserDownload,
    now: () => new Date(),
  };
}
