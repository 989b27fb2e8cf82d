// A new year's plan from last year's (`cchc plan new`): sections I–VIII and every task carried
// forward, year-bound deadlines and years in the text shifted, agencies that ended replaced by
// their successors, and every changed row flagged for review. Recurring deadlines stay as they are.
import {
  agencyByCode,
  agencyValidAt,
  expandGroup,
  parseAgencyCell,
  successorsAt,
  type AgencyRegistry,
} from "./agencies";
import { cellText, type Grid } from "./cell";
import { civil } from "./civilDate";
import { planTasks } from "./plan";
import { PLAN_HEADERS, PLAN_REQUIRED, PLAN_SHEETS } from "./planLayout";
import {
  planWorkbookSheets,
  readPlanWorkbook,
  type PlanData,
  type PlanRowData,
  type PlanWorkbookInput,
} from "./planWorkbook";
import type { Problem } from "./problem";
import { findSheet } from "./report/read";
import type { SheetSpec } from "./sheetSpec";
import { locateTable } from "./table";

const ROMAN_SECTION = /^(I|II|III|IV|V|VI|VII|VIII|IX|X)[.)]?$/;

/** The plan table of a plan sheet as rows (sections and tasks), in sheet order. */
export function planDataFromGrid(grid: Grid, sheet: string): PlanData | null {
  const { location } = locateTable(grid, sheet, PLAN_HEADERS, PLAN_REQUIRED);
  if (!location) return null;
  const col = (row: readonly unknown[], k: keyof typeof PLAN_HEADERS): string => {
    const c = location.columns[k];
    return c === undefined ? "" : cellText((row[c] ?? null) as never).trim();
  };
  const titleRows = grid.slice(0, location.headerRow).map((r) => cellText((r?.[0] ?? null) as never).trim());
  const title = titleRows.find((t) => /\d{4}/.test(t)) ?? titleRows.find((t) => t && t !== "PHỤ LỤC") ?? "";
  const rows: PlanRowData[] = [];
  for (const row of grid.slice(location.headerRow + 1)) {
    if (!row || row.every((v) => v === null || v === "")) continue;
    const stt = col(row, "stt");
    const task = col(row, "task");
    if (ROMAN_SECTION.test(stt) && !col(row, "lead")) {
      rows.push({ kind: "section", stt: stt.replace(/[.)]$/, ""), title: task });
      continue;
    }
    rows.push({
      kind: "task",
      stt,
      task,
      lead: col(row, "lead"),
      coordinators: col(row, "coordinators"),
      product: col(row, "product"),
      deadline: col(row, "deadline"),
    });
  }
  return { title, rows };
}

export interface PlanNewOptions {
  readonly fromYear: number;
  readonly toYear: number;
  /** The current registry (with history): agencies of the old plan are read as of its year. */
  readonly registry: AgencyRegistry;
}

export interface PlanNewResult {
  readonly plan: PlanData;
  /** Rows flagged for review (index into plan.rows), with the reasons in Vietnamese. */
  readonly flagged: number;
  readonly shiftedDeadlines: number;
  readonly replacedAgencies: number;
}

/** Shift every year in a text by `delta` (2022 → 2026, 2023 → 2027 for 2023 → 2027). */
function shiftYears(text: string, from: number, delta: number): string {
  return text.replace(/\b(19|20)\d{2}\b/g, (y) => {
    const n = Number(y);
    return n >= from - 2 && n <= from + 2 ? String(n + delta) : y;
  });
}

/** Last year's plan carried into `toYear`. */
export function planNew(old: PlanData, opts: PlanNewOptions): PlanNewResult {
  const { fromYear, toYear, registry } = opts;
  const delta = toYear - fromYear;
  const oldDay = civil(fromYear, 1, 1);
  const newDay = civil(toYear, 1, 1);
  let flagged = 0;
  let shiftedDeadlines = 0;
  let replacedAgencies = 0;

  const carryAgencies = (text: string, reasons: string[]): string => {
    if (!text) return text;
    const cell = parseAgencyCell(registry, text, oldDay);
    const parts: string[] = [];
    let changed = false;
    for (const code of cell.agencies) {
      const a = agencyByCode(registry, code)!;
      if (agencyValidAt(a, newDay)) {
        parts.push(a.name);
        continue;
      }
      const next = successorsAt(registry, code, newDay);
      changed = true;
      replacedAgencies++;
      if (next.length === 0) {
        reasons.push(`${a.name} không còn từ ${a.validTo ?? "?"}, không có đơn vị kế thừa: bỏ`);
        continue;
      }
      const names = next.map((c) => agencyByCode(registry, c)!.name);
      reasons.push(`${a.name} → ${names.join(", ")}`);
      parts.push(...names);
    }
    for (const g of cell.groups) {
      const members = expandGroup(registry, g.phrase, newDay) ?? [];
      const group = registry.groups.find((x) => x.phrase === g.phrase);
      const phrase = g.related && !/liên quan$/i.test(g.phrase) ? `${g.phrase} có liên quan` : g.phrase;
      if (members.length > 0) {
        parts.push(phrase);
        continue;
      }
      changed = true;
      const replacement = group?.replacedBy;
      reasons.push(
        replacement
          ? `"${g.phrase}" không còn đơn vị nào năm ${toYear} → "${replacement}"`
          : `"${g.phrase}" không còn đơn vị nào năm ${toYear}: bỏ`,
      );
      if (replacement) parts.push(replacement);
    }
    parts.push(...cell.unresolved);
    if (!changed) return text;
    return [...new Set(parts)].join(", ");
  };

  const rows: PlanRowData[] = old.rows.map((r) => {
    if (r.kind === "section") return r;
    const reasons: string[] = [];
    const deadline = shiftYears(r.deadline, fromYear, delta);
    if (deadline !== r.deadline) {
      shiftedDeadlines++;
      reasons.push(`thời hạn "${r.deadline}" → "${deadline}"`);
    }
    const task = shiftYears(r.task, fromYear, delta);
    const product = shiftYears(r.product, fromYear, delta);
    if (task !== r.task || product !== r.product) reasons.push("năm trong nội dung đã đổi");
    const lead = carryAgencies(r.lead, reasons);
    const coordinators = carryAgencies(r.coordinators, reasons);
    if (reasons.length) flagged++;
    return {
      ...r,
      task,
      product,
      deadline,
      lead,
      coordinators,
      review: reasons.length ? `Cần rà soát: ${reasons.join("; ")}` : "",
    };
  });
  const title = shiftYears(old.title, fromYear, delta);
  return {
    plan: {
      title: title === old.title ? `${old.title} (năm ${toYear})` : title,
      source: `dự thảo chuyển tiếp từ kế hoạch năm ${fromYear}${old.source ? ` (${old.source})` : ""}; cần rà soát trước khi ban hành`,
      rows,
    },
    flagged,
    shiftedDeadlines,
    replacedAgencies,
  };
}

/** The registry, catalogue and report schedule a new plan is written with (the current ones). */
export type CurrentPlanData = Pick<PlanWorkbookInput, "registry" | "catalogue" | "schedule">;

export interface NewYearPlan {
  /** The new plan workbook's sheets. */
  readonly sheets: SheetSpec[];
  readonly fromYear: number;
  readonly year: number;
  readonly tasks: number;
  readonly flagged: number;
  readonly shiftedDeadlines: number;
  readonly replacedAgencies: number;
  /** What reading the new workbook back finds (none for a good carry-forward). */
  readonly problems: Problem[];
}

/** The file a new year's plan is saved as. */
export const newPlanFileName = (year: number): string => `ke-hoach-${year}.xlsx`;

/**
 * Last year's plan workbook (its grids) carried into `toYear` with the current registry, catalogue
 * and schedule: what `cchc plan new` writes and the taskpane's Kế hoạch tab downloads. Null when the
 * grids hold no plan table. `registry` is `current.registry` loaded (agencies of the old plan are read
 * as of its year through the registry's history).
 */
export function newYearPlan(
  grids: ReadonlyMap<string, Grid>,
  fromYear: number,
  toYear: number,
  current: CurrentPlanData,
  registry: AgencyRegistry,
): NewYearPlan | null {
  const sheet = findSheet(grids.keys(), PLAN_SHEETS.plan);
  const data = sheet ? planDataFromGrid(grids.get(sheet)!, sheet) : null;
  if (!data) return null;
  const carried = planNew(data, { fromYear, toYear, registry });
  const sheets = planWorkbookSheets({ plan: carried.plan, ...current });
  const check = readPlanWorkbook(new Map(sheets.map((s) => [s.name, s.rows])));
  return {
    sheets,
    fromYear,
    year: toYear,
    tasks: check.plan ? planTasks(check.plan).length : 0,
    flagged: carried.flagged,
    shiftedDeadlines: carried.shiftedDeadlines,
    replacedAgencies: carried.replacedAgencies,
    problems: check.problems,
  };
}
