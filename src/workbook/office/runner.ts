/// <reference types="office-js" />
// The one place that calls Excel.run: every workbook operation of the add-in goes through an
// ExcelRunner, so tests can hand the adapter a fake request context that counts syncs.

/** A batch of queued commands against one request context. */
export type ExcelBatch<T> = (ctx: Excel.RequestContext) => Promise<T>;
/** Runs a batch (Excel.run inside Excel, a fake context in tests). */
export type ExcelRunner = <T>(batch: ExcelBatch<T>) => Promise<T>;

export type OfficeErrorCode =
  "PAYLOAD_TOO_LARGE" | "API_UNSUPPORTED" | "PROTECTED" | "CELL_EDIT_MODE" | "OFFICE_FAILED";

/** A failure inside Excel, with a code and bilingual message for the taskpane. */
export class OfficeWorkbookError extends Error {
  readonly code: OfficeErrorCode;
  readonly message_vi: string;
  readonly message_en: string;
  override readonly cause?: unknown;

  constructor(code: OfficeErrorCode, detail: string, cause?: unknown) {
    const text = MESSAGES[code];
    super(`${text.en}${detail ? ` (${detail})` : ""}`);
    this.name = "OfficeWorkbookError";
    this.code = code;
    this.message_vi = `${text.vi}${detail ? ` (${detail})` : ""}`;
    this.message_en = this.message;
    this.cause = cause;
  }
}

const MESSAGES: Record<OfficeErrorCode, { vi: string; en: string }> = {
  PAYLOAD_TOO_LARGE: {
    vi: "Dữ liệu quá lớn cho một lần gửi tới Excel (giới hạn 5 MB của Excel trên web)",
    en: "Too much data for one request to Excel (Excel on the web's 5 MB limit)",
  },
  API_UNSUPPORTED: {
    vi: "Phiên bản Excel này chưa hỗ trợ thao tác cần thiết; hãy cập nhật Office hoặc dùng Excel trên web",
    en: "This Excel version lacks a needed API; update Office or use Excel on the web",
  },
  PROTECTED: {
    vi: "Sheet hoặc workbook đang bị khóa (bảo vệ); hãy bỏ bảo vệ rồi thử lại",
    en: "The sheet or workbook is protected; unprotect it and try again",
  },
  CELL_EDIT_MODE: {
    vi: "Hãy thoát chế độ sửa ô rồi thử lại",
    en: "Leave cell editing (press Enter or Esc) and try again",
  },
  OFFICE_FAILED: { vi: "Excel báo lỗi khi thực hiện thao tác", en: "Excel reported an error" },
};

export function isOfficeWorkbookError(e: unknown): e is OfficeWorkbookError {
  return e instanceof OfficeWorkbookError;
}

/** Map an OfficeExtension.Error (or anything thrown inside a batch) to a coded error. */
export function toOfficeError(e: unknown): OfficeWorkbookError {
  if (isOfficeWorkbookError(e)) return e;
  const code =
    typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : "";
  const msg = e instanceof Error ? e.message : String(e);
  // Excel refuses every API call while the user is typing in a cell.
  if (/InvalidOperationInCellEditMode/i.test(code + msg))
    return new OfficeWorkbookError("CELL_EDIT_MODE", "", e);
  if (/PayloadSizeLimitExceeded|PayloadTooLarge/i.test(code + msg))
    return new OfficeWorkbookError("PAYLOAD_TOO_LARGE", code || msg, e);
  if (/ApiNotFound|NotImplemented|Unsupported/i.test(code))
    return new OfficeWorkbookError("API_UNSUPPORTED", code, e);
  if (/AccessDenied|protected/i.test(code + msg)) return new OfficeWorkbookError("PROTECTED", code || msg, e);
  return new OfficeWorkbookError("OFFICE_FAILED", [code, msg].filter(Boolean).join(": ").slice(0, 200), e);
}

/** The runner over the real host; OfficeWorkbook turns whatever a runner throws into an OfficeWorkbookError. */
export const excelRun: ExcelRunner = <T>(batch: ExcelBatch<T>): Promise<T> => Excel.run(batch);
