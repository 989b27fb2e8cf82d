// Numbers as Vietnamese reports write them: "605.859" (dot groups thousands), "99,79%" (comma is the
// decimal mark). Cells may hold real numbers or such text; both are read here, and text is written back
// in the same style. Hand-written rather than Intl: vi-VN formatting depends on the host's ICU data
// (small-icu builds and some Office webviews fall back to en-US), and truncation needs its own path.

import { isExcelError, type CellValue } from "../cell";

/** A cell read as a number. For a percentage, `value` is the fraction ("99,79%" → 0.9979). */
export type VnNumber =
  | {
      ok: true;
      value: number;
      /** The text ended with "%". */
      percent: boolean;
      /** Digits written after the decimal mark ("99,79%" → 2, "605.859" → 0); null for a number cell. */
      decimals: number | null;
    }
  | { ok: false; reason: "blank" | "excel_error" | "not_number" };

// Spaces Excel and Word put inside numbers: NBSP, narrow NBSP, thin space, figure space.
const SPACES = /[\s\u00a0\u202f\u2009\u2007]+/g;
const GROUPED_DOTS = /^[1-9]\d{0,2}(?:\.\d{3})+$/; // 1.704 ; 1.234.567
const GROUPED_COMMAS = /^[1-9]\d{0,2}(?:,\d{3})+$/; // 1,234,567 (never a Vietnamese decimal: two commas)
const GROUPED_SPACES = /^[1-9]\d{0,2}(?: \d{3})+$/; // 1 704
const DIGITS = /^\d+$/;

/**
 * Read a cell as a number, accepting Vietnamese-formatted text.
 *
 * Accepted: JS numbers (passed through, `decimals` null); text such as "605.859", "1.234.567,89",
 * "0,5", "-12", "1 704", "99,79%", "6,74 %", "82.3%"; NFC/NFD and non-breaking spaces are tolerated.
 *
 * Ambiguity rule (Vietnamese first):
 * - a comma is the decimal mark, unless there are several commas in 3-digit groups ("1,234,567") or a
 *   dot follows it ("1,234.5": the last mark is the decimal one);
 * - dots that split the integer into 3-digit groups ("1.704", "1.234.567") group thousands, so a
 *   single dot followed by exactly three digits is a thousands group: "1.236" is 1236;
 * - any other single dot is a decimal mark: "1.5", "82.3%", "0.500" (a group cannot start with 0).
 *
 * Booleans and other text → `not_number`; Excel error values ("#REF!") → `excel_error`;
 * null and whitespace → `blank`. Never throws.
 */
export function parseVnNumber(input: CellValue): VnNumber {
  if (input === null || input === undefined) return { ok: false, reason: "blank" };
  if (typeof input === "number") {
    return Number.isFinite(input)
      ? { ok: true, value: input, percent: false, decimals: null }
      : { ok: false, reason: "not_number" };
  }
  if (typeof input !== "string") return { ok: false, reason: "not_number" };

  let s = input.normalize("NFC").replace(SPACES, " ").trim();
  if (s === "") return { ok: false, reason: "blank" };
  if (isExcelError(s.toUpperCase())) return { ok: false, reason: "excel_error" };

  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trimEnd();
  }
  let negative = false;
  const sign = /^([-+\u2212])\s?/.exec(s);
  if (sign) {
    negative = sign[1] !== "+";
    s = s.slice(sign[0].length);
  }

  const split = splitFigure(s);
  if (!split) return { ok: false, reason: "not_number" };
  const { int, frac } = split;
  // Decimal text shifted by an exponent: no binary arithmetic, so "99,79%" gives exactly the double
  // nearest 0.9979.
  const text = `${negative ? "-" : ""}${int || "0"}.${frac || "0"}e${percent ? -2 : 0}`;
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, reason: "not_number" };
  return { ok: true, value: value === 0 ? 0 : value, percent, decimals: frac.length };
}

/** Integer digits and fraction digits of an unsigned figure, or undefined when it is not one. */
function splitFigure(s: string): { int: string; frac: string } | undefined {
  const lastDot = s.lastIndexOf(".");
  const lastComma = s.lastIndexOf(",");
  // Both marks: the later one is the decimal mark, the other must group thousands.
  if (lastDot >= 0 && lastComma >= 0) {
    const decimalAt = Math.max(lastDot, lastComma);
    const intPart = s.slice(0, decimalAt);
    const frac = s.slice(decimalAt + 1);
    const grouping = lastComma > lastDot ? GROUPED_DOTS : GROUPED_COMMAS;
    if (!grouping.test(intPart) || !DIGITS.test(frac)) return undefined;
    return { int: intPart.replace(/[.,]/g, ""), frac };
  }
  if (lastComma >= 0) {
    if (GROUPED_COMMAS.test(s) && s.indexOf(",") !== lastComma) return { int: s.replace(/,/g, ""), frac: "" };
    return decimalSplit(s, ",");
  }
  if (lastDot >= 0) {
    if (GROUPED_DOTS.test(s)) return { int: s.replace(/\./g, ""), frac: "" };
    return decimalSplit(s, ".");
  }
  if (s.includes(" ")) {
    // "1 704" or "1 704,5" was handled above only when a comma is present; plain space groups here.
    return GROUPED_SPACES.test(s) ? { int: s.replace(/ /g, ""), frac: "" } : undefined;
  }
  return DIGITS.test(s) ? { int: s, frac: "" } : undefined;
}

/** "12,5" / "1 704,5" / ",5" split at a single decimal mark. */
function decimalSplit(s: string, mark: "," | "."): { int: string; frac: string } | undefined {
  const at = s.indexOf(mark);
  if (at !== s.lastIndexOf(mark)) return undefined;
  const intPart = s.slice(0, at);
  const frac = s.slice(at + 1);
  if (!DIGITS.test(frac)) return undefined;
  if (intPart === "" || DIGITS.test(intPart)) return { int: intPart, frac };
  if (mark === "," && GROUPED_SPACES.test(intPart)) return { int: intPart.replace(/ /g, ""), frac };
  return undefined;
}

/** Options for {@link formatVnNumber}. */
export interface VnNumberFormat {
  /** Digits after the decimal mark; default 0 for numbers, 2 for percentages. */
  digits?: number;
  /** Write the value (a fraction) as a percentage: 0.9979 → "99,79%". */
  percent?: boolean;
  /** Cut extra digits instead of rounding them (half away from zero, like Excel's ROUND). */
  truncate?: boolean;
}

/**
 * Write a number the Vietnamese way: 605859 → "605.859"; 1652.5 with digits 1 → "1.652,5";
 * 0.9979 as a percent → "99,79%"; -1230 → "-1.230". Rounds half away from zero unless `truncate`.
 * Non-finite values are written as "NaN"/"Infinity" (callers should not pass them).
 */
export function formatVnNumber(value: number, opts: VnNumberFormat = {}): string {
  const percent = opts.percent ?? false;
  const digits = opts.digits ?? (percent ? 2 : 0);
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) {
    throw new RangeError(`formatVnNumber: digits must be an integer 0–20, got ${digits}`);
  }
  if (!Number.isFinite(value)) return String(value);
  const units = scaleToUnits(value, digits + (percent ? 2 : 0), opts.truncate ?? false);
  const negative = units < 0n;
  const abs = (negative ? -units : units).toString().padStart(digits + 1, "0");
  const intDigits = abs.slice(0, abs.length - digits);
  const frac = abs.slice(abs.length - digits);
  const grouped = intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${negative ? "-" : ""}${grouped}${digits > 0 ? "," + frac : ""}${percent ? "%" : ""}`;
}

/**
 * value × 10^shift as a whole number of units, rounded half away from zero (or truncated toward zero).
 * The product is first cleaned to 15 significant digits so that binary noise (0.9979 × 10000 =
 * 9978.999999999998) does not decide the last digit.
 */
export function scaleToUnits(value: number, shift: number, truncate: boolean): bigint {
  // Past 2^53 a double is a whole number already, and × 10^shift may overflow to Infinity (1e308):
  // scale it exactly instead (issue 16).
  if (Math.abs(value) >= 2 ** 53) {
    const units = BigInt(Math.abs(value)) * 10n ** BigInt(shift);
    return value < 0 ? -units : units;
  }
  const scaled = Math.abs(Number((Math.abs(value) * 10 ** shift).toPrecision(15)));
  const whole = truncate ? Math.floor(scaled) : Math.floor(scaled + 0.5);
  const units = BigInt(whole);
  return value < 0 && units !== 0n ? -units : units;
}
