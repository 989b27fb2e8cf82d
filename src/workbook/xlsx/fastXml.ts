// The reader's fast lane (issue 15): the bulk of a report's XML — a sheet's <sheetData> and the
// shared-string table's <si> items — is nearly always written in one plain shape by every producer
// (Excel, ExcelJS, openpyxl, LibreOffice): `<row r="3"><c r="A3" s="2" t="s"><v>41</v></c></row>`,
// `<si><t>Kỳ báo cáo</t></si>`. These functions read exactly that shape, by index, building nothing
// but the values kept. They are not a second parser: each accepts a strict subset of what xml.ts
// accepts and gives up (returns undefined) at the first thing outside it — a prefix, a formula, an
// inline or rich string, an entity in an attribute, a comment, unusual spacing — and the caller then
// reads the whole part the ordinary way (xlsxReader.ts). What they read is checked to be what the
// ordinary way reads on the corpus (tests/xlsx/readerDifferential.test.ts) and on generated parts
// (src/workbook/xlsx/fastXml.test.ts). The rest of the part (everything but the rows or items) still
// goes through xml.ts, so well-formedness is checked as before.
import { decodeText } from "./xml";

const LT = 0x3c; // <
const GT = 0x3e; // >
const SLASH = 0x2f; // /
const EQ = 0x3d; // =
const DQ = 0x22; // "
const SQ = 0x27; // '
const R = 0x72; // r
const S = 0x73; // s
const T = 0x74; // t
const V = 0x76; // v

/** Whether a one-letter element's end tag (`</v>`, `</t>`; `name` its letter's code) starts at `k`. */
const closesAt = (xml: string, k: number, name: number): boolean =>
  k >= 0 && xml.charCodeAt(k + 1) === SLASH && xml.charCodeAt(k + 2) === name && xml.charCodeAt(k + 3) === GT;

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

/** What a start tag's attributes parse to: where up to three wanted attributes' values are. */
interface TagScan {
  /** Index just past the tag's ">". */
  end: number;
  selfClosing: boolean;
  /** Start and end of the values of the wanted one-letter attributes (r, s, t) as written (no entity,
   * no tab or line end); -1 when absent. */
  s0: number;
  e0: number;
  s1: number;
  e1: number;
  s2: number;
  e2: number;
  /**
   * Whether the limits pass (scan.ts) reads this tag's `r` as it is here: every value in double quotes
   * without a ">" (the pass's tag ends at the first ">"), `n0` at most once, and no other attribute
   * whose name ends in "r" after a non-word character (`x:r="…"`, which the pass's `\br="` finds).
   */
  countable: boolean;
}

const tag: TagScan = {
  end: 0,
  selfClosing: false,
  s0: -1,
  e0: -1,
  s1: -1,
  e1: -1,
  s2: -1,
  e2: -1,
  countable: true,
};

const isWordChar = (c: number): boolean =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;

/**
 * Scan the attributes of a start tag from `i` (just past its name) to its end, locating the values of
 * the one-letter attributes `n0`, `n1`, `n2` (char codes; 0 for none) — the last occurrence when
 * `last`, else the first, as xml.ts's `attrs` and `attr` do. False when outside the plain shape.
 */
function scanTag(xml: string, i: number, n0: number, n1: number, n2: number, last: boolean): boolean {
  tag.s0 = tag.s1 = tag.s2 = -1;
  tag.countable = true;
  const n = xml.length;
  for (;;) {
    let c = xml.charCodeAt(i);
    if (c === GT) {
      tag.end = i + 1;
      tag.selfClosing = false;
      return true;
    }
    if (c === SLASH) {
      if (xml.charCodeAt(i + 1) !== GT) return false;
      tag.end = i + 2;
      tag.selfClosing = true;
      return true;
    }
    if (!isSpace(c)) return false; // attributes are separated by white space
    do c = xml.charCodeAt(++i);
    while (isSpace(c));
    if (c === GT || c === SLASH) continue;
    // The name: up to "=", with nothing odd in it.
    const nameStart = i;
    while (i < n) {
      c = xml.charCodeAt(i);
      if (c === EQ || isSpace(c) || c === LT || c === GT || c === SLASH || c === DQ || c === SQ) break;
      i++;
    }
    if (c !== EQ || i === nameStart) return false;
    const single = i === nameStart + 1 ? xml.charCodeAt(nameStart) : 0;
    if (single === 0 && xml.charCodeAt(i - 1) === R && !isWordChar(xml.charCodeAt(i - 2))) {
      tag.countable = false;
    }
    const q = xml.charCodeAt(i + 1);
    if (q !== DQ) {
      if (q !== SQ) return false;
      tag.countable = false;
    }
    const vStart = i + 2;
    const vEnd = xml.indexOf(q === DQ ? '"' : "'", vStart);
    if (vEnd < 0) return false;
    if (single !== 0 && (single === n0 || single === n1 || single === n2)) {
      // Entities, tabs and line ends in a value are decoded by xml.ts; "<" is an error there.
      for (let k = vStart; k < vEnd; k++) {
        const ch = xml.charCodeAt(k);
        if (ch === 0x26 || ch === LT || ch === 0x09 || ch === 0x0a || ch === 0x0d) return false;
        if (ch === GT) tag.countable = false;
      }
      if (single === n0) {
        if (tag.s0 >= 0) tag.countable = false;
        if (last || tag.s0 < 0) {
          tag.s0 = vStart;
          tag.e0 = vEnd;
        }
      } else if (single === n1) {
        if (last || tag.s1 < 0) {
          tag.s1 = vStart;
          tag.e1 = vEnd;
        }
      } else if (last || tag.s2 < 0) {
        tag.s2 = vStart;
        tag.e2 = vEnd;
      }
    } else {
      for (let k = vStart; k < vEnd; k++) {
        const ch = xml.charCodeAt(k);
        if (ch === LT) return false; // "<" inside a tag: an error for xml.ts to report
        if (ch === GT) tag.countable = false;
      }
    }
    i = vEnd + 1;
  }
}

/** A cell's place and style, read from its attributes without building their strings. */
export interface CellAt {
  /** Row and column (1-based) of an `r` written as upper-case letters and digits; 0 when it is not
   * (then `ref` holds the value as written, or undefined when there is no `r`). */
  row: number;
  col: number;
  ref: string | undefined;
  /** The `s` attribute's number when written as digits; -1 when absent; NaN otherwise. */
  style: number;
  /** The `t` attribute as written, "n" when absent. */
  type: string;
  /** Whether the limits pass counts this cell where it is here (scan.ts: no `r`, or an `r` of 1–4
   * letters and a row, read the same way by both). */
  countable: boolean;
}

const at: CellAt = { row: 0, col: 0, ref: undefined, style: -1, type: "n", countable: true };

/** The value of `t`: the usual ones without building a string. */
function cellType(xml: string, s: number, e: number): string {
  if (s < 0) return "n";
  if (e === s + 1) {
    const c = xml.charCodeAt(s);
    if (c === 0x73) return "s";
    if (c === 0x6e) return "n";
    if (c === 0x62) return "b";
    if (c === 0x65) return "e";
  }
  return xml.slice(s, e);
}

function readCellAttrs(xml: string): void {
  // r: letters A–Z then digits, else kept as written for the caller's general parse.
  at.row = at.col = 0;
  at.ref = undefined;
  if (tag.s0 >= 0) {
    let k = tag.s0;
    const e = tag.e0;
    let col = 0;
    let row = 0;
    for (; k < e; k++) {
      const c = xml.charCodeAt(k);
      if (c < 65 || c > 90) break;
      col = col * 26 + (c - 64);
    }
    const digits = k;
    for (; k < e; k++) {
      const c = xml.charCodeAt(k);
      if (c < 48 || c > 57) break;
      row = row * 10 + (c - 48);
    }
    if (k === e && col > 0 && digits > tag.s0 && k > digits && row > 0 && k - tag.s0 <= 12) {
      at.row = row;
      at.col = col;
      at.countable = tag.countable && digits - tag.s0 <= 4;
    } else {
      at.ref = xml.slice(tag.s0, e);
      at.countable = false;
    }
  } else at.countable = tag.countable;
  if (tag.s1 < 0) at.style = -1;
  else {
    let style = 0;
    let k = tag.s1;
    for (; k < tag.e1; k++) {
      const c = xml.charCodeAt(k);
      if (c < 48 || c > 57) break;
      style = style * 10 + (c - 48);
    }
    at.style = k === tag.e1 && k > tag.s1 && k - tag.s1 <= 9 ? style : NaN;
  }
  at.type = cellType(xml, tag.s2, tag.e2);
}

/**
 * The cell tag nearly every producer writes, ` r="B12" s="3" t="s">` from just past `<c` (`s` and `t`
 * optional, in that order; 1–3 capital letters and 1–7 digits, no row 0; `/>` too), read straight
 * into `at` and `tag` as {@link scanTag} and {@link readCellAttrs} read it; false for any other shape,
 * which they then read.
 */
function quickCell(xml: string, p: number): boolean {
  if (
    xml.charCodeAt(p) !== 0x20 ||
    xml.charCodeAt(p + 1) !== R ||
    xml.charCodeAt(p + 2) !== EQ ||
    xml.charCodeAt(p + 3) !== DQ
  ) {
    return false;
  }
  let k = p + 4;
  let c = xml.charCodeAt(k);
  let col = 0;
  while (c >= 65 && c <= 90) {
    col = col * 26 + (c - 64);
    c = xml.charCodeAt(++k);
  }
  const d = k;
  if (d === p + 4 || d - (p + 4) > 3) return false;
  let row = 0;
  while (c >= 48 && c <= 57) {
    row = row * 10 + (c - 48);
    c = xml.charCodeAt(++k);
  }
  if (k === d || k - d > 7 || row === 0 || c !== DQ) return false;
  c = xml.charCodeAt(++k);
  let style = -1;
  if (c === 0x20 && xml.charCodeAt(k + 1) === S) {
    if (xml.charCodeAt(k + 2) !== EQ || xml.charCodeAt(k + 3) !== DQ) return false;
    k += 4;
    const s = k;
    style = 0;
    c = xml.charCodeAt(k);
    while (c >= 48 && c <= 57) {
      style = style * 10 + (c - 48);
      c = xml.charCodeAt(++k);
    }
    if (k === s || k - s > 9 || c !== DQ) return false;
    c = xml.charCodeAt(++k);
  }
  let type = "n";
  if (c === 0x20 && xml.charCodeAt(k + 1) === T) {
    if (xml.charCodeAt(k + 2) !== EQ || xml.charCodeAt(k + 3) !== DQ) return false;
    k += 4;
    const s = k;
    c = xml.charCodeAt(k);
    while ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) c = xml.charCodeAt(++k);
    if (k === s || c !== DQ) return false;
    type = cellType(xml, s, k);
    c = xml.charCodeAt(++k);
  }
  if (c === GT) {
    tag.end = k + 1;
    tag.selfClosing = false;
  } else if (c === SLASH && xml.charCodeAt(k + 1) === GT) {
    tag.end = k + 2;
    tag.selfClosing = true;
  } else return false;
  at.row = row;
  at.col = col;
  at.ref = undefined;
  at.style = style;
  at.type = type;
  at.countable = true;
  return true;
}

/** Receives the cells read by {@link fastSheetData}, in document order. */
export interface CellSink {
  /** A row: its `r` attribute as written, or `n` (≥ 0, `r` undefined) when it is 1–15 digits;
   * `countable` when the limits pass reads its number the same way (scan.ts). */
  row(r: string | undefined, n: number, countable: boolean): void;
  /** A cell: where it is and its style (`at`, valid during the call), `sRaw` the `s` attribute as
   * written when `at.style` is NaN; `v` its value text decoded, undefined for none — or, for a cell of
   * type "s" or "n" whose value is 1–15 digits, `num` (≥ 0) that value and `v` undefined: no string
   * is built for a shared string's index or a whole number. */
  cell(at: Readonly<CellAt>, sRaw: string | undefined, v: string | undefined, num: number): void;
}

/** The digits in [from, to) as a number when there are 1–15 of them and nothing else; else -1. */
function digits(xml: string, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = xml.charCodeAt(k);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

/**
 * Read the rows and cells between `from` (just past `<sheetData>`) and `to` (the index of
 * `</sheetData>`), handing them to `sink`. False (with some cells possibly handed over already) at the
 * first thing outside the plain shape: the caller then discards what it got and reads the sheet the
 * ordinary way. Text between tags outside a `<v>` is skipped, as the ordinary way skips it.
 */
export function fastSheetData(xml: string, from: number, to: number, sink: CellSink): boolean {
  let i = from;
  for (;;) {
    i = xml.indexOf("<", i);
    if (i < 0 || i > to) return false;
    if (i === to) return true;
    // <row …> or <row …/>
    if (!xml.startsWith("<row", i)) return false;
    if (!scanTag(xml, i + 4, R, 0, 0, false)) return false;
    if (tag.s0 < 0) sink.row(undefined, -1, tag.countable);
    else {
      const n = digits(xml, tag.s0, tag.e0);
      sink.row(n >= 0 ? undefined : xml.slice(tag.s0, tag.e0), n, n >= 0 && tag.countable);
    }
    i = tag.end;
    if (tag.selfClosing) continue;
    for (;;) {
      i = xml.indexOf("<", i);
      if (i < 0 || i >= to) return false;
      const c1 = xml.charCodeAt(i + 1);
      if (c1 === SLASH) {
        if (!xml.startsWith("</row>", i)) return false;
        i += 6;
        break;
      }
      if (c1 !== 0x63 /* c */) return false;
      const c2 = xml.charCodeAt(i + 2);
      if (!(isSpace(c2) || c2 === GT || c2 === SLASH)) return false;
      let sRaw: string | undefined;
      if (!quickCell(xml, i + 2)) {
        if (!scanTag(xml, i + 2, R, S, T, true)) return false;
        readCellAttrs(xml);
        if (Number.isNaN(at.style)) sRaw = xml.slice(tag.s1, tag.e1);
      }
      i = tag.end;
      if (tag.selfClosing) {
        sink.cell(at, sRaw, undefined, -1);
        continue;
      }
      if (xml.charCodeAt(i) !== LT) i = xml.indexOf("<", i);
      if (i < 0 || i >= to) return false;
      let v: string | undefined;
      let num = -1;
      if (xml.charCodeAt(i + 1) === V && xml.charCodeAt(i + 2) === GT) {
        // <v>…</v>: a shared string's index or a number read as its digits go by.
        const vStart = i + 3;
        let k = vStart;
        let c = xml.charCodeAt(k);
        let n = 0;
        if (at.type === "s" || at.type === "n") {
          while (c >= 48 && c <= 57) {
            n = n * 10 + (c - 48);
            c = xml.charCodeAt(++k);
          }
        }
        const digitsOnly = c === LT && k > vStart && k - vStart <= 15;
        if (c !== LT) k = xml.indexOf("<", k);
        if (!closesAt(xml, k, V)) return false;
        if (digitsOnly) num = n;
        else v = decodeText(xml.slice(vStart, k));
        i = k + 4;
        if (xml.charCodeAt(i) !== LT) i = xml.indexOf("<", i);
        if (i < 0) return false;
      } else if (xml.startsWith("<v/>", i)) {
        v = "";
        i = xml.indexOf("<", i + 4);
        if (i < 0) return false;
      }
      if (xml.charCodeAt(i + 1) !== SLASH || xml.charCodeAt(i + 2) !== 0x63 || xml.charCodeAt(i + 3) !== GT) {
        return false;
      }
      i += 4;
      sink.cell(at, sRaw, v, num);
    }
  }
}

/** `</si>` at `i`. */
const closesSi = (xml: string, i: number): boolean =>
  xml.charCodeAt(i) === LT &&
  xml.charCodeAt(i + 1) === SLASH &&
  xml.charCodeAt(i + 2) === S &&
  xml.charCodeAt(i + 3) === 0x69 &&
  xml.charCodeAt(i + 4) === GT;

/** `<si>` at `i`. */
const opensSi = (xml: string, i: number): boolean =>
  xml.charCodeAt(i) === LT &&
  xml.charCodeAt(i + 1) === S &&
  xml.charCodeAt(i + 2) === 0x69 &&
  xml.charCodeAt(i + 3) === GT;

/**
 * What keeps a shared string's raw text from being its value as it is: a reference, a carriage
 * return, the start of an `_xHHHH_` escape, or a code unit NFC may change — the complement of
 * `isNfcStableUnit` (plainText.ts; fastXml.test.ts checks every code unit against it).
 */
export const NOT_PLAIN = /[&\r\u0250-\u1dff\u1f00-\uffff]|_x/;
/** NOT_PLAIN, searched from a given index (`lastIndex`) over a whole part. */
const notPlainFrom = new RegExp(NOT_PLAIN.source, "g");

/**
 * The `<si>` items from `from` (the first `<si>`) on, as long as they follow one another, each
 * `<si><t>…</t></si>` or `<si><t xml:space="preserve">…</t></si>` (or `<t/>`): each item's raw text
 * handed to `value` with `plain` true when it has no reference, carriage return or `_x` and only
 * characters NFC leaves alone (so decoding it, `_xHHHH_` escapes and NFC would leave it as it is).
 * Returns the values and the index just past the last `</si>`; undefined at the first item of another
 * shape (rich text, phonetic runs, other spacing).
 */
export function fastSharedStrings<T>(
  xml: string,
  from: number,
  value: (raw: string, plain: boolean) => T,
): { values: T[]; end: number } | undefined {
  const out: T[] = [];
  let i = from;
  let end = from;
  // Where the next character that is not plain is, found by the regular expression and reused
  // until passed: a text is plain when it ends before it.
  let bad = -1;
  while (opensSi(xml, i)) {
    i += 4;
    if (xml.charCodeAt(i) !== LT) i = xml.indexOf("<", i);
    if (i < 0 || xml.charCodeAt(i + 1) !== T) return undefined;
    const c = xml.charCodeAt(i + 2);
    if (c === SLASH && xml.charCodeAt(i + 3) === GT) {
      out.push(value("", true));
      i += 4;
    } else {
      let textStart: number;
      if (c === GT) textStart = i + 3;
      else if (xml.startsWith(' xml:space="preserve">', i + 2)) textStart = i + 24;
      else return undefined;
      const k = xml.indexOf("<", textStart);
      if (!closesAt(xml, k, T)) return undefined;
      if (bad < textStart) {
        notPlainFrom.lastIndex = textStart;
        bad = notPlainFrom.exec(xml)?.index ?? xml.length;
      }
      out.push(value(xml.slice(textStart, k), bad >= k));
      i = k + 4;
    }
    if (xml.charCodeAt(i) !== LT) i = xml.indexOf("<", i);
    if (i < 0 || !closesSi(xml, i)) return undefined;
    i += 5;
    end = i;
    if (xml.charCodeAt(i) !== LT) {
      i = xml.indexOf("<", i);
      if (i < 0) break;
    }
  }
  return { values: out, end };
}
