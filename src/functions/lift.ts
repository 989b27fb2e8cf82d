// Element-wise evaluation over ranges, with Excel's broadcasting: the result is as large as the largest
// argument; an argument of one row (or one column) repeats down (or across); a cell past a smaller
// argument's edge is #N/A — as `=A1:A3+B1:B2` behaves in Excel. This is what lets `=CCHC.DUE(F5:F80)`
// spill a column of dates.
import { asMatrix } from "./cellInput";
import type { FunctionError } from "./excelError";
import { functionError } from "./messages";

const OUTSIDE: unique symbol = Symbol("outside");

function pick(m: unknown[][], i: number, j: number): unknown {
  const r = m.length === 1 ? m[0] : m[i];
  if (r === undefined) return OUTSIDE;
  if (r.length === 1) return r[0];
  return j < r.length ? r[j] : OUTSIDE;
}

/** Apply `f` to each aligned tuple of cells of `args` (each a scalar or a 2-D array); a 2-D result. */
export function lift<R>(args: readonly unknown[], f: (...cells: unknown[]) => R): (R | FunctionError)[][] {
  const ms = args.map(asMatrix);
  let rows = 1;
  let cols = 1;
  for (const m of ms) {
    rows = Math.max(rows, m.length);
    for (const r of m) cols = Math.max(cols, r.length);
  }
  const out: (R | FunctionError)[][] = [];
  const cells: unknown[] = new Array(ms.length);
  for (let i = 0; i < rows; i++) {
    const row: (R | FunctionError)[] = [];
    for (let j = 0; j < cols; j++) {
      let outside = false;
      for (let k = 0; k < ms.length; k++) {
        cells[k] = pick(ms[k], i, j);
        if (cells[k] === OUTSIDE) outside = true;
      }
      row.push(outside ? functionError("shapes") : f(...cells));
    }
    out.push(row);
  }
  return out;
}
