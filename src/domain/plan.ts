// Kế hoạch CCHC: read the plan sheet (laid out like the seed's appendix) into sections and tasks
// with stable codes. What cannot be read is reported with its cell, never guessed.
import { cellText, type Grid } from "./cell";
import { civil } from "./civilDate";
import { parseAgencyCell, type AgencyCell, type AgencyRegistry } from "./agencies";
import { parseDeadline, type Deadline } from "./deadline";
import { PLAN_HEADERS, PLAN_REQUIRED, SECTION_TITLES, type PlanColumn } from "./planLayout";
import { problem, type Problem } from "./problem";
import { columnCell, columnText, locateTable, type TableLocation } from "./table";
import { foldKey } from "./text/normalize";

export interface PlanTask {
  /** Stable code: "I.1"; a lettered sub-item "V.2.a"; further rows under one number "I.1.2", "I.1.3". */
  readonly code: string;
  readonly section: string;
  readonly title: string; // Nhiệm vụ
  readonly product: string; // Sản phẩm
  readonly leadText: string; // Cơ quan chủ trì
  readonly coordinatorsText: string; // Cơ quan phối hợp
  readonly deadlineText: string; // Thời gian hoàn thành
  readonly lead: AgencyCell;
  readonly coordinators: AgencyCell;
  /** Null when the deadline could not be parsed (a problem is reported). */
  readonly deadline: Deadline | null;
  /** 0-based row in the plan sheet. */
  readonly row: number;
}

export interface PlanSection {
  readonly code: string; // "I" … "VIII"
  readonly title: string;
  readonly tasks: PlanTask[];
}

export interface Plan {
  readonly year: number;
  readonly title: string;
  readonly sheet: string;
  readonly sections: PlanSection[];
}

export interface PlanReadOptions {
  registry: AgencyRegistry;
  /** Plan year when the sheet's title does not state it. */
  year?: number;
}

const ROMAN = /^(X{0,3})(IX|IV|V?I{0,3})$/;
const SECTION_ROW = /^([IVX]{1,5})[.)]?\s*(.*)$/;
const NUMBER_ROW = /^(\d{1,3})[.)]?$/;
const LETTER_ROW = /^([a-zđ])[.)]$/i;

/** All tasks of a plan in sheet order. */
export const planTasks = (plan: Plan): PlanTask[] => plan.sections.flatMap((s) => s.tasks);

/** Tasks by upper-case code, built once per plan: a report looks up each of its tasks. */
const taskIndex = new WeakMap<Plan, Map<string, PlanTask>>();

export function findTask(plan: Plan, code: string): PlanTask | undefined {
  let index = taskIndex.get(plan);
  if (!index) {
    index = new Map();
    for (const t of planTasks(plan)) {
      const key = t.code.toUpperCase();
      if (!index.has(key)) index.set(key, t); // the first of duplicate codes, as a search would find
    }
    taskIndex.set(plan, index);
  }
  return index.get(code.trim().toUpperCase());
}

/** Read the plan sheet. Returns the plan (possibly partial) and every problem found. */
export function readPlan(
  grid: Grid,
  sheet: string,
  opts: PlanReadOptions,
): { plan: Plan | null; problems: Problem[] } {
  const found = locateTable<PlanColumn>(grid, sheet, PLAN_HEADERS, PLAN_REQUIRED);
  const problems = [...found.problems];
  const loc = found.location;
  if (!loc || problems.some((p) => p.severity === "error")) return { plan: null, problems };

  const { title, year } = readTitle(grid, loc.headerRow, opts.year);
  if (year === null) {
    problems.push(problem("PLAN_YEAR_UNKNOWN", {}, { sheet }));
    return { plan: null, problems };
  }

  const sections: PlanSection[] = [];
  let section: PlanSection | null = null;
  let number: string | null = null; // current task number within the section
  let rowsUnderNumber = 0; // unlettered rows seen under the current number
  let pendingGroup: { code: string; row: number } | null = null; // a heading row awaiting its sub-items

  for (let r = loc.headerRow + 1; r < grid.length; r++) {
    const text = (k: PlanColumn) => columnText(grid, loc, r, k);
    const stt = text("stt");
    const body = ["task", "lead", "coordinators", "product", "deadline"].map((k) => text(k as PlanColumn));
    if (!stt && body.every((t) => !t)) continue;
    if (isColumnNumberRow(stt, body)) continue; // "(1) (2) (3)…" numbering rows under headers

    const sec = sectionOf(stt, body);
    if (sec) {
      section = { code: sec.code, title: sec.title || SECTION_TITLES[sec.code] || "", tasks: [] };
      sections.push(section);
      number = null;
      pendingGroup = null;
      continue;
    }
    if (!section) {
      problems.push(
        problem(
          "PLAN_ROW_OUTSIDE_SECTION",
          { row: r + 1 },
          { sheet, cell: columnCell(loc, r, "stt"), value: stt || body[0] },
        ),
      );
      continue;
    }

    let code: string;
    const num = NUMBER_ROW.exec(stt);
    const letter = LETTER_ROW.exec(stt);
    if (num) {
      number = num[1];
      rowsUnderNumber = 1;
      code = `${section.code}.${number}`;
    } else if (letter && number) {
      code = `${section.code}.${number}.${letter[1].toLowerCase()}`;
      if (pendingGroup) pendingGroup = null; // the heading had sub-items: it is a group, not a task
    } else if (!stt && number) {
      rowsUnderNumber++;
      code = `${section.code}.${number}.${rowsUnderNumber}`;
    } else if (!stt) {
      problems.push(
        problem(
          "PLAN_ROW_WITHOUT_NUMBER",
          { row: r + 1 },
          { sheet, cell: columnCell(loc, r, "stt"), value: body[0] },
        ),
      );
      continue;
    } else {
      number = null; // rows below an invalid number cannot be coded either
      problems.push(
        problem("PLAN_STT_INVALID", { text: stt }, { sheet, cell: columnCell(loc, r, "stt"), value: stt }),
      );
      continue;
    }

    const [taskText, leadText, coordText, product, deadlineText] = body;
    // A numbered heading with no lead and no deadline groups the lettered rows below it.
    if (num && !leadText && !deadlineText) {
      pendingGroup = { code, row: r };
      continue;
    }
    if (pendingGroup && !letter) flushHeadingWithoutItems();

    const task = readTask(grid, loc, r, sheet, section.code, code, opts.registry, year, problems, {
      taskText,
      leadText,
      coordText,
      product,
      deadlineText,
    });
    section.tasks.push(task);
  }
  if (pendingGroup) flushHeadingWithoutItems();

  function flushHeadingWithoutItems() {
    if (!pendingGroup) return;
    problems.push(
      problem(
        "PLAN_TASK_INCOMPLETE",
        { code: pendingGroup.code, row: pendingGroup.row + 1 },
        { sheet, cell: columnCell(loc!, pendingGroup.row, "lead") },
      ),
    );
    pendingGroup = null;
  }

  for (const dup of duplicateCodes(sections)) {
    problems.push(
      problem(
        "PLAN_TASK_DUPLICATE",
        { code: dup.code, row: dup.row + 1 },
        { sheet, cell: columnCell(loc, dup.row, "stt"), value: dup.code },
      ),
    );
  }
  if (sections.length === 0) {
    problems.push(problem("PLAN_EMPTY", { sheet }, { sheet }));
  }
  return { plan: { year, title, sheet, sections }, problems };
}

function readTask(
  grid: Grid,
  loc: TableLocation<PlanColumn>,
  r: number,
  sheet: string,
  sectionCode: string,
  code: string,
  registry: AgencyRegistry,
  year: number,
  problems: Problem[],
  t: { taskText: string; leadText: string; coordText: string; product: string; deadlineText: string },
): PlanTask {
  if (!t.taskText) {
    problems.push(problem("PLAN_TASK_TEXT_MISSING", { code }, { sheet, cell: columnCell(loc, r, "task") }));
  }
  // Groups expand to the agencies that exist in the plan year (departments merge, districts end).
  const asOf = civil(year, 1, 1);
  const lead = parseAgencyCell(registry, t.leadText, asOf);
  const coordinators = parseAgencyCell(registry, t.coordText, asOf);
  if (!t.leadText) {
    problems.push(problem("PLAN_LEAD_MISSING", { code }, { sheet, cell: columnCell(loc, r, "lead") }));
  }
  for (const [cell, col] of [
    [lead, "lead"],
    [coordinators, "coordinators"],
  ] as const) {
    for (const name of cell.unresolved) {
      problems.push(
        problem("PLAN_AGENCY_UNKNOWN", { code, name }, { sheet, cell: columnCell(loc, r, col), value: name }),
      );
    }
  }
  let deadline: Deadline | null = null;
  if (!t.deadlineText) {
    problems.push(
      problem("PLAN_DEADLINE_MISSING", { code }, { sheet, cell: columnCell(loc, r, "deadline") }),
    );
  } else {
    const parsed = parseDeadline(t.deadlineText, year);
    if (parsed.ok) deadline = parsed.deadline;
    else
      problems.push(
        problem(
          "PLAN_DEADLINE_UNPARSED",
          { code, text: t.deadlineText, reason: parsed.reason },
          { sheet, cell: columnCell(loc, r, "deadline"), value: t.deadlineText },
        ),
      );
  }
  return {
    code,
    section: sectionCode,
    title: t.taskText,
    product: t.product,
    leadText: t.leadText,
    coordinatorsText: t.coordText,
    deadlineText: t.deadlineText,
    lead,
    coordinators,
    deadline,
    row: r,
  };
}

/** "I. CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH" in the STT cell, or "I" with the title in the next cell. */
function sectionOf(stt: string, body: string[]): { code: string; title: string } | null {
  const m = SECTION_ROW.exec(stt);
  if (!m || !m[1] || !ROMAN.test(m[1])) return null;
  // A section row carries no agencies or deadline.
  if (body[1] || body[2] || body[4]) return null;
  const title = (m[2] || body[0] || "").trim();
  return { code: m[1], title };
}

function isColumnNumberRow(stt: string, body: string[]): boolean {
  return /^\(?1\)?$/.test(stt) && /^\(?2\)?$/.test(body[0]);
}

function readTitle(
  grid: Grid,
  headerRow: number,
  fallbackYear?: number,
): { title: string; year: number | null } {
  // Prefer the title line ("NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2023") over a decision's date line.
  const candidates: { title: string; year: number; isTitle: boolean }[] = [];
  for (let r = 0; r < headerRow; r++) {
    for (const v of grid[r] ?? []) {
      const t = cellText(v);
      const key = foldKey(t);
      const m = /nam (\d{4})/.exec(key);
      if (m)
        candidates.push({
          title: t,
          year: Number(m[1]),
          isTitle: /cai cach hanh chinh|cchc|ke hoach/.test(key) && !/ngay \d/.test(key),
        });
    }
  }
  const best = candidates.find((c) => c.isTitle) ?? candidates[0];
  return { title: best?.title ?? "", year: best?.year ?? fallbackYear ?? null };
}

function duplicateCodes(sections: PlanSection[]): { code: string; row: number }[] {
  const seen = new Set<string>();
  const dups: { code: string; row: number }[] = [];
  for (const t of sections.flatMap((s) => s.tasks)) {
    if (seen.has(t.code)) dups.push({ code: t.code, row: t.row });
    seen.add(t.code);
  }
  return dups;
}
