// The first pass over a report's cells, before any other check reads them: text XML cannot carry is
// repaired, and text longer than a cell can hold is cut, each with a warning at its cell. Every later
// check (and the rollup written from it) sees only text a workbook can store, at most
// MAX_CELL_CHARS long, which is also what bounds the work of every text check per cell.
import { a1, type Grid } from "../cell";
import { problem, type Problem } from "../problem";
import { fitCellLength, MAX_CELL_CHARS, replaceXmlForbidden } from "../text/cellSafety";
import { formatVnNumber } from "../text/vnNumber";

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
        const xml = replaceXmlForbidden(v);
        const fit = fitCellLength(xml.text);
        if (xml.replaced === 0 && !fit.truncated) continue;
        copy ??= grid.map((x) => (x ? [...x] : x));
        copy[r][c] = fit.text;
        const cell = a1(r, c);
        const shown = v.length > 80 ? `${v.slice(0, 80)}…` : v;
        if (xml.replaced > 0)
          problems.push(
            problem({
              code: "TEXT_INVALID_CHARACTER",
              severity: "warning",
              sheet,
              cell,
              vi: `Ô có ${xml.replaced} ký tự điều khiển không lưu được trong tệp Excel (ví dụ U+FFFE, U+0001); đã thay bằng "�" khi tổng hợp. Hãy sửa lại nội dung ô.`,
              en: `The cell holds ${xml.replaced} control character(s) an Excel file cannot store (e.g. U+FFFE, U+0001); replaced with "�" when consolidated. Please correct the text.`,
              value: xml.text.length > 80 ? `${xml.text.slice(0, 80)}…` : xml.text,
            }),
          );
        if (fit.truncated)
          problems.push(
            problem({
              code: "TEXT_TOO_LONG",
              severity: "warning",
              sheet,
              cell,
              vi: `Ô dài ${formatVnNumber(v.length)} ký tự, quá giới hạn ${formatVnNumber(MAX_CELL_CHARS)} ký tự một ô của Excel; chỉ giữ phần đầu (đánh dấu "đã cắt bớt"). Hãy rút gọn hoặc đưa tài liệu dài vào tệp đính kèm.`,
              en: `The cell holds ${v.length} characters, past Excel's ${MAX_CELL_CHARS}-character cell limit; only the beginning is kept (marked "truncated"). Shorten it or attach long documents separately.`,
              value: shown,
            }),
          );
      }
    }
    out.set(sheet, copy ?? grid);
  }
  return { grids: out, problems };
}
