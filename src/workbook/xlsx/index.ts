// The .xlsx adapter of the workbook port (ExcelJS), for the CLI and the browser page.
export { XlsxWorkbook, type XlsxReadOptions } from "./xlsxWorkbook";
export { WorkbookReadError, isWorkbookReadError, type WorkbookReadErrorCode } from "./errors";
export { DEFAULT_LIMITS, type ReadLimits } from "./sniff";
export { writeFileAtomic, type AtomicFs } from "./atomicWrite";
