// Read an agency report workbook's grids into a typed model, reporting structure and value problems.
// Rules between values (sums, rates, deadlines) are checked afterwards in ../validation.
import { a1, cellAt, cellText, isBlank, isExcelError, type A1, type CellValue, type Grid } from "../cell";
import type { CivilDate } from "../civilDate";
import { parsePeriod, type Period } from "../period";
import { problem, type Problem } from "../problem";
import { fieldLabels, type FieldDef } from "../sheetTable";
import { columnCell, columnText, locateTable, textAt, type TableLocation } from "../table";
import { parseTaskStatus, type TaskStatus } from "../taskStatus";
import { foldKey } from "../text/normalize";
import { parseVnDate } from "../text/vnDate";
import { parseVnNumber } from "../text/vnNumber";
import {
  FIGURE_HEADERS,
  FIGURE_REQUIRED,
  INFO_FIELDS,
  INFO_HEADERS,
  INFO_REQUIRED,
  REPORT_SHEETS,
  TASK_HEADERS,
  TASK_REQUIRED,
  type FigureColumn,
  type InfoColumn,
  type InfoField,
  type TaskColumn,
} from "./layout";

export interface InfoValue {
  readonly text: string;
  readonly raw: CellValue;
  readonly cell: A1;
}

export interface ReportInfo {
  readonly fields: Partial<Record<InfoField, InfoValue>>;
  readonly period: Period | null;
  readonly planYear: number | null;
  readonly version: number | null;
  readonly submittedAt: CivilDate | null;
}

export interface ReportTask {
  readonly code: string;
  readonly row: number;
  readonly status: TaskStatus | null;
  readonly statusText: string;
  readonly doneDate: CivilDate | null;
  readonly doneDateRaw: CellValue;
  readonly evidence: string;
  readonly note: string;
}

export interface ReportFigure {
  readonly code: string;
  readonly row: number;
  /** The value's cell. */
  readonly cell: A1;
  /** Normalised number (a percent as a fraction), or null when blank or unreadable. */
  readonly value: number | null;
  /** Digits printed after the decimal mark, when the value was typed as text. */
  readonly decimals: number | null;
  readonly raw: CellValue;
}

export interface ReportModel {
  /** Actual sheet names found for each part of the report. */
  readonly sheets: Partial<Record<"info" | "tasks" | "figures", string>>;
  readonly info: ReportInfo;
  readonly tasks: ReportTask[];
  readonly figures: ReportFigure[];
  /** Raw grids by actual sheet name, for text checks. */
  readonly grids: ReadonlyMap<string, Grid>;
  /** The task table's location, for cell addresses. */
  readonly taskTable: TableLocation<TaskColumn> | null;
  readonly figureTable: TableLocation<FigureColumn> | null;
}

/** Find a sheet by its expected name, ignoring case, diacritics and NFC/NFD. */
export function findSheet(names: Iterable<string>, expected: string): string | undefined {
  const key = foldKey(expected);
  for (const n of names) if (foldKey(n) === key) return n;
  return undefined;
}

export function readReport(grids: ReadonlyMap<string, Grid>): { report: ReportModel; problems: Problem[] } {
  const problems: Problem[] = [];
  const sheets: ReportModel["sheets"] = {};
  for (const part of ["info", "tasks", "figures"] as const) {
    const name = findSheet(grids.keys(), REPORT_SHEETS[part]);
    if (name) sheets[part] = name;
    else
      problems.push(
        problem(
          "SHEET_MISSING",
          { sheet: REPORT_SHEETS[part], of: "report" },
          { value: REPORT_SHEETS[part] },
        ),
      );
  }
  const info = sheets.info ? readInfo(grids.get(sheets.info)!, sheets.info, problems) : emptyInfo();
  const taskRead = sheets.tasks ? readTasks(grids.get(sheets.tasks)!, sheets.tasks, problems) : null;
  const figRead = sheets.figures ? readFigures(grids.get(sheets.figures)!, sheets.figures, problems) : null;
  return {
    report: {
      sheets,
      info,
      tasks: taskRead?.tasks ?? [],
      figures: figRead?.figures ?? [],
      grids,
      taskTable: taskRead?.loc ?? null,
      figureTable: figRead?.loc ?? null,
    },
    problems,
  };
}

/** The info sheet's fields with their definitions, in layout order (listed once, not per report). */
const INFO_FIELD_LIST = Object.entries(INFO_FIELDS) as [InfoField, FieldDef][];

function emptyInfo(): ReportInfo {
  return { fields: {}, period: null, planYear: null, version: null, submittedAt: null };
}

/** Each info field's labels, folded, once. */
let infoLabels: Map<string, InfoField> | undefined;
function foldedInfoLabels(): Map<string, InfoField> {
  const byLabel = new Map<string, InfoField>();
  for (const [field, def] of INFO_FIELD_LIST) {
    for (const l of fieldLabels(def)) byLabel.set(foldKey(l), field);
  }
  return byLabel;
}

function readInfo(grid: Grid, sheet: string, problems: Problem[]): ReportInfo {
  const found = locateTable<InfoColumn>(grid, sheet, INFO_HEADERS, INFO_REQUIRED);
  problems.push(...found.problems);
  const loc = found.location;
  if (!loc || loc.columns.label === undefined || loc.columns.value === undefined) return emptyInfo();
  const fields: Partial<Record<InfoField, InfoValue>> = {};
  const byLabel = (infoLabels ??= foldedInfoLabels());
  for (let r = loc.headerRow + 1; r < grid.length; r++) {
    const field = byLabel.get(foldKey(columnText(grid, loc, r, "label")));
    if (!field || fields[field]) continue;
    const raw = cellAt(grid, r, loc.columns.value);
    fields[field] = { text: cellText(raw), raw, cell: a1(r, loc.columns.value) };
  }
  for (const [field, def] of INFO_FIELD_LIST) {
    if (!def.required || (fields[field] && fields[field]!.text)) continue;
    const notFilled = fields[field] !== undefined;
    problems.push(
      problem(
        notFilled ? "INFO_NOT_FILLED" : "INFO_FIELD_MISSING",
        { sheet, label: def.label, label_en: def.en },
        {
          sheet,
          cell: fields[field]?.cell ?? null,
          severity: def.required === "warning" ? "warning" : "error",
        },
      ),
    );
  }

  let period: Period | null = null;
  const pf = fields.period;
  if (pf?.text) {
    const p = parsePeriod(pf.text);
    if (p.ok) period = p.period;
    else
      problems.push(
        problem(
          "PERIOD_INVALID",
          { text: pf.text, reason: p.reason },
          { sheet, cell: pf.cell, value: pf.raw },
        ),
      );
  }
  const planYear = wholeNumber(fields.planYear, sheet, "PLAN_YEAR_INVALID", problems);
  const version = wholeNumber(fields.version, sheet, "VERSION_INVALID", problems);
  let submittedAt: CivilDate | null = null;
  const sf = fields.submittedAt;
  if (sf?.text) {
    submittedAt = parseVnDate(sf.raw) ?? null;
    if (!submittedAt)
      problems.push(
        problem(
          "DATE_INVALID",
          { what: "submittedAt", text: sf.text },
          { sheet, cell: sf.cell, value: sf.raw, severity: "warning" },
        ),
      );
  }
  return { fields, period, planYear, version, submittedAt };
}

function wholeNumber(
  f: InfoValue | undefined,
  sheet: string,
  code: "PLAN_YEAR_INVALID" | "VERSION_INVALID",
  problems: Problem[],
): number | null {
  if (!f?.text) return null;
  const n = parseVnNumber(f.raw);
  if (n.ok && !n.percent && Number.isInteger(n.value) && n.value >= 0) return n.value;
  problems.push(problem(code, { text: f.text }, { sheet, cell: f.cell, value: f.raw }));
  return null;
}

function readTasks(grid: Grid, sheet: string, problems: Problem[]) {
  const found = locateTable<TaskColumn>(grid, sheet, TASK_HEADERS, TASK_REQUIRED);
  problems.push(...found.problems);
  const loc = found.location;
  if (!loc || loc.columns.code === undefined) return null;
  const tasks: ReportTask[] = [];
  // The columns looked up once, not per row (columnText's lookup by key, as it reads them).
  const {
    code: codeCol,
    status: statusCol,
    doneDate: doneCol,
    evidence: evidenceCol,
    note: noteCol,
  } = loc.columns;
  for (let r = loc.headerRow + 1; r < grid.length; r++) {
    const code = textAt(grid, r, codeCol);
    const statusText = textAt(grid, r, statusCol);
    if (!code) {
      if (statusText || textAt(grid, r, evidenceCol))
        problems.push(
          problem("TASK_CODE_MISSING", { row: r + 1 }, { sheet, cell: columnCell(loc, r, "code") }),
        );
      continue;
    }
    const doneRaw = doneCol === undefined ? null : cellAt(grid, r, doneCol);
    let doneDate: CivilDate | null = null;
    if (!isBlank(doneRaw)) {
      doneDate = isExcelError(doneRaw) ? null : (parseVnDate(doneRaw) ?? null);
      if (!doneDate)
        problems.push(
          problem(
            "DATE_INVALID",
            {
              what: "doneDate",
              text: cellText(doneRaw),
              task: { code, title: columnText(grid, loc, r, "title") },
            },
            { sheet, cell: columnCell(loc, r, "doneDate"), value: doneRaw },
          ),
        );
    }
    tasks.push({
      code,
      row: r,
      status: statusText ? (parseTaskStatus(statusText) ?? null) : null,
      statusText,
      doneDate,
      doneDateRaw: doneRaw,
      evidence: textAt(grid, r, evidenceCol),
      note: textAt(grid, r, noteCol),
    });
  }
  return { tasks, loc };
}

function readFigures(grid: Grid, sheet: string, problems: Problem[]) {
  const found = locateTable<FigureColumn>(grid, sheet, FIGURE_HEADERS, FIGURE_REQUIRED);
  problems.push(...found.problems);
  const loc = found.location;
  if (!loc || loc.columns.code === undefined || loc.columns.value === undefined) return null;
  const figures: ReportFigure[] = [];
  const { code: codeCol, value: valueCol } = loc.columns;
  for (let r = loc.headerRow + 1; r < grid.length; r++) {
    const code = textAt(grid, r, codeCol);
    if (!code) continue;
    const raw = cellAt(grid, r, valueCol);
    const cell = a1(r, valueCol);
    // A number cell is its value (parseVnNumber's first answer, without building it): most figures.
    if (typeof raw === "number" && Number.isFinite(raw)) {
      figures.push({ code, row: r, cell, value: raw, decimals: null, raw });
      continue;
    }
    const n = parseVnNumber(raw);
    let value: number | null = null;
    let decimals: number | null = null;
    if (n.ok) {
      value = n.value;
      decimals = n.decimals;
    } else if (n.reason === "excel_error") {
      problems.push(
        problem(
          "CELL_EXCEL_ERROR",
          { indicator: rowIndicator(grid, loc, r, code), error: String(raw) },
          { sheet, cell, value: raw },
        ),
      );
    } else if (n.reason === "not_number") {
      problems.push(
        problem(
          "NUMBER_INVALID",
          { indicator: rowIndicator(grid, loc, r, code), text: cellText(raw) },
          { sheet, cell, value: raw },
        ),
      );
    }
    figures.push({ code, row: r, cell, value, decimals, raw });
  }
  return { figures, loc };
}

/** The indicator a figure row names, for a problem: most rows have none, so the name and unit are
 * read only then. */
function rowIndicator(grid: Grid, loc: TableLocation<FigureColumn>, r: number, code: string) {
  return { code, name: columnText(grid, loc, r, "name") || code, unit: columnText(grid, loc, r, "unit") };
}
