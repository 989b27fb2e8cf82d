/// <reference types="office-js" />
// The workbook port over Office.js, for the add-in. Every operation batches: reading any number of
// sheets is one load and one sync; writing sheets is a fixed number of syncs per 4 MB of cell values
// (1 inspect + 1 structure and first band + 1 per further band + 1 formats, charts and swap).
// Sheets are written to hidden staging sheets and swapped in at the end, so a failure leaves the
// previous sheets (e.g. the last rollup) intact.
import { columnLetters, type A1, type Grid } from "../../domain/cell";
import { cellSafeText } from "../../domain/text/cellSafety";
import type { SheetSpec } from "../../domain/sheetSpec";
import type { SheetInfo, WorkbookPort } from "../port";
import { fromOfficeValue } from "./cellValues";
import { queueChart, type ChartSpec } from "./charts";
import { DEFAULT_CHUNK_BYTES } from "./payload";
import { excelRun, toOfficeError, type ExcelRunner } from "./runner";
import {
  chunkPlans,
  inlineListSource,
  planSheet,
  queueBand,
  queueFormats,
  queueProtection,
  queueStructure,
  type SheetPlan,
  type TextHighlight,
} from "./sheetWrite";

/** Names of sheets being written (hidden until the swap). */
export const STAGING_PREFIX = "~cchc~new~";
/** Names the previous sheets carry during the swap. */
export const BACKUP_PREFIX = "~cchc~old~";
/** Hidden sheet holding dropdown lists too long to be inline (as the .xlsx adapter). */
export const LISTS_SHEET = "_lists";
/** Cells per read when a sheet is too large for one response (about 40 bytes a cell). */
export const READ_CELLS_PER_SYNC = 100_000;

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
  /** Cells per sync when reading a sheet too large for one response. */
  readCellsPerSync?: number;
}

interface ExistingSheet {
  name: string;
  position: number;
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

  constructor(opts: OfficeWorkbookOptions = {}) {
    this.run = opts.run ?? excelRun;
    this.chunkBytes = opts.chunkBytes ?? DEFAULT_CHUNK_BYTES;
    this.readCellsPerSync = opts.readCellsPerSync ?? READ_CELLS_PER_SYNC;
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
      const err = toOfficeError(e);
      if (err.code === "PAYLOAD_TOO_LARGE") return this.readInBands(names);
      throw err;
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

  /** Large sheets: one sync for the dimensions, then one per band of rows. */
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
        const step = Math.max(1, Math.floor(this.readCellsPerSync / Math.max(1, used.columnCount)));
        const grid = gridFrom([], used.rowIndex, 0);
        for (let r = 0; r < used.rowCount; r += step) {
          const rows = Math.min(step, used.rowCount - r);
          const band = ws.getRangeByIndexes(used.rowIndex + r, used.columnIndex, rows, used.columnCount);
          band.load("values");
          await ctx.sync();
          grid.push(...gridFrom(band.values, 0, used.columnIndex));
        }
        out.set(name, grid);
      }
      return out;
    });
  }

  async mergedRanges(sheet: string): Promise<string[]> {
    return (await this.mergedRangesOf([sheet])).get(sheet) ?? [];
  }

  /** Merged ranges of several sheets in one sync (ExcelApi 1.13), by sheet name. */
  async mergedRangesOf(sheets: readonly string[]): Promise<Map<string, string[]>> {
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

  async selectCell(sheet: string, cell: A1): Promise<void> {
    await this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await ctx.sync();
    });
  }

  /**
   * Write (replace) sheets through hidden staging sheets swapped in at the end. Syncs: 1 to
   * inspect the workbook (+1 when a long dropdown list must be appended to an existing lists
   * sheet), 1 for structure and the first band of cells, 1 per further band, 1 for charts,
   * protection and the swap. On failure the staging sheets are removed and the old sheets kept.
   */
  async writeSheets(specs: readonly SheetSpec[], extras: WriteExtras = {}): Promise<void> {
    if (specs.length === 0) return;
    const plans = specs.map(planSheet);
    const chunks = chunkPlans(plans, this.chunkBytes);
    const staging: string[] = [];
    const backups: string[] = [];
    let replacedFlags: boolean[] = [];
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
        for (let i = 0; i < plans.length; i++) {
          staging.push(fresh(STAGING_PREFIX));
          backups.push(fresh(BACKUP_PREFIX));
        }
        const listSource = await this.listSources(ctx, plans, existing);

        // Structure and the first band.
        app.suspendApiCalculationUntilNextSync();
        app.suspendScreenUpdatingUntilNextSync();
        for (const s of existing) if (s.name.startsWith(STAGING_PREFIX)) sheets.getItem(s.name).delete();
        const targets = plans.map((plan, i) => {
          const ws = sheets.add(staging[i]);
          ws.visibility = "Hidden";
          queueStructure(ws, plan, listSource, extras.highlights?.get(plan.spec.name) ?? []);
          return ws;
        });
        listSource.flush();
        for (const { sheet, band } of chunks[0]) queueBand(targets[sheet], plans[sheet], band);
        await ctx.sync();

        // Further bands, one sync each.
        for (const chunk of chunks.slice(1)) {
          app.suspendApiCalculationUntilNextSync();
          app.suspendScreenUpdatingUntilNextSync();
          for (const { sheet, band } of chunk) queueBand(targets[sheet], plans[sheet], band);
          await ctx.sync();
        }

        // Number formats, charts, protection, then the swap.
        app.suspendScreenUpdatingUntilNextSync();
        for (const chart of extras.charts ?? []) {
          const i = plans.findIndex((p) => sameName(p.spec.name, chart.sheet));
          if (i >= 0) queueChart(targets[i], chart);
        }
        plans.forEach((plan, i) => queueFormats(targets[i], plan));
        plans.forEach((plan, i) => queueProtection(targets[i], plan));
        plans.forEach((plan, i) => (targets[i].visibility = plan.spec.hidden ? "Hidden" : "Visible"));
        const replaced = plans.map((plan) => existing.find((s) => sameName(s.name, plan.spec.name)));
        replacedFlags = replaced.map((r) => !!r);
        replaced.forEach((old, i) => old && (sheets.getItem(old.name).name = backups[i]));
        plans.forEach((plan, i) => (targets[i].name = plan.spec.name));
        replaced.forEach((old, i) => old && sheets.getItem(backups[i]).delete());
        replaced
          .map((old, i) => ({ old, i }))
          .filter((x): x is { old: ExistingSheet; i: number } => !!x.old)
          .sort((a, b) => a.old.position - b.old.position)
          .forEach(({ old, i }) => (targets[i].position = old.position));
        const show = plans.findIndex((p) =>
          extras.activate ? sameName(p.spec.name, extras.activate) : !p.spec.hidden,
        );
        if (show >= 0) targets[show].activate();
        app.calculate("Recalculate");
        await ctx.sync();
      });
    } catch (e) {
      const err = toOfficeError(e);
      await this.recover(plans, staging, backups, replacedFlags).catch(() => undefined);
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
    const long = plans.some((p) => (p.spec.columns ?? []).some((c) => c.list && !inlineListSource(c.list)));
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
      const inline = inlineListSource(items);
      if (inline !== undefined) return inline;
      const col = nextCol++;
      pending.push({ col, items: items.map((s) => cellSafeText(s.normalize("NFC"))) });
      const L = columnLetters(col);
      return `='${listsName.replace(/'/g, "''")}'!$${L}$1:$${L}$${items.length}`;
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
   * After a failed write: while any staging or set-aside sheet remains, the swap did not finish, so
   * restore the previous state — old sheets back under their names, staging and brand-new sheets
   * removed. When neither remains the swap had completed and the new sheets stay.
   */
  private async recover(
    plans: readonly SheetPlan[],
    staging: readonly string[],
    backups: readonly string[],
    replaced: readonly boolean[],
  ): Promise<void> {
    if (staging.length === 0) return;
    await this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      await ctx.sync();
      const present = new Set(sheets.items.map((s) => s.name.toLowerCase()));
      const has = (n: string) => present.has(n.toLowerCase());
      if (![...staging, ...backups].some(has)) return;
      plans.forEach((plan, i) => {
        if (has(backups[i])) {
          if (has(plan.spec.name)) sheets.getItem(plan.spec.name).delete();
          sheets.getItem(backups[i]).name = plan.spec.name;
        } else if (replaced.length > 0 && !replaced[i] && has(plan.spec.name)) {
          sheets.getItem(plan.spec.name).delete(); // new in this write: not there before
        }
      });
      for (const name of staging) if (has(name)) sheets.getItem(name).delete();
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
