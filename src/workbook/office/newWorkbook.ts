/// <reference types="office-js" />
// Open generated .xlsx bytes as a new workbook window (ExcelApi 1.8): how the taskpane inserts a
// report template "into a new workbook" without touching the one that is open.
import { officeApiSupport, type ApiSupport } from "./apiSets";
import { OfficeWorkbookError, toOfficeError } from "./runner";

/** Excel.createWorkbook's requirement set (within the manifest's minimum; asked anyway, so a
 * sideloaded manifest without it gets a clear message instead of a TypeError). */
export const CREATE_WORKBOOK_API = "1.8";

/** Base64 of bytes, in slices so large files do not overflow the argument list. */
export function toBase64(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin);
}

/** Open `bytes` (an .xlsx) as a new workbook. `create` is Excel.createWorkbook unless a test passes one. */
export async function createWorkbookFromXlsx(
  bytes: Uint8Array,
  create: (base64: string) => Promise<void> = (b) => Excel.createWorkbook(b),
  support: ApiSupport = officeApiSupport,
): Promise<void> {
  if (!support(CREATE_WORKBOOK_API))
    throw new OfficeWorkbookError("API_UNSUPPORTED", `ExcelApi ${CREATE_WORKBOOK_API}: Excel.createWorkbook`);
  try {
    return await create(toBase64(bytes));
  } catch (e) {
    throw toOfficeError(e);
  }
}
