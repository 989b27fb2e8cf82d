// Per-cell text work without the general machinery (issue 15): nearly every text in a report is
// Latin script already in NFC with single spaces — ASCII, or Vietnamese with precomposed letters.
// One pass over its character codes says so, and the callers then skip `normalize`, regular
// expressions and the strings they would build; anything else takes the general path as before.

/**
 * Whether a UTF-16 code unit is a character NFC leaves as it is whatever surrounds it: U+0000–U+024F
 * (ASCII, Latin-1, Latin Extended-A and -B) and U+1E00–U+1EFF (Latin Extended Additional: the
 * precomposed Vietnamese letters). None of them is a combining mark or composes with the character
 * before it (plainText.test.ts checks every one, and every pair, against `normalize`).
 */
export const isNfcStableUnit = (c: number): boolean => c < 0x250 || (c >= 0x1e00 && c <= 0x1eff);

/** Whether `s.normalize("NFC") === s`, known from its characters alone; false means "not known". */
export function isNfcStable(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isNfcStableUnit(s.charCodeAt(i))) return false;
  return true;
}

/**
 * Whether `s` is already what `cellText` makes of it (NFC, white-space runs collapsed to one space,
 * trimmed): NFC-stable characters, no white space but single spaces between other characters.
 * False means "not known". (JavaScript's `\s` below U+0250: tab, line feed, vertical tab, form feed,
 * carriage return, space and no-break space.)
 */
export function isTidyText(s: string): boolean {
  const n = s.length;
  if (n === 0) return true;
  if (s.charCodeAt(0) === 0x20 || s.charCodeAt(n - 1) === 0x20) return false;
  let space = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20) {
      if (space) return false;
      space = true;
      continue;
    }
    space = false;
    if (c < 0x20 || c === 0xa0 || !isNfcStableUnit(c)) return false;
  }
  return true;
}

/**
 * `s.toUpperCase()`, returning `s` itself when it is already upper-case ASCII (an indicator or task
 * code nearly always is): V8 runs every `toUpperCase` through its runtime, a cost per figure that a
 * scan of a dozen character codes avoids.
 */
export function upperCode(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80 || (c >= 0x61 && c <= 0x7a)) return s.toUpperCase();
  }
  return s;
}

/**
 * `s` as a string of its own, for a text kept after the workbook it was read from is let go. A
 * substring of 13 characters or more can be a view into the text it was cut from (V8's sliced
 * strings: the reader cuts cells out of a part's whole XML), which then stays alive as long as the
 * substring does. Concatenating and cutting again makes V8 copy the characters into a new string
 * (one character longer, then viewed); the text is the same.
 */
export function ownText(s: string): string {
  return s.length < 13 ? s : `${s} `.slice(0, -1);
}
