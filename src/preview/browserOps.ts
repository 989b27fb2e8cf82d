// The taskpane's operations on the web page: no Excel, so "the open workbook" is an .xlsx file the
// user picked or dropped in Kiểm tra, held in memory by the .xlsx adapter; selecting a cell shows its
// address and value; writing the rollup makes a new workbook and downloads it. Merging into an
// earlier rollup is the user's explicit choice in Tổng hợp (the merge happens in the domain), so
// the downloaded rollup never silently becomes the next run's merge target. Nothing leaves the browser.
import { cellAt, parseA1, type A1, type CellValue, type Grid } from "../domain/cell";
import { INFO_LABELS, ROLLUP_SHEETS } from "../domain/consolidation/layout";
import { rollupFileName as fileNameOf } from "../domain/fileNames";
import { parsePeriod } from "../domain/period";
import type { SheetSpec } from "../domain/sheetSpec";
import { browserDownload, XLSX_MIME, type PickedFile, type TaskpaneOps } from "../taskpane/ops";
import { readWholeWorkbook } from "../workbook/wholeWorkbook";
import { XlsxWorkbook } from "../workbook/xlsx/xlsxWorkbook";

/** What the page shows around the taskpane. */
export interface BrowserState {
  /** File name of the open workbook, if one was picked. */
  openName: string | null;
  /** The last cell a problem pointed at, with its value in the open workbook. */
  selected: { sheet: string; cell: A1; value: CellValue } | null;
  /** File name of the last rollup downloaded. */
  savedRollup: string | null;
}

export interface BrowserOps extends TaskpaneOps {
  readonly host: "browser";
  state(): BrowserState;
  /** Called after every change of state; returns the unsubscribe function. */
  subscribe(listener: (s: BrowserState) => void): () => void;
}

export interface BrowserDeps {
  download?: TaskpaneOps["download"];
  now?: () => Date;
}

/** A bilingual failure the taskpane shows in the current language. */
class PageError extends Error {
  constructor(
    readonly message_vi: string,
    readonly message_en: string,
  ) {
    super(message_en);
  }
}

/** The rollup's file name from its info sheet's period, as the CLI names it: tong-hop-nam-2023.xlsx. */
export function rollupFileName(specs: readonly SheetSpec[]): string {
  const info = specs.find((s) => s.name === ROLLUP_SHEETS.info);
  const row = info?.rows.find((r) => r[0] === INFO_LABELS.period);
  const p = parsePeriod(String(row?.[1] ?? ""));
  return p.ok ? fileNameOf(p.period) : "tong-hop.xlsx";
}

export function createBrowserOps(deps: BrowserDeps = {}): BrowserOps {
  const download = deps.download ?? browserDownload;
  let open: { name: string; wb: XlsxWorkbook } | null = null;
  let state: BrowserState = { openName: null, selected: null, savedRollup: null };
  const listeners = new Set<(s: BrowserState) => void>();
  const update = (patch: Partial<BrowserState>) => {
    state = { ...state, ...patch };
    for (const l of listeners) l(state);
  };

  return {
    host: "browser",
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async openFile(file: PickedFile) {
      // Unreadable files throw the adapter's bilingual error, which the taskpane shows.
      const wb = await XlsxWorkbook.fromBuffer(file.bytes, { name: file.name });
      open = { name: file.name, wb };
      update({ openName: file.name, selected: null });
    },

    async readOpenWorkbook() {
      if (!open)
        throw new PageError(
          "Chưa mở workbook nào: hãy chọn hoặc kéo thả một tệp báo cáo (.xlsx).",
          "No workbook is open: pick or drop a report file (.xlsx).",
        );
      return readWholeWorkbook(open.wb);
    },

    async readSheets(names) {
      return open ? open.wb.readSheets(names) : new Map<string, Grid>();
    },

    async selectCell(sheet, cell) {
      const grid = open ? (await open.wb.readSheets([sheet])).get(sheet) : undefined;
      const at = parseA1(cell);
      update({ selected: { sheet, cell, value: grid && at ? cellAt(grid, at.row, at.col) : null } });
    },

    // Native charts and conditional highlights are Excel's: the page draws the charts itself, and the
    // "Biểu đồ" sheet still carries their numbers.
    async writeRollup(specs) {
      const target = XlsxWorkbook.create();
      await target.writeSheets(specs);
      const bytes = new Uint8Array(await target.toBuffer());
      const name = rollupFileName(specs);
      download(name, bytes, XLSX_MIME);
      update({ savedRollup: name });
    },

    download,
    now: deps.now ?? (() => new Date()),
  };
}
