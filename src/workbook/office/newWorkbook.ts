/// <reference types="office-js" />
// Open generated .xlsx bytes as a new workbook window (ExcelApi 1.8): how the taskpane inserts a
// report template "into a new workbook" without touching the one that is open.
import { toOfficeError } from "./runner";

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
): Promise<void> {
  try {
    return await create(toBase64(bytes));
  } catch (e) {
    throw toOfficeError(e);
  }
}
