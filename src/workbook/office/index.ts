// The Office.js adapter of the workbook port, for the add-in. All Excel.run calls live in this folder.
export { OfficeWorkbook, STAGING_PREFIX, BACKUP_PREFIX } from "./officeWorkbook";
export type { OfficeWorkbookOptions, WriteExtras } from "./officeWorkbook";
export type { ChartSpec } from "./charts";
export type { TextHighlight } from "./sheetWrite";
export { excelRun, OfficeWorkbookError, isOfficeWorkbookError, toOfficeError } from "./runner";
export type { ExcelRunner, ExcelBatch, OfficeErrorCode } from "./runner";
export { REQUEST_LIMIT_BYTES, DEFAULT_CHUNK_BYTES } from "./payload";
export { createWorkbookFromXlsx } from "./newWorkbook";
