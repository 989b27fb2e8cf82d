// Text checks over every cell a person typed: legacy TCVN3/VNI encodings, and text that a spreadsheet
// would read as a formula when exported or re-typed (=, +, -, @ at the start). They run in the one
// pass over a report's cells (cells.ts), on each text as cleaned there.
import { boundedMemo } from "../text/boundedMemo";
import { a1 } from "../cell";
import { problem, type Problem } from "../problem";
import { convertLegacyToUnicode, detectLegacyEncoding, type LegacyEncoding } from "../text/legacyEncoding";
import { isNfcStableUnit } from "../text/plainText";

const FORMULA_START = /^[=+@-]/;
const NUMBERISH = /^[+-]?\d[\d.,\s]*%?$/;
/** "+84 270 3823 456", "+84-270-3823-456", "+84 (270) 3823456": a phone number, not a formula. */
const PHONE = /^\+\d[\d\s().-]{6,}$/;

/** Whether text would be read as a formula by a spreadsheet (numbers and phone numbers are not). */
export function isFormulaLike(text: string): boolean {
  const t = text.trim();
  return FORMULA_START.test(t) && !NUMBERISH.test(t) && !PHONE.test(t);
}

/**
 * Whether text surely is not formula-like, from its first character alone: a digit, a letter or other
 * ASCII past "@", or a Latin letter (NFC-stable, no-break space aside), none of which trimming
 * removes or a formula starts with. Nearly every text; the rest take {@link isFormulaLike}.
 */
export function startsPlainly(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || (c > 0x40 && c < 0x7f) || (c > 0xa0 && isNfcStableUnit(c));
}

// The detection, a pure function of the text, is remembered for short texts (boundedMemo).
const detectRemembered = boundedMemo(detectLegacyEncoding, 256, 20_000);

/**
 * The text checks of one non-empty text cell at (r, c), each problem added to `out`. `scan` is
 * `scanCellText(v)` (cellScan.ts): a text it finds surely free of legacy encoding (0) is not looked
 * at again.
 */
export function checkCellText(
  v: string,
  scan: number,
  sheet: string,
  r: number,
  c: number,
  out: Problem[],
): void {
  const enc: LegacyEncoding | null = scan === 0 ? null : detectRemembered(v);
  if (enc) {
    const fixed = convertLegacyToUnicode(v, enc);
    out.push(problem("LEGACY_ENCODING", { encoding: enc, fixed }, { sheet, cell: a1(r, c), value: v }));
  }
  if (startsPlainly(v)) return;
  const t = v.trim();
  if (isFormulaLike(t)) {
    out.push(problem("FORMULA_LIKE_TEXT", { first: t[0] }, { sheet, cell: a1(r, c), value: v }));
  }
}
