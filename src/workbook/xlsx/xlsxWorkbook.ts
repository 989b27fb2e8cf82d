// The workbook port over .xlsx files, with ExcelJS: the CLI and the browser page use this where the
// add-in uses Office.js. Reading never modifies the source; saving replaces the file atomically.
import { promises as fsp } from "node:fs";
import ExcelJS from "exceljs";
import type { A1, CellValue, Grid } from "../../domain/cell";
import type { SheetSpec } from "../../domain/sheetSpec";
import type { SheetInfo, WorkbookPort } from "../port";
import { writeFileAtomic, type AtomicFs } from "./atomicWrite";
import { readCellValue } from "./cellValue";
import { WorkbookReadError, isWorkbookReadError } from "./errors";
import { scanXlsxParts } from "./scan";
import { DEFAULT_LIMITS, assertXlsxBytes, type ReadLimits } from "./sniff";
import { SharedStrings, spliceBulkRows, type BulkRows } from "./bulkRows";
import { findSheet, writeRows, writeSheet } from "./writeSheet";
import { nativeZip, storedParts, writeZip } from "./zipWrite";

/** Options for reading a workbook file. */
export interface XlsxReadOptions extends Partial<ReadLimits> {
  /** File name used in error messages. */
  name?: string;
  /**
   * The workbook is only read, never written back (an agency report): the parts and sheet elements
   * no reading of values needs are left out (`NOT_FOR_READING`, `IGNORED_SHEET_NODES`). The limits
   * are checked on every part all the same.
   */
  readOnly?: boolean;
}

/**
 * What a read-only load leaves out. Parts ExcelJS parses or keeps only to write them back (document
 * properties, theme, printer settings, calculation chain, custom XML) or for pictures and charts; and
 * the sheet elements pointing at pictures, tables and links, plus presentation (validations,
 * conditional formats, page setup), so nothing left looks for a part that was dropped. Values, merges,
 * number formats (dates), comments and sheet visibility are all still read.
 */
const NOT_FOR_READING =
  /^(docProps\/|customXml\/|xl\/theme\/|xl\/printerSettings\/|xl\/calcChain\.xml$|xl\/media\/|xl\/charts\/|xl\/drawings\/(?!vmlDrawing)[^/]+\.xml$|xl\/drawings\/_rels\/(?!vmlDrawing))/i;
const IGNORED_SHEET_NODES = [
  "drawing",
  "picture",
  "tableParts",
  "hyperlinks",
  "dataValidations",
  "conditionalFormatting",
  "extLst",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "printOptions",
  "rowBreaks",
];

/** Deflate level of written workbooks: zlib's default, what JSZip used too. */
const WRITE_LEVEL = 6;

/** Map a failure inside JSZip/ExcelJS to a coded error. The bytes already passed the zip
 * directory check, so what fails here is damaged content. */
function loadError(e: unknown, file?: string): WorkbookReadError {
  if (isWorkbookReadError(e)) return e;
  const msg = e instanceof Error ? e.message : String(e);
  if (/end of data|missing \d+ bytes|unexpected end|truncated/i.test(msg)) {
    return new WorkbookReadError("TRUNCATED", { file, cause: e });
  }
  if (/encrypted zip/i.test(msg)) return new WorkbookReadError("ENCRYPTED", { file, cause: e });
  return new WorkbookReadError("UNREADABLE", { file, detail: msg.slice(0, 120), cause: e });
}

function coveredByMerge(cell: ExcelJS.Cell): boolean {
  try {
    return cell.type === ExcelJS.ValueType.Merge && readCellValue(cell.master) !== null;
  } catch {
    return false;
  }
}

/** The used range from A1 as a rectangular grid, trailing empty rows and columns trimmed. */
function readGrid(ws: ExcelJS.Worksheet): Grid {
  const cells: { r: number; c: number; v: CellValue }[] = [];
  let rows = 0;
  let cols = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const v = readCellValue(cell);
      if (v !== null) cells.push({ r: rowNumber - 1, c: colNumber - 1, v });
      // A merge area belongs to the used range as Excel reports it, even though only its master holds the value.
      else if (!coveredByMerge(cell)) return;
      rows = Math.max(rows, rowNumber);
      cols = Math.max(cols, colNumber);
    });
  });
  const grid: Grid = Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(null));
  for (const { r, c, v } of cells) grid[r][c] = v;
  return grid;
}

/** A workbook held in memory, read from or written to an .xlsx file. */
export class XlsxWorkbook implements WorkbookPort {
  /** Long sheets' data rows not built as ExcelJS cells, by lower-case sheet name (bulkRows.ts). */
  private readonly bulk = new Map<string, BulkRows>();

  private constructor(
    private readonly wb: ExcelJS.Workbook,
    /** The file name given when reading, for messages. */
    readonly name?: string,
  ) {}

  /** A new, empty workbook. */
  static create(): XlsxWorkbook {
    const wb = new ExcelJS.Workbook();
    wb.creator = "cchc-reporting";
    return new XlsxWorkbook(wb);
  }

  /**
   * Read an .xlsx from bytes. Bad input (empty, .xls, encrypted, not a zip, truncated, too large,
   * damaged) throws only WorkbookReadError; the bytes are checked before ExcelJS sees them.
   */
  static async fromBuffer(buf: Buffer | Uint8Array, opts: XlsxReadOptions = {}): Promise<XlsxWorkbook> {
    const limits: ReadLimits = { ...DEFAULT_LIMITS, ...definedLimits(opts) };
    const deadline = Date.now() + limits.maxMillis;
    const entries = assertXlsxBytes(buf, limits, opts.name);
    // Inflate and count before ExcelJS builds anything: sizes, rows, columns and cells within limits.
    // A package inflated in one go reaches ExcelJS stored, so JSZip does not inflate it a second time.
    const keep = opts.readOnly ? (part: string) => !NOT_FOR_READING.test(part) : () => true;
    const scan = await scanXlsxParts(buf, entries, limits, opts.name, deadline, { keep });
    const wb = new ExcelJS.Workbook();
    try {
      const bytes = scan.parts
        ? writeZip(scan.parts)
        : Buffer.isBuffer(buf)
          ? buf
          : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
      // ExcelJS's typings want its own Buffer alias; a Node Buffer is what it uses at runtime.
      const load = opts.readOnly ? { ignoreNodes: IGNORED_SHEET_NODES } : undefined;
      await withDeadline(wb.xlsx.load(bytes as unknown as ExcelJS.Buffer, load), deadline, limits, opts.name);
    } catch (e) {
      throw loadError(e, opts.name);
    }
    return new XlsxWorkbook(wb, opts.name);
  }

  /** Read an .xlsx file; the size limit is checked from the file's size before reading it. */
  static async open(file: string, opts: XlsxReadOptions = {}): Promise<XlsxWorkbook> {
    const name = opts.name ?? file;
    const maxBytes = opts.maxBytes ?? DEFAULT_LIMITS.maxBytes;
    let buf: Buffer;
    try {
      const st = await fsp.stat(file);
      if (!st.isFile()) throw new WorkbookReadError("UNREADABLE", { file: name, detail: "not a file" });
      if (st.size > maxBytes) {
        const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
        throw new WorkbookReadError("TOO_LARGE", { file: name, detail: `${mb(st.size)} > ${mb(maxBytes)}` });
      }
      buf = await fsp.readFile(file);
    } catch (e) {
      if (isWorkbookReadError(e)) throw e;
      const code = (e as NodeJS.ErrnoException).code ?? String(e);
      throw new WorkbookReadError("UNREADABLE", { file: name, detail: code, cause: e });
    }
    return XlsxWorkbook.fromBuffer(buf, { ...opts, name });
  }

  /** The underlying ExcelJS workbook, for adapter-level extras (charts are not supported by ExcelJS). */
  get exceljs(): ExcelJS.Workbook {
    for (const name of [...this.bulk.keys()]) this.materialize(name);
    return this.wb;
  }

  /** Build a long sheet's pending data rows as ExcelJS cells, for a caller that reads them back. */
  private materialize(name: string): void {
    const key = name.toLowerCase();
    const pending = this.bulk.get(key);
    if (!pending) return;
    this.bulk.delete(key);
    const ws = findSheet(this.wb, pending.sheet);
    if (ws) writeRows(ws, pending.rows, pending.firstRow - 1);
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.wb.worksheets.map((ws) => ({ name: ws.name, visibility: ws.state ?? "visible" }));
  }

  async readSheets(names: readonly string[]): Promise<Map<string, Grid>> {
    const out = new Map<string, Grid>();
    for (const name of names) {
      this.materialize(name);
      const ws = findSheet(this.wb, name);
      if (ws) out.set(name, readGrid(ws));
    }
    return out;
  }

  async mergedRanges(sheet: string): Promise<string[]> {
    this.materialize(sheet);
    const ws = findSheet(this.wb, sheet);
    if (!ws || !ws.hasMerges) return [];
    // `ws.model` would build a model of every row and cell only to hand back the merges: read
    // ExcelJS's own merge list instead, when it has the shape ExcelJS 4 gives it.
    const own = (ws as unknown as { _merges?: Record<string, { range?: unknown }> })._merges;
    const ranges = own && typeof own === "object" ? Object.values(own).map((m) => m?.range) : [];
    if (ranges.length > 0 && ranges.every((r): r is string => typeof r === "string")) return ranges;
    return [...ws.model.merges];
  }

  async writeSheets(specs: readonly SheetSpec[]): Promise<void> {
    for (const spec of specs) {
      this.bulk.delete(spec.name.toLowerCase()); // the sheet is replaced, pending rows with it
      // Rows can only be spliced into the saved XML where native zlib packs the file.
      const bulk = await writeSheet(this.wb, spec, { bulk: nativeZip() });
      if (bulk) this.bulk.set(spec.name.toLowerCase(), bulk);
    }
  }

  async selectCell(_sheet: string, _cell: A1): Promise<void> {
    // Files have no selection to move.
  }

  /**
   * The workbook as .xlsx bytes. `level` is the deflate level (0–9, default 6) where native zlib
   * packs the file; elsewhere JSZip's default applies.
   */
  async toBuffer(opts: { level?: number } = {}): Promise<Buffer> {
    this.activateVisibleSheet();
    if (nativeZip()) {
      // JSZip only packs the parts (stored); native zlib deflates them, several times faster than
      // pako, after the long sheets' data rows are written into their XML.
      const stored = await this.wb.xlsx.writeBuffer({ zip: { compression: "STORE" } });
      const parts = storedParts(Buffer.isBuffer(stored) ? stored : Buffer.from(stored as ArrayBuffer));
      const utf8 = (data: Uint8Array): string => Buffer.from(data).toString("utf8");
      const sst = parts.find((p) => p.name === "xl/sharedStrings.xml");
      const strings = SharedStrings.after(sst && utf8(sst.data));
      for (const pending of this.bulk.values()) {
        const ws = findSheet(this.wb, pending.sheet);
        // ExcelJS names each sheet's part after the sheet's id.
        const part = ws && parts.find((p) => p.name === `xl/worksheets/sheet${ws.id}.xml`);
        if (!part) throw new Error(`toBuffer: no part for sheet ${pending.sheet}`);
        part.data = Buffer.from(spliceBulkRows(utf8(part.data), pending, strings), "utf8");
      }
      if (sst) sst.data = Buffer.from(strings.finish(utf8(sst.data)), "utf8");
      return writeZip(parts, { level: opts.level ?? WRITE_LEVEL });
    }
    const out = await this.wb.xlsx.writeBuffer();
    return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
  }

  /**
   * Save to `file` atomically: a temp file in the same folder, fsync, rename. On failure the old
   * file is left byte-identical. `fs` is for tests that inject a failing write.
   */
  async saveAtomic(file: string, opts: { fs?: AtomicFs; level?: number } = {}): Promise<void> {
    await writeFileAtomic(file, () => this.toBuffer({ level: opts.level }), opts.fs);
  }

  /** Excel misbehaves when the active tab is a hidden sheet (e.g. "_lists" placed first). */
  private activateVisibleSheet(): void {
    const sheets = this.wb.worksheets;
    const view = this.wb.views?.[0];
    const active = view?.activeTab ?? 0;
    if (!sheets[active] || sheets[active].state === "visible" || sheets[active].state === undefined) return;
    const idx = sheets.findIndex((s) => (s.state ?? "visible") === "visible");
    if (idx < 0) return;
    const base: ExcelJS.WorkbookView = view ?? {
      x: 0,
      y: 0,
      width: 12000,
      height: 24000,
      visibility: "visible",
    };
    this.wb.views = [{ ...base, activeTab: idx, firstSheet: Math.min(base.firstSheet ?? 0, idx) }];
  }
}

function definedLimits(opts: XlsxReadOptions): Partial<ReadLimits> {
  const out: Partial<ReadLimits> = {};
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof ReadLimits)[]) {
    const v = opts[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/**
 * The time budget: past the deadline the read is answered with TOO_LARGE. ExcelJS cannot be
 * cancelled, but the limits checked before it started bound what it still has to do.
 */
async function withDeadline<T>(
  work: Promise<T>,
  deadline: number,
  limits: ReadLimits,
  file?: string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new WorkbookReadError("TOO_LARGE", {
            file,
            detail: `đọc quá ${Math.round(limits.maxMillis / 1000)} giây`,
            detailEn: `reading took longer than ${Math.round(limits.maxMillis / 1000)} s`,
          }),
        ),
      Math.max(0, deadline - Date.now()),
    );
    timer.unref?.();
  });
  work.catch(() => undefined); // a late failure after the deadline answered is not unhandled
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
