// The workbook port over .xlsx files for the CLI and the browser page (where the add-in uses Office.js).
// Values are read by the one reader, XlsxReader (xlsxReader.ts); ExcelJS is the writer, loaded from
// the file's bytes only when a workbook read from a file is written to (a rollup merged into).
// Reading never modifies the source; saving replaces the file atomically.
import type ExcelJS from "exceljs";
import type { A1, Grid } from "../../domain/cell";
import type { SheetSpec } from "../../domain/sheetSpec";
import type { SheetInfo, WorkbookPort } from "../port";
import { writeFileAtomic, type AtomicFs } from "./atomicWrite";
import { WorkbookReadError, isWorkbookReadError } from "./errors";
import { DEFAULT_LIMITS, type ReadLimits } from "./sniff";
import { SharedStrings, spliceBulkRows, type BulkRows } from "./bulkRows";
import { findSheet, writeRows, writeSheet } from "./writeSheet";
import { XlsxReader, readWorkbookBytes, type XlsxReadOptions } from "./xlsxReader";
import { coreProperties, holdsOnlySheets } from "./ownParts";
import { nativeZip, storedParts, writeZip } from "./zipWrite";

export type { XlsxReadOptions } from "./xlsxReader";

let excel: typeof ExcelJS | undefined;

/**
 * ExcelJS, loaded on first use: only a workbook written through it needs it. Loading it costs about
 * 0.2 s of CPU, and a re-run of `cchc consolidate` reads its old rollup here and, when that holds only
 * its own sheets, writes the new one without ExcelJS (freshWorkbook.ts).
 */
function loadExcelJS(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (excel ??= require("exceljs") as typeof ExcelJS);
}

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

/** A workbook held in memory, read from or written to an .xlsx file. */
export class XlsxWorkbook implements WorkbookPort {
  /** Long sheets' data rows not built as ExcelJS cells, by lower-case sheet name (bulkRows.ts). */
  private readonly bulk = new Map<string, BulkRows>();
  /** The values as last read or saved; dropped when the workbook changes, re-read from its bytes. */
  private reader: XlsxReader | undefined;
  /** The ExcelJS model, for writing: built at once for a new workbook, from the bytes when needed. */
  private wb: ExcelJS.Workbook | undefined;

  private constructor(
    init: { wb: ExcelJS.Workbook } | { reader: XlsxReader; bytes: Uint8Array; opts: XlsxReadOptions },
    /** The file name given when reading, for messages. */
    readonly name?: string,
  ) {
    if ("wb" in init) this.wb = init.wb;
    else {
      this.reader = init.reader;
      this.source = { bytes: init.bytes, opts: init.opts };
    }
  }

  /** The bytes read, until ExcelJS has loaded them. */
  private source: { bytes: Uint8Array; opts: XlsxReadOptions } | undefined;

  /** A new, empty workbook. */
  static create(): XlsxWorkbook {
    const wb = new (loadExcelJS().Workbook)();
    wb.creator = "cchc-reporting";
    return new XlsxWorkbook({ wb });
  }

  /**
   * Read an .xlsx from bytes. Bad input (empty, .xls, encrypted, not a zip, truncated, too large,
   * damaged) throws only WorkbookReadError; the bytes are checked before anything is built.
   */
  static async fromBuffer(buf: Buffer | Uint8Array, opts: XlsxReadOptions = {}): Promise<XlsxWorkbook> {
    const reader = await XlsxReader.fromBuffer(buf, opts);
    return new XlsxWorkbook({ reader, bytes: buf, opts }, opts.name);
  }

  /** Read an .xlsx file; the size limit is checked from the file's size before reading it. */
  static async open(file: string, opts: XlsxReadOptions = {}): Promise<XlsxWorkbook> {
    const { buf, name } = await readWorkbookBytes(file, opts);
    return XlsxWorkbook.fromBuffer(buf, { ...opts, name });
  }

  /**
   * The underlying ExcelJS workbook, for adapter-level extras (charts are not supported by ExcelJS).
   * Only for a workbook created here or already written to (`writeSheets` loads the model).
   */
  get exceljs(): ExcelJS.Workbook {
    if (!this.wb)
      throw new Error("XlsxWorkbook.exceljs: the workbook was read, not written; call writeSheets first");
    for (const name of [...this.bulk.keys()]) this.materialize(name);
    this.reader = undefined; // the caller may change it
    return this.wb;
  }

  /** The ExcelJS model, loaded from the bytes read on first need (ExcelJS is the writer only). */
  private async model(): Promise<ExcelJS.Workbook> {
    if (this.wb) return this.wb;
    const { bytes, opts } = this.source!;
    const limits: ReadLimits = { ...DEFAULT_LIMITS, ...definedLimits(opts) };
    const deadline = Date.now() + limits.maxMillis;
    const wb = new (loadExcelJS().Workbook)();
    try {
      // The reader has checked every limit on these bytes already.
      const buf = Buffer.isBuffer(bytes)
        ? bytes
        : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      // ExcelJS's typings want its own Buffer alias; a Node Buffer is what it uses at runtime.
      await withDeadline(wb.xlsx.load(buf as unknown as ExcelJS.Buffer), deadline, limits, opts.name);
    } catch (e) {
      throw loadError(e, opts.name);
    }
    this.wb = wb;
    this.source = undefined;
    return wb;
  }

  /** Build a long sheet's pending data rows as ExcelJS cells, for a caller that changes them. */
  private materialize(name: string): void {
    const key = name.toLowerCase();
    const pending = this.bulk.get(key);
    if (!pending || !this.wb) return;
    this.bulk.delete(key);
    const ws = findSheet(this.wb, pending.sheet);
    if (ws) writeRows(ws, pending.rows, pending.firstRow - 1);
  }

  /** The one reader over this workbook's current content: the bytes read, or what it would save. */
  private async values(): Promise<XlsxReader> {
    this.reader ??= await XlsxReader.fromBuffer(await this.toBuffer({ level: 1 }), { name: this.name });
    return this.reader;
  }

  async listSheets(): Promise<SheetInfo[]> {
    return (await this.values()).listSheets();
  }

  async readSheets(names: readonly string[]): Promise<Map<string, Grid>> {
    return (await this.values()).readSheets(names);
  }

  async mergedRanges(names: readonly string[]): Promise<Map<string, string[]>> {
    return (await this.values()).mergedRanges(names);
  }

  /**
   * Whether this workbook, as read and not yet written to, holds nothing but sheets named in
   * `written` (in that order) and the parts every workbook has: rewriting it from those specs then
   * loses nothing (ownParts.ts).
   */
  async holdsOnly(written: readonly string[]): Promise<boolean> {
    if (!this.source || !this.reader) return false;
    const sheets = (await this.reader.listSheets()).map((s) => s.name);
    return holdsOnlySheets(this.source.bytes, sheets, written);
  }

  /** The core properties (docProps/core.xml) as read, for a rewrite to carry over; undefined once
   * written to, or when the file has none. */
  coreProperties(): Uint8Array | undefined {
    return this.source ? coreProperties(this.source.bytes) : undefined;
  }

  async writeSheets(specs: readonly SheetSpec[]): Promise<void> {
    const wb = await this.model();
    this.reader = undefined;
    for (const spec of specs) {
      this.bulk.delete(spec.name.toLowerCase()); // the sheet is replaced, pending rows with it
      // Rows can only be spliced into the saved XML where native zlib packs the file.
      const bulk = await writeSheet(wb, spec, { bulk: nativeZip() });
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
    const wb = await this.model();
    this.activateVisibleSheet();
    if (nativeZip()) {
      // JSZip only packs the parts (stored); native zlib deflates them, several times faster than
      // pako, after the long sheets' data rows are written into their XML.
      const stored = await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } });
      const parts = storedParts(Buffer.isBuffer(stored) ? stored : Buffer.from(stored as ArrayBuffer));
      const utf8 = (data: Uint8Array): string => Buffer.from(data).toString("utf8");
      const sst = parts.find((p) => p.name === "xl/sharedStrings.xml");
      const strings = SharedStrings.after(sst && utf8(sst.data));
      for (const pending of this.bulk.values()) {
        const ws = findSheet(wb, pending.sheet);
        // ExcelJS names each sheet's part after the sheet's id.
        const part = ws && parts.find((p) => p.name === `xl/worksheets/sheet${ws.id}.xml`);
        if (!part) throw new Error(`toBuffer: no part for sheet ${pending.sheet}`);
        part.data = Buffer.from(spliceBulkRows(utf8(part.data), pending, strings), "utf8");
      }
      if (sst) sst.data = Buffer.from(strings.finish(utf8(sst.data)), "utf8");
      return writeZip(parts, { level: opts.level ?? WRITE_LEVEL });
    }
    const out = await wb.xlsx.writeBuffer();
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
    const book = this.wb!;
    const sheets = book.worksheets;
    const view = book.views?.[0];
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
    book.views = [{ ...base, activeTab: idx, firstSheet: Math.min(base.firstSheet ?? 0, idx) }];
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
