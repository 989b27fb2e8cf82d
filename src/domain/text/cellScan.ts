// One pass over a text cell's character codes for the two checks every text cell of a report gets
// (issue 15): whether XML 1.0 forbids one of its characters (cellSafety.ts's hasXmlForbidden), and
// whether it could be Vietnamese typed in a legacy font (legacyEncoding.ts's surelyNotLegacy). Each
// is defined where it lives; this only answers both at once, and plainText.test.ts checks that it
// agrees with them on any text.
import { isUnicodeOnlyUnit } from "./legacyEncoding";
import { isNfcStableUnit } from "./plainText";

/** The text holds a character XML 1.0 forbids: it must be cleaned (the legacy bit is then not set). */
export const SCAN_XML_FORBIDDEN = 1;
/** The text is not surely free of legacy encoding: the full detection must decide. */
export const SCAN_MAYBE_LEGACY = 2;

/** {@link SCAN_XML_FORBIDDEN} when `hasXmlForbidden(s)`; otherwise {@link SCAN_MAYBE_LEGACY} when
 * `!surelyNotLegacy(s)`; otherwise 0 (nearly every cell). */
export function scanCellText(s: string): number {
  let latin1 = false;
  let unicodeOnly = false;
  let unstable = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x7f) {
      if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return SCAN_XML_FORBIDDEN;
      continue;
    }
    if (c < 0xa1) {
      if (c === 0x7f) return SCAN_XML_FORBIDDEN;
      continue;
    }
    if (c >= 0xd800) {
      if (c >= 0xfffe) return SCAN_XML_FORBIDDEN;
      if (c <= 0xdfff) {
        // A high surrogate followed by a low one is a pair; any other surrogate stands alone.
        const d = s.charCodeAt(i + 1);
        if (c > 0xdbff || !(d >= 0xdc00 && d <= 0xdfff)) return SCAN_XML_FORBIDDEN;
        i++;
      }
      unstable = true; // not a character NFC surely leaves alone
      continue;
    }
    if (!isNfcStableUnit(c)) unstable = true;
    else if (c <= 0xff) latin1 = true;
    else if (isUnicodeOnlyUnit(c)) unicodeOnly = true;
  }
  return unstable || (latin1 && !unicodeOnly) ? SCAN_MAYBE_LEGACY : 0;
}
