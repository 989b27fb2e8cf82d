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
import { findSheet, writeSheet } from "./writeSheet";

/** Options for reading a workbook file. */
export interface XlsxReadOptions extends Partial<ReadLimits> {
  /** File name used in error messages. */
  name?: string;
}

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
    await scanXlsxParts(buf, entries, limits, opts.name, deadline);
    const wb = new ExcelJS.Workbook();
    try {
      const bytes = Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
      // ExcelJS's typings want its own Buffer alias; a Node Buffer is what it uses at runtime.
      await withDeadline(wb.xlsx.load(bytes as unknown as ExcelJS.Buffer), deadline, limits, opts.name);
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
    return this.wb;
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.wb.worksheets.map((ws) => ({ name: ws.name, visibility: ws.state ?? "visible" }));
  }

  async readSheets(names: readonly string[]): Promise<Map<string, Grid>> {
    const out = new Map<string, Grid>();
    for (const name of names) {
      const ws = findSheet(this.wb, name);
      if (ws) out.set(name, readGrid(ws));
    }
    return out;
  }

  async mergedRanges(sheet: string): Promise<string[]> {
    const ws = findSheet(this.wb, sheet);
    if (!ws || !ws.hasMerges) return [];
    return [...ws.model.merges];
  }

  async writeSheets(specs: readonly SheetSpec[]): Promise<void> {
    for (const spec of specs) await writeSheet(this.wb, spec);
  }

  async selectCell(_sheet: string, _cell: A1): Promise<void> {
    // Files have no selection to move.
  }

  /** The workbook as .xlsx bytes. */
  async toBuffer(): Promise<Buffer> {
    this.activateVisibleSheet();
    const out = await this.wb.xlsx.writeBuffer();
    return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
  }

  /**
   * Save to `file` atomically: a temp file in the same folder, fsync, rename. On failure the old
   * file is left byte-identical. `fs` is for tests that inject a failing write.
   */
  async saveAtomic(file: string, opts: { fs?: AtomicFs } = {}): Promise<void> {
    await writeFileAtomic(file, () => this.toBuffer(), opts.fs);
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
