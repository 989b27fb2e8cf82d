// Text checks over every cell a person typed: legacy TCVN3/VNI encodings, and text that a spreadsheet
// would read as a formula when exported or re-typed (=, +, -, @ at the start).
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

// Reports repeat the same texts (labels, statuses, agency names) cell after cell and file after file:
// the detection, a pure function of the text, is remembered for short texts, a bounded number of them.
const legacyMemo = new Map<string, LegacyEncoding | null>();
const MEMO_MAX_CHARS = 256;
const MEMO_MAX_ENTRIES = 20_000;

/** A copy of `s` that holds no reference to a larger string it was cut from. */
const unshared = (s: string): string => (s.length < 13 ? s : [...s].join(""));

function legacyEncodingOf(v: string): LegacyEncoding | null {
  // Most texts are answered from their characters alone, before hashing them for the memo.
  if (surelyNotLegacy(v)) return null;
  if (v.length > MEMO_MAX_CHARS) return detectLegacyEncoding(v);
  let enc = legacyMemo.get(v);
  if (enc === undefined) {
    if (legacyMemo.size >= MEMO_MAX_ENTRIES) legacyMemo.clear();
    enc = detectLegacyEncoding(v);
    // A copy as the key: the text may be a slice of a whole part's XML, which must not stay alive.
    legacyMemo.set(unshared(v), enc);
  }
  return enc;
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
