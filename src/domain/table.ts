// Finding a table in a grid by its header names: reports, plans and registries are keyed by header
// text (diacritics-insensitive, NFC/NFD-blind, small typos tolerated with a warning), never by position.
import { a1, cellAt, cellText, type Grid } from "./cell";
import { problem, type Problem } from "./problem";
import { foldKey, matchFoldedHeader } from "./text/normalize";

export interface TableLocation<K extends string> {
  /** 0-based index of the header row. */
  headerRow: number;
  /** 0-based column index of each header found. */
  columns: Partial<Record<K, number>>;
}

const MAX_HEADER_SCAN = 20;

/**
 * Find the header row: the first row within the top rows where the most expected headers match.
 * Missing required columns are errors; typo'd headers are accepted with a warning.
 */
export function locateTable<K extends string>(
  grid: Grid,
  sheet: string,
  headers: Record<K, readonly string[]>,
  required: readonly K[],
): { location: TableLocation<K> | null; problems: Problem[] } {
  const keys = Object.keys(headers) as K[];
  let best: { row: number; score: number; columns: Partial<Record<K, number>>; near: Problem[] } | null =
    null;

  for (let r = 0; r < Math.min(grid.length, MAX_HEADER_SCAN); r++) {
    const row = grid[r] ?? [];
    const columns: Partial<Record<K, number>> = {};
    const near: Problem[] = [];
    let score = 0;
    for (let c = 0; c < row.length; c++) {
      const text = cellText(cellAt(grid, r, c));
      if (!text) continue;
      const folded = foldKey(text); // once per cell, whatever the number of headers
      for (const key of keys) {
        if (columns[key] !== undefined) continue;
        const m = matchFoldedHeader(folded, headers[key]);
        if (m.kind === "none") continue;
        columns[key] = c;
        score += m.kind === "exact" ? 2 : 1;
        if (m.kind === "near") {
          near.push(
            problem("HEADER_TYPO", { text, expected: m.expected }, { sheet, cell: a1(r, c), value: text }),
          );
        }
        break;
      }
    }
    if (score > 0 && (!best || score > best.score)) best = { row: r, score, columns, near };
    // Every header matched exactly: no later row can score higher, so stop scanning.
    if (best && best.score === 2 * keys.length) break;
  }

  const missing = required.filter((k) => best?.columns[k] === undefined);
  if (!best || missing.length === required.length) {
    return {
      location: null,
      problems: [
        problem("HEADER_NOT_FOUND", { sheet, expected: required.map((k) => headers[k][0]) }, { sheet }),
      ],
    };
  }
  const problems: Problem[] = [...best.near];
  for (const k of missing) {
    problems.push(
      problem(
        "COLUMN_MISSING",
        { sheet, column: headers[k][0], row: best.row + 1 },
        { sheet, cell: a1(best.row, 0) },
      ),
    );
  }
  return { location: { headerRow: best.row, columns: best.columns }, problems };
}

/** Text of a located column in a row ("" when the column is absent). */
export function columnText<K extends string>(grid: Grid, loc: TableLocation<K>, row: number, key: K): string {
  return textAt(grid, row, loc.columns[key]);
}

/** {@link columnText} for a column already looked up: the cell's text, "" when the column is absent. */
export function textAt(grid: Grid, row: number, col: number | undefined): string {
  return col === undefined ? "" : cellText(cellAt(grid, row, col));
}

/** The A1 address of a located column in a row (column A when absent, so a problem still has a cell). */
export function columnCell<K extends string>(loc: TableLocation<K>, row: number, key: K) {
  return a1(row, loc.columns[key] ?? 0);
}
