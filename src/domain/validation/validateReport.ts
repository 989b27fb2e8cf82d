// The validation engine (SPEC §4): one entry point for the CLI, the taskpane and consolidation.
import type { Agency } from "../agencies";
import type { Period } from "../period";
import { problem, type Problem } from "../problem";
import { a1, cellText, parseA1, type Grid } from "../cell";
import { REPORT_FORM_KIND, REPORT_SHEETS } from "../report/layout";
import { findSheet, readReport, type ReportModel } from "../report/read";
import { foldKey } from "../text/normalize";
import type { ValidationContext } from "./context";
import { scanCells } from "./cells";
import { checkFigures } from "./figures";
import { checkIdentity } from "./identity";
import { checkTasks } from "./tasks";

export interface ValidationResult {
  /** The report as read; null when the workbook holds no report sheets at all. */
  report: ReportModel | null;
  agency: Agency | null;
  period: Period | null;
  problems: Problem[];
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export interface WorkbookInput {
  grids: ReadonlyMap<string, Grid>;
  /** Merged ranges by sheet ("A1:C1"), when the adapter can tell. */
  merged?: ReadonlyMap<string, readonly string[]>;
}

export function validateReport(raw: WorkbookInput, ctx: ValidationContext): ValidationResult {
  // Before anything reads the cells: text made storable and cut to one cell's limit (warnings), and
  // the text checks, in one pass.
  const cleaned = scanCells(raw.grids);
  const input: WorkbookInput = raw.merged
    ? { grids: cleaned.grids, merged: raw.merged }
    : { grids: cleaned.grids };
  if (allEmpty(input.grids)) {
    return {
      report: null,
      agency: null,
      period: null,
      problems: [problem("WORKBOOK_EMPTY", {})],
    };
  }
  const foreign = foreignForm(input.grids);
  if (foreign) return { report: null, agency: null, period: null, problems: [foreign] };
  const { report, problems } = readReport(input.grids);
  problems.push(...cleaned.problems);
  problems.push(...mergedHeaderProblems(report, input.merged));
  const { agency, problems: idProblems } = checkIdentity(report, ctx);
  problems.push(...idProblems);
  const period = report.info.period ?? ctx.expectedPeriod ?? null;
  problems.push(...checkTasks(report, ctx, agency?.code ?? null, period));
  problems.push(...checkFigures(report, ctx.catalogue));
  problems.push(...cleaned.text);
  return { report, agency, period: report.info.period, problems: sortProblems(problems) };
}

/**
 * Problems by severity, then sheet (`localeCompare`), then cell (row, then column; none first),
 * stably. Each problem's keys are worked out once, not at every comparison: the sheets' order by
 * ranking their few names with `localeCompare` (names it calls equal share a rank).
 */
export function sortProblems(problems: Problem[]): Problem[] {
  const names = [...new Set(problems.map((p) => p.sheet ?? ""))].sort((a, b) => a.localeCompare(b));
  const rank = new Map<string, number>();
  for (let i = 0, k = 0; i < names.length; i++) {
    if (i > 0 && names[i - 1].localeCompare(names[i]) !== 0) k = i;
    rank.set(names[i], k);
  }
  const keyed = problems.map((p) => ({
    p,
    severity: SEVERITY_ORDER[p.severity],
    sheet: rank.get(p.sheet ?? "")!,
    cell: cellOrder(p.cell),
  }));
  keyed.sort((a, b) => a.severity - b.severity || a.sheet - b.sheet || a.cell - b.cell);
  for (let i = 0; i < keyed.length; i++) problems[i] = keyed[i].p;
  return problems;
}

/** No sheet, or no sheet with a row. */
function allEmpty(grids: ReadonlyMap<string, Grid>): boolean {
  for (const g of grids.values()) if (g.length > 0) return false;
  return true;
}

/**
 * Another form sent instead of a report (a rollup, a plan): no report info sheet, but a sheet that
 * states its own "Loại biểu mẫu". Said in one problem instead of three SHEET_MISSING.
 */
function foreignForm(grids: ReadonlyMap<string, Grid>): Problem | null {
  if (findSheet(grids.keys(), REPORT_SHEETS.info)) return null;
  const label = foldKey("Loại biểu mẫu");
  for (const [sheet, grid] of grids) {
    for (let r = 0; r < Math.min(grid.length, 30); r++) {
      const row = grid[r] ?? [];
      if (foldKey(cellText(row[0] ?? null)) !== label) continue;
      const kind = cellText(row[1] ?? null).trim();
      if (!kind || foldKey(kind) === foldKey(REPORT_FORM_KIND)) continue;
      return problem(
        "NOT_A_REPORT",
        { kind, sheet, expected: REPORT_FORM_KIND },
        { sheet, cell: a1(r, 1), value: kind },
      );
    }
  }
  return null;
}

function cellOrder(cell: string | null): number {
  const at = cell ? parseA1(cell) : undefined;
  return at ? at.row * 20000 + at.col : -1;
}

/** Merged cells in a header row break header matching in other tools and hide columns. */
function mergedHeaderProblems(
  report: ReportModel,
  merged?: ReadonlyMap<string, readonly string[]>,
): Problem[] {
  if (!merged) return [];
  const out: Problem[] = [];
  const tables = [
    [report.sheets.tasks, report.taskTable?.headerRow],
    [report.sheets.figures, report.figureTable?.headerRow],
  ] as const;
  for (const [sheet, headerRow] of tables) {
    if (!sheet || headerRow === undefined) continue;
    for (const range of merged.get(sheet) ?? []) {
      const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
      if (!m) continue;
      const top = Number(m[2]) - 1;
      const bottom = Number(m[4]) - 1;
      if (top <= headerRow && headerRow <= bottom)
        out.push(
          problem(
            "HEADER_MERGED",
            { range },
            { sheet, cell: `${m[1]}${m[2]}` as Problem["cell"], value: range },
          ),
        );
    }
  }
  return out;
}
