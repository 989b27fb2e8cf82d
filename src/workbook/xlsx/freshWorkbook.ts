// A new workbook written straight as OOXML from SheetSpecs, without ExcelJS (issue 15): what
// `cchc consolidate` writes when the rollup does not exist yet. Loading ExcelJS and building its cell
// model cost more than reading 200 reports. The presentation is the one writeSheet.ts gives through
// ExcelJS (../presentation.ts decides it for both): bold, filled, locked header rows frozen at the
// top; column widths, number formats, wrapping and unlocked data columns as column styles the data
// cells carry; per-cell number formats over those; highlighted rows filled; dropdowns inline or on the hidden lists sheet; headers
// protected without a password; hidden sheets; a visible sheet active. Node only (native zlib packs
// it: zipWrite.ts); tests/xlsx/freshWorkbook.test.ts compares it with the ExcelJS writer cell by cell.
import { columnLetters, type CellValue } from "../../domain/cell";
import { NUMBER_FORMATS, type SheetSpec } from "../../domain/sheetSpec";
import {
  argb,
  cellNumberFormats,
  dropdownSource,
  HEADER_FILL,
  HIGHLIGHT_FILL,
  lastPreparedRow,
  LIST_ERROR,
  LISTS_SHEET,
  listsRange,
} from "../presentation";
import { textElement, xmlText } from "./bulkRows";
import { inlineListFormula } from "./lists";
import { storedTextOnce } from "./storedText";
import { deflateSoon, writeZip, writeZipSoon, type EarlyPart } from "./zipWrite";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Number formats Excel knows by id; any other is declared in styles.xml from id 164. */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "@": 49,
};

/** A cell style, as writeSheet.ts composes it for ExcelJS. */
interface Style {
  numFmt?: string;
  bold?: boolean;
  /** Fill colour, "#RRGGBB". */
  fill?: string;
  /** "top" for wrapped data columns, "center" for headers. */
  wrap?: "top" | "center";
  unlocked?: boolean;
}

/** The cell formats (`cellXfs`) of styles.xml, numbered as they are first used; 0 is plain. */
class Styles {
  private readonly ids = new Map<string, number>([["{}", 0]]);
  private readonly xfs: Style[] = [{}];

  id(style: Style): number {
    const key = JSON.stringify(style);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.xfs.length;
      this.ids.set(key, id);
      this.xfs.push(style);
    }
    return id;
  }

  xml(): string {
    const custom = new Map<string, number>();
    const fills = [HEADER_FILL, HIGHLIGHT_FILL];
    for (const s of this.xfs) {
      if (s.numFmt && BUILTIN_FORMATS[s.numFmt] === undefined && !custom.has(s.numFmt))
        custom.set(s.numFmt, 164 + custom.size);
      if (s.fill && !fills.includes(s.fill)) fills.push(s.fill);
    }
    const numFmts = custom.size
      ? `<numFmts count="${custom.size}">${[...custom]
          .map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`)
          .join("")}</numFmts>`
      : "";
    const font = (bold: boolean) =>
      `<font>${bold ? "<b/>" : ""}<sz val="11"/><name val="Calibri"/><family val="2"/></font>`;
    const fillXml = fills
      .map((f) => `<fill><patternFill patternType="solid"><fgColor rgb="${argb(f)}"/></patternFill></fill>`)
      .join("");
    const xfs = this.xfs.map((s) => {
      const numFmtId = s.numFmt ? (BUILTIN_FORMATS[s.numFmt] ?? custom.get(s.numFmt)!) : 0;
      const fillId = s.fill ? 2 + fills.indexOf(s.fill) : 0;
      const apply =
        (numFmtId ? ' applyNumberFormat="1"' : "") +
        (s.bold ? ' applyFont="1"' : "") +
        (fillId ? ' applyFill="1"' : "") +
        (s.wrap ? ' applyAlignment="1"' : "") +
        (s.unlocked ? ' applyProtection="1"' : "");
      const inner =
        (s.wrap ? `<alignment vertical="${s.wrap}" wrapText="1"/>` : "") +
        (s.unlocked ? '<protection locked="0"/>' : "");
      const attrs = `numFmtId="${numFmtId}" fontId="${s.bold ? 1 : 0}" fillId="${fillId}" borderId="0" xfId="0"${apply}`;
      return inner ? `<xf ${attrs}>${inner}</xf>` : `<xf ${attrs}/>`;
    });
    return (
      `${DECL}<styleSheet xmlns="${MAIN}">${numFmts}` +
      `<fonts count="2">${font(false)}${font(true)}</fonts>` +
      `<fills count="${2 + fills.length}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${fillXml}</fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
      `<dxfs count="0"/><tableStyles count="0"/></styleSheet>`
    );
  }
}

/** The workbook's shared-string table. */
class Strings {
  /** Index by the text as given: a rollup repeats a few thousand texts on 100,000+ cells, so the
   * stored form (storedTextOnce) is worked out once per distinct text. */
  private readonly given = new Map<string, number>();
  private readonly index = new Map<string, number>();
  private readonly items: string[] = [];
  private uses = 0;

  id(text: string): number {
    this.uses += 1;
    let i = this.given.get(text);
    if (i === undefined) {
      const stored = storedTextOnce(text);
      i = this.index.get(stored);
      if (i === undefined) {
        i = this.items.length;
        this.index.set(stored, i);
        this.items.push(stored);
      }
      if (text.length <= 256) this.given.set(text, i);
    }
    return i;
  }

  xml(): string {
    const items = this.items.map((t) => `<si>${textElement(t)}</si>`).join("");
    return `${DECL}<sst xmlns="${MAIN}" count="${this.uses}" uniqueCount="${this.items.length}">${items}</sst>`;
  }
}

/**
 * Bytes of ASCII markup, appended without building strings: a rollup's sheets are 10 MB of XML in
 * 200,000 cells, and a string per cell was mostly garbage to collect.
 */
class AsciiSink {
  private buf: Buffer;
  length = 0;

  constructor(capacity: number) {
    this.buf = Buffer.allocUnsafe(Math.max(1024, capacity));
  }

  private room(k: number): void {
    if (this.length + k <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.length + k));
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
  }

  /** ASCII text (markup, cell references, numbers). */
  ascii(s: string): void {
    this.room(s.length);
    const buf = this.buf;
    let n = this.length;
    for (let i = 0; i < s.length; i++) buf[n++] = s.charCodeAt(i);
    this.length = n;
  }

  /** Room for `n` bytes, filled later with {@link before}. */
  skip(n: number): void {
    this.room(n);
    this.length += n;
  }

  /** `s` as UTF-8, ending at `end` (within room skipped before); where it starts. */
  before(end: number, s: string): number {
    const start = end - Buffer.byteLength(s, "utf8");
    if (start < 0) throw new Error("AsciiSink.before: the text is longer than the room kept for it");
    this.buf.write(s, start, "utf8");
    return start;
  }

  /** Any text, as UTF-8 (the sheet's tail: a list's error message is Vietnamese). */
  utf8(s: string): void {
    this.room(Buffer.byteLength(s, "utf8"));
    this.length += this.buf.write(s, this.length, "utf8");
  }

  /** A non-negative integer. */
  int(v: number): void {
    if (v < 10) {
      this.room(1);
      this.buf[this.length++] = 48 + v;
    } else this.ascii(String(v));
  }

  bytes(): Buffer {
    return this.buf.subarray(0, this.length);
  }
}

/** Whether a value writes a cell; an empty one only does with a style. */
const isEmpty = (v: CellValue | undefined): v is null | undefined => v === null || v === undefined;

/** The markup after a cell's reference for one style (` s="3"` or none), by kind of value. */
interface CellMarkup {
  empty: string;
  number: string;
  text: string;
  boolean: string;
  error: string;
}

const markups = new Map<string, CellMarkup>();
function cellMarkup(styleAttr: string): CellMarkup {
  let m = markups.get(styleAttr);
  if (!m) {
    m = {
      empty: `"${styleAttr}/>`,
      number: `"${styleAttr}><v>`,
      text: `"${styleAttr} t="s"><v>`,
      boolean: `"${styleAttr} t="b"><v>`,
      error: `"${styleAttr} t="e"><v>#NUM!</v></c>`,
    };
    markups.set(styleAttr, m);
  }
  return m;
}

/** One cell: `<c r="B12" s="3" t="s"><v>41</v></c>`; `open` is `<c r="B`, `row` "12". */
function writeCell(
  out: AsciiSink,
  open: string,
  row: string,
  m: CellMarkup,
  v: CellValue | undefined,
  strings: Strings,
): void {
  out.ascii(open);
  out.ascii(row);
  if (isEmpty(v)) out.ascii(m.empty);
  else if (typeof v === "number") {
    // Non-finite numbers would corrupt the file: #NUM!, as the ExcelJS path writes.
    if (!Number.isFinite(v)) out.ascii(m.error);
    else {
      out.ascii(m.number);
      out.ascii(String(v));
      out.ascii("</v></c>");
    }
  } else if (typeof v === "boolean") {
    out.ascii(m.boolean);
    out.ascii(v ? "1</v></c>" : "0</v></c>");
  } else {
    out.ascii(m.text);
    out.int(strings.id(v));
    out.ascii("</v></c>");
  }
}

/** The hidden lists sheet's columns, one list each, identical lists sharing a column. */
class Lists {
  readonly columns: string[][] = [];

  /** The data-validation formula for a dropdown of `items` (without "="). */
  formula(items: readonly string[]): string {
    const source = dropdownSource(items);
    if ("inline" in source) return inlineListFormula(source.inline);
    const cells = source.cells;
    let col = this.columns.findIndex((c) => c.length === cells.length && c.every((s, i) => s === cells[i]));
    if (col < 0) col = this.columns.push(cells) - 1;
    return listsRange(LISTS_SHEET, columnLetters(col), cells.length);
  }

  spec(): SheetSpec {
    const height = Math.max(...this.columns.map((c) => c.length));
    const rows = Array.from({ length: height }, (_, r) => this.columns.map((c) => c[r] ?? null));
    return { name: LISTS_SHEET, rows, hidden: true };
  }
}

/** A sheet's XML, UTF-8 (its texts go to `strings`, its styles to `styles`). */
function sheetXml(spec: SheetSpec, styles: Styles, strings: Strings, lists: Lists): Uint8Array {
  const headerRows = Math.max(0, spec.headerRows ?? 0);
  const columns = spec.columns ?? [];
  let width = columns.length;
  for (const r of spec.rows) if (r.length > width) width = r.length;
  const letters = Array.from({ length: width }, (_, c) => columnLetters(c));
  const opens = letters.map((l) => `<c r="${l}`);

  // Column styles: data cells carry their column's; Excel applies it to rows people add later.
  const colStyle: Style[] = [];
  const colIds: number[] = [];
  for (let c = 0; c < width; c++) {
    const cs = columns[c] ?? {};
    const s: Style = {};
    if (cs.format) s.numFmt = NUMBER_FORMATS[cs.format];
    if (cs.wrap) s.wrap = "top";
    if (spec.protectHeaders) s.unlocked = true;
    colStyle.push(s);
    colIds.push(styles.id(s));
  }
  const header: Style = { bold: true, fill: HEADER_FILL, wrap: "center" };
  const markupOf = (id: number): CellMarkup => cellMarkup(id ? ` s="${id}"` : "");
  const plain = markupOf(0);
  const headerMarkup = markupOf(styles.id(header));
  let litHeaderMarkup: CellMarkup | undefined;
  const colMarkup = colIds.map(markupOf);
  const litColMarkup: CellMarkup[] = [];
  /** A cell's style before its own number format: the header's, the column's, highlighted or not
   * (a header's has no number format, as writeSheet.ts replaces a header cell's whole style). */
  const baseStyle = (isHeader: boolean, isLit: boolean, c: number): Style => {
    const base = isHeader ? header : colStyle[c];
    return isLit ? { ...base, fill: HIGHLIGHT_FILL } : base;
  };
  const litMarkup = (c: number): CellMarkup =>
    (litColMarkup[c] ??= markupOf(styles.id({ ...colStyle[c], fill: HIGHLIGHT_FILL })));
  const highlighted = new Set(
    (spec.highlightRows ?? []).filter((r) => Number.isInteger(r) && r >= 0 && r < spec.rows.length),
  );
  // Per-cell number formats (a template's rate rows), by row then column: the cell's style with the
  // format replaced, written even on an empty cell, as writeSheet.ts gives it through ExcelJS.
  const cellFormats = new Map<number, Map<number, string>>();
  for (const f of cellNumberFormats(spec, width)) {
    let row = cellFormats.get(f.row);
    if (!row) cellFormats.set(f.row, (row = new Map()));
    row.set(f.col, f.code);
  }

  const dimension = (lastRow: number, lastCol: number): string =>
    lastRow ? `A1:${columnLetters(Math.max(lastCol, 1) - 1)}${lastRow}` : "A1";
  const top = headerRows > 0 ? `A${headerRows + 1}` : "";
  const views = top
    ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`
    : "";

  // <col> runs: adjacent columns with the same width and style share one element.
  const cols: string[] = [];
  const widthAttrs = Array.from({ length: width }, (_, c) => {
    const w = columns[c]?.width;
    return w !== undefined && w > 0 ? ` width="${w}" customWidth="1"` : "";
  });
  for (let c = 0; c < width;) {
    const widthAttr = widthAttrs[c];
    const styleAttr = colIds[c] ? ` style="${colIds[c]}"` : "";
    let end = c;
    while (end + 1 < width && widthAttrs[end + 1] === widthAttr && colIds[end + 1] === colIds[c]) end++;
    if (widthAttr || styleAttr) cols.push(`<col min="${c + 1}" max="${end + 1}"${widthAttr}${styleAttr}/>`);
    c = end + 1;
  }

  const protection = spec.protectHeaders
    ? '<sheetProtection sheet="1" formatColumns="0" formatRows="0" sort="0" autoFilter="0"/>'
    : "";
  const lastValidatedRow = lastPreparedRow(spec.rows.length, headerRows);
  const validations: string[] = [];
  columns.forEach((cs, c) => {
    if (!cs.list || cs.list.length === 0) return;
    const l = letters[c] ?? columnLetters(c);
    validations.push(
      `<dataValidation type="list" errorStyle="stop" allowBlank="1" showErrorMessage="1" errorTitle="${xmlText(LIST_ERROR.title)}" error="${xmlText(LIST_ERROR.message)}" sqref="${l}${headerRows + 1}:${l}${lastValidatedRow}"><formula1>${xmlText(lists.formula(cs.list))}</formula1></dataValidation>`,
    );
  });
  const dv = validations.length
    ? `<dataValidations count="${validations.length}">${validations.join("")}</dataValidations>`
    : "";

  const headFor = (range: string): string =>
    `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="${range}"/>${views}` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols.length ? `<cols>${cols.join("")}</cols>` : ""}<sheetData>`;
  const tail =
    `</sheetData>${protection}${dv}` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  let lastRow = 0;
  let lastCol = 0;
  // The head names the used range, known once the rows are written. So the rows go after room for the
  // longest head the sheet could have, and the head then just before them: the sheet's bytes are made
  // once, in one buffer, never joined into a copy.
  const room = Buffer.byteLength(headFor(dimension(spec.rows.length, width)), "utf8");
  // About 40 bytes a cell: most sheets fit without growing.
  let cellCount = 0;
  for (const r of spec.rows) cellCount += r.length;
  const data = new AsciiSink(room + cellCount * 40 + spec.rows.length * 20 + tail.length * 3);
  data.skip(room);
  for (let r = 0; r < spec.rows.length; r++) {
    const row = spec.rows[r];
    const isHeader = r < headerRows;
    const isLit = highlighted.has(r);
    const formats = cellFormats.get(r);
    // Header and highlighted rows style every cell of the sheet's width, empty ones too; so does a
    // cell with a format of its own.
    const n = isHeader || isLit || formats ? width : row.length;
    const ref = String(r + 1);
    let wrote = false;
    for (let c = 0; c < n; c++) {
      const v = row[c];
      const code = formats?.get(c);
      const style =
        code !== undefined
          ? markupOf(styles.id({ ...baseStyle(isHeader, isLit, c), numFmt: code }))
          : isHeader
            ? isLit
              ? (litHeaderMarkup ??= markupOf(styles.id({ ...header, fill: HIGHLIGHT_FILL })))
              : headerMarkup
            : isLit
              ? litMarkup(c)
              : isEmpty(v)
                ? plain
                : colMarkup[c];
      if (style === plain && isEmpty(v)) continue;
      if (!wrote) {
        data.ascii('<row r="');
        data.ascii(ref);
        data.ascii('">');
        wrote = true;
      }
      writeCell(data, opens[c], ref, style, v, strings);
      if (c + 1 > lastCol) lastCol = c + 1;
    }
    if (!wrote) continue;
    data.ascii("</row>");
    lastRow = r + 1;
  }

  const start = data.before(room, headFor(dimension(lastRow, lastCol)));
  data.utf8(tail);
  return data.bytes().subarray(start);
}

/** Core properties carried over, stamped as modified now (when they say when they were modified). */
const modifiedAt = (xml: string, stamp: string): string =>
  xml.replace(/(<dcterms:modified\b[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`);

/** `specs` by name, compared as Excel does: a later spec of a name replaces an earlier one in its place. */
function uniqueSpecs(specs: readonly SheetSpec[]): SheetSpec[] {
  const byName = new Map<string, SheetSpec>();
  for (const spec of specs) byName.set(spec.name.toLowerCase(), spec);
  return [...byName.values()];
}

/** Where the hidden lists sheet goes among `unique` specs: after the first whose dropdowns need it
 * (a list too long or with a comma to write inline), where ExcelJS adds it; -1 when none do. */
function listsSheetAt(unique: readonly SheetSpec[]): number {
  const needs = (spec: SheetSpec): boolean =>
    (spec.columns ?? []).some((c) => !!c.list?.length && "cells" in dropdownSource(c.list));
  const i = unique.findIndex(needs);
  return i < 0 ? -1 : i + 1;
}

/** The sheets a new workbook of `specs` holds, in order, the lists sheet included when a dropdown
 * needs it (as freshWorkbookParts places it). */
export function freshSheetNames(specs: readonly SheetSpec[]): string[] {
  const unique = uniqueSpecs(specs);
  const names = unique.map((spec) => spec.name);
  const at = listsSheetAt(unique);
  if (at >= 0) names.splice(at, 0, LISTS_SHEET);
  return names;
}

/**
 * The parts of a new workbook holding `specs` in order (a later spec of the same name, compared as
 * Excel does, replaces an earlier one in its place), plus the hidden lists sheet when a dropdown
 * needs it.
 */
function freshWorkbookParts(
  specs: readonly SheetSpec[],
  now: Date = new Date(),
  early?: (data: Uint8Array) => Promise<Uint8Array>,
  /** Core properties to carry over from the workbook this one replaces (docProps/core.xml). */
  props?: Uint8Array,
): EarlyPart[] {
  const unique = uniqueSpecs(specs);
  const styles = new Styles();
  const strings = new Strings();
  const lists = new Lists();
  const sheets: { name: string; hidden: boolean; xml: Uint8Array; deflated?: Promise<Uint8Array> }[] = [];
  // Each sheet's deflation starts as soon as its XML exists, beside the making of the next sheets.
  const sheet = (name: string, hidden: boolean, xml: Uint8Array) => ({
    name,
    hidden,
    xml,
    deflated: early?.(xml),
  });
  const listsAt = listsSheetAt(unique);
  for (const spec of unique)
    sheets.push(sheet(spec.name, !!spec.hidden, sheetXml(spec, styles, strings, lists)));
  if (listsAt >= 0 !== lists.columns.length > 0)
    throw new Error("freshWorkbookParts: the lists sheet's place and the dropdowns written disagree");
  if (listsAt >= 0) {
    if (unique.some((spec) => spec.name.toLowerCase() === LISTS_SHEET.toLowerCase()))
      throw new Error(`freshWorkbookParts: a sheet is named ${LISTS_SHEET}, which the dropdowns need`);
    const spec = lists.spec();
    sheets.splice(listsAt, 0, sheet(spec.name, true, sheetXml(spec, styles, strings, lists)));
  }
  if (sheets.length === 0) throw new Error("freshWorkbookParts: a workbook needs at least one sheet");

  // Excel misbehaves when the active tab is a hidden sheet.
  const active = Math.max(
    0,
    sheets.findIndex((s) => !s.hidden),
  );
  const utf8 = (s: string): Uint8Array => Buffer.from(s, "utf8");
  const sheetRefs = sheets
    .map(
      (s, i) =>
        `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ""} r:id="rId${i + 3}"/>`,
    )
    .join("");
  const workbook =
    `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="${active}"/></bookViews>` +
    `<sheets>${sheetRefs}</sheets><calcPr calcId="171027"/></workbook>`;
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  const workbookRels =
    `${DECL}<Relationships xmlns="${PKG_REL}">` +
    rel("rId1", `${REL}/styles`, "styles.xml") +
    rel("rId2", `${REL}/sharedStrings`, "sharedStrings.xml") +
    sheets.map((_, i) => rel(`rId${i + 3}`, `${REL}/worksheet`, `worksheets/sheet${i + 1}.xml`)).join("") +
    `</Relationships>`;
  const rootRels =
    `${DECL}<Relationships xmlns="${PKG_REL}">` +
    rel("rId1", `${REL}/officeDocument`, "xl/workbook.xml") +
    rel("rId2", `${PKG_REL}/metadata/core-properties`, "docProps/core.xml") +
    rel("rId3", `${REL}/extended-properties`, "docProps/app.xml") +
    `</Relationships>`;
  const ct = "application/vnd.openxmlformats-officedocument";
  const override = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;
  const contentTypes =
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    override("/xl/workbook.xml", `${ct}.spreadsheetml.sheet.main+xml`) +
    sheets
      .map((_, i) => override(`/xl/worksheets/sheet${i + 1}.xml`, `${ct}.spreadsheetml.worksheet+xml`))
      .join("") +
    override("/xl/styles.xml", `${ct}.spreadsheetml.styles+xml`) +
    override("/xl/sharedStrings.xml", `${ct}.spreadsheetml.sharedStrings+xml`) +
    override("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml") +
    override("/docProps/app.xml", `${ct}.extended-properties+xml`) +
    `</Types>`;
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  const core =
    `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>cchc-reporting</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`;
  const app = `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>cchc-reporting</Application></Properties>`;

  return [
    { name: "[Content_Types].xml", data: utf8(contentTypes) },
    { name: "_rels/.rels", data: utf8(rootRels) },
    {
      name: "docProps/core.xml",
      data: props ? utf8(modifiedAt(Buffer.from(props).toString("utf8"), stamp)) : utf8(core),
    },
    { name: "docProps/app.xml", data: utf8(app) },
    { name: "xl/workbook.xml", data: utf8(workbook) },
    { name: "xl/_rels/workbook.xml.rels", data: utf8(workbookRels) },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: s.xml, deflated: s.deflated })),
    { name: "xl/styles.xml", data: utf8(styles.xml()) },
    { name: "xl/sharedStrings.xml", data: utf8(strings.xml()) },
  ];
}

/** A new workbook of `specs` as .xlsx bytes, deflated at `level` (default 6). Requires nativeZip(). */
export function freshWorkbookBytes(
  specs: readonly SheetSpec[],
  opts: { level?: number; now?: Date } = {},
): Buffer {
  return writeZip(freshWorkbookParts(specs, opts.now), { level: opts.level ?? 6 });
}

/**
 * The same bytes as {@link freshWorkbookBytes}, sooner: each sheet is deflated on the thread pool
 * while the next is made (a provincial rollup's 10 MB of XML took a third of the write to deflate).
 */
export async function freshWorkbookBytesSoon(
  specs: readonly SheetSpec[],
  opts: { level?: number; now?: Date; coreProperties?: Uint8Array } = {},
): Promise<Buffer> {
  const level = opts.level ?? 6;
  return writeZipSoon(
    freshWorkbookParts(specs, opts.now, (xml) => deflateSoon(xml, level), opts.coreProperties),
    { level },
  );
}
