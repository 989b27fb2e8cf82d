// Text as the .xlsx writers store it (ExcelJS cells and the spliced bulk rows alike): NFC, characters
// XML 1.0 forbids replaced and cut to one cell's limit (domain/text/cellSafety.ts), and OOXML's own
// escape protected. Readers (Excel, ExcelJS) decode `_xHHHH_` in stored text as the character
// U+HHHH, so text that merely looks like one — typed, or left by a report — is written with its
// underscore escaped (`_x005F_`), and reads back exactly as it was instead of as a control character.
import { cellSafeText } from "../../domain/text/cellSafety";

const OOXML_ESCAPE_LOOKALIKE = /_(x[0-9A-Fa-f]{4}_)/g;

/** The text to hand to the .xlsx writer for a text cell. */
export function storedText(s: string): string {
  return cellSafeText(s.normalize("NFC")).replace(OOXML_ESCAPE_LOOKALIKE, "_x005F_$1");
}
