// The plan workbook (SPEC §3): the plan sheet laid out like the seed's appendix, plus the agency
// registry and the indicator catalogue as tables, so one file carries everything a year needs.
import { loadRegistry, type AgencyRegistry } from "./agencies";
import { a1, cellText, type A1, type Grid } from "./cell";
import { loadCatalogue, type Catalogue } from "./indicators";
import { readPlan, type Plan } from "./plan";
import { PLAN_HEADERS, PLAN_SHEETS } from "./planLayout";
import { problem, type Problem } from "./problem";
import { gridToRecords, recordRows, recordsToGrid } from "./recordsTable";
import { findSheet } from "./report/read";
import type { SheetSpec } from "./sheetSpec";

/** One row of the plan table as transcribed (examples/data/plan-2023.json). */
export type PlanRowData =
  | { kind: "section"; stt: string; title: string }
  | {
      kind: "task";
      stt: string;
      task: string;
      lead: string;
      coordinators: string;
      product: string;
      deadline: string;
    };

export interface PlanData {
  title: string;
  source?: string;
  rows: PlanRowData[];
}

/** Registry and catalogue files as JSON documents (validated by their loaders). */
export interface PlanWorkbookInput {
  plan: PlanData;
  registry: { schemaVersion: number; province: string; agencies: object[]; groups: object[] };
  catalogue: {
    schemaVersion: number;
    indicators: object[];
    sums: object[];
    limits?: object[];
    ceilings?: object[];
  };
}

const META_SHEET = "Thông tin kế hoạch";

/** The sheets of a plan workbook. */
export function planWorkbookSheets(input: PlanWorkbookInput): SheetSpec[] {
  const { plan, registry, catalogue } = input;
  const header = [
    PLAN_HEADERS.stt[0],
    PLAN_HEADERS.task[0],
    PLAN_HEADERS.lead[0],
    PLAN_HEADERS.coordinators[0],
    PLAN_HEADERS.product[0],
    PLAN_HEADERS.deadline[0],
  ];
  const rows: Grid = [["PHỤ LỤC"], [plan.title], [plan.source ? `(Kèm theo ${plan.source})` : null], header];
  const sectionRows: number[] = [];
  for (const r of plan.rows) {
    if (r.kind === "section") {
      sectionRows.push(rows.length);
      rows.push([r.stt, r.title, null, null, null, null]);
    } else rows.push([r.stt || null, r.task, r.lead, r.coordinators, r.product, r.deadline]);
  }
  const recordSheet = (name: string, records: object[]): SheetSpec => {
    const grid = recordsToGrid(records as Record<string, unknown>[]);
    return { name, rows: grid, headerRows: 1, columns: grid[0].map(() => ({ width: 22 })) };
  };
  const rules = [
    ...(catalogue.sums as Record<string, unknown>[]).map((s) => ({ rule: "sum", ...s })),
    ...((catalogue.limits ?? []) as Record<string, unknown>[]).map((s) => ({ rule: "limit", ...s })),
    ...((catalogue.ceilings ?? []) as Record<string, unknown>[]).map((s) => ({ rule: "max", ...s })),
  ];
  return [
    {
      name: PLAN_SHEETS.plan,
      rows,
      headerRows: 4,
      columns: [
        { width: 7 },
        { width: 60, wrap: true },
        { width: 24, wrap: true },
        { width: 24, wrap: true },
        { width: 26, wrap: true },
        { width: 20, wrap: true },
      ],
      highlightRows: sectionRows,
    },
    {
      name: META_SHEET,
      rows: [
        ["Thông tin", "Giá trị"],
        ["Tỉnh", registry.province],
        ["Phiên bản danh mục cơ quan", registry.schemaVersion],
        ["Phiên bản danh mục chỉ tiêu", catalogue.schemaVersion],
      ],
      headerRows: 1,
      columns: [{ width: 30 }, { width: 30 }],
    },
    recordSheet(PLAN_SHEETS.agencies, registry.agencies),
    recordSheet(PLAN_SHEETS.groups, registry.groups),
    recordSheet(PLAN_SHEETS.indicators, catalogue.indicators),
    recordSheet(PLAN_SHEETS.indicatorRules, rules),
  ];
}

/** Every sheet a plan workbook reader needs. */
export const PLAN_WORKBOOK_SHEETS = [
  PLAN_SHEETS.plan,
  META_SHEET,
  PLAN_SHEETS.agencies,
  PLAN_SHEETS.groups,
  PLAN_SHEETS.indicators,
  PLAN_SHEETS.indicatorRules,
];

export interface PlanWorkbook {
  plan: Plan | null;
  registry: AgencyRegistry | null;
  catalogue: Catalogue | null;
  problems: Problem[];
}

/** Read a plan workbook's grids (keyed by actual sheet name) into plan, registry and catalogue. */
export function readPlanWorkbook(grids: ReadonlyMap<string, Grid>): PlanWorkbook {
  const problems: Problem[] = [];
  const sheet = (expected: string): Grid | null => {
    const name = findSheet(grids.keys(), expected);
    if (name) return grids.get(name)!;
    problems.push(problem("SHEET_MISSING", { sheet: expected, of: "plan" }, { value: expected }));
    return null;
  };
  const meta = new Map((sheet(META_SHEET) ?? []).slice(1).map((r) => [cellText(r[0] ?? null), r[1] ?? null]));
  const agencies = sheet(PLAN_SHEETS.agencies);
  const groups = sheet(PLAN_SHEETS.groups);
  let registry: AgencyRegistry | null = null;
  if (agencies && groups) {
    const loaded = loadRegistry({
      schemaVersion: Number(meta.get("Phiên bản danh mục cơ quan") ?? 1),
      province: cellText(meta.get("Tỉnh") ?? ""),
      agencies: gridToRecords(agencies).map((r) => dropNulls(r, NULLABLE_AGENCY_FIELDS)),
      groups: gridToRecords(groups).map((r) => dropNulls(r)),
    });
    if (loaded.ok) registry = loaded.registry;
    else {
      const tables = {
        agencies: { sheet: PLAN_SHEETS.agencies, grid: agencies, rows: recordRows(agencies) },
        groups: { sheet: PLAN_SHEETS.groups, grid: groups, rows: recordRows(groups) },
      };
      problems.push(...dataProblems(loaded, tables, PLAN_SHEETS.agencies));
    }
  }
  const indicators = sheet(PLAN_SHEETS.indicators);
  const rules = sheet(PLAN_SHEETS.indicatorRules);
  let catalogue: Catalogue | null = null;
  if (indicators && rules) {
    const ruleRecords = gridToRecords(rules).map((r) => dropNulls(r));
    const ruleRows = recordRows(rules);
    const rowsOf = (kind: string) => ruleRows.filter((_, i) => ruleRecords[i].rule === kind);
    const loaded = loadCatalogue({
      schemaVersion: Number(meta.get("Phiên bản danh mục chỉ tiêu") ?? 1),
      indicators: gridToRecords(indicators).map((r) => dropNulls(r)),
      sums: ruleRecords.filter((r) => r.rule === "sum").map(({ rule: _r, ...rest }) => rest),
      limits: ruleRecords.filter((r) => r.rule === "limit").map(({ rule: _r, ...rest }) => rest),
      ceilings: ruleRecords.filter((r) => r.rule === "max").map(({ rule: _r, ...rest }) => rest),
    });
    if (loaded.ok) catalogue = loaded.catalogue;
    else {
      const tables = {
        indicators: { sheet: PLAN_SHEETS.indicators, grid: indicators, rows: recordRows(indicators) },
        sums: { sheet: PLAN_SHEETS.indicatorRules, grid: rules, rows: rowsOf("sum") },
        limits: { sheet: PLAN_SHEETS.indicatorRules, grid: rules, rows: rowsOf("limit") },
      };
      problems.push(...dataProblems(loaded, tables, PLAN_SHEETS.indicators));
    }
  }
  let plan: Plan | null = null;
  const planGrid = sheet(PLAN_SHEETS.plan);
  if (planGrid && registry) {
    const name = findSheet(grids.keys(), PLAN_SHEETS.plan)!;
    const read = readPlan(planGrid, name, { registry });
    plan = read.plan;
    problems.push(...read.problems);
  }
  return { plan, registry, catalogue, problems };
}

// A blank cell is null; the registry schema wants these fields present (null = none) and others absent.
const NULLABLE_AGENCY_FIELDS = ["parent", "validFrom", "validTo"];

function dropNulls(r: Record<string, unknown>, keep: readonly string[] = []): Record<string, unknown> {
  return Object.fromEntries(Object.entries(r).filter(([k, v]) => v !== null || keep.includes(k)));
}

/** Where a loader issue points: its zod path (["agencies", 3, "kind"]) or the record it names
 * ("agency SNV: …", "indicator HS_TRE_HAN: …"), mapped back to the sheet table's cell. */
interface IssueTable {
  readonly sheet: string;
  readonly grid: Grid;
  /** Record index → grid row. */
  readonly rows: readonly number[];
}

function locateIssue(
  issue: string,
  path: readonly PropertyKey[] | undefined,
  tables: Readonly<Record<string, IssueTable | undefined>>,
  fallback: string,
): { sheet: string; cell: A1 | null } {
  const head = (t: IssueTable) => (t.grid[0] ?? []).map((v) => cellText(v));
  if (path && typeof path[0] === "string" && typeof path[1] === "number") {
    const t = tables[path[0]];
    const row = t?.rows[path[1]];
    if (t && row !== undefined) {
      const col = typeof path[2] === "string" ? head(t).indexOf(path[2]) : -1;
      return { sheet: t.sheet, cell: a1(row, Math.max(0, col)) };
    }
  }
  const named = /^(agency|indicator) (\S+):/.exec(issue);
  const t = named ? tables[named[1] === "agency" ? "agencies" : "indicators"] : undefined;
  if (named && t) {
    const codeCol = head(t).indexOf("code");
    const row = t.grid.findIndex((r, i) => i > 0 && cellText(r[codeCol] ?? null) === named[2]);
    if (codeCol >= 0 && row > 0) return { sheet: t.sheet, cell: a1(row, codeCol) };
  }
  return { sheet: fallback, cell: null };
}

function dataProblems(
  loaded: { issues: readonly string[]; paths?: readonly (readonly PropertyKey[])[] },
  tables: Readonly<Record<string, IssueTable | undefined>>,
  fallback: string,
): Problem[] {
  return loaded.issues.map((issue, i) => {
    const at = locateIssue(issue, loaded.paths?.[i], tables, fallback);
    return problem("PLAN_DATA_INVALID", { issue }, at);
  });
}
