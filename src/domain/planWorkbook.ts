// The plan workbook (SPEC §3): the plan sheet laid out like the seed's appendix, plus the agency
// registry and the indicator catalogue as tables, so one file carries everything a year needs.
import { loadRegistry, type AgencyRegistry } from "./agencies";
import { a1, cellText, type A1, type Grid } from "./cell";
import type { DataIssue, DataTable } from "./dataIssue";
import { loadCatalogue, type Catalogue } from "./indicators";
import { readPlan, type Plan } from "./plan";
import { PLAN_HEADERS, PLAN_SHEETS } from "./planLayout";
import { problem, type Problem } from "./problem";
import { gridToRecords, recordRows, recordsToGrid } from "./recordsTable";
import { findSheet } from "./report/read";
import { DEFAULT_SCHEDULE, loadSchedule, SCHEDULE_SCHEMA_VERSION, type Schedule } from "./reportSchedule";
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
      /** Why the row needs a look (set by `cchc plan new`); written in a "Rà soát" column. */
      review?: string;
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
    settings?: Record<string, string>;
    version?: string;
  };
  /** The report schedule (Kỳ báo cáo); a 2023-format workbook has none. */
  schedule?: { schemaVersion: number; rows: object[] };
}

const META_SHEET = "Thông tin kế hoạch";
/** Column added by `cchc plan new`: why a carried-forward row needs review. Not read back. */
export const REVIEW_HEADER = "Rà soát khi chuyển năm";

/** Labels of the meta sheet (Thông tin kế hoạch). */
export const META_LABELS = {
  province: "Tỉnh",
  registryVersion: "Phiên bản danh mục cơ quan",
  catalogueVersion: "Phiên bản danh mục chỉ tiêu",
  catalogueEdition: "Ấn bản danh mục chỉ tiêu",
  scheduleVersion: "Phiên bản kỳ báo cáo",
  onTimeBase: "Mẫu số tỷ lệ đúng hạn (onTimeBase)",
  onlineShareBase: "Mẫu số tỷ lệ hồ sơ trực tuyến (onlineShareBase)",
} as const;

/** The sheets of a plan workbook. */
export function planWorkbookSheets(input: PlanWorkbookInput): SheetSpec[] {
  const { plan, registry, catalogue, schedule } = input;
  const header = [
    PLAN_HEADERS.stt[0],
    PLAN_HEADERS.task[0],
    PLAN_HEADERS.lead[0],
    PLAN_HEADERS.coordinators[0],
    PLAN_HEADERS.product[0],
    PLAN_HEADERS.deadline[0],
  ];
  const reviewed = plan.rows.some((r) => r.kind === "task" && r.review);
  if (reviewed) header.push(REVIEW_HEADER);
  const rows: Grid = [["PHỤ LỤC"], [plan.title], [plan.source ? `(Kèm theo ${plan.source})` : null], header];
  const sectionRows: number[] = [];
  for (const r of plan.rows) {
    if (r.kind === "section") {
      sectionRows.push(rows.length);
      rows.push([r.stt, r.title, null, null, null, null]);
    } else {
      const row = [r.stt || null, r.task, r.lead, r.coordinators, r.product, r.deadline];
      rows.push(reviewed ? [...row, r.review || null] : row);
    }
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
        ...(reviewed ? [{ width: 40, wrap: true }] : []),
      ],
      highlightRows: sectionRows,
    },
    {
      name: META_SHEET,
      rows: [
        ["Thông tin", "Giá trị"],
        [META_LABELS.province, registry.province],
        [META_LABELS.registryVersion, registry.schemaVersion],
        [META_LABELS.catalogueVersion, catalogue.schemaVersion],
        ...(catalogue.version ? [[META_LABELS.catalogueEdition, catalogue.version]] : []),
        ...(schedule ? [[META_LABELS.scheduleVersion, schedule.schemaVersion]] : []),
        ...Object.entries(catalogue.settings ?? {}).map(([k, v]) => [
          k === "onTimeBase" ? META_LABELS.onTimeBase : META_LABELS.onlineShareBase,
          v,
        ]),
      ],
      headerRows: 1,
      columns: [{ width: 30 }, { width: 30 }],
    },
    recordSheet(PLAN_SHEETS.agencies, registry.agencies),
    recordSheet(PLAN_SHEETS.groups, registry.groups),
    recordSheet(PLAN_SHEETS.indicators, catalogue.indicators),
    recordSheet(PLAN_SHEETS.indicatorRules, rules),
    ...(schedule ? [recordSheet(PLAN_SHEETS.periods, schedule.rows)] : []),
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
  /** From the "Kỳ báo cáo" sheet; the 581/BNV-CCHC defaults when the workbook has none. */
  schedule: Schedule;
  /** True for a 2023-format workbook (registry version 1, no report schedule). */
  predatesReorganisation: boolean;
  problems: Problem[];
}

/** Read a plan workbook's grids (keyed by actual sheet name) into plan, registry and catalogue. */
export function readPlanWorkbook(grids: ReadonlyMap<string, Grid>): PlanWorkbook {
  const problems: Problem[] = [];
  const sheetName = (expected: string) => findSheet(grids.keys(), expected) ?? expected;
  const sheet = (expected: string): Grid | null => {
    const name = findSheet(grids.keys(), expected);
    if (name) return grids.get(name)!;
    problems.push(problem("SHEET_MISSING", { sheet: expected, of: "plan" }, { value: expected }));
    return null;
  };
  const meta = new Map((sheet(META_SHEET) ?? []).slice(1).map((r) => [cellText(r[0] ?? null), r[1] ?? null]));
  const registryVersion = Number(meta.get(META_LABELS.registryVersion) ?? 1);
  const agencies = sheet(PLAN_SHEETS.agencies);
  const groups = sheet(PLAN_SHEETS.groups);
  let registry: AgencyRegistry | null = null;
  if (agencies && groups) {
    const loaded = loadRegistry({
      schemaVersion: registryVersion,
      province: cellText(meta.get(META_LABELS.province) ?? ""),
      agencies: gridToRecords(agencies).map((r) => dropNulls(r, NULLABLE_AGENCY_FIELDS)),
      groups: gridToRecords(groups).map((r) => dropNulls(r)),
    });
    if (loaded.ok) registry = loaded.registry;
    else {
      const tables = {
        agencies: { sheet: sheetName(PLAN_SHEETS.agencies), grid: agencies, rows: recordRows(agencies) },
        groups: { sheet: sheetName(PLAN_SHEETS.groups), grid: groups, rows: recordRows(groups) },
      };
      for (const d of loaded.issues) {
        const code = d.code === "REGISTRY_INVALID" ? "PLAN_DATA_INVALID" : d.code;
        problems.push(problem(code, { issue: d }, placeIssue(d, tables, tables.agencies.sheet)));
      }
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
      schemaVersion: Number(meta.get(META_LABELS.catalogueVersion) ?? 1),
      ...(meta.get(META_LABELS.catalogueEdition)
        ? { version: cellText(meta.get(META_LABELS.catalogueEdition)!) }
        : {}),
      indicators: gridToRecords(indicators).map((r) => dropNulls(r)),
      sums: ruleRecords.filter((r) => r.rule === "sum").map(({ rule: _r, ...rest }) => rest),
      limits: ruleRecords.filter((r) => r.rule === "limit").map(({ rule: _r, ...rest }) => rest),
      ceilings: ruleRecords.filter((r) => r.rule === "max").map(({ rule: _r, ...rest }) => rest),
      ...settingsOf(meta),
    });
    if (loaded.ok) catalogue = loaded.catalogue;
    else {
      const [indicatorSheet, rulesSheet] = [
        sheetName(PLAN_SHEETS.indicators),
        sheetName(PLAN_SHEETS.indicatorRules),
      ];
      const tables = {
        indicators: { sheet: indicatorSheet, grid: indicators, rows: recordRows(indicators) },
        sums: { sheet: rulesSheet, grid: rules, rows: rowsOf("sum") },
        limits: { sheet: rulesSheet, grid: rules, rows: rowsOf("limit") },
        ceilings: { sheet: rulesSheet, grid: rules, rows: rowsOf("max") },
      };
      for (const d of loaded.issues)
        problems.push(problem("PLAN_DATA_INVALID", { issue: d }, placeIssue(d, tables, indicatorSheet)));
    }
  }
  // The report schedule: optional (a 2023-format workbook has none, and gets the defaults).
  let schedule: Schedule = DEFAULT_SCHEDULE;
  const periodsName = findSheet(grids.keys(), PLAN_SHEETS.periods);
  if (periodsName) {
    const grid = grids.get(periodsName)!;
    const loaded = loadSchedule({
      schemaVersion: Number(meta.get(META_LABELS.scheduleVersion) ?? SCHEDULE_SCHEMA_VERSION),
      rows: gridToRecords(grid).map((r) => dropNulls(r)),
    });
    if (loaded.ok) schedule = loaded.schedule;
    else {
      const tables = { rows: { sheet: periodsName, grid, rows: recordRows(grid) } };
      for (const d of loaded.issues)
        problems.push(problem("SCHEDULE_INVALID", { issue: d }, placeIssue(d, tables, periodsName)));
    }
  }
  const predatesReorganisation = registryVersion < 2 || !periodsName;
  if (predatesReorganisation) {
    problems.push(
      problem("PLAN_PREDATES_2025", { registryVersion }, { sheet: META_SHEET, value: registryVersion }),
    );
  }
  let plan: Plan | null = null;
  const planGrid = sheet(PLAN_SHEETS.plan);
  if (planGrid && registry) {
    const name = findSheet(grids.keys(), PLAN_SHEETS.plan)!;
    const read = readPlan(planGrid, name, { registry });
    plan = read.plan;
    problems.push(...read.problems);
  }
  return { plan, registry, catalogue, schedule, predatesReorganisation, problems };
}

/** Catalogue settings stated on the meta sheet (absent in a 2023-format workbook). */
function settingsOf(meta: ReadonlyMap<string, unknown>): { settings?: Record<string, string> } {
  const onTime = meta.get(META_LABELS.onTimeBase);
  const online = meta.get(META_LABELS.onlineShareBase);
  if (onTime == null && online == null) return {};
  return {
    settings: {
      ...(onTime != null ? { onTimeBase: cellText(onTime as string) } : {}),
      ...(online != null ? { onlineShareBase: cellText(online as string) } : {}),
    },
  };
}

// A blank cell is null; the registry schema wants these fields present (null = none) and others absent.
const NULLABLE_AGENCY_FIELDS = ["parent", "validFrom", "validTo"];

function dropNulls(r: Record<string, unknown>, keep: readonly string[] = []): Record<string, unknown> {
  return Object.fromEntries(Object.entries(r).filter(([k, v]) => v !== null || keep.includes(k)));
}

/** A sheet table the plan's data was read from: its sheet, grid, and the grid row of each record. */
interface IssueTable {
  readonly sheet: string;
  readonly grid: Grid;
  /** Record index → grid row. */
  readonly rows: readonly number[];
}

/** Where a plan-data issue points: its record's row and its field's column on the table's sheet (the
 * row's first cell when the field is not a column), the sheet alone for a whole table. */
function placeIssue(
  d: DataIssue,
  tables: Partial<Readonly<Record<DataTable, IssueTable>>>,
  fallback: string,
): { sheet: string; cell: A1 | null } {
  const t = d.table ? tables[d.table] : undefined;
  if (!t) return { sheet: fallback, cell: null };
  const row = d.index === null ? undefined : t.rows[d.index];
  if (row === undefined) return { sheet: t.sheet, cell: null };
  const col = d.field ? (t.grid[0] ?? []).map((v) => cellText(v)).indexOf(d.field) : -1;
  return { sheet: t.sheet, cell: a1(row, Math.max(0, col)) };
}
