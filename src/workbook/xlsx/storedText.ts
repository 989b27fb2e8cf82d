// Text as the .xlsx writers store it (ExcelJS cells and the spliced bulk rows alike): NFC, characters
// XML 1.0 forbids replaced and cut to one cell's limit (domain/text/cellSafety.ts), and OOXML's own
// escape protected. Readers (Excel, ExcelJS) decode `_xHHHH_` in stored text as the character
// U+HHHH, so text that merely looks like one — typed, or left by a report — is written with its
// underscore escaped (`_x005F_`), and reads back exactly as it was instead of as a control character.
import { cellSafeText } from "../../domain/text/cellSafety";

const OOXML_ESCAPE_LOOKALIKE = /_(x[0-9A-Fa-f]{4}_)/g;

/** Texts already converted: a rollup repeats the same agency names, codes and labels on every row
 * (~100,000 text cells, a few thousand distinct), and NFC plus the checks cost more than a lookup. */
const memo = new Map<string, string>();
/** Short texts only, and a bounded number of them: the memo is a cache, never a store. */
const MEMO_MAX_CHARS = 256;
const MEMO_MAX_ENTRIES = 50_000;

/** A copy of `s` that holds no reference to a larger string it was cut from. */
const unshared = (s: string): string => (s.length < 13 ? s : [...s].join(""));

/** The text to store for a text cell, not remembered: for a caller that keeps its own index. */
export function storedTextOnce(s: string): string {
  return cellSafeText(s.normalize("NFC")).replace(OOXML_ESCAPE_LOOKALIKE, "_x005F_$1");
}

/** The text to hand to the .xlsx writer for a text cell. */
export function storedText(s: string): string {
  if (s.length > MEMO_MAX_CHARS) return storedTextOnce(s);
  let out = memo.get(s);
  if (out === undefined) {
    if (memo.size >= MEMO_MAX_ENTRIES) memo.clear();
    out = storedTextOnce(s);
    // Copies as key and value: a text may be a slice of a whole part's XML, which must not stay alive.
    memo.set(unshared(s), unshared(out));
  }
  return out;
}
