// Text checks over every cell a person typed: legacy TCVN3/VNI encodings, and text that a spreadsheet
// would read as a formula when exported or re-typed (=, +, -, @ at the start).
import { boundedMemo } from "../text/boundedMemo";
import { a1, type Grid } from "../cell";
import { problem, type Problem } from "../problem";
import {
  convertLegacyToUnicode,
  detectLegacyEncoding,
  surelyNotLegacy,
  type LegacyEncoding,
} from "../text/legacyEncoding";

const FORMULA_START = /^[=+@-]/;
const NUMBERISH = /^[+-]?\d[\d.,\s]*%?$/;
/** "+84 270 3823 456", "+84-270-3823-456", "+84 (270) 3823456": a phone number, not a formula. */
const PHONE = /^\+\d[\d\s().-]{6,}$/;

/** Whether text would be read as a formula by a spreadsheet (numbers and phone numbers are not). */
export function isFormulaLike(text: string): boolean {
  const t = text.trim();
  return FORMULA_START.test(t) && !NUMBERISH.test(t) && !PHONE.test(t);
}

// The detection, a pure function of the text, is remembered for short texts (boundedMemo).
const detectRemembered = boundedMemo(detectLegacyEncoding, 256, 20_000);

function legacyEncodingOf(v: string): LegacyEncoding | null {
  // Most texts are answered from their characters alone, before hashing them for the memo.
  return surelyNotLegacy(v) ? null : detectRemembered(v);
}

export function checkText(grids: ReadonlyMap<string, Grid>): Problem[] {
  const problems: Problem[] = [];
  for (const [sheet, grid] of grids) {
    for (let r = 0; r < grid.length; r++) {
      const row = grid[r] ?? [];
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v !== "string" || v.length === 0) continue;
        const enc = legacyEncodingOf(v);
        if (enc) {
          const fixed = convertLegacyToUnicode(v, enc);
          problems.push(
            problem("LEGACY_ENCODING", { encoding: enc, fixed }, { sheet, cell: a1(r, c), value: v }),
          );
        }
        const t = v.trim();
        if (isFormulaLike(t)) {
          problems.push(problem("FORMULA_LIKE_TEXT", { first: t[0] }, { sheet, cell: a1(r, c), value: v }));
        }
      }
    }
  }
  return problems;
}
