// Cell values between the domain (CellValue) and Office.js `range.values`.
//
// Office parses strings written to `values` as if typed: "=1+1" becomes a formula, "1.704" or
// "01/02/2023" may become numbers or dates depending on the locale. Text must stay text (SPEC §8),
// so such strings are written with a leading apostrophe — Excel's quote prefix, which stores the
// rest as text, is not part of the value read back and, unlike a "@" format, leaves the cell's
// number format alone for what people type later.
import type { CellValue } from "../../domain/cell";
import { cellSafeText } from "../../domain/text/cellSafety";

/** What `range.values` accepts for one cell. */
export type OfficeValue = string | number | boolean;

const QUOTE_PREFIX = "'";

/** Strings Excel would not keep as plain text when written through `values`. */
export function needsQuotePrefix(s: string): boolean {
  if (s === "") return false;
  const t = s.trimStart();
  // Formulas, and what Excel's input parser turns into numbers, dates, times, booleans or errors.
  if (/^[=+\-@]/.test(t)) return true;
  if (/^[\d.,$€%(]/.test(t)) return true;
  if (/^(true|false)$/i.test(t.trim())) return true;
  if (t.startsWith("#")) return true; // "#REF!" typed as text must not become an error value
  if (s.startsWith(QUOTE_PREFIX)) return true; // keep a user's own leading apostrophe
  return false;
}

/** The value to write for a domain cell. */
export function toOfficeValue(v: CellValue): OfficeValue {
  if (v === null) return "";
  if (typeof v === "number") return Number.isFinite(v) ? v : "#NUM!";
  if (typeof v === "boolean") return v;
  // Only text a workbook can store: characters XML 1.0 forbids replaced, cut to Excel's cell limit
  // (a longer cell would make Excel refuse the whole batch).
  const s = cellSafeText(v.normalize("NFC"));
  return needsQuotePrefix(s) ? QUOTE_PREFIX + s : s;
}

/** A domain cell from what `range.values` returned: "" is an empty cell. */
export function fromOfficeValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}
