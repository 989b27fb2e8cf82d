// What the taskpane needs from its host, as one interface: the components receive these operations
// (props and hooks) and never touch Excel. Inside Excel they go through the Office.js adapter
// (officeOps.ts); served as a web page they go through the .xlsx adapter.
import type { A1, Grid } from "../domain/cell";
import type { SheetSpec } from "../domain/sheetSpec";
import type { WriteExtras } from "../workbook/office/officeWorkbook";

/** A file the user picked. */
export interface PickedFile {
  name: string;
  bytes: Uint8Array;
  /** Milliseconds since the epoch, when the browser knows it. */
  lastModified?: number;
}

/** Every sheet of the open workbook with its merged ranges. */
export interface WorkbookSnapshot {
  grids: Map<string, Grid>;
  merged: Map<string, string[]>;
}

export interface TaskpaneOps {
  /** Where the taskpane runs: inside Excel, or as a page over files. */
  readonly host: "excel" | "browser";
  /** Every sheet of the open workbook (values and merged ranges). */
  readOpenWorkbook(): Promise<WorkbookSnapshot>;
  /** Some sheets of the open workbook (absent ones are left out). */
  readSheets(names: readonly string[]): Promise<Map<string, Grid>>;
  /** Jump to a cell (a problem's location). */
  selectCell(sheet: string, cell: A1): Promise<void>;
  /** Write rollup sheets into the open workbook, all or nothing, with charts where supported. */
  writeRollup(specs: readonly SheetSpec[], extras: WriteExtras): Promise<void>;
  /** Make a picked workbook the open one (the web page, which has no Excel; absent in Excel). */
  openFile?(file: PickedFile): Promise<void>;
  /** Open generated .xlsx bytes as a new workbook (Excel only). */
  openAsNewWorkbook?(name: string, bytes: Uint8Array): Promise<void>;
  /** Save bytes as a download. */
  download(name: string, bytes: Uint8Array, mime: string): void;
  /** False where a download from the pane silently does nothing (Excel for Mac's webview). */
  readonly canDownload?: boolean;
  /** The clock (passed in so tests are repeatable). */
  now(): Date;
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const ZIP_MIME = "application/zip";

/** Save bytes through a temporary object URL (browser download). */
export function browserDownload(name: string, bytes: Uint8Array, mime: string): void {
  const blob = new Blob([bytes as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A Blob's bytes; FileReader where Blob.arrayBuffer is missing (older WebViews, jsdom). */
function bytesOf(f: Blob): Promise<ArrayBuffer> {
  if (typeof f.arrayBuffer === "function") return f.arrayBuffer();
  return new Promise((done, fail) => {
    const r = new FileReader();
    r.onload = () => done(r.result as ArrayBuffer);
    r.onerror = () => fail(r.error);
    r.readAsArrayBuffer(f);
  });
}

/** Read files from an <input type="file"> or a drop. */
export async function readPickedFiles(list: FileList | readonly File[]): Promise<PickedFile[]> {
  const files = Array.from(list as ArrayLike<File>);
  return Promise.all(
    files.map(async (f) => ({
      name: f.name,
      bytes: new Uint8Array(await bytesOf(f)),
      lastModified: f.lastModified,
    })),
  );
}
