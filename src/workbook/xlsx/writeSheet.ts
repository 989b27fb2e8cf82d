// SheetSpec → an ExcelJS worksheet: values plus the presentation people filling the report need
// (bold frozen headers, widths, number formats, dropdowns, locked headers, highlighted rows).
import type ExcelJS from "exceljs";
import { a1, columnLetters, type CellValue } from "../../domain/cell";
import { NUMBER_FORMATS, type SheetSpec } from "../../domain/sheetSpec";
import { BULK_MIN_ROWS, type BulkRows } from "./bulkRows";
import {
  argb,
  cellNumberFormats,
  HEADER_FILL,
  HIGHLIGHT_FILL,
  lastPreparedRow,
  LIST_ERROR,
} from "../presentation";
import { listFormula } from "./lists";
import { storedText } from "./storedText";

function solidFill(hex: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: argb(hex) } };
}

/** The value ExcelJS should store. Strings stay strings (never `{ formula }`), so "=1+1" typed by
 * a user is written back as text, and only text a cell can hold (storedText.ts); non-finite
 * numbers, which would corrupt the XML, become #NUM!. */
function toExcelValue(v: CellValue): ExcelJS.CellValue {
  if (typeof v === "string") return storedText(v);
  if (typeof v === "number" && !Number.isFinite(v)) return { error: "#NUM!" } as ExcelJS.CellErrorValue;
  return v;
}

/** ExcelJS 4.4 supports range-keyed validations at runtime but its typings omit the collection. */
interface WithValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

/** Sheet index in workbook order (ExcelJS keeps it in the undocumented `orderNo`). */
interface Ordered {
  orderNo: number;
}

/** Find a sheet by name the way Excel compares names: case-insensitively. */
export function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const key = name.toLowerCase();
  return wb.worksheets.find((ws) => ws.name.toLowerCase() === key);
}

/** Replace the sheet of the same name at its position, or add a new sheet at the end. */
function freshSheet(wb: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const old = findSheet(wb, spec.name);
  const orderNo = old ? (old as unknown as Ordered).orderNo : undefined;
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(spec.name);
  if (orderNo !== undefined) (ws as unknown as Ordered).orderNo = orderNo;
  return ws;
}

/**
 * Put `rows` into the sheet from 0-based row `from` on. Cells of a column share one style object:
 * ExcelJS remembers a style's id per object, so a shared object is indexed once per column instead
 * of once per cell (a rollup has 100,000+ cells). Styles are therefore replaced (`style = {...}`),
 * never mutated in place.
 */
export function writeRows(ws: ExcelJS.Worksheet, rows: readonly (readonly CellValue[])[], from = 0): void {
  const shared: Partial<ExcelJS.Style>[] = [];
  rows.forEach((row, i) => {
    const xlRow = ws.getRow(from + i + 1);
    row.forEach((v, c) => {
      if (v === null || v === undefined) return;
      const cell = xlRow.getCell(c + 1);
      cell.value = toExcelValue(v);
      cell.style = shared[c] ??= cell.style;
    });
  });
}

/**
 * Write one sheet spec into the workbook (replacing a sheet of the same name). With `bulk`, the data
 * rows of a long sheet without highlighted rows or per-cell formats are not built as ExcelJS cells but
 * returned, for the saver to write into the sheet XML (bulkRows.ts); everything else is written here.
 */
export async function writeSheet(
  wb: ExcelJS.Workbook,
  spec: SheetSpec,
  opts: { bulk?: boolean } = {},
): Promise<BulkRows | undefined> {
  const ws = freshSheet(wb, spec);
  const headerRows = Math.max(0, spec.headerRows ?? 0);
  const columns = spec.columns ?? [];
  const width = Math.max(columns.length, ...spec.rows.map((r) => r.length), 0);
  const lastValidatedRow = lastPreparedRow(spec.rows.length, headerRows); // 1-based, inclusive

  ws.state = spec.hidden ? "hidden" : "visible";
  if (headerRows > 0) {
    const topLeft = a1(headerRows, 0);
    ws.views = [
      { state: "frozen", xSplit: 0, ySplit: headerRows, topLeftCell: topLeft, activeCell: topLeft },
    ];
  }

  // Column styles first: cells created afterwards inherit them, and Excel applies them to rows
  // people add later, without growing the used range.
  for (let c = 0; c < width; c++) {
    const cs = columns[c] ?? {};
    const col = ws.getColumn(c + 1);
    if (cs.width !== undefined && cs.width > 0) col.width = cs.width;
    if (cs.format) col.numFmt = NUMBER_FORMATS[cs.format];
    if (cs.wrap) col.alignment = { wrapText: true, vertical: "top" };
    if (spec.protectHeaders) col.protection = { locked: false };
  }

  const highlighted = (spec.highlightRows ?? []).some((r) => r >= headerRows);
  const cellFormats = cellNumberFormats(spec, width);
  const dataCellFormats = cellFormats.some((f) => f.row >= headerRows);
  const bulk =
    opts.bulk && spec.rows.length - headerRows >= BULK_MIN_ROWS && !highlighted && !dataCellFormats
      ? { sheet: spec.name, firstRow: headerRows + 1, rows: spec.rows.slice(headerRows) }
      : undefined;
  writeRows(ws, bulk ? spec.rows.slice(0, headerRows) : spec.rows);

  for (let r = 0; r < headerRows; r++) {
    const xlRow = ws.getRow(r + 1);
    for (let c = 0; c < width; c++) {
      xlRow.getCell(c + 1).style = {
        font: { bold: true },
        fill: solidFill(HEADER_FILL),
        alignment: { vertical: "middle", wrapText: true },
        protection: { locked: true },
      };
    }
  }

  for (const r of spec.highlightRows ?? []) {
    if (!Number.isInteger(r) || r < 0 || r >= spec.rows.length) continue;
    const xlRow = ws.getRow(r + 1);
    for (let c = 0; c < width; c++) {
      const cell = xlRow.getCell(c + 1);
      cell.style = { ...cell.style, fill: solidFill(HIGHLIGHT_FILL) };
    }
  }

  // Per-cell number formats last: over the column's, the header style and the highlight fill.
  for (const f of cellFormats) {
    const cell = ws.getRow(f.row + 1).getCell(f.col + 1);
    cell.style = { ...cell.style, numFmt: f.code };
  }

  columns.forEach((cs, c) => {
    if (!cs.list || cs.list.length === 0) return;
    const letters = columnLetters(c);
    const range = `${letters}${headerRows + 1}:${letters}${lastValidatedRow}`;
    (ws as unknown as WithValidations).dataValidations.add(range, {
      type: "list",
      allowBlank: true,
      formulae: [listFormula(wb, cs.list)],
      showErrorMessage: true,
      // ECMA-376 allows stop | warning | information; Excel treats any other value as corrupt content.
      errorStyle: "stop",
      errorTitle: LIST_ERROR.title,
      error: LIST_ERROR.message,
    });
  });

  if (spec.protectHeaders) {
    // No password: the lock prevents accidental edits of headers, it is not a security boundary.
    await ws.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      sort: true,
      autoFilter: true,
    });
  }
  return bulk;
}
