// The rollup's long tables ("Dữ liệu dài", "Dữ liệu nhiệm vụ") as CSV for Power BI and other tools.
// In the workbook, text that starts with = + - @ is stored as text, which is safe in Excel; a CSV has
// no cell types, so a program opening it would run "=HYPERLINK(…)" typed in a report as a formula.
// The export therefore neutralises such cells as OWASP advises (CSV injection): a leading apostrophe,
// so the text shows as typed and is never evaluated. Only the CSV is neutralised; the workbook keeps
// the text exactly (docs/FORMAT.md).
import { serialToCivil, isoDate } from "../civilDate";
import type { CellValue } from "../cell";
import type { SheetSpec } from "../sheetSpec";
import type { Rollup } from "./model";
import { longSheet, taskLongSheet } from "./recordSheets";

/** Characters that make a spreadsheet program read a CSV cell as a formula (OWASP, CSV injection). */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/** A text cell as it may go into a CSV: neutralised with a leading apostrophe when it would run. */
export function neutraliseCsvText(s: string): string {
  return FORMULA_TRIGGER.test(s) ? `'${s}` : s;
}

function csvField(v: CellValue, isDate: boolean): string {
  if (v === null) return "";
  if (typeof v === "number") {
    if (isDate) {
      const d = serialToCivil(v);
      if (d) return isoDate(d);
    }
    return Number.isFinite(v) ? String(v) : "";
  }
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  const text = neutraliseCsvText(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One sheet as CSV (RFC 4180, CRLF, UTF-8 with a byte-order mark so Excel reads the diacritics). */
export function sheetCsv(spec: SheetSpec): string {
  const dates = (spec.columns ?? []).map((c) => c.format === "date");
  const lines = spec.rows.map((row, r) =>
    row.map((v, c) => csvField(v, r >= (spec.headerRows ?? 0) && !!dates[c])).join(","),
  );
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** The long tables as CSV files: file name → text. */
export function longTablesCsv(r: Rollup): { name: string; text: string }[] {
  return [
    { name: "du-lieu-dai.csv", text: sheetCsv(longSheet(r)) },
    { name: "du-lieu-nhiem-vu.csv", text: sheetCsv(taskLongSheet(r)) },
  ];
}
