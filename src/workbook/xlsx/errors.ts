// Why a workbook file could not be read, as a coded error with a message people can act on.
// Bad input is expected at this edge (people send .xls, passwords, half-downloaded files), so each
// case gets its own code and a Vietnamese message naming the file and what to do.

export type WorkbookReadErrorCode =
  "NOT_XLSX" | "LEGACY_XLS" | "ENCRYPTED" | "TRUNCATED" | "EMPTY_FILE" | "TOO_LARGE" | "UNREADABLE";

interface Messages {
  vi: (file: string, detail: string) => string;
  en: (file: string, detail: string) => string;
}

const MESSAGES: Record<WorkbookReadErrorCode, Messages> = {
  NOT_XLSX: {
    vi: (f, d) =>
      `Tệp ${f} không phải là sổ tính Excel .xlsx${d}. Hãy mở tệp bằng Excel và lưu lại dưới dạng "Excel Workbook (*.xlsx)".`,
    en: (f, d) =>
      `${f} is not an Excel .xlsx workbook${d}. Open it in Excel and save it as "Excel Workbook (*.xlsx)".`,
  },
  LEGACY_XLS: {
    vi: (f) =>
      `Tệp ${f} là định dạng Excel cũ (.xls). Hãy mở tệp bằng Excel và lưu lại dưới dạng "Excel Workbook (*.xlsx)".`,
    en: (f) =>
      `${f} is an old-format Excel file (.xls). Open it in Excel and save it as "Excel Workbook (*.xlsx)".`,
  },
  ENCRYPTED: {
    vi: (f) =>
      `Tệp ${f} được đặt mật khẩu mở tệp. Hãy gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu) rồi gửi lại.`,
    en: (f) =>
      `${f} is password-protected. Remove the password (File › Info › Protect Workbook › Encrypt with Password) and send it again.`,
  },
  TRUNCATED: {
    vi: (f) =>
      `Tệp ${f} bị hỏng hoặc chưa tải về hết (thiếu phần cuối tệp). Hãy tải lại hoặc xin gửi lại tệp.`,
    en: (f) =>
      `${f} is damaged or incompletely downloaded (its end is missing). Download it again or ask for a new copy.`,
  },
  EMPTY_FILE: {
    vi: (f) => `Tệp ${f} rỗng (0 byte). Hãy kiểm tra lại tệp đã gửi.`,
    en: (f) => `${f} is empty (0 bytes). Check the file that was sent.`,
  },
  TOO_LARGE: {
    vi: (f, d) => `Tệp ${f} quá lớn${d}. Hãy xóa các trang tính, hình ảnh hoặc dòng thừa rồi gửi lại.`,
    en: (f, d) => `${f} is too large${d}. Remove extra sheets, pictures or rows and send it again.`,
  },
  UNREADABLE: {
    vi: (f, d) => `Không đọc được tệp ${f}${d}. Hãy mở tệp bằng Excel, lưu lại dưới dạng .xlsx rồi thử lại.`,
    en: (f, d) => `${f} could not be read${d}. Open it in Excel, save it again as .xlsx and retry.`,
  },
};

/** A workbook file that cannot be read, with a code the shells can branch on and bilingual messages. */
export class WorkbookReadError extends Error {
  readonly code: WorkbookReadErrorCode;
  readonly file?: string;
  readonly message_vi: string;
  readonly message_en: string;

  /**
   * @param detail a short neutral (or Vietnamese) detail appended in parentheses, e.g. "120 MB > 50 MB".
   * @param detailEn the English detail when it differs from `detail`.
   */
  constructor(
    code: WorkbookReadErrorCode,
    opts: { file?: string; detail?: string; detailEn?: string; cause?: unknown } = {},
  ) {
    const name = opts.file ?? "(không tên)";
    const nameEn = opts.file ?? "(unnamed)";
    const detail = opts.detail ? ` (${opts.detail})` : "";
    const detailEn = (opts.detailEn ?? opts.detail) ? ` (${opts.detailEn ?? opts.detail})` : "";
    const messageVi = MESSAGES[code].vi(name, detail);
    const messageEn = MESSAGES[code].en(nameEn, detailEn);
    super(messageVi, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = "WorkbookReadError";
    this.code = code;
    this.file = opts.file;
    this.message_vi = messageVi;
    this.message_en = messageEn;
  }
}

/** True for a WorkbookReadError, also across module copies (checks the shape, not only the prototype). */
export function isWorkbookReadError(e: unknown): e is WorkbookReadError {
  return e instanceof WorkbookReadError || (e instanceof Error && e.name === "WorkbookReadError");
}
