// The first pass over a report's cells, before any other check reads them: text XML cannot carry is
// repaired, and text longer than a cell can hold is cut, each with a warning at its cell. Every later
// check (and the rollup written from it) sees only text a workbook can store, at most
// MAX_CELL_CHARS long, which is also what bounds the work of every text check per cell.
import { a1, type Grid } from "../cell";
import { problem, type Problem } from "../problem";
import { fitCellLength, hasXmlForbidden, MAX_CELL_CHARS, replaceXmlForbidden } from "../text/cellSafety";

/** The grids with each text cell made storable (unchanged grids are the same objects), and why. */
export function cleanGrids(grids: ReadonlyMap<string, Grid>): {
  grids: Map<string, Grid>;
  problems: Problem[];
} {
  const out = new Map<string, Grid>();
  const problems: Problem[] = [];
  for (const [sheet, grid] of grids) {
    let copy: Grid | null = null;
    for (let r = 0; r < grid.length; r++) {
      const row = grid[r] ?? [];
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v !== "string") continue;
        // The common case, answered without building the two results below.
        if (v.length <= MAX_CELL_CHARS && !hasXmlForbidden(v)) continue;
        const xml = replaceXmlForbidden(v);
        const fit = fitCellLength(xml.text);
        if (xml.replaced === 0 && !fit.truncated) continue;
        copy ??= grid.map((x) => (x ? [...x] : x));
        copy[r][c] = fit.text;
        const cell = a1(r, c);
        const shown = v.length > 80 ? `${v.slice(0, 80)}…` : v;
        if (xml.replaced > 0)
          problems.push(
            problem(
              "TEXT_INVALID_CHARACTER",
              { count: xml.replaced },
              { sheet, cell, value: xml.text.length > 80 ? `${xml.text.slice(0, 80)}…` : xml.text },
            ),
          );
        if (fit.truncated)
          problems.push(
            problem(
              "TEXT_TOO_LONG",
              { length: v.length, limit: MAX_CELL_CHARS },
              { sheet, cell, value: shown },
            ),
          );
      }
    }
    out.set(sheet, copy ?? grid);
  }
  return { grids: out, problems };
}
