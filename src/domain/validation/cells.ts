// The one pass over a report's cells, before any other check reads them: text XML cannot carry is
// repaired, and text longer than a cell can hold is cut, each with a warning at its cell. Every later
// check (and the rollup written from it) sees only text a workbook can store, at most
// MAX_CELL_CHARS long, which is also what bounds the work of every text check per cell. The same pass
// runs the text checks (text.ts) on each text as cleaned, so each text's characters are read once for
// both (cellScan.ts).
import { a1, type Grid } from "../cell";
import { problem, type Problem } from "../problem";
import { fitCellLength, MAX_CELL_CHARS, replaceXmlForbidden } from "../text/cellSafety";
import { scanCellText, SCAN_XML_FORBIDDEN } from "../text/cellScan";
import { checkCellText } from "./text";

export interface ScannedCells {
  /** The grids with each text cell made storable (unchanged grids are the same objects). */
  grids: Map<string, Grid>;
  /** Why cells were changed (TEXT_INVALID_CHARACTER, TEXT_TOO_LONG). */
  problems: Problem[];
  /** What the text checks found in the cleaned cells (LEGACY_ENCODING, FORMULA_LIKE_TEXT), in sheet,
   * row and column order. */
  text: Problem[];
}

export function scanCells(grids: ReadonlyMap<string, Grid>): ScannedCells {
  const out = new Map<string, Grid>();
  const problems: Problem[] = [];
  const text: Problem[] = [];
  for (const [sheet, grid] of grids) {
    let copy: Grid | null = null;
    for (let r = 0; r < grid.length; r++) {
      const row = grid[r] ?? [];
      for (let c = 0; c < row.length; c++) {
        let v = row[c];
        if (typeof v !== "string" || v.length === 0) continue;
        // The common case: one look at the characters, nothing built.
        let scan = v.length <= MAX_CELL_CHARS ? scanCellText(v) : SCAN_XML_FORBIDDEN;
        if (scan & SCAN_XML_FORBIDDEN) {
          const cleaned = clean(v, sheet, r, c, problems);
          if (cleaned !== v) {
            copy ??= grid.map((x) => (x ? [...x] : x));
            copy[r][c] = cleaned;
            v = cleaned;
            scan = scanCellText(v);
          }
        }
        checkCellText(v, scan, sheet, r, c, text);
      }
    }
    out.set(sheet, copy ?? grid);
  }
  return { grids: out, problems, text };
}

/** `v` made storable (the same string when it already is), each change a warning added to `problems`. */
function clean(v: string, sheet: string, r: number, c: number, problems: Problem[]): string {
  const xml = replaceXmlForbidden(v);
  const fit = fitCellLength(xml.text);
  if (xml.replaced === 0 && !fit.truncated) return v;
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
      problem("TEXT_TOO_LONG", { length: v.length, limit: MAX_CELL_CHARS }, { sheet, cell, value: shown }),
    );
  return fit.text;
}
