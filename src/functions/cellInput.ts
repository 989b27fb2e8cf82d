// What Excel hands a custom function, turned into the domain's CellValue: error values become their
// text ("#REF!", as in `range.values`), rich values their basic value, anything else odd "#VALUE!".
// Excel passes an omitted optional argument as null and, for a range parameter, a 2-D array even for
// one cell; tests, the CLI and the benchmark pass plain values.
import type { CellValue } from "../domain/cell";

/** A parameter's value as a 2-D array: a scalar becomes [[v]], a row [v…] becomes [[v…]], [] becomes [[null]]. */
export function asMatrix(v: unknown): unknown[][] {
  if (!Array.isArray(v)) return [[v]];
  if (v.length === 0) return [[null]];
  return Array.isArray(v[0]) ? (v as unknown[][]) : [v];
}

/** One cell of input as a CellValue. */
export function readCell(v: unknown): CellValue {
  switch (typeof v) {
    case "number":
      return Number.isFinite(v) ? v : "#NUM!";
    case "string":
    case "boolean":
      return v;
    case "undefined":
      return null;
    case "object":
      return v === null ? null : readObject(v as Record<string, unknown>);
    default:
      return "#VALUE!";
  }
}

function readObject(o: Record<string, unknown>): CellValue {
  // CustomFunctions.Error as an input ({ code: "#DIV/0!" }) or Excel.ErrorCellValue ({ type: "Error", basicValue }).
  if (typeof o.code === "string" && o.code.startsWith("#")) return o.code;
  if (o.type === "Error" && typeof o.basicValue === "string") return o.basicValue;
  if ("basicValue" in o && (o.basicValue === null || typeof o.basicValue !== "object"))
    return readCell(o.basicValue);
  if (Array.isArray(o)) return o.length > 0 ? readCell(asMatrix(o)[0][0]) : null;
  return "#VALUE!";
}

/** The single value of a parameter that may arrive as [[v]]. */
export function readScalar(v: unknown): CellValue {
  return Array.isArray(v) ? readCell(asMatrix(v)[0][0]) : readCell(v);
}
