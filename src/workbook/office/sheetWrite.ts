/// <reference types="office-js" />
// A SheetSpec as Office.js commands, split so that a write costs a fixed number of syncs: the
// structure (widths, header style, frozen rows, dropdowns, highlights) is queued once, the cell
// values go in row bands sized under Excel on the web's request limit, number formats are one
// command per column run, and protection comes last (a protected sheet refuses further writes).
import { columnLetters } from "../../domain/cell";
import { NUMBER_FORMATS, type SheetSpec } from "../../domain/sheetSpec";
import { cellNumberFormats, HEADER_FILL, HIGHLIGHT_FILL, lastPreparedRow, LIST_ERROR } from "../presentation";
import { toOfficeValue, type OfficeValue } from "./cellValues";
import { valueBytes, type RowBand } from "./payload";

/** A highlight by text, as a conditional format over a range of the sheet. */
export interface TextHighlight {
  /** A1 range on the sheet, e.g. "F3:Z200". */
  range: string;
  /** Cells containing this text get the fill. */
  contains: string;
  /** Fill colour, "#RRGGBB". */
  fill: string;
  fontColor?: string;
}

/** A number format over rows [from, to] (0-based, inclusive) of one column. */
export interface FormatRun {
  readonly col: number;
  readonly from: number;
  readonly to: number;
  readonly code: string;
}

/** A SheetSpec prepared for writing: values padded to a rectangle, number formats as runs. */
export interface SheetPlan {
  readonly spec: SheetSpec;
  readonly width: number;
  readonly headerRows: number;
  readonly values: OfficeValue[][];
  /** Column formats over data and spare rows, then per-cell overrides: one command each, set as a
   * 1×1 array that Excel applies to the whole range, so their size does not grow with rows. */
  readonly formats: readonly FormatRun[];
  /** Estimated request bytes per row of values. */
  readonly rowBytes: number[];
}

/** Pad the grid, convert values, resolve column and per-cell number formats. */
export function planSheet(spec: SheetSpec): SheetPlan {
  const columns = spec.columns ?? [];
  const headerRows = Math.max(0, spec.headerRows ?? 0);
  const width = Math.max(1, columns.length, ...spec.rows.map((r) => r.length));
  const values = spec.rows.map((row) => {
    const out = new Array<OfficeValue>(width);
    for (let c = 0; c < width; c++) out[c] = toOfficeValue(row[c] ?? null);
    return out;
  });
  const lastRow = lastPreparedRow(values.length, headerRows); // 1-based: data, then spare rows
  const formats: FormatRun[] = [];
  columns.forEach((cs, col) => {
    if (cs.format && lastRow > headerRows)
      formats.push({ col, from: headerRows, to: lastRow - 1, code: NUMBER_FORMATS[cs.format] });
  });
  const cellRuns: FormatRun[] = [];
  for (const o of cellNumberFormats(spec, width)) {
    const last = cellRuns[cellRuns.length - 1];
    if (last && last.col === o.col && last.to === o.row - 1 && last.code === o.code)
      cellRuns[cellRuns.length - 1] = { ...last, to: o.row };
    else cellRuns.push({ col: o.col, from: o.row, to: o.row, code: o.code });
  }
  formats.push(...cellRuns);
  const rowBytes = values.map((row) => {
    let n = 2;
    for (const v of row) n += valueBytes(v);
    return n;
  });
  return { spec, width, headerRows, values, formats, rowBytes };
}

/** One sync's worth of row bands, possibly across sheets. */
export type Chunk = { sheet: number; band: RowBand }[];

/** Pack every sheet's rows, in order, into chunks of at most `budget` estimated bytes (a single
 * row over the budget goes alone; Excel then refuses it with a clear error). Never empty. */
export function chunkPlans(plans: readonly SheetPlan[], budget: number): Chunk[] {
  const chunks: Chunk[] = [[]];
  let used = 0;
  plans.forEach((plan, sheet) => {
    plan.rowBytes.forEach((bytes, r) => {
      let chunk = chunks[chunks.length - 1];
      if (used > 0 && used + bytes > budget) {
        chunk = [];
        chunks.push(chunk);
        used = 0;
      }
      const last = chunk[chunk.length - 1];
      if (last && last.sheet === sheet && last.band.end === r) last.band.end = r + 1;
      else chunk.push({ sheet, band: { start: r, end: r + 1 } });
      used += bytes;
    });
  });
  return chunks;
}

const lastColumn = (plan: SheetPlan): string => columnLetters(plan.width - 1);

/** Excel column width is in points here; the spec's is in characters, as ExcelJS and the UI. */
export const charsToPoints = (chars: number): number => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

/** Consecutive row indexes as [first, last] runs. */
function runs(rows: readonly number[]): [number, number][] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === r - 1) last[1] = r;
    else out.push([r, r]);
  }
  return out;
}

/**
 * Queue the row-count-independent part of a sheet: widths, wrap, header style, frozen rows,
 * highlights, dropdowns, conditional highlights. `listSource` gives the
 * dropdown source for a column's list (inline text or a range formula).
 */
export function queueStructure(
  ws: Excel.Worksheet,
  plan: SheetPlan,
  listSource: (items: readonly string[]) => string,
  highlights: readonly TextHighlight[] = [],
): void {
  const { spec, width, headerRows } = plan;
  const columns = spec.columns ?? [];
  const last = lastColumn(plan);
  queueLayout(ws, plan);
  for (let c = 0; c < width; c++) {
    const cs = columns[c];
    if (!cs) continue;
    const L = columnLetters(c);
    if (cs.wrap) {
      const col = ws.getRange(`${L}:${L}`);
      col.format.wrapText = true;
      col.format.verticalAlignment = "Top";
    }
    if (cs.list && cs.list.length > 0) {
      const target = ws.getRange(
        `${L}${headerRows + 1}:${L}${lastPreparedRow(plan.values.length, headerRows)}`,
      );
      target.dataValidation.rule = { list: { inCellDropDown: true, source: listSource(cs.list) } };
      target.dataValidation.errorAlert = {
        showAlert: true,
        style: "Stop",
        title: LIST_ERROR.title,
        message: LIST_ERROR.message,
      };
    }
  }
  if (headerRows > 0) {
    const header = ws.getRange(`A1:${last}${headerRows}`);
    header.format.font.bold = true;
    header.format.fill.color = HEADER_FILL;
    header.format.wrapText = true;
    header.format.verticalAlignment = "Center";
  }
  for (const [from, to] of runs((spec.highlightRows ?? []).filter((r) => r >= 0 && r < plan.values.length))) {
    ws.getRange(`A${from + 1}:${last}${to + 1}`).format.fill.color = HIGHLIGHT_FILL;
  }
  for (const h of highlights) {
    const cf = ws.getRange(h.range).conditionalFormats.add("ContainsText");
    cf.textComparison.format.fill.color = h.fill;
    if (h.fontColor) cf.textComparison.format.font.color = h.fontColor;
    cf.textComparison.rule = { operator: "Contains", text: h.contains };
  }
}

/** Queue what copying cells does not carry: column widths and frozen header rows. */
export function queueLayout(ws: Excel.Worksheet, plan: SheetPlan): void {
  const columns = plan.spec.columns ?? [];
  for (let c = 0; c < plan.width; c++) {
    const w = columns[c]?.width;
    if (w !== undefined && w > 0)
      ws.getRange(`${columnLetters(c)}:${columnLetters(c)}`).format.columnWidth = charsToPoints(w);
  }
  if (plan.headerRows > 0) ws.freezePanes.freezeRows(plan.headerRows);
}

/** Queue one band of values. */
export function queueBand(ws: Excel.Worksheet, plan: SheetPlan, band: RowBand): void {
  if (band.end <= band.start) return;
  ws.getRange(`A${band.start + 1}:${lastColumn(plan)}${band.end}`).values = plan.values.slice(
    band.start,
    band.end,
  );
}

/** Queue the number formats, after all values (so a "@" column never turns a number into text). */
export function queueFormats(ws: Excel.Worksheet, plan: SheetPlan): void {
  for (const f of plan.formats) {
    const L = columnLetters(f.col);
    ws.getRange(`${L}${f.from + 1}:${L}${f.to + 1}`).numberFormat = [[f.code]];
  }
}

/** Lock the header rows and protect the sheet without a password (data rows stay editable). */
export function queueProtection(ws: Excel.Worksheet, plan: SheetPlan): void {
  if (!plan.spec.protectHeaders) return;
  const last = lastColumn(plan);
  ws.getRange(`A:${last}`).format.protection.locked = false;
  if (plan.headerRows > 0) ws.getRange(`A1:${last}${plan.headerRows}`).format.protection.locked = true;
  ws.protection.protect(PROTECT_OPTIONS);
}

/** What a protected sheet still lets people do (no password). */
export const PROTECT_OPTIONS: Excel.WorksheetProtectionOptions = {
  allowFormatColumns: true,
  allowFormatRows: true,
  allowSort: true,
  allowAutoFilter: true,
};
