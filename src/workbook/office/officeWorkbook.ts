/// <reference types="office-js" />
// The workbook port over Office.js, for the add-in. Every operation batches: reading any number of
// sheets is one load and one sync; writing sheets is a fixed number of syncs per 4 MB of cell values
// (1 inspect [+1 when sheets are replaced] + 1 structure and first band + 1 per further band + 1 commit).
// New content is first written to hidden staging sheets; an existing sheet is then updated in place
// (cleared and filled from its staging copy inside Excel, in one batch) so it keeps its identity and
// every formula, chart or PivotTable elsewhere that points at it survives a re-run. A failure before
// the commit leaves the previous sheets untouched; a failure inside it restores them from a backup
// copy taken inside Excel: a reader never sees a half-written rollup.
import { columnLetters, type A1, type Grid } from "../../domain/cell";
import type { SheetSpec } from "../../domain/sheetSpec";
import type { SheetInfo, WorkbookPort } from "../port";
import { fromOfficeValue } from "./cellValues";
import { CHART_PREFIX, queueChart, type ChartSpec } from "./charts";
import { officeApiSupport, supports, type ApiSupport } from "./apiSets";
import { DEFAULT_CHUNK_BYTES, jsonBytes } from "./payload";
import { excelRun, OfficeWorkbookError, toOfficeError, type ExcelRunner } from "./runner";
import {
  chunkPlans,
  planSheet,
  queueBand,
  queueFormats,
  PROTECT_OPTIONS,
  queueLayout,
  queueProtection,
  queueStructure,
  type SheetPlan,
  type TextHighlight,
} from "./sheetWrite";
import { dropdownSource, lastPreparedRow, listsRange, LISTS_SHEET } from "../presentation";

/** Names of sheets being written (hidden until the swap). */
export const STAGING_PREFIX = "~cchc~new~";
/** Hidden copies of the previous content of sheets updated in place, until the commit succeeds. */
export const BACKUP_PREFIX = "~cchc~old~";
/** Cells in the first band when a sheet is too large for one response; later bands are sized by
 * the UTF-8 bytes of what was actually read. */
export const READ_CELLS_PER_SYNC = 100_000;
/** Response bytes a band aims at: a margin under the web's 5 MB for rows longer than those seen. */
export const READ_BAND_BYTES = 4 * 1024 * 1024;

/** Office-only extras for a write: charts and conditional highlights on the written sheets. */
export interface WriteExtras {
  charts?: readonly ChartSpec[];
  /** Conditional highlights, by sheet name. */
  highlights?: ReadonlyMap<string, readonly TextHighlight[]>;
  /** Sheet to show when done (default: the first visible written sheet). */
  activate?: string;
}

export interface OfficeWorkbookOptions {
  /** How batches reach Excel (default Excel.run; tests pass a fake). */
  run?: ExcelRunner;
  /** Cell payload per sync, in estimated bytes (default 4 MB, under the web's 5 MB cap). */
  chunkBytes?: number;
  /** Cells in the first band when reading a sheet too large for one response. */
  readCellsPerSync?: number;
  /** Response bytes (UTF-8) each later band aims at. */
  readBandBytes?: number;
  /** Which ExcelApi versions this Excel supports (default: Office's isSetSupported). */
  apiSupport?: ApiSupport;
}

interface ExistingSheet {
  name: string;
  position: number;
}

/** What a write did so far, for recovery after a failure. */
interface WriteState {
  staging: string[];
  /** Backup sheet name per plan, for sheets updated in place. */
  backups: (string | undefined)[];
  /** The existing sheet each plan replaces, if any. */
  replaced: (ExistingSheet | undefined)[];
  /** The used range of each replaced sheet before the write ("A1:F20"), copied to its backup. */
  oldUsed: (string | undefined)[];
  /** Replaced sheets that were protected and have been unprotected for the write. */
  unprotected: boolean[];
  /** The commit batch was sent: sheets may be partly updated. */
  committing: boolean;
}

/** The area a plan's staging sheet fills: data and spare rows, every column, highlight ranges. */
function extentOf(plan: SheetPlan, highlights: readonly TextHighlight[]): string {
  let rows = lastPreparedRow(plan.values.length, plan.headerRows);
  let cols = plan.width;
  for (const h of highlights) {
    for (const part of h.range.split(":")) {
      const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(part.trim());
      if (!m) continue;
      let c = 0;
      for (const ch of m[1].toUpperCase()) c = c * 26 + ch.charCodeAt(0) - 64;
      cols = Math.max(cols, c);
      rows = Math.max(rows, Number(m[2]));
    }
  }
  return `A1:${columnLetters(cols - 1)}${rows}`;
}

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** "Sheet1!$A$1:$C$1" or "'My sheet'!A1:C1" → "A1:C1". */
function localAddress(address: string): string {
  const bang = address.lastIndexOf("!");
  return (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "");
}

/** A used range's values placed from A1, empty cells as null. */
function gridFrom(values: unknown[][], rowIndex: number, columnIndex: number): Grid {
  const grid: Grid = [];
  for (let r = 0; r < rowIndex; r++) grid.push([]);
  for (const row of values) {
    const out = new Array(columnIndex).fill(null);
    for (const v of row) out.push(fromOfficeValue(v));
    grid.push(out);
  }
  return grid;
}

/** The workbook open in Excel, through Office.js. */
export class OfficeWorkbook implements WorkbookPort {
  private readonly run: ExcelRunner;
  private readonly chunkBytes: number;
  private readonly readCellsPerSync: number;
  private readonly readBandBytes: number;
  private readonly apiSupport: ApiSupport;

  constructor(opts: OfficeWorkbookOptions = {}) {
    const run = opts.run ?? excelRun;
    // Every failure leaves the adapter as a coded, bilingual OfficeWorkbookError, whichever runner.
    this.run = async (batch) => {
      try {
        return await run(batch);
      } catch (e) {
        throw toOfficeError(e);
      }
    };
    this.chunkBytes = opts.chunkBytes ?? DEFAULT_CHUNK_BYTES;
    this.readCellsPerSync = opts.readCellsPerSync ?? READ_CELLS_PER_SYNC;
    this.readBandBytes = opts.readBandBytes ?? READ_BAND_BYTES;
    this.apiSupport = opts.apiSupport ?? officeApiSupport;
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name,items/visibility");
      await ctx.sync();
      return sheets.items.map((ws) => ({
        name: ws.name,
        visibility:
          ws.visibility === "VeryHidden" ? "veryHidden" : ws.visibility === "Hidden" ? "hidden" : "visible",
      }));
    });
  }

  /** One load and one sync for all sheets; a response over Excel's limit falls back to bands. */
  async readSheets(names: readonly string[]): Promise<Map<string, Grid>> {
    try {
      return await this.readAtOnce(names);
    } catch (e) {
      // this.run has made it an OfficeWorkbookError already.
      if ((e as OfficeWorkbookError).code === "PAYLOAD_TOO_LARGE") return this.readInBands(names);
      throw e;
    }
  }

  private readAtOnce(names: readonly string[]): Promise<Map<string, Grid>> {
    return this.run(async (ctx) => {
      const reads = queueUsedRanges(ctx, names, "values,rowIndex,columnIndex");
      await ctx.sync();
      const out = new Map<string, Grid>();
      for (const { name, ws, used } of reads) {
        if (ws.isNullObject) continue;
        out.set(name, used.isNullObject ? [] : gridFrom(used.values, used.rowIndex, used.columnIndex));
      }
      return out;
    });
  }

  /**
   * Large sheets: one sync for the dimensions, then one per band of rows. The first band is a guess
   * in cells; each later band is sized from the UTF-8 bytes of the longest row read so far, so long
   * Vietnamese text (3 bytes a character) cannot push a band past Excel's 5 MB response limit; a band
   * that still overflows is halved and read again, and the byte budget of later bands is halved with
   * it (at most twice: Excel may count more than we do), so a wrong estimate costs a refusal or two,
   * not one per band.
   */
  private readInBands(names: readonly string[]): Promise<Map<string, Grid>> {
    return this.run(async (ctx) => {
      const dims = queueUsedRanges(ctx, names, "rowIndex,columnIndex,rowCount,columnCount");
      await ctx.sync();
      const out = new Map<string, Grid>();
      for (const { name, ws, used } of dims) {
        if (ws.isNullObject) continue;
        if (used.isNullObject) {
          out.set(name, []);
          continue;
        }
        const { rowIndex, columnIndex, rowCount, columnCount } = used;
        let step = Math.max(1, Math.floor(this.readCellsPerSync / Math.max(1, columnCount)));
        let widestRow = 0;
        let budget = this.readBandBytes;
        const grid = gridFrom([], rowIndex, 0);
        for (let r = 0; r < rowCount;) {
          const rows = Math.min(step, rowCount - r);
          const band = ws.getRangeByIndexes(rowIndex + r, columnIndex, rows, columnCount);
          band.load("values");
          try {
            await ctx.sync();
          } catch (e) {
            if (rows > 1 && toOfficeError(e).code === "PAYLOAD_TOO_LARGE") {
              step = Math.ceil(rows / 2);
              // Halved at most twice: a long row further down also causes a refusal.
              const floor = Math.max(widestRow, Math.floor(this.readBandBytes / 4));
              if (widestRow > 0) budget = Math.max(floor, Math.floor(budget / 2));
              continue;
            }
            throw e;
          }
          for (const row of band.values) widestRow = Math.max(widestRow, jsonBytes(row) + 1);
          grid.push(...gridFrom(band.values, 0, columnIndex));
          r += rows;
          step = Math.max(1, Math.floor(budget / Math.max(1, widestRow)));
        }
        out.set(name, grid);
      }
      return out;
    });
  }

  /** Merged ranges of several sheets in one sync, by sheet name. Needs ExcelApi 1.13: without it,
   * an API_UNSUPPORTED error before anything is sent (readWholeWorkbook skips the merged-cell check). */
  async mergedRanges(sheets: readonly string[]): Promise<Map<string, string[]>> {
    if (!supports("mergedAreas", this.apiSupport))
      throw new OfficeWorkbookError("API_UNSUPPORTED", "ExcelApi 1.13: getMergedAreasOrNullObject");
    return this.run(async (ctx) => {
      const reads = sheets.map((name) => {
        const ws = ctx.workbook.worksheets.getItemOrNullObject(name);
        const areas = ws.getRange().getMergedAreasOrNullObject();
        areas.load("areas/items/address");
        return { name, ws, areas };
      });
      await ctx.sync();
      const out = new Map<string, string[]>();
      for (const { name, ws, areas } of reads) {
        if (ws.isNullObject) continue;
        out.set(name, areas.isNullObject ? [] : areas.areas.items.map((a) => localAddress(a.address)));
      }
      return out;
    });
  }

  /** Show a cell. A hidden sheet is shown first: Excel refuses to activate a hidden sheet, and a
   * problem on one (a report's hidden lists, say) would otherwise be a click that does nothing. */
  async selectCell(sheet: string, cell: A1): Promise<void> {
    await this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.visibility = "Visible"; // no change for a visible sheet
      ws.activate();
      ws.getRange(cell).select();
      await ctx.sync();
    });
  }

  /**
   * Write (replace) sheets. Syncs: 1 to inspect the workbook (+1 to look at the sheets being
   * replaced, +1 when a long dropdown list must be appended to an existing lists sheet), 1 for
   * structure, backups and the first band of cells, 1 per further band, 1 commit.
   *
   * Never half-written: all values go to hidden staging sheets first (many syncs), and the previous
   * content of each sheet being replaced is copied to a hidden backup sheet inside Excel (no payload).
   * Only then does one commit batch update the real sheets in place: clear, copy from staging
   * (Range.copyFrom, values and formats), column widths, frozen rows, charts, protection (a protected
   * sheet is unprotected in the first write sync: a password fails there, before anything shows). Sheets
   * new in this write are staging sheets renamed. A failure before the commit leaves every previous
   * sheet untouched; a failure inside it restores all replaced sheets from their backups. Updated
   * sheets keep their identity (same sheet, name and position), so references to them survive.
   */
  async writeSheets(specs: readonly SheetSpec[], extras: WriteExtras = {}): Promise<void> {
    if (specs.length === 0) return;
    const plans = specs.map(planSheet);
    const chunks = chunkPlans(plans, this.chunkBytes);
    const state: WriteState = {
      staging: [],
      backups: [],
      replaced: [],
      oldUsed: [],
      unprotected: [],
      committing: false,
    };
    const highlightsOf = (plan: SheetPlan) => extras.highlights?.get(plan.spec.name) ?? [];
    try {
      await this.run(async (ctx) => {
        const app = ctx.workbook.application;
        const sheets = ctx.workbook.worksheets;
        sheets.load("items/name,items/position");
        await ctx.sync();
        const existing: ExistingSheet[] = sheets.items.map((ws) => ({
          name: ws.name,
          position: ws.position,
        }));
        const taken = new Set(existing.map((s) => s.name.toLowerCase()));
        const fresh = (prefix: string): string => {
          let i = 1;
          while (taken.has(`${prefix}${i}`.toLowerCase())) i++;
          taken.add(`${prefix}${i}`.toLowerCase());
          return `${prefix}${i}`;
        };
        state.replaced = plans.map((plan) => existing.find((s) => sameName(s.name, plan.spec.name)));
        for (let i = 0; i < plans.length; i++) {
          state.staging.push(fresh(STAGING_PREFIX));
          state.backups.push(state.replaced[i] ? fresh(BACKUP_PREFIX) : undefined);
        }

        // What the sheets being replaced hold: used range (for the backup), our charts, protection.
        const olds = state.replaced.map((old) => (old ? sheets.getItem(old.name) : undefined));
        const looks = olds.map((ws) => {
          if (!ws) return undefined;
          const used = ws.getUsedRangeOrNullObject();
          used.load("address");
          ws.charts.load("items/name");
          ws.protection.load("protected");
          return { ws, used };
        });
        if (looks.some(Boolean)) await ctx.sync();
        state.oldUsed = looks.map((l) =>
          l && !l.used.isNullObject ? localAddress(l.used.address) : undefined,
        );
        const listSource = await this.listSources(ctx, plans, existing);

        // Structure, backups and the first band.
        app.suspendApiCalculationUntilNextSync();
        app.suspendScreenUpdatingUntilNextSync();
        for (const s of existing)
          if (s.name.startsWith(STAGING_PREFIX) || s.name.startsWith(BACKUP_PREFIX))
            sheets.getItem(s.name).delete();
        const staged = plans.map((plan, i) => {
          const ws = sheets.add(state.staging[i]);
          ws.visibility = "Hidden";
          queueStructure(ws, plan, listSource, highlightsOf(plan));
          return ws;
        });
        // A protected sheet is unprotected now, before the commit: a password makes this sync fail
        // while nothing visible has changed (recovery then puts our own protection back).
        const wasProtected = looks.map((l) => !!l && l.ws.protection.protected);
        looks.forEach((l, i) => wasProtected[i] && l?.ws.protection.unprotect());
        state.unprotected = wasProtected; // recovery re-protects those found unprotected
        olds.forEach((old, i) => {
          const name = state.backups[i];
          if (!old || !name) return;
          const backup = sheets.add(name);
          backup.visibility = "Hidden";
          const used = state.oldUsed[i];
          if (used) backup.getRange(used).copyFrom(old.getRange(used), "All");
        });
        listSource.flush();
        for (const { sheet, band } of chunks[0]) queueBand(staged[sheet], plans[sheet], band);
        await ctx.sync();

        // Further bands, one sync each.
        for (const chunk of chunks.slice(1)) {
          app.suspendApiCalculationUntilNextSync();
          app.suspendScreenUpdatingUntilNextSync();
          for (const { sheet, band } of chunk) queueBand(staged[sheet], plans[sheet], band);
          await ctx.sync();
        }

        // The commit: one batch.
        app.suspendScreenUpdatingUntilNextSync();
        plans.forEach((plan, i) => queueFormats(staged[i], plan));
        const targets = plans.map((plan, i) => {
          const look = looks[i];
          if (!look) {
            staged[i].name = plan.spec.name; // new in this write
            return staged[i];
          }
          const ws = look.ws;
          for (const chart of ws.charts.items) if (chart.name.startsWith(CHART_PREFIX)) chart.delete();
          const all = ws.getRange();
          all.conditionalFormats.clearAll();
          all.dataValidation.clear();
          all.clear("All");
          ws.freezePanes.unfreeze();
          const extent = extentOf(plan, highlightsOf(plan));
          ws.getRange(extent).copyFrom(staged[i].getRange(extent), "All");
          queueLayout(ws, plan);
          return ws;
        });
        (extras.charts ?? []).forEach((chart, n) => {
          const i = plans.findIndex((p) => sameName(p.spec.name, chart.sheet));
          if (i >= 0) queueChart(targets[i], chart, n);
        });
        plans.forEach((plan, i) => queueProtection(targets[i], plan));
        plans.forEach((plan, i) => (targets[i].visibility = plan.spec.hidden ? "Hidden" : "Visible"));
        plans.forEach((_, i) => state.replaced[i] && staged[i].delete());
        for (const name of state.backups) if (name) sheets.getItem(name).delete();
        const show = plans.findIndex((p) =>
          extras.activate ? sameName(p.spec.name, extras.activate) : !p.spec.hidden,
        );
        if (show >= 0) targets[show].activate();
        app.calculate("Recalculate");
        state.committing = true;
        await ctx.sync();
        state.committing = false;
      });
    } catch (e) {
      const err = toOfficeError(e);
      await this.recover(plans, state).catch(() => undefined);
      throw err;
    }
  }

  /**
   * Dropdown sources: inline text when short, else a column appended to the hidden lists sheet
   * (reading that sheet's width costs one sync, only when such a list exists).
   */
  private async listSources(
    ctx: Excel.RequestContext,
    plans: readonly SheetPlan[],
    existing: readonly ExistingSheet[],
  ): Promise<((items: readonly string[]) => string) & { flush(): void }> {
    const long = plans.some((p) =>
      (p.spec.columns ?? []).some((c) => c.list && "cells" in dropdownSource(c.list)),
    );
    let nextCol = 0;
    let listsName = LISTS_SHEET;
    const lists = existing.find((s) => sameName(s.name, LISTS_SHEET));
    if (long && lists) {
      listsName = lists.name;
      const used = ctx.workbook.worksheets.getItem(lists.name).getUsedRangeOrNullObject(true);
      used.load("columnIndex,columnCount");
      await ctx.sync();
      nextCol = used.isNullObject ? 0 : used.columnIndex + used.columnCount;
    }
    const pending: { col: number; items: string[] }[] = [];
    const source = (items: readonly string[]): string => {
      const source = dropdownSource(items);
      if ("inline" in source) return source.inline;
      const col = nextCol++;
      pending.push({ col, items: source.cells });
      return `=${listsRange(listsName, columnLetters(col), source.cells.length)}`;
    };
    return Object.assign(source, {
      flush(): void {
        if (pending.length === 0) return;
        const sheets = ctx.workbook.worksheets;
        const ws = lists ? sheets.getItem(lists.name) : sheets.add(LISTS_SHEET);
        ws.visibility = "Hidden";
        for (const { col, items } of pending) {
          const L = columnLetters(col);
          ws.getRange(`${L}1:${L}${items.length}`).values = items.map((s) => [
            s.startsWith("=") ? `'${s}` : s,
          ]);
        }
      },
    });
  }

  /**
   * After a failed write. Before the commit nothing visible changed: remove the staging and backup
   * sheets. Inside the commit some sheets may be partly updated: restore every replaced sheet from
   * its backup copy (cleared, then copied back inside Excel), remove sheets new in this write, then
   * the staging and backup sheets.
   */
  private async recover(plans: readonly SheetPlan[], state: WriteState): Promise<void> {
    if (state.staging.length === 0) return;
    await this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      const prot = state.replaced.map((old) => {
        if (!old) return undefined;
        const ws = sheets.getItem(old.name);
        ws.protection.load("protected");
        return ws;
      });
      await ctx.sync();
      const present = new Set(sheets.items.map((s) => s.name.toLowerCase()));
      const has = (n: string) => present.has(n.toLowerCase());
      const restored = new Set<number>();
      if (state.committing) {
        plans.forEach((plan, i) => {
          const ws = prot[i];
          const backup = state.backups[i];
          if (!ws) {
            if (has(plan.spec.name)) sheets.getItem(plan.spec.name).delete(); // new in this write
            return;
          }
          if (!backup || !has(backup)) return;
          if (ws.protection.protected) ws.protection.unprotect(); // ours, re-applied by the commit
          const all = ws.getRange();
          all.conditionalFormats.clearAll();
          all.dataValidation.clear();
          all.clear("All");
          const used = state.oldUsed[i];
          if (used) ws.getRange(used).copyFrom(sheets.getItem(backup).getRange(used), "All");
          restored.add(i);
        });
      }
      // Sheets unprotected for the write get their (password-less) protection back.
      prot.forEach((ws, i) => {
        if (!ws || !state.unprotected[i]) return;
        if (restored.has(i) || !ws.protection.protected) ws.protection.protect(PROTECT_OPTIONS);
      });
      for (const name of [...state.staging, ...state.backups])
        if (name && has(name)) sheets.getItem(name).delete();
      await ctx.sync();
    });
  }
}

/** Queue a load of each named sheet's used range (values only, no formats); nothing is sent until
 * the caller's one `context.sync()`. Missing sheets come back as null objects. */
function queueUsedRanges(ctx: Excel.RequestContext, names: readonly string[], props: string) {
  return names.map((name) => {
    const ws = ctx.workbook.worksheets.getItemOrNullObject(name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load(props);
    return { name, ws, used };
  });
}
