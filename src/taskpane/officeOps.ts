/// <reference types="office-js" />
// The taskpane's operations inside Excel: the open workbook through the Office.js adapter.
import type { A1 } from "../domain/cell";
import { OfficeWorkbook } from "../workbook/office/officeWorkbook";
import type { ApiSupport } from "../workbook/office/apiSets";
import { createWorkbookFromXlsx } from "../workbook/office/newWorkbook";
import { readWholeWorkbook } from "../workbook/wholeWorkbook";
import { browserDownload, type TaskpaneOps } from "./ops";

/** Whether the pane can download files: not in Excel for Mac (or iPad), whose webview ignores
 * `<a download>`; Windows (WebView2) and Excel on the web can. */
export function paneCanDownload(platform = officePlatform()): boolean {
  return platform !== "Mac" && platform !== "iOS";
}

function officePlatform(): string | undefined {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return office?.context?.platform as string | undefined;
}

/** Operations over the workbook open in Excel. */
export function createOfficeOps(
  wb: OfficeWorkbook = new OfficeWorkbook(),
  opts: { create?: (base64: string) => Promise<void>; support?: ApiSupport; platform?: string } = {},
): TaskpaneOps {
  return {
    host: "excel",
    readOpenWorkbook: () => readWholeWorkbook(wb),
    readSheets: (names) => wb.readSheets(names),
    selectCell: (sheet: string, cell: A1) => wb.selectCell(sheet, cell),
    writeRollup: (specs, extras) => wb.writeSheets(specs, extras),
    openAsNewWorkbook: (_name, bytes) => createWorkbookFromXlsx(bytes, opts.create, opts.support),
    download: browserDownload,
    canDownload: paneCanDownload(opts.platform ?? officePlatform()),
    now: () => new Date(),
  };
}
