// The one place that makes Excel error values. Inside Excel the global `CustomFunctions` exists and
// we return real `CustomFunctions.Error`s; under jest, the CLI or a benchmark it does not, and we return a
// plain `{ code, message }` of the same shape, so the functions stay testable without a host.

/** Error codes a custom function may return (the values of `CustomFunctions.ErrorCode`).
 * #REF! and #NAME? are input-only, so they are absent here. */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** What a custom function returns for bad input: a `CustomFunctions.Error` or its test double. */
export interface FunctionError {
  readonly code: ErrorCode;
  readonly message?: string;
}

// Excel shows a custom message only with #VALUE! and #N/A; other codes take none.
const CODES_WITH_MESSAGE: ReadonlySet<string> = new Set([ErrorCode.invalidValue, ErrorCode.notAvailable]);

interface CustomFunctionsHost {
  Error: new (code: ErrorCode, message?: string) => FunctionError;
}

/** A custom function error with a Vietnamese message (dropped for codes Excel shows no message for). */
export function excelError(code: ErrorCode, message?: string): FunctionError {
  const text = message !== undefined && CODES_WITH_MESSAGE.has(code) ? message : undefined;
  const host = (globalThis as { CustomFunctions?: CustomFunctionsHost }).CustomFunctions;
  if (host) return text === undefined ? new host.Error(code) : new host.Error(code, text);
  return text === undefined ? { code } : { code, message: text };
}

const OUTPUT_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

/** True for a value made by `excelError` (or a `CustomFunctions.Error` from Excel). */
export function isFunctionError(v: unknown): v is FunctionError {
  return typeof v === "object" && v !== null && OUTPUT_CODES.has((v as { code?: unknown }).code as string);
}

/** The error to return for an error value found in the input: the same code when Excel lets a
 * function return it, otherwise #VALUE! naming the original (#REF!, #NAME?, #SPILL! …). */
export function propagateError(errorText: string): FunctionError {
  if (OUTPUT_CODES.has(errorText) && !CODES_WITH_MESSAGE.has(errorText))
    return excelError(errorText as ErrorCode);
  if (OUTPUT_CODES.has(errorText)) {
    return excelError(errorText as ErrorCode, `Dữ liệu đầu vào có lỗi ${errorText}`);
  }
  return excelError(ErrorCode.invalidValue, `Dữ liệu đầu vào có lỗi ${errorText}`);
}
