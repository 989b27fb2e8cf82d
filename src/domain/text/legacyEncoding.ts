// Vietnamese typed with legacy 8-bit fonts before Unicode: TCVN3 (ABC: .VnTime, .VnArial) and
// VNI-Windows (VNI-Times). Excel stores the raw bytes as Latin-1 characters, so "Sở Nội vụ" shows as
// "Së Néi vô" (TCVN3) or "Sôû Noäi vuï" (VNI). We detect such text conservatively and convert it.
//
// Tables: TCVN3 is the VN3 subset of TCVN 5712:1993 (byte values checked against glibc iconv
// "TCVN5712-1"); VNI-Windows writes a base letter followed by a mark byte (checked against two public
// converters, xvnkb and vietnamese-conversion). Both tables below are indexed by the same rows.
import { isNfcStableUnit } from "./plainText";

/** A legacy encoding of Vietnamese text. */
export type LegacyEncoding = "tcvn3" | "vni";

// Rows: a base vowel (with its circumflex/breve/horn) and its five tones, in the order
// [no tone, sắc (acute), huyền (grave), hỏi (hook), ngã (tilde), nặng (dot below)].
const UNICODE_ROWS = [
  "aáàảãạ",
  "ăắằẳẵặ",
  "âấầẩẫậ",
  "eéèẻẽẹ",
  "êếềểễệ",
  "iíìỉĩị",
  "oóòỏõọ",
  "ôốồổỗộ",
  "ơớờởỡợ",
  "uúùủũụ",
  "ưứừửữự",
  "yýỳỷỹỵ",
];

// TCVN3: one byte per letter (shown as its Latin-1 character); "\u00ad" (soft hyphen, byte 0xAD) is ư.
const TCVN3_ROWS = [
  "a¸µ¶·¹",
  "¨¾»¼½Æ",
  "©ÊÇÈÉË",
  "eÐÌÎÏÑ",
  "ªÕÒÓÔÖ",
  "iÝ×ØÜÞ",
  "oãßáâä",
  "«èåæçé",
  "¬íêëìî",
  "uóïñòô",
  "\u00adøõö÷ù",
  "yýúûüþ",
];
// đ, and the only capitals TCVN3 has; the others were typed with a capitals font (.VnTimeH) that reuses
// the lower-case byte values, so text alone cannot tell "Ở" from "ở".
const TCVN3_EXTRA: Record<string, string> = {
  Ă: "¡",
  Â: "¢",
  Ê: "£",
  Ô: "¤",
  Ơ: "¥",
  Ư: "¦",
  Đ: "§",
  đ: "®",
};

// VNI: base letter + mark byte; i, ỵ, ơ, ư and đ have their own bytes.
const VNI_ROWS = [
  ["a", "aù", "aø", "aû", "aõ", "aï"],
  ["aê", "aé", "aè", "aú", "aü", "aë"],
  ["aâ", "aá", "aà", "aå", "aã", "aä"],
  ["e", "eù", "eø", "eû", "eõ", "eï"],
  ["eâ", "eá", "eà", "eå", "eã", "eä"],
  ["i", "í", "ì", "æ", "ó", "ò"],
  ["o", "où", "oø", "oû", "oõ", "oï"],
  ["oâ", "oá", "oà", "oå", "oã", "oä"],
  ["ô", "ôù", "ôø", "ôû", "ôõ", "ôï"],
  ["u", "uù", "uø", "uû", "uõ", "uï"],
  ["ö", "öù", "öø", "öû", "öõ", "öï"],
  ["y", "yù", "yø", "yû", "yõ", "î"],
];
const VNI_D = "ñ"; // đ; upper case "Ñ"

interface Tables {
  /** Unicode letter → legacy text. */
  encode: Map<string, string>;
  /** Legacy text (one or two characters) → Unicode letter. */
  decode: Map<string, string>;
}

function buildTcvn3(): Tables {
  const encode = new Map<string, string>();
  const decode = new Map<string, string>();
  UNICODE_ROWS.forEach((row, r) => {
    [...row].forEach((letter, t) => {
      const code = TCVN3_ROWS[r][t];
      encode.set(letter, code);
      if (code !== letter) decode.set(code, letter);
      // Capitals with tones fall back to the lower-case byte (what .VnTimeH text holds).
      const upper = letter.toUpperCase();
      if (!encode.has(upper)) encode.set(upper, code === letter ? upper : code);
    });
  });
  for (const [letter, code] of Object.entries(TCVN3_EXTRA)) {
    encode.set(letter, code);
    decode.set(code, letter);
  }
  return { encode, decode };
}

function buildVni(): Tables {
  const encode = new Map<string, string>();
  const decode = new Map<string, string>();
  const add = (letter: string, code: string): void => {
    encode.set(letter, code);
    if (code !== letter) decode.set(code, letter);
  };
  UNICODE_ROWS.forEach((row, r) => {
    [...row].forEach((letter, t) => {
      const code = VNI_ROWS[r][t];
      add(letter, code);
      add(letter.toUpperCase(), code.toUpperCase());
    });
  });
  add("đ", VNI_D);
  add("Đ", VNI_D.toUpperCase());
  return { encode, decode };
}

const TABLES: Record<LegacyEncoding, Tables> = { tcvn3: buildTcvn3(), vni: buildVni() };

/** Convert legacy-encoded text to Unicode NFC. Characters outside the table are kept as they are. */
export function convertLegacyToUnicode(s: string, enc: LegacyEncoding): string {
  const { decode } = TABLES[enc];
  // Legacy bytes are precomposed Latin-1; undo an NFD pass that may have split "é" into e + U+0301.
  const src = s.normalize("NFC");
  let out = "";
  for (let i = 0; i < src.length;) {
    const two = i + 1 < src.length ? decode.get(src.slice(i, i + 2)) : undefined;
    if (two !== undefined) {
      out += two;
      i += 2;
      continue;
    }
    out += decode.get(src[i]) ?? src[i];
    i += 1;
  }
  if (enc === "tcvn3") out = capitaliseShoutedWords(out);
  return out.normalize("NFC");
}

// .VnTimeH text typed in capitals ("NéI" for "NỘI") decodes to lower-case toned letters inside
// upper-case words; a word whose ASCII letters are all capitals (at least two) is taken as capitals.
// A scan, not a regex replace over `[\p{L}\p{M}]+`: V8 runs that regex recursively per character of a
// word and overflowed the stack on a 4 MB run of letters (issue 16); this is linear in the text.
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
function capitaliseShoutedWords(converted: string): string {
  let out = "";
  let word = "";
  const flush = (): void => {
    if (!word) return;
    let ascii = 0;
    let lower = false;
    for (const c of word) {
      if (c >= "A" && c <= "Z") ascii += 1;
      else if (c >= "a" && c <= "z") {
        ascii += 1;
        lower = true;
      }
    }
    out += ascii >= 2 && !lower ? word.toUpperCase() : word;
    word = "";
  };
  for (const ch of converted) {
    if (LETTER_OR_MARK.test(ch)) word += ch;
    else {
      flush();
      out += ch;
    }
  }
  flush();
  return out;
}

/**
 * Encode Unicode Vietnamese in a legacy encoding (the inverse of {@link convertLegacyToUnicode}, for
 * tests and for round-trip checks). TCVN3 has no capitals with tones: they become the lower-case byte,
 * as a capitals font would hold them.
 */
export function unicodeToLegacy(s: string, enc: LegacyEncoding): string {
  const { encode } = TABLES[enc];
  let out = "";
  for (const ch of s.normalize("NFC")) out += encode.get(ch) ?? ch;
  return out;
}

// ---------------------------------------------------------------- detection

// Letters that exist only in Unicode Vietnamese text (beyond Latin-1): their presence means the text
// is already Unicode.
const UNICODE_ONLY = /[ăđơưĂĐƠƯĩũĨŨ\u1ea0-\u1ef9]/u;
// A word: letters, combining marks and Latin-1 symbols (TCVN3 uses ¡–¿, × and ÷ as letters).
const WORD = /[\p{L}\p{M}\u00a1-\u00bf\u00d7\u00f7]+/gu;
const LATIN1 = /[\u00a1-\u00ff]/;

const ONSET = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?";
// Vowel clusters that end in a glide (and a lone y) take no final consonant ("cau", never "cauch");
// "nh" and "ch" follow only a, ê, i, y, oa, uê, uy ("anh", "ếch", "tỉnh", "hoạch"); ê and i take only
// m, n, p, t otherwise; the rest may take c, m, n, ng, p, t.
const OPEN_NUCLEUS =
  "(?:iêu|yêu|oai|oao|oay|oeo|uây|uôi|ươi|ươu|uyu|uya|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ua|ui|ưa|ưi|ưu|y)";
const PALATAL_NUCLEUS = "(?:oa|uê|uy|[aêiy])";
const FRONT_NUCLEUS = "[êi]";
const NUCLEUS = "(?:uyê|iê|yê|uô|ươ|oa|oă|oe|oo|uâ|uê|uy|uơ|[aăâeoôơuư])";
const SYLLABLE = new RegExp(
  `^${ONSET}(?:${OPEN_NUCLEUS}|${PALATAL_NUCLEUS}(?:ch|nh)|${FRONT_NUCLEUS}[mnpt]?|${NUCLEUS}(?:ng|[cmnpt])?)$`,
  "u",
);
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

const VIETNAMESE_LETTERS = new Set([...UNICODE_ROWS.join(""), ..."bcdđfghjklmnpqrstvwxz"]);
// Abbreviations such as "QĐ", "HĐND", "TTHC": capitals only.
const ABBREVIATION = /^[A-ZĐ]{2,6}$/u;

/** The longest Vietnamese syllable is 7 letters ("nghiêng"); with combining marks and VNI's two-byte
 * letters, a legacy word is at most twice that. Longer "words" are not syllables in any encoding. */
const MAX_SYLLABLE_CHARS = 16;

/** Is this word shaped like Vietnamese: one syllable (onset, vowel cluster, final; at most one tone)
 * in lower case, Title case or capitals, or an abbreviation in capitals? Legacy text usually fails
 * this as it stands: TCVN3 writes many lower-case letters with capital Latin-1 bytes ("kÕt"). */
function isVietnameseWord(word: string): boolean {
  if (word.length > MAX_SYLLABLE_CHARS) return false;
  if (ABBREVIATION.test(word)) return true;
  const lower = word.toLowerCase();
  const title = lower.charAt(0).toUpperCase() + lower.slice(1);
  if (word !== lower && word !== title && word !== word.toUpperCase()) return false;
  // Only letters of the Vietnamese alphabet: "ñ" would otherwise pass as n + tilde.
  for (const ch of lower) if (!VIETNAMESE_LETTERS.has(ch)) return false;
  const decomposed = lower.normalize("NFD");
  const tones = decomposed.match(TONE_MARKS)?.length ?? 0;
  if (tones > 1) return false;
  return SYLLABLE.test(decomposed.replace(TONE_MARKS, "").normalize("NFC"));
}

/** A letter of {@link UNICODE_ONLY} (U+0102, U+0103, U+0110, U+0111, U+0128, U+0129, U+0168, U+0169,
 * U+01A0, U+01A1, U+01AF, U+01B0, U+1EA0–U+1EF9). */
export const isUnicodeOnlyUnit = (c: number): boolean =>
  (c >= 0x1ea0 && c <= 0x1ef9) ||
  c === 0x103 ||
  c === 0x111 ||
  c === 0x1a1 ||
  c === 0x1b0 ||
  c === 0x102 ||
  c === 0x110 ||
  c === 0x1a0 ||
  c === 0x1af ||
  c === 0x129 ||
  c === 0x169 ||
  c === 0x128 ||
  c === 0x168;

/**
 * The detection's first test ({@link LATIN1} absent or {@link UNICODE_ONLY} present, on the NFC text)
 * in one pass over the character codes, without normalizing, for text NFC leaves as it is (nearly
 * every cell: ASCII, or Unicode Vietnamese). False means "not known": the full detection decides.
 */
export function surelyNotLegacy(s: string): boolean {
  let latin1 = false;
  let unicodeOnly = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xa1) continue;
    if (!isNfcStableUnit(c)) return false;
    if (c <= 0xff) latin1 = true;
    else if (isUnicodeOnlyUnit(c)) unicodeOnly = true;
  }
  return !latin1 || unicodeOnly;
}

/**
 * Detect Vietnamese typed in a legacy font. Conservative: returns an encoding only when
 * - the text holds no letter that exists only in Unicode Vietnamese (ạ, ư, đ …), and
 * - some words containing Latin-1 characters are not Vietnamese words as they stand (not a syllable,
 *   or capitals inside a word) but become Vietnamese words once converted ("kÕt" → "kết"), at least
 *   as many as fail to convert (so French "café" or German "Müller" stay untouched), and
 * - there are two such words, or one of three or more characters and no failures, and
 * - the other encoding does not explain more words: a tie (short text such as "Thuû", which is VNI
 *   "Thủ" and TCVN3 "Thuỷ") gives null.
 * Plain ASCII, English and Unicode Vietnamese give null.
 */
export function detectLegacyEncoding(s: string): LegacyEncoding | null {
  if (surelyNotLegacy(s)) return null;
  const text = s.normalize("NFC");
  if (!LATIN1.test(text) || UNICODE_ONLY.test(text)) return null;
  // Words too long to be a syllable carry no evidence either way and are never converted: the work
  // per word stays bounded, whatever the cell holds.
  const words = (text.match(WORD) ?? []).filter((w) => w.length <= MAX_SYLLABLE_CHARS && LATIN1.test(w));
  const score = (enc: LegacyEncoding): number => {
    let converts = 0;
    let fails = 0;
    let longest = 0;
    for (const word of words) {
      if (isVietnameseWord(word)) continue; // "à", "tế": fine as Unicode, no evidence either way
      if (isVietnameseWord(convertLegacyToUnicode(word, enc))) {
        converts += 1;
        longest = Math.max(longest, word.length);
      } else {
        fails += 1;
      }
    }
    if (converts === 0 || converts < fails) return 0;
    return converts >= 2 || (longest >= 3 && fails === 0) ? converts : 0;
  };
  const tcvn3 = score("tcvn3");
  const vni = score("vni");
  if (tcvn3 > vni) return "tcvn3";
  if (vni > tcvn3) return "vni";
  return null;
}
