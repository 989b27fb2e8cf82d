// The one reader of values in .xlsx files (issue 15): agency reports, plan workbooks, rollups read
// back, in the CLI and the browser page alike. Bytes → limits (sniff.ts: the zip directory;
// scan.ts: every part inflated with its output bounded) → the parts a value needs (workbook, its
// relationships, shared strings, styles, sheets) tokenized by xml.ts, the sheets' and shared strings'
// limits counted as they are read (scan.ts DeferredCounts) → grids of the domain's CellValues, merged
// ranges, sheet names and visibility. Nothing else is built:
// no cell objects, no styles beyond "is this number a date".
//
// It reads values exactly as the previous ExcelJS path did (tests/xlsx/readerDifferential.test.ts
// compares both on every corpus file): shared, inline and rich strings (runs joined, phonetic runs
// left out, `_xHHHH_` escapes decoded where ExcelJS decodes them), NFC; numbers, and dates as Excel
// serials (1904 workbooks rebased) through the same millisecond rounding; booleans; error values as
// their text; formulas as their cached result; cells covered by a merge read as empty, the merge area
// counting in the used range when its first cell holds a value.
import { promises as fsp } from "node:fs";
import type { CellValue, Grid } from "../../domain/cell";
import { isNfcStable } from "../../domain/text/plainText";
import type { SheetInfo, WorkbookReading } from "../port";
import { WorkbookReadError, isWorkbookReadError } from "./errors";
import { restOfSheet, scanXlsxParts, siTags, type PartCount } from "./scan";
import { DEFAULT_LIMITS, assertXlsxBytes, isWorksheetPart, type ReadLimits } from "./sniff";
import { fastSharedStrings, fastSheetData } from "./fastXml";
import { attr, attrs as readAttrs, decodeText, scanXml, XmlError, type XmlHandler } from "./xml";

/** Options for reading a workbook file. */
export interface XlsxReadOptions extends Partial<ReadLimits> {
  /** File name used in error messages. */
  name?: string;
}

const MS_PER_DAY = 24 * 60 * 60 * 1000;
// Excel serial of 1970-01-01 in the 1900 date system.
const UNIX_EPOCH_SERIAL = 25569;
/** Days between the 1900 and 1904 date systems. */
const DAYS_1904 = 1462;

/**
 * The Excel serial of a Date made from one, as ExcelJS makes it: UTC milliseconds
 * `(serial - 25569) * 86400000`, rounded. For days from 1900-03-01 on, the whole part equals
 * `civilToSerial` of the Date's UTC calendar day; reading UTC fields (never local ones) keeps
 * "31/12/2022" from sliding to the day before in UTC+7.
 */
export function dateToSerial(d: Date): number | null {
  const ms = d.getTime();
  if (!Number.isFinite(ms)) return null;
  const days = Math.floor(ms / MS_PER_DAY);
  const fraction = (ms - days * MS_PER_DAY) / MS_PER_DAY;
  return days + UNIX_EPOCH_SERIAL + fraction;
}

/** A date cell's number as the domain sees it: the serial through the same millisecond rounding. */
function dateSerial(v: number, date1904: boolean): number | null {
  return dateToSerial(
    new Date(Math.round((v - UNIX_EPOCH_SERIAL + (date1904 ? DAYS_1904 : 0)) * MS_PER_DAY)),
  );
}

/** Built-in number formats (ECMA-376 §18.8.30) that have a fixed code; the others are locale-bound. */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** A number format shows a date or time: it has y, m, d, h, s or b outside quotes and brackets. */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  const bare = code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]/.test(bare);
}

const fmt = (n: number): string => n.toLocaleString("vi-VN");

/** "AB12" → [row 12, column 28] (1-based); undefined when it is not a cell reference. */
function parseRef(ref: string): [number, number] | undefined {
  let col = 0;
  let i = 0;
  const n = ref.length;
  while (i < n) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c !== 36 /* $ */) break;
    i++;
  }
  let row = 0;
  const digits = i;
  while (i < n) {
    const c = ref.charCodeAt(i);
    if (c >= 48 && c <= 57) row = row * 10 + (c - 48);
    else if (c !== 36 || i !== digits) return undefined;
    i++;
  }
  return col > 0 && row > 0 ? [row, col] : undefined;
}

function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** `_x000D_`-style escapes of characters XML cannot hold, as ExcelJS decodes them in `<t>` texts. */
function unescapeOoxml(s: string): string {
  return s.indexOf("_x") >= 0
    ? s.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : s;
}

/** A text as the domain sees it: NFC, empty → null. Most texts are NFC-stable, known from their
 * character codes without asking ICU. */
function textValue(s: string): string | null {
  return s === "" ? null : isNfcStable(s) ? s : s.normalize("NFC");
}

interface ParsedSheet {
  grid: Grid;
  merges: string[];
  /** What the limits pass would count in this part, when the fast lane could count it the same way. */
  count?: PartCount;
}

interface SheetEntry {
  readonly name: string;
  readonly visibility: SheetInfo["visibility"];
  readonly part: string;
}

/** The fast lane is on; tests switch it off to compare it with the ordinary way (fastXml.test.ts). */
export const readerLanes = { fast: true };

const NO_TOKENS: XmlHandler = { open() {}, close() {}, text() {} };

/** Whether the fast lane (fastXml.ts) may start at `at`: no comment, CDATA, DTD or processing
 * instruction before it (past the declaration), so the marker found there is markup, not text inside
 * one of those. Past it, the fast lane gives up at the first such thing itself. */
const plainBefore = (xml: string, at: number): boolean => {
  const head = xml.slice(0, at);
  return head.indexOf("<!") < 0 && head.indexOf("<?", 2) < 0;
};

/** Read one part with xml.ts, reporting whether it is well-formed: false on an XmlError. */
function wellFormed(xml: string): boolean {
  try {
    scanXml(xml, NO_TOKENS);
    return true;
  } catch (e) {
    if (e instanceof XmlError) return false;
    throw e;
  }
}

/**
 * The shared strings through the fast lane: every `<si>` plain, directly inside `<sst>`, and the rest
 * of the part well-formed; undefined otherwise (then the ordinary way reads it, errors and all).
 */
function sharedStringsFast(xml: string): { strings: (string | null)[]; count: PartCount } | undefined {
  if (!readerLanes.fast) return undefined;
  const first = xml.indexOf("<si>");
  if (first < 0 || !plainBefore(xml, first)) return undefined;
  // The items sit directly inside <sst …> … </sst>.
  const open = xml.lastIndexOf("<", first - 1);
  const head = xml.slice(open, first).trimEnd();
  if (!/^<sst[\s>]/.test(head) || !head.endsWith(">") || head.endsWith("/>")) return undefined;
  let read: { values: (string | null)[]; end: number } | undefined;
  try {
    read = fastSharedStrings(xml, first, sharedValue);
  } catch (e) {
    if (e instanceof XmlError) return undefined;
    throw e;
  }
  if (!read || !xml.startsWith("</sst>", xml.indexOf("<", read.end))) return undefined;
  const rest = xml.slice(0, first) + xml.slice(read.end);
  if (!wellFormed(rest)) return undefined;
  // Every item between `first` and `end` is a plain <si>; the pass also counts any in the rest.
  return { strings: read.values, count: { items: read.values.length + siTags(rest) } };
}

/** A shared string's value from its raw text: as it is when `plain` (nothing to decode, escape or
 * normalize), else decoded, unescaped and NFC. */
const sharedValue = (raw: string, plain: boolean): string | null =>
  plain ? (raw === "" ? null : raw) : textValue(unescapeOoxml(decodeText(raw)));

/** Shared strings: each `<si>` as the value a cell referring to it reads (null for an empty one), and
 * their count as the limits pass counts them when the fast lane could tell it. */
function parseSharedStrings(xml: string): { strings: (string | null)[]; count?: PartCount } {
  const fast = sharedStringsFast(xml);
  if (fast) return fast;
  const out: (string | null)[] = [];
  let depth = 0; // 1 inside <si>
  let inRun = false;
  let inPhonetic = false;
  let inText = false;
  let text = "";
  let plain: string | undefined;
  let runs: string[] | undefined;
  let runText = "";
  scanXml(xml, {
    open(name) {
      if (name === "si") {
        depth = 1;
        plain = undefined;
        runs = undefined;
      } else if (depth === 1) {
        if (name === "r" && !inPhonetic) {
          inRun = true;
          runText = "";
        } else if (name === "rPh") inPhonetic = true;
        else if (name === "t" && !inPhonetic) {
          inText = true;
          text = "";
        }
      }
    },
    text(s, decoded) {
      if (inText) text += decoded ? s : decodeText(s);
    },
    close(name) {
      if (name === "si") {
        depth = 0;
        const v = plain ?? (runs ? runs.join("") : "");
        out.push(textValue(v));
      } else if (name === "t" && inText) {
        inText = false;
        if (inRun) runText += unescapeOoxml(text);
        else {
          plain = unescapeOoxml(text);
          runs = undefined;
        }
      } else if (name === "r" && inRun) {
        inRun = false;
        (runs ??= []).push(runText);
        plain = undefined;
      } else if (name === "rPh") inPhonetic = false;
    },
  });
  return { strings: out };
}

/** Which cell styles (by index into cellXfs) format numbers as dates or times. */
function parseDateStyles(xml: string): readonly boolean[] {
  const custom = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  const xfs: number[] = [];
  scanXml(xml, {
    open(name, attrs) {
      if (name === "numFmt") {
        const id = Number(attr(attrs, "numFmtId"));
        const code = attr(attrs, "formatCode");
        if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
      } else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) xfs.push(Number(attr(attrs, "numFmtId") ?? 0) || 0);
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
    text() {},
  });
  for (const id of xfs) styles.push(id !== 0 && isDateFormat(custom.get(id) ?? BUILT_IN_FORMATS[id]));
  return styles;
}

/** A part's path from a relationship target of xl/workbook.xml. */
function resolveTarget(target: string): string {
  const t = target.trim();
  const parts = (t.startsWith("/") ? t.slice(1) : `xl/${t}`).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

/** Sheets in workbook order, with the part holding each, and whether dates count from 1904. */
function parseWorkbook(
  workbookXml: string,
  relsXml: string,
  has: (part: string) => boolean,
): { sheets: readonly SheetEntry[]; date1904: boolean } {
  const targets = new Map<string, string>();
  scanXml(relsXml, {
    open(name, attrs) {
      if (name !== "Relationship") return;
      const id = attr(attrs, "Id");
      const target = attr(attrs, "Target");
      if (id && target && attr(attrs, "TargetMode") !== "External") targets.set(id, resolveTarget(target));
    },
    close() {},
    text() {},
  });
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  scanXml(workbookXml, {
    open(name, attrs) {
      if (name === "workbookPr") date1904 = attr(attrs, "date1904") === "1";
      else if (name === "sheet") {
        const rid = attr(attrs, "r:id") ?? relId(attrs);
        const part = rid ? targets.get(rid) : undefined;
        // Chart sheets and dialog sheets hold no cells: a workbook's sheets are its worksheets.
        if (!part || !isWorksheetPart(part) || !has(part)) return;
        const state = attr(attrs, "state");
        sheets.push({
          name: attr(attrs, "name") ?? "",
          visibility: state === "hidden" || state === "veryHidden" ? state : "visible",
          part,
        });
      }
    },
    close() {},
    text() {},
  });
  return { sheets, date1904 };
}

/**
 * `parse` remembering its last answer: asked again with the same text (compared, not hashed: a batch
 * of reports made from one template repeats its workbook and style parts byte for byte), it answers
 * from memory. Only answers are remembered, never failures; callers must not change them.
 */
function lastAnswer<T>(parse: (xml: string) => T): (xml: string) => T {
  let last: { xml: string; value: T } | undefined;
  return (xml) => {
    if (last?.xml === xml) return last.value;
    const value = parse(xml);
    last = { xml, value };
    return value;
  };
}

const dateStylesOf = lastAnswer(parseDateStyles);

let lastWorkbook:
  | {
      workbookXml: string;
      relsXml: string;
      asked: [string, boolean][];
      value: ReturnType<typeof parseWorkbook>;
    }
  | undefined;

/** {@link parseWorkbook} remembering its last answer, with the parts it asked about (see
 * {@link lastAnswer}). */
function workbookOf(workbookXml: string, relsXml: string, has: (part: string) => boolean) {
  const m = lastWorkbook;
  if (
    m &&
    m.workbookXml === workbookXml &&
    m.relsXml === relsXml &&
    m.asked.every(([p, a]) => has(p) === a)
  ) {
    return m.value;
  }
  const asked: [string, boolean][] = [];
  const value = parseWorkbook(workbookXml, relsXml, (part) => {
    const a = has(part);
    asked.push([part, a]);
    return a;
  });
  lastWorkbook = { workbookXml, relsXml, asked, value };
  return value;
}

/** The relationship id of a `<sheet>` whose namespace prefix is not "r". */
function relId(attrs: string): string | undefined {
  const m = /(?:^|\s)[A-Za-z_][\w.-]*:id\s*=\s*["']([^"']*)["']/.exec(attrs);
  return m?.[1];
}

interface SheetContext {
  strings: readonly (string | null)[];
  dateStyles: readonly boolean[];
  date1904: boolean;
  limits: ReadLimits;
  deadline: number;
  name: string;
  file?: string;
}

const CELL_ATTRS = ["r", "s", "t"] as const;
const cellAttrs: (string | undefined)[] = [];

const CELLS_ROOM = 1024;
/** Past this many cells, a sheet's room is let go once it is read, not kept for the next one. */
const CELLS_KEPT = 1 << 16;

/**
 * A sheet's cells in document order, before they are placed in its grid. One list serves every sheet
 * this thread reads (a sheet is read in one synchronous go): growing three arrays for each sheet was
 * a sixth of what reading a report allocated. Row and column numbers are kept as read (doubles: a
 * file may state any number; the limits are checked when the grid is sized).
 */
class CellList {
  rows = new Float64Array(CELLS_ROOM);
  cols = new Float64Array(CELLS_ROOM);
  values: CellValue[] = [];
  length = 0;

  push(row: number, col: number, value: CellValue): void {
    const i = this.length;
    if (i === this.rows.length) this.grow();
    this.rows[i] = row;
    this.cols[i] = col;
    this.values[i] = value;
    this.length = i + 1;
  }

  /** Empty again, holding no value (a grid its reader has let go must not stay alive here); a big
   * sheet's room is let go. */
  clear(): void {
    if (this.rows.length > CELLS_KEPT) {
      this.rows = new Float64Array(CELLS_ROOM);
      this.cols = new Float64Array(CELLS_ROOM);
      this.values = [];
    } else this.values.fill(null, 0, this.length);
    this.length = 0;
  }

  private grow(): void {
    const rows = new Float64Array(this.rows.length * 2);
    const cols = new Float64Array(this.rows.length * 2);
    rows.set(this.rows);
    cols.set(this.cols);
    this.rows = rows;
    this.cols = cols;
  }
}

const sheetCells = new CellList();

/** One worksheet's XML → its grid (used range from A1, trailing empties trimmed) and merges. */
function parseSheet(xml: string, ctx: SheetContext): ParsedSheet {
  try {
    return parseSheetWith(xml, ctx, sheetCells);
  } finally {
    sheetCells.clear(); // empty for the next sheet, also when this one is refused
  }
}

function parseSheetWith(xml: string, ctx: SheetContext, cells: CellList): ParsedSheet {
  const merges: [number, number, number, number][] = [];
  let row = 0;
  let col = 0;
  // The open cell.
  let inCell = false;
  let type = "";
  let style = -1;
  let where: "" | "v" | "t" | "f" = "";
  let v: string | undefined;
  let inInline = false;
  let inRun = false;
  let inPhonetic = false;
  let inlinePlain: string | undefined;
  let inlineRuns: string[] | undefined;
  let runText = "";
  let tText = "";
  let count = 0;
  /** The value when the fast lane read it as digits (type "s" or "n"); -1 otherwise. */
  let num = -1;
  // The limits pass's counts (scan.ts SheetCounter), kept as the fast lane reads: its row number
  // (from row tags only), column, highest row and column, cells; whether every tag was read its way.
  let cRow = 0;
  let cCol = 0;
  let cRows = 0;
  let cCols = 0;
  let cCells = 0;
  let countable = true;
  let passCount: PartCount | undefined;

  const finishCell = (): void => {
    let value: CellValue = null;
    if (num >= 0) {
      // What the cases below give for the same digits: an index (parseInt), a number (parseFloat).
      if (type === "s") {
        const s = ctx.strings[num];
        value = s === undefined ? null : s;
      } else value = style >= 0 && ctx.dateStyles[style] ? dateSerial(num, ctx.date1904) : num;
    } else if (type === "inlineStr") {
      const s = inlinePlain ?? (inlineRuns ? inlineRuns.join("") : v);
      value = s === undefined ? null : textValue(s);
    } else if (v !== undefined && v !== "") {
      switch (type) {
        case "s": {
          const s = ctx.strings[parseInt(v, 10)];
          value = s === undefined ? null : s;
          break;
        }
        case "str":
          value = textValue(v);
          break;
        case "b":
          value = parseInt(v, 10) !== 0;
          break;
        case "e":
          value = v;
          break;
        case "d": {
          // An ISO 8601 date (strict OOXML; rare): its serial, as Excel would store it.
          const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) || !v.includes("T") ? v : `${v}Z`);
          value = dateToSerial(d);
          break;
        }
        default: {
          const x = parseFloat(v);
          if (style >= 0 && ctx.dateStyles[style]) value = dateSerial(x, ctx.date1904);
          else value = Number.isFinite(x) ? x : "#NUM!";
        }
      }
    }
    if (value !== null) cells.push(row, col, value);
    if (++count % 4096 === 0) checkDeadline(ctx);
  };

  const handler: XmlHandler = {
    open(name, attrs) {
      if (inCell) {
        if (name === "v") {
          where = "v";
          v ??= "";
        } else if (name === "f") {
          where = "f";
        } else if (name === "is") inInline = true;
        else if (inInline) {
          if (name === "r" && !inPhonetic) {
            inRun = true;
            runText = "";
          } else if (name === "rPh") inPhonetic = true;
          else if (name === "t" && !inPhonetic) {
            where = "t";
            tText = "";
          }
        }
        return;
      }
      if (name === "c") {
        inCell = true;
        readAttrs(attrs, CELL_ATTRS, cellAttrs);
        const r = cellAttrs[0];
        const at = r === undefined ? undefined : parseRef(r);
        if (at) {
          row = at[0];
          col = at[1];
        } else col += 1;
        type = cellAttrs[2] ?? "n";
        const s = cellAttrs[1];
        style = s === undefined ? -1 : parseInt(s, 10);
        where = "";
        v = undefined;
        num = -1;
        inInline = inRun = inPhonetic = false;
        inlinePlain = inlineRuns = undefined;
      } else if (name === "row") {
        const r = attr(attrs, "r");
        row = r === undefined ? row + 1 : parseInt(r, 10);
        col = 0;
      } else if (name === "mergeCell") {
        const ref = attr(attrs, "ref") ?? "";
        const [a, b = a] = ref.split(":");
        const p = parseRef(a);
        const q = parseRef(b);
        if (p && q) {
          merges.push([
            Math.min(p[0], q[0]),
            Math.min(p[1], q[1]),
            Math.max(p[0], q[0]),
            Math.max(p[1], q[1]),
          ]);
        }
      }
    },
    text(s, decoded) {
      if (where === "v") v += decoded ? s : decodeText(s);
      else if (where === "t") tText += decoded ? s : decodeText(s);
    },
    close(name) {
      if (!inCell) return;
      if (name === "c") {
        inCell = false;
        finishCell();
      } else if (name === "v" || name === "f") where = "";
      else if (name === "t" && where === "t") {
        where = "";
        if (inRun) runText += unescapeOoxml(tText);
        else {
          // A plain inline string is taken as written (ExcelJS decodes escapes in runs only).
          inlinePlain = tText;
          inlineRuns = undefined;
        }
      } else if (name === "r" && inRun) {
        inRun = false;
        (inlineRuns ??= []).push(runText);
        inlinePlain = undefined;
      } else if (name === "rPh") inPhonetic = false;
      else if (name === "is") inInline = false;
    },
  };

  // The fast lane (fastXml.ts) reads the rows and cells of <sheetData>; xml.ts reads the rest of the
  // part (merges, and whether it is well-formed). Anything the fast lane does not take, or a rest that
  // is not well-formed, and the whole part is read the ordinary way, from scratch.
  const reset = (): void => {
    cells.clear();
    merges.length = 0;
    row = col = count = 0;
    num = -1;
    inCell = false;
  };
  let body = xml;
  const open = xml.indexOf("<sheetData>");
  if (open >= 0 && readerLanes.fast && plainBefore(xml, open)) {
    const from = open + 11;
    const to = xml.indexOf("</sheetData>", from);
    const rest = to < 0 ? "" : xml.slice(0, from) + xml.slice(to);
    // No row or cell outside <sheetData>; the <dimension> extents the pass checks.
    const dimensions = to < 0 ? undefined : restOfSheet(rest);
    if (dimensions) {
      let ok = false;
      try {
        ok = fastSheetData(xml, from, to, {
          row(r, n, plain) {
            row = n >= 0 ? n : r === undefined ? row + 1 : parseInt(r, 10);
            col = 0;
            if (!plain) countable = false;
            cRow = n >= 0 ? n : cRow + 1;
            cCol = 0;
            if (cRow > cRows) cRows = cRow;
          },
          cell(a, sRaw, value, digits) {
            if (!a.countable) countable = false;
            if (a.row > 0) {
              cCol = a.col;
              if (a.row > cRows) cRows = a.row;
            } else cCol += 1;
            if (cCol > cCols) cCols = cCol;
            cCells += 1;
            if (a.row > 0) {
              row = a.row;
              col = a.col;
            } else {
              const p = a.ref === undefined ? undefined : parseRef(a.ref);
              if (p) {
                row = p[0];
                col = p[1];
              } else col += 1;
            }
            type = a.type;
            style = sRaw === undefined ? a.style : parseInt(sRaw, 10);
            v = value;
            num = digits;
            inlinePlain = inlineRuns = undefined;
            finishCell();
          },
        });
      } catch (e) {
        if (!(e instanceof XmlError)) throw e;
      }
      if (ok) {
        body = rest;
        if (countable) passCount = { rows: cRows, columns: cCols, cells: cCells, dimensions };
      } else reset();
    }
  }
  try {
    scanXml(body, handler);
  } catch (e) {
    if (body === xml || !(e instanceof XmlError)) throw e;
    reset();
    scanXml(xml, handler);
  }
  return { ...buildGrid(cells, merges, ctx), count: passCount };
}

function buildGrid(
  cells: CellList,
  mergeList: [number, number, number, number][],
  ctx: SheetContext,
): ParsedSheet {
  const { rows, cols, values, length } = cells;
  let height = 0;
  let width = 0;
  for (let i = 0; i < length; i++) {
    if (rows[i] > height) height = rows[i];
    if (cols[i] > width) width = cols[i];
  }
  checkArea(height, width, ctx);
  let grid: Grid = new Array(height);
  for (let r = 0; r < height; r++) grid[r] = new Array<CellValue>(width).fill(null);
  for (let i = 0; i < length; i++) grid[rows[i] - 1][cols[i] - 1] = values[i];
  if (mergeList.length === 0) return { grid, merges: [] };

  // A merge overlapping an earlier one is left out (Excel never writes one).
  const kept: [number, number, number, number][] = [];
  for (const m of mergeList) {
    if (kept.some((k) => m[0] <= k[2] && k[0] <= m[2] && m[1] <= k[3] && k[1] <= m[3])) continue;
    kept.push(m);
  }
  // Values under a merge, except its first cell, read empty; a merge whose first cell holds a value
  // belongs to the used range whole.
  let needRows = 0;
  let needCols = 0;
  for (const [top, left, bottom, right] of kept) {
    for (let r = top; r <= Math.min(bottom, height); r++) {
      const line = grid[r - 1];
      for (let c = left; c <= Math.min(right, width); c++) if (r !== top || c !== left) line[c - 1] = null;
    }
    if (top <= height && left <= width && grid[top - 1][left - 1] !== null) {
      needRows = Math.max(needRows, bottom);
      needCols = Math.max(needCols, right);
    }
  }
  // The used range again: what still holds a value, and the merges that count.
  let h = needRows;
  let w = needCols;
  for (let r = 0; r < height; r++) {
    const line = grid[r];
    for (let c = width - 1; c >= 0; c--) {
      if (line[c] !== null) {
        if (r + 1 > h) h = r + 1;
        if (c + 1 > w) w = c + 1;
        break;
      }
    }
  }
  if (h !== height || w !== width) {
    checkArea(h, w, ctx);
    const sized: Grid = new Array(h);
    for (let r = 0; r < h; r++) {
      const line = r < height ? grid[r] : [];
      const out = line.slice(0, w);
      while (out.length < w) out.push(null);
      sized[r] = out;
    }
    grid = sized;
  }
  return { grid, merges: kept.map((m) => `${columnLetters(m[1])}${m[0]}:${columnLetters(m[3])}${m[2]}`) };
}

/** Past the time budget, the read is answered TOO_LARGE instead of being waited for. */
function checkDeadline(ctx: { deadline: number; limits: ReadLimits; file?: string }): void {
  if (Date.now() < ctx.deadline) return;
  const s = Math.round(ctx.limits.maxMillis / 1000);
  throw new WorkbookReadError("TOO_LARGE", {
    file: ctx.file,
    detail: `đọc quá ${s} giây`,
    detailEn: `reading took longer than ${s} s`,
  });
}

/** A used range larger than the cell limit is refused (a merge can reach far past the values). */
function checkArea(height: number, width: number, ctx: SheetContext): void {
  if (height * width <= ctx.limits.maxCells) return;
  const sheet = `"${ctx.name}"`;
  throw new WorkbookReadError("TOO_LARGE", {
    file: ctx.file,
    detail: `vùng dữ liệu của trang ${sheet} ít nhất ${fmt(height)} dòng × ${fmt(width)} cột; tối đa ${fmt(ctx.limits.maxCells)} ô`,
    detailEn: `the used range of sheet ${sheet} is at least ${height} rows × ${width} columns; the limit is ${ctx.limits.maxCells} cells`,
  });
}

let decoder: TextDecoder | null | undefined;

/** A part's bytes as text: TextDecoder where the host has one (Node, browsers), else Buffer. */
function utf8(data: Uint8Array): string {
  if (decoder === undefined) decoder = typeof TextDecoder === "function" ? new TextDecoder("utf-8") : null;
  if (decoder) return decoder.decode(data);
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The parts a reader of values needs; the rest of the package is only inflated and counted. */
function neededPart(part: string): boolean {
  return (
    isWorksheetPart(part) ||
    /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml)$/i.test(part)
  );
}

function definedLimits(opts: XlsxReadOptions): Partial<ReadLimits> {
  const out: Partial<ReadLimits> = {};
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof ReadLimits)[]) {
    const v = opts[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** A workbook's values, read once from .xlsx bytes. Implements the reading half of the port. */
export class XlsxReader implements WorkbookReading {
  /** Each sheet's part read, or why it could not be (thrown when the sheet is asked for). */
  private readonly parsed = new Map<string, ParsedSheet | { error: WorkbookReadError }>();

  private constructor(
    private readonly sheets: readonly SheetEntry[],
    /** The file name given when reading, for messages. */
    readonly name?: string,
  ) {}

  /**
   * Read an .xlsx from bytes: every sheet is read here, once. Bad input (empty, .xls, encrypted, not
   * a zip, truncated, too large, damaged, malformed XML in the workbook's own parts, a DTD) throws
   * only WorkbookReadError, with the codes of docs/LIMITS.md; a sheet that cannot be read throws when
   * it is asked for, as it did when sheets were read on demand.
   *
   * The limits pass (scan.ts) leaves counting the sheets and shared strings to this reading, which
   * goes over them anyway: when the fast lane read a part the way the pass counts it, its counts
   * stand for the pass's; otherwise, and on any refusal, the pass counts them itself first, so the
   * answer is the pass's (which limit, and a limit before any other fault) whatever was read.
   */
  static async fromBuffer(buf: Uint8Array, opts: XlsxReadOptions = {}): Promise<XlsxReader> {
    const limits: ReadLimits = { ...DEFAULT_LIMITS, ...definedLimits(opts) };
    const deadline = Date.now() + limits.maxMillis;
    /** A time budget of its own, for work that ran within the read's before sheets were read in one go. */
    const ownBudget = (): number => Math.max(deadline, Date.now() + limits.maxMillis);
    const file = opts.name;
    const entries = assertXlsxBytes(buf, limits, file);
    const scan = await scanXlsxParts(buf, entries, limits, file, deadline, { keep: neededPart, defer: true });
    const deferred = scan.deferred!;
    const counts = new Map<string, PartCount>();
    const parts = new Map<string, Uint8Array>();
    for (const p of scan.parts ?? []) parts.set(p.name, p.data);
    let reader: XlsxReader;
    try {
      const text = (part: string): string => {
        const data = parts.get(part);
        return data ? utf8(data) : "";
      };
      const lower = new Map([...parts.keys()].map((k) => [k.toLowerCase(), k]));
      const find = (part: string): string => lower.get(part.toLowerCase()) ?? part;
      const { sheets, date1904 } = workbookOf(
        text(find("xl/workbook.xml")),
        text(find("xl/_rels/workbook.xml.rels")),
        (part) => parts.has(part),
      );
      const sst = find("xl/sharedStrings.xml");
      const styles = find("xl/styles.xml");
      const shared = parts.has(sst) ? parseSharedStrings(text(sst)) : { strings: [] };
      if (shared.count) counts.set(sst, shared.count);
      const dateStyles = parts.has(styles) ? dateStylesOf(text(styles)) : [];
      checkDeadline({ deadline, limits, file });
      const ctx = { strings: shared.strings, dateStyles, date1904, limits, file };
      reader = new XlsxReader(sheets, file);
      for (const entry of sheets) {
        if (reader.parsed.has(entry.part)) continue;
        let parsed: ParsedSheet | { error: WorkbookReadError };
        try {
          // Each sheet gets its own time budget, as when sheets were read on demand.
          parsed = parseSheet(text(entry.part), { ...ctx, deadline: ownBudget(), name: entry.name });
          if (parsed.count) counts.set(entry.part, parsed.count);
          parsed.count = undefined;
        } catch (e) {
          parsed = { error: readError(e, file) };
        }
        reader.parsed.set(entry.part, parsed);
      }
    } catch (e) {
      // A limit crossed comes first, as when the pass counted before reading; the count has a time
      // budget of its own, as it had then (the reading may have used the read's).
      await deferred.exact(ownBudget());
      throw readError(e, file);
    }
    await deferred.settle(counts, ownBudget());
    return reader;
  }

  /** Read an .xlsx file; the size limit is checked from the file's size before reading it. */
  static async open(file: string | Buffer, opts: XlsxReadOptions = {}): Promise<XlsxReader> {
    const { buf, name } = await readWorkbookBytes(file, opts);
    return XlsxReader.fromBuffer(buf, { ...opts, name });
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.sheets.map((s) => ({ name: s.name, visibility: s.visibility }));
  }

  async readSheets(names: readonly string[]): Promise<Map<string, Grid>> {
    const out = new Map<string, Grid>();
    for (const name of names) {
      const sheet = this.sheet(name);
      if (sheet) out.set(name, sheet.grid);
    }
    return out;
  }

  async mergedRanges(names: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const name of names) {
      const sheet = this.sheet(name);
      if (sheet) out.set(name, [...sheet.merges]);
    }
    return out;
  }

  /** A sheet by name (case-insensitive, as Excel names are). */
  private sheet(name: string): ParsedSheet | undefined {
    const key = name.toLowerCase();
    const entry = this.sheets.find((s) => s.name.toLowerCase() === key);
    if (!entry) return undefined;
    const parsed = this.parsed.get(entry.part)!;
    if ("error" in parsed) throw parsed.error;
    return parsed;
  }
}

function readError(e: unknown, file?: string): WorkbookReadError {
  if (isWorkbookReadError(e)) return e;
  const msg = e instanceof Error ? e.message : String(e);
  if (e instanceof XmlError)
    return new WorkbookReadError("UNREADABLE", { file, detail: `XML: ${msg}`.slice(0, 160), cause: e });
  return new WorkbookReadError("UNREADABLE", { file, detail: msg.slice(0, 120), cause: e });
}

/**
 * The bytes of an .xlsx file, refused as TOO_LARGE from its size before it is read; any I/O failure is a
 * WorkbookReadError naming the file. Shared by every adapter that opens a file.
 */
export async function readWorkbookBytes(
  file: string | Buffer, // a Buffer: a path whose name is not UTF-8, opened through its bytes
  opts: XlsxReadOptions = {},
): Promise<{ buf: Buffer; name: string }> {
  const name = opts.name ?? file.toString();
  const maxBytes = opts.maxBytes ?? DEFAULT_LIMITS.maxBytes;
  try {
    const st = await fsp.stat(file);
    if (!st.isFile()) throw new WorkbookReadError("UNREADABLE", { file: name, detail: "not a file" });
    if (st.size > maxBytes) {
      const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
      throw new WorkbookReadError("TOO_LARGE", { file: name, detail: `${mb(st.size)} > ${mb(maxBytes)}` });
    }
    return { buf: await fsp.readFile(file), name };
  } catch (e) {
    if (isWorkbookReadError(e)) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    // A mistyped path is the commonest case: say so, not "open it in Excel and save again".
    if (code === "ENOENT") throw new WorkbookReadError("NOT_FOUND", { file: name, cause: e });
    throw new WorkbookReadError("UNREADABLE", { file: name, detail: code, cause: e });
  }
}
