// The reference for the reader's differential test: how values were read before issue 15, through
// ExcelJS's full model (`wb.xlsx.load`, cells, `ws._merges`). Kept here, and only here, so the one
// reader (src/workbook/xlsx/xlsxReader.ts) can be compared with it on every corpus workbook.
import ExcelJS from "exceljs";
import type { CellValue, Grid } from "../../src/domain/cell";
import { dateToSerial } from "../../src/workbook/xlsx/xlsxReader";

function richTextToString(rt: unknown): string {
  if (!Array.isArray(rt)) return "";
  return rt.map((run) => (run && typeof run.text === "string" ? run.text : "")).join("");
}

const emptyToNull = (s: string): string | null => (s === "" ? null : s);
const nfc = (s: string): string => s.normalize("NFC");

function scalar(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : "#NUM!";
  if (typeof v === "boolean") return v;
  if (typeof v === "string") return v === "" ? null : nfc(v);
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.error === "string") return o.error;
    if ("richText" in o) return emptyToNull(nfc(richTextToString(o.richText)));
    if ("text" in o) {
      const t = o.text;
      if (typeof t === "string") return emptyToNull(nfc(t));
      if (t && typeof t === "object" && "richText" in t) {
        return emptyToNull(nfc(richTextToString((t as { richText: unknown }).richText)));
      }
      return null;
    }
    if ("formula" in o || "sharedFormula" in o) return scalar(o.result);
  }
  return null;
}

function readCellValue(cell: ExcelJS.Cell): CellValue {
  try {
    if (cell.type === ExcelJS.ValueType.Merge) return null;
    // One fix over the ExcelJS path as it was: `cell.value` of a formula drops a falsy cached result
    // (ExcelJS's FormulaValue copies only truthy fields), so "=B1*2" showing 0, or FALSE, read as
    // empty. The reader reads 0 and FALSE; the reference reads the result ExcelJS did parse.
    if (cell.type === ExcelJS.ValueType.Formula) return scalar(cell.result);
    return scalar(cell.value);
  } catch {
    return null;
  }
}

function coveredByMerge(cell: ExcelJS.Cell): boolean {
  try {
    return cell.type === ExcelJS.ValueType.Merge && readCellValue(cell.master) !== null;
  } catch {
    return false;
  }
}

function readGrid(ws: ExcelJS.Worksheet): Grid {
  const cells: { r: number; c: number; v: CellValue }[] = [];
  let rows = 0;
  let cols = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const v = readCellValue(cell);
      if (v !== null) cells.push({ r: rowNumber - 1, c: colNumber - 1, v });
      else if (!coveredByMerge(cell)) return;
      rows = Math.max(rows, rowNumber);
      cols = Math.max(cols, colNumber);
    });
  });
  const grid: Grid = Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(null));
  for (const { r, c, v } of cells) grid[r][c] = v;
  return grid;
}

export interface WorkbookValues {
  sheets: { name: string; visibility: string }[];
  grids: Map<string, Grid>;
  merges: Map<string, string[]>;
}

/** Every sheet's values, merges and visibility as ExcelJS reads them. */
export async function excelJsValues(bytes: Uint8Array): Promise<WorkbookValues> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const sheets = wb.worksheets.map((ws) => ({ name: ws.name, visibility: ws.state ?? "visible" }));
  const grids = new Map<string, Grid>();
  const merges = new Map<string, string[]>();
  for (const ws of wb.worksheets) {
    grids.set(ws.name, readGrid(ws));
    const own = (ws as unknown as { _merges?: Record<string, { range?: string }> })._merges ?? {};
    merges.set(
      ws.name,
      Object.values(own).map((m) => m.range ?? ""),
    );
  }
  return { sheets, grids, merges };
}
