// Read a rollup workbook back (its own stored tables) so that a later run merges into it exactly,
// a higher level merges it upward, or next year compares against it. Keyed by header names.
import { cellAt, cellText, isBlank, type A1, type CellValue, type Grid } from "../cell";
import { serialToCivil, type CivilDate } from "../civilDate";
import type { Catalogue } from "../indicators";
import { parsePeriod, type Period } from "../period";
import { problem, type Problem } from "../problem";
import { findSheet } from "../report/read";
import { tableHeaders, tableKeys, tableRequired, type TableDef } from "../sheetTable";
import { parseTaskStatus } from "../taskStatus";
import { foldKey } from "../text/normalize";
import { parseVnDate } from "../text/vnDate";
import {
  INFO_LABELS,
  LONG_TABLE,
  PROVENANCE_TABLE,
  ROLLUP_FORM_KIND,
  ROLLUP_SCHEMA_VERSION,
  ROLLUP_SHEETS,
  STATUS_TABLE,
  TASK_LONG_TABLE,
} from "./layout";
import type { MergeOutcome, ReturnMark } from "./mergeRules";
import type { PriorRollup, ProvenanceEntry } from "./model";
import type { AcceptedSubmission, SubmittedFigure, SubmittedTask } from "./submission";
import { sumFigures } from "./totals";

/** The sheets a rollup reader needs. */
export const ROLLUP_STORED_SHEETS = [
  ROLLUP_SHEETS.info,
  ROLLUP_SHEETS.status,
  ROLLUP_SHEETS.provenance,
  ROLLUP_SHEETS.long,
  ROLLUP_SHEETS.taskLong,
] as const;

export interface StoredRollup {
  readonly unit: string;
  readonly period: Period;
  readonly planYear: number | null;
  readonly prior: PriorRollup;
}

/**
 * Migrations from older stored layouts, keyed by the version they read; each returns the grids in the
 * next version's layout. Version 1 is the first, so there is nothing to migrate yet; a rollup whose
 * info sheet states no version is read as version 1 (every rollup ever written states 1).
 */
const MIGRATIONS: Readonly<Record<number, (grids: ReadonlyMap<string, Grid>) => ReadonlyMap<string, Grid>>> =
  {};

export type ReadRollupResult = { ok: true; rollup: StoredRollup } | { ok: false; problems: Problem[] };

/** Whether a workbook's sheets look like a rollup (its info sheet names the rollup form). */
export function isRollup(grids: ReadonlyMap<string, Grid>): boolean {
  const name = findSheet(grids.keys(), ROLLUP_SHEETS.info);
  return !!name && infoValue(grids.get(name)!, INFO_LABELS.formKind) === ROLLUP_FORM_KIND;
}

export function readRollup(input: ReadonlyMap<string, Grid>): ReadRollupResult {
  let grids = input;
  const problems: Problem[] = [];
  const sheet = (expected: string): Grid | null => {
    const name = findSheet(grids.keys(), expected);
    if (name) return grids.get(name)!;
    problems.push(problem("ROLLUP_SHEET_MISSING", { sheet: expected }, { value: expected }));
    return null;
  };
  const info = sheet(ROLLUP_SHEETS.info);
  let status = sheet(ROLLUP_SHEETS.status);
  let prov = sheet(ROLLUP_SHEETS.provenance);
  let long = sheet(ROLLUP_SHEETS.long);
  let taskLong = sheet(ROLLUP_SHEETS.taskLong);
  if (!info || !status || !prov || !long || !taskLong) return { ok: false, problems };
  if (infoValue(info, INFO_LABELS.formKind) !== ROLLUP_FORM_KIND) {
    return { ok: false, problems: [notRollup()] };
  }
  const versionText = infoValue(info, INFO_LABELS.schemaVersion);
  let version = versionText === "" ? ROLLUP_SCHEMA_VERSION : Number(versionText);
  if (Number.isInteger(version) && version > ROLLUP_SCHEMA_VERSION) {
    return {
      ok: false,
      problems: [
        problem(
          "ROLLUP_VERSION_NEWER",
          { version: versionText, supported: ROLLUP_SCHEMA_VERSION },
          { sheet: ROLLUP_SHEETS.info, value: versionText },
        ),
      ],
    };
  }
  while (Number.isInteger(version) && version < ROLLUP_SCHEMA_VERSION && MIGRATIONS[version]) {
    grids = MIGRATIONS[version](grids);
    version++;
    [status, prov, long, taskLong] = [
      sheet(ROLLUP_SHEETS.status)!,
      sheet(ROLLUP_SHEETS.provenance)!,
      sheet(ROLLUP_SHEETS.long)!,
      sheet(ROLLUP_SHEETS.taskLong)!,
    ];
  }
  if (version !== ROLLUP_SCHEMA_VERSION) return { ok: false, problems: [notRollup()] };
  const missing = [
    ...missingColumns(status, ROLLUP_SHEETS.status, STATUS_TABLE),
    ...missingColumns(prov, ROLLUP_SHEETS.provenance, PROVENANCE_TABLE),
    ...missingColumns(long, ROLLUP_SHEETS.long, LONG_TABLE),
    ...missingColumns(taskLong, ROLLUP_SHEETS.taskLong, TASK_LONG_TABLE),
  ];
  if (missing.length > 0) return { ok: false, problems: missing };
  const p = parsePeriod(infoValue(info, INFO_LABELS.period));
  if (!p.ok) return { ok: false, problems: [notRollup()] };
  const period = p.period;
  const unit = infoValue(info, INFO_LABELS.unitCode);
  const year = Number(infoValue(info, INFO_LABELS.planYear));

  const provenance: ProvenanceEntry[] = records(prov, PROVENANCE_TABLE).map((r) => ({
    file: text(r.file),
    hash: text(r.hash),
    via: text(r.via),
    agency: text(r.agency),
    period: text(r.period),
    version: num(r.version),
    mergedAt: text(r.mergedAt),
    outcome: text(r.outcome) as MergeOutcome | "returned",
    errors: num(r.errors) ?? 0,
    warnings: num(r.warnings) ?? 0,
    reasons: text(r.reasons),
  }));
  const returns: ReturnMark[] = provenance
    .filter((e) => e.outcome === "returned" && e.version !== null)
    .map((e) => ({ agency: e.agency, version: e.version!, reason: e.reasons }));

  const key = (agency: string, hash: string) => `${agency}\u0000${hash}`;
  const figures = new Map<string, SubmittedFigure[]>();
  const vias = new Map<string, string>();
  for (const r of records(long, LONG_TABLE)) {
    const value = num(r.value);
    if (value === null) continue;
    const k = key(text(r.agency), text(r.hash));
    figures.set(k, [
      ...(figures.get(k) ?? []),
      { code: text(r.indicator), value, sheet: text(r.sheet), cell: text(r.cell) },
    ]);
    if (text(r.via)) vias.set(k, text(r.via));
  }
  const tasks = new Map<string, SubmittedTask[]>();
  for (const r of records(taskLong, TASK_LONG_TABLE)) {
    const status = parseTaskStatus(text(r.status)) ?? parseTaskStatus(text(r.statusLabel));
    if (!status) continue;
    const k = key(text(r.agency), text(r.hash));
    const t: SubmittedTask = {
      code: text(r.task),
      status,
      doneDate: date(r.doneDate),
      evidence: text(r.evidence),
      sheet: text(r.sheet),
      cell: text(r.cell),
    };
    tasks.set(k, [...(tasks.get(k) ?? []), t]);
    if (text(r.via)) vias.set(k, text(r.via));
  }

  const contributions: AcceptedSubmission[] = [];
  for (const r of records(status, STATUS_TABLE)) {
    const hash = text(r.hash);
    const agency = text(r.agency);
    const version = num(r.version);
    if (!hash || !agency || version === null) continue;
    const k = key(agency, hash);
    const via = vias.get(k) ?? provenance.find((e) => e.hash === hash && e.via)?.via;
    contributions.push({
      file: text(r.file),
      hash,
      ...(via ? { via } : {}),
      agency,
      period,
      version,
      submittedAt: date(r.submittedAt),
      receivedAt: null,
      problems: [],
      errorCount: num(r.errors) ?? 0,
      warningCount: num(r.warnings) ?? 0,
      figures: figures.get(k) ?? [],
      tasks: tasks.get(k) ?? [],
    });
  }
  return {
    ok: true,
    rollup: {
      unit,
      period,
      planYear: Number.isInteger(year) && year > 0 ? year : null,
      prior: { contributions, returns, provenance },
    },
  };
}

/** Figures of a stored rollup's counting contributions, per agency (returned ones left out). */
export function storedByAgency(rollup: StoredRollup): Map<string, ReadonlyMap<string, number>> {
  const returned = new Set(
    rollup.prior.returns
      .filter((m) => rollup.prior.contributions.some((c) => c.agency === m.agency && c.version === m.version))
      .map((m) => m.agency),
  );
  return new Map(
    rollup.prior.contributions
      .filter((c) => !returned.has(c.agency))
      .map((c) => [c.agency, new Map(c.figures.map((f) => [f.code, f.value]))] as const),
  );
}

/** Totals of a stored rollup (its counting contributions), e.g. last year's for year-on-year change. */
export function storedTotals(rollup: StoredRollup, catalogue: Catalogue): Map<string, number | null> {
  const returned = new Set(
    rollup.prior.returns
      .filter((m) => rollup.prior.contributions.some((c) => c.agency === m.agency && c.version === m.version))
      .map((m) => m.agency),
  );
  const counting = rollup.prior.contributions.filter((c) => !returned.has(c.agency));
  return sumFigures(
    catalogue,
    counting.map((c) => new Map(c.figures.map((f) => [f.code, f.value]))),
  );
}

function notRollup(): Problem {
  return problem("NOT_A_ROLLUP", { expected: ROLLUP_FORM_KIND });
}

function infoValue(grid: Grid, label: string): string {
  const key = foldKey(label);
  for (const row of grid)
    if (row && foldKey(cellText(row[0] ?? null)) === key) return cellText(row[1] ?? null);
  return "";
}

/** A problem per required column (from the table definition) the stored table's header row lacks
 * (so its data would be lost). */
function missingColumns<K extends string>(grid: Grid, sheet: string, table: TableDef<K>): Problem[] {
  const head = headerIndex(grid);
  return tableRequired(table)
    .filter((k) => columnOf(head, table, k) < 0)
    .map((k) =>
      problem(
        "ROLLUP_COLUMN_MISSING",
        { sheet, column: table[k].header },
        { sheet, cell: "A1" as A1, value: table[k].header },
      ),
    );
}

const headerIndex = (grid: Grid): string[] => (grid[0] ?? []).map((v) => foldKey(cellText(v)));

/** The column of a key: its header or any alias (diacritics-insensitive); -1 when absent. */
function columnOf<K extends string>(head: readonly string[], table: TableDef<K>, key: K): number {
  for (const h of tableHeaders(table)[key]) {
    const c = head.indexOf(foldKey(h));
    if (c >= 0) return c;
  }
  return -1;
}

/** Rows of a one-header-row table as records keyed like its definition. */
function records<K extends string>(grid: Grid, table: TableDef<K>): Record<K, CellValue>[] {
  const head = headerIndex(grid);
  const cols = tableKeys(table).map((k) => [k, columnOf(head, table, k)] as const);
  const out: Record<K, CellValue>[] = [];
  for (let r = 1; r < grid.length; r++) {
    if ((grid[r] ?? []).every(isBlank)) continue;
    const rec = {} as Record<K, CellValue>;
    for (const [k, c] of cols) rec[k] = c < 0 ? null : cellAt(grid, r, c);
    out.push(rec);
  }
  return out;
}

const text = (v: CellValue): string => cellText(v);

function num(v: CellValue): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return null;
}

function date(v: CellValue): CivilDate | null {
  if (typeof v === "number") return serialToCivil(v) ?? null;
  return isBlank(v) ? null : (parseVnDate(v) ?? null);
}
