// What a cell may hold once written: text XML 1.0 can carry, no longer than Excel can hold. Readers
// decode anything (an .xlsx library turns the escape `_xFFFE_` into U+FFFE), so a report can bring characters
// that would make a written workbook unreadable for good; and a cell of megabytes would make every
// text check slow. One definition, used twice: validation cleans the grids of a report (warning at
// the cell) before anything reads them, and every writer adapter (.xlsx and in-Excel alike)
// applies the same functions again as a last line, so no write path can produce a broken file.

/** Excel's limit on the characters in one cell; also the per-cell limit of every text check. */
export const MAX_CELL_CHARS = 32767;

/** Appended to text cut at {@link MAX_CELL_CHARS}; the result is exactly that long. */
export const TRUNCATION_MARKER = " …[đã cắt bớt / truncated]";

/** What a character XML 1.0 forbids becomes: the Unicode replacement character, visible, allowed. */
export const REPLACEMENT_CHAR = "\uFFFD";

// XML 1.0 (§2.2) allows #x9 #xA #xD, #x20–#xD7FF, #xE000–#xFFFD and #x10000–#x10FFFF. Forbidden:
// other C0 controls, U+FFFE, U+FFFF, and a UTF-16 surrogate without its partner. DEL (U+007F) is
// allowed but discouraged, and an .xlsx writer may drop it without a word: it is replaced too, so every path
// stores the same text.
const XML_FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Whether `s` holds a character XML 1.0 forbids ({@link XML_FORBIDDEN}, one pass over the codes:
 * run on every text cell of every report). */
export function hasXmlForbidden(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x7f) {
      if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return true;
    } else if (c === 0x7f || c >= 0xfffe) return true;
    else if (c >= 0xd800 && c <= 0xdfff) {
      // A high surrogate followed by a low one is a pair; any other surrogate stands alone.
      const d = s.charCodeAt(i + 1);
      if (c > 0xdbff || !(d >= 0xdc00 && d <= 0xdfff)) return true;
      i++;
    }
  }
  return false;
}

/** `s` with each character XML 1.0 forbids replaced by U+FFFD, and how many there were. */
export function replaceXmlForbidden(s: string): { text: string; replaced: number } {
  if (!hasXmlForbidden(s)) return { text: s, replaced: 0 };
  let replaced = 0;
  const text = s.replace(XML_FORBIDDEN, () => {
    replaced += 1;
    return REPLACEMENT_CHAR;
  });
  return { text, replaced };
}

/** `s` cut to {@link MAX_CELL_CHARS} with the marker (never splitting a surrogate pair), or as it is. */
export function fitCellLength(s: string): { text: string; truncated: boolean } {
  if (s.length <= MAX_CELL_CHARS) return { text: s, truncated: false };
  let keep = MAX_CELL_CHARS - TRUNCATION_MARKER.length;
  const last = s.charCodeAt(keep - 1);
  if (last >= 0xd800 && last <= 0xdbff) keep -= 1;
  return { text: s.slice(0, keep) + TRUNCATION_MARKER, truncated: true };
}

/** Text any writer may store: forbidden characters replaced, then cut to fit one cell. */
export function cellSafeText(s: string): string {
  return fitCellLength(replaceXmlForbidden(s).text).text;
}
