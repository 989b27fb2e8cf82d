// Data records (agencies, indicators, rules) as plain sheet tables: one column per field, one row per
// record. Scalars are written as they are; lists and objects as JSON text, so a person can still read
// and edit them in Excel and the plan workbook carries its registry and catalogue with it.
import { cellText, type CellValue, type Grid } from "./cell";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Records to a grid: a header row of field names, then one row per record. */
export function recordsToGrid(records: readonly Record<string, unknown>[], fields?: readonly string[]): Grid {
  const cols = fields ?? [...new Set(records.flatMap((r) => Object.keys(r)))];
  return [
    [...cols],
    ...records.map((r) =>
      cols.map((c): CellValue => {
        const v = r[c];
        if (v === undefined || v === null) return null;
        if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
        return JSON.stringify(v);
      }),
    ),
  ];
}

/** A grid written by recordsToGrid back to records (JSON text parsed back; blank cells are null). */
export function gridToRecords(grid: Grid): Record<string, Json>[] {
  const header = (grid[0] ?? []).map((v) => cellText(v));
  const out: Record<string, Json>[] = [];
  for (const row of grid.slice(1)) {
    if (!row || row.every((v) => v === null || v === "")) continue;
    const rec: Record<string, Json> = {};
    header.forEach((key, c) => {
      if (!key) return;
      const v = row[c] ?? null;
      rec[key] = v === null || v === "" ? null : typeof v === "string" ? parseJsonCell(v) : v;
    });
    out.push(rec);
  }
  return out;
}

/** The grid row index of each record gridToRecords returns (blank rows are skipped). */
export function recordRows(grid: Grid): number[] {
  const out: number[] = [];
  grid.forEach((row, r) => {
    if (r > 0 && row && !row.every((v) => v === null || v === "")) out.push(r);
  });
  return out;
}

function parseJsonCell(s: string): Json {
  const t = s.trim();
  if ((t.startsWith("[") && t.endsWith("]")) || (t.startsWith("{") && t.endsWith("}"))) {
    try {
      return JSON.parse(t) as Json;
    } catch {
      return s;
    }
  }
  return s.normalize("NFC");
}
