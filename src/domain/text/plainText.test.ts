import fc from "fast-check";
import { cellText } from "../cell";
import { hasXmlForbidden } from "./cellSafety";
import { scanCellText, SCAN_MAYBE_LEGACY, SCAN_XML_FORBIDDEN } from "./cellScan";
import { detectLegacyEncoding, surelyNotLegacy } from "./legacyEncoding";
import { isNfcStable, isNfcStableUnit, isTidyText, ownText, upperCode } from "./plainText";

const stableUnits: string[] = [];
for (let c = 0; c < 0x10000; c++) if (isNfcStableUnit(c)) stableUnits.push(String.fromCharCode(c));

// Characters that make the fast checks answer "not known", or change what the general way does.
const tricky = [
  " ",
  "  ",
  "\t",
  "\n",
  "\r",
  "\u000b",
  "\u00a0",
  "\u2003",
  "\u3000",
  "\ufeff",
  "\u0301", // combining acute: "e\u0301" composes to "é"
  "\u0323",
  "\u0340", // NFC maps it to U+0300
  "\u212b", // Ångström sign: NFC maps it to Å
  "\ud83d\ude00",
  "\ud800",
  "\udc00",
  "\u0000",
  "\u0007",
  "\u007f",
  "\ufffe",
  "\uffff",
];
const vietnamese = [
  "Sở Nội vụ",
  "Kỳ báo cáo",
  "Hoàn thành",
  "ư",
  "đ",
  "Đ",
  "ă",
  "ĩ",
  "ũ",
  "Thuû",
  "Së Néi vô",
];
// Legacy TCVN3 / VNI text: Latin-1 letters only.
const legacy = ["Së Néi vô", "kÕt qu¶", "Sôû Noäi vuï", "Thuû", "café", "Müller", "µ", "¸"];
const pieces = fc.oneof(
  fc.constantFrom(...tricky, ...vietnamese, ...legacy),
  fc.constantFrom(...stableUnits),
  fc.string({ unit: "binary", maxLength: 3 }),
  fc.string({ maxLength: 4 }),
);
const texts = fc.array(pieces, { maxLength: 12 }).map((a) => a.join(""));

// The general way, as the functions did before the fast checks.
const generalCellText = (v: string): string => v.normalize("NFC").replace(/\s+/g, " ").trim();
const XML_FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LATIN1 = /[\u00a1-\u00ff]/;
const UNICODE_ONLY = /[ăđơưĂĐƠƯĩũĨŨ\u1ea0-\u1ef9]/u;

describe("plain text checks (issue 15)", () => {
  it("every NFC-stable unit, alone and in every pair, is unchanged by NFC", () => {
    const bmpLatin = stableUnits.filter((u) => u.charCodeAt(0) < 0x250 || u.charCodeAt(0) >= 0x1e00);
    expect(bmpLatin.length).toBe(0x250 + 0x100);
    for (const a of bmpLatin) {
      expect(a.normalize("NFC")).toBe(a);
      for (const b of bmpLatin) {
        const s = a + b;
        if (s.normalize("NFC") !== s)
          throw new Error(`NFC changes U+${a.charCodeAt(0).toString(16)} U+${b.charCodeAt(0).toString(16)}`);
      }
    }
    // The first units past the ranges include combining marks: the ranges are where they must end.
    expect(isNfcStableUnit(0x300)).toBe(false);
    expect(isNfcStableUnit(0x1f00)).toBe(false);
  });

  it("below U+0250, \\s is exactly tab, line feed, vertical tab, form feed, return, space, no-break space", () => {
    const spaces = [];
    for (let c = 0; c < 0x250; c++) if (/\s/.test(String.fromCharCode(c))) spaces.push(c);
    expect(spaces).toEqual([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0]);
  });

  it("a text the fast checks call plain reads as the general way reads it", () => {
    fc.assert(
      fc.property(texts, (s) => {
        if (isNfcStable(s)) expect(s.normalize("NFC")).toBe(s);
        if (isTidyText(s)) expect(generalCellText(s)).toBe(s);
        expect(cellText(s)).toBe(generalCellText(s));
        expect(hasXmlForbidden(s)).toBe(XML_FORBIDDEN.test(s));
        const nfc = s.normalize("NFC");
        if (surelyNotLegacy(s)) expect(!LATIN1.test(nfc) || UNICODE_ONLY.test(nfc)).toBe(true);
        if (surelyNotLegacy(s)) expect(detectLegacyEncoding(s)).toBeNull();
      }),
      { numRuns: 3000 },
    );
  });

  it("the one pass over a cell's text answers as hasXmlForbidden and surelyNotLegacy do", () => {
    fc.assert(
      fc.property(texts, (s) => {
        const scan = scanCellText(s);
        if (hasXmlForbidden(s)) expect(scan).toBe(SCAN_XML_FORBIDDEN);
        else expect(scan).toBe(surelyNotLegacy(s) ? 0 : SCAN_MAYBE_LEGACY);
      }),
      { numRuns: 5000 },
    );
    expect(scanCellText("Sở Nội vụ")).toBe(0);
    expect(scanCellText("Së Néi vô")).toBe(SCAN_MAYBE_LEGACY);
    expect(scanCellText("Së\u0001")).toBe(SCAN_XML_FORBIDDEN);
  });

  it("upperCode is toUpperCase, and gives an upper-case ASCII code back as it is", () => {
    const codes = fc.oneof(
      texts,
      fc.string({ unit: fc.constantFrom(..."ABCXYZ_019abzß\u00e9\u0131\u1e9e\ufb00") }),
    );
    fc.assert(
      fc.property(codes, (s) => {
        expect(upperCode(s)).toBe(s.toUpperCase());
      }),
      { numRuns: 3000 },
    );
    const code = "HS_TIEP_NHAN";
    expect(upperCode(code)).toBe(code);
    expect(upperCode("hs_tiep_nhan")).toBe(code);
    expect(upperCode("straße")).toBe("STRASSE");
  });

  it("ownText is the same text, cut from a longer one or not", () => {
    fc.assert(
      fc.property(texts, fc.nat(20), (s, at) => {
        const whole = "x".repeat(at) + s + "tail of a longer text";
        const cut = whole.slice(at, at + s.length);
        expect(ownText(cut)).toBe(s);
        expect(ownText(s)).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  it("the fast checks answer for the common texts, and leave the rest to the general way", () => {
    expect(isTidyText("Sở Nội vụ")).toBe(true);
    expect(isTidyText("Sở  Nội vụ")).toBe(false);
    expect(isTidyText(" Sở")).toBe(false);
    expect(isTidyText("Sở\u00a0Nội")).toBe(false);
    expect(isTidyText("Se\u0301")).toBe(false);
    expect(surelyNotLegacy("Sở Nội vụ")).toBe(true);
    expect(surelyNotLegacy("abc 123")).toBe(true);
    expect(surelyNotLegacy("Së Néi vô")).toBe(false);
    expect(detectLegacyEncoding("Së Néi vô")).toBe("tcvn3");
    expect(hasXmlForbidden("a\u0001b")).toBe(true);
    expect(hasXmlForbidden("a\ud83d\ude00b")).toBe(false);
    expect(hasXmlForbidden("a\ude00\ud83db")).toBe(true);
    expect(hasXmlForbidden("a\ud83d")).toBe(true);
  });
});
