// Why a workbook file could not be read, as a coded error with a message people can act on.
// Bad input is expected at this edge (people send .xls, passwords, half-downloaded files), so each
// case gets its own code and a Vietnamese message naming the file and what to do.

import { problem, type Problem } from "../../domain/problem";
import { renderProblem } from "../../domain/problemCatalogue";

// Messages live in the problem catalogue (src/domain/problemCatalogue.ts), like every other problem.
export type WorkbookReadErrorCode =
  | "NOT_FOUND"
  | "NOT_XLSX"
  | "LEGACY_XLS"
  | "ENCRYPTED"
  | "TRUNCATED"
  | "EMPTY_FILE"
  | "TOO_LARGE"
  | "UNREADABLE";

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
    const params = { file: opts.file ?? "(không tên)", detail: opts.detail, detailEn: opts.detailEn };
    const messageVi = renderProblem(code, params).vi;
    const messageEn = renderProblem(code, { ...params, file: opts.file ?? "(unnamed)" }).en;
    super(messageVi, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = "WorkbookReadError";
    this.code = code;
    this.file = opts.file;
    this.message_vi = messageVi;
    this.message_en = messageEn;
    this.params = params;
  }

  /** The catalogue parameters the messages were rendered from. */
  readonly params: { file: string; detail?: string; detailEn?: string };
}

/** A WorkbookReadError as a problem record, so unreadable files are reported like any other. */
export function readErrorProblem(e: WorkbookReadError): Problem {
  return problem(e.code, e.params ?? { file: e.file ?? "" });
}

/** True for a WorkbookReadError, also across module copies (checks the shape, not only the prototype). */
export function isWorkbookReadError(e: unknown): e is WorkbookReadError {
  return e instanceof WorkbookReadError || (e instanceof Error && e.name === "WorkbookReadError");
}
