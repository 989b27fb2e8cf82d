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
    problems.push(
      problem({
        code: "PLAN_YEAR_UNKNOWN",
        severity: "error",
        sheet,
        vi: `Không xác định được năm kế hoạch: tiêu đề phía trên bảng cần có "năm 2023".`,
        en: `The plan year is unknown: the title above the table should say "năm 2023".`,
      }),
    );
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
        problem({
          code: "PLAN_ROW_OUTSIDE_SECTION",
          severity: "error",
          sheet,
          cell: columnCell(loc, r, "stt"),
          vi: `Dòng ${r + 1} nằm trước mục đầu tiên (I, II, …): không biết thuộc mục nào.`,
          en: `Row ${r + 1} comes before the first section (I, II, …): its section is unknown.`,
          value: stt || body[0],
        }),
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
        problem({
          code: "PLAN_ROW_WITHOUT_NUMBER",
          severity: "error",
          sheet,
          cell: columnCell(loc, r, "stt"),
          vi: `Dòng ${r + 1} không có số thứ tự và không đứng dưới một nhiệm vụ có số thứ tự hợp lệ.`,
          en: `Row ${r + 1} has no number and does not follow a task with a valid number.`,
          value: body[0],
        }),
      );
      continue;
    } else {
      number = null; // rows below an invalid number cannot be coded either
      problems.push(
        problem({
          code: "PLAN_STT_INVALID",
          severity: "error",
          sheet,
          cell: columnCell(loc, r, "stt"),
          vi: `Số thứ tự "${stt}" không hợp lệ: dùng 1, 2, … cho nhiệm vụ và a), b) … cho nội dung con.`,
          en: `Row number "${stt}" is not valid: use 1, 2, … for tasks and a), b) … for sub-items.`,
          value: stt,
        }),
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
      problem({
        code: "PLAN_TASK_INCOMPLETE",
        severity: "error",
        sheet,
        cell: columnCell(loc!, pendingGroup.row, "lead"),
        vi: `Nhiệm vụ ${pendingGroup.code} (dòng ${pendingGroup.row + 1}) thiếu cơ quan chủ trì và thời gian hoàn thành.`,
        en: `Task ${pendingGroup.code} (row ${pendingGroup.row + 1}) has no lead agency and no deadline.`,
      }),
    );
    pendingGroup = null;
  }

  for (const dup of duplicateCodes(sections)) {
    problems.push(
      problem({
        code: "PLAN_TASK_DUPLICATE",
        severity: "error",
        sheet,
        cell: columnCell(loc, dup.row, "stt"),
        vi: `Mã nhiệm vụ ${dup.code} bị trùng (dòng ${dup.row + 1}).`,
        en: `Task code ${dup.code} is duplicated (row ${dup.row + 1}).`,
        value: dup.code,
      }),
    );
  }
  if (sections.length === 0) {
    problems.push(
      problem({
        code: "PLAN_EMPTY",
        severity: "error",
        sheet,
        vi: `Sheet "${sheet}" không có mục nhiệm vụ nào (I, II, …).`,
        en: `Sheet "${sheet}" has no task sections (I, II, …).`,
      }),
    );
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
    problems.push(
      problem({
        code: "PLAN_TASK_TEXT_MISSING",
        severity: "error",
        sheet,
        cell: columnCell(loc, r, "task"),
        vi: `Nhiệm vụ ${code} không có nội dung.`,
        en: `Task ${code} has no description.`,
      }),
    );
  }
  // Groups expand to the agencies that exist in the plan year (departments merge, districts end).
  const asOf = civil(year, 1, 1);
  const lead = parseAgencyCell(registry, t.leadText, asOf);
  const coordinators = parseAgencyCell(registry, t.coordText, asOf);
  if (!t.leadText) {
    problems.push(
      problem({
        code: "PLAN_LEAD_MISSING",
        severity: "error",
        sheet,
        cell: columnCell(loc, r, "lead"),
        vi: `Nhiệm vụ ${code} chưa có cơ quan chủ trì.`,
        en: `Task ${code} has no lead agency.`,
      }),
    );
  }
  for (const [cell, col] of [
    [lead, "lead"],
    [coordinators, "coordinators"],
  ] as const) {
    for (const name of cell.unresolved) {
      problems.push(
        problem({
          code: "PLAN_AGENCY_UNKNOWN",
          severity: "error",
          sheet,
          cell: columnCell(loc, r, col),
          vi: `Nhiệm vụ ${code}: không nhận ra cơ quan "${name}" trong danh mục cơ quan.`,
          en: `Task ${code}: agency "${name}" is not in the agency registry.`,
          value: name,
        }),
      );
    }
  }
  let deadline: Deadline | null = null;
  if (!t.deadlineText) {
    problems.push(
      problem({
        code: "PLAN_DEADLINE_MISSING",
        severity: "error",
        sheet,
        cell: columnCell(loc, r, "deadline"),
        vi: `Nhiệm vụ ${code} chưa có thời gian hoàn thành.`,
        en: `Task ${code} has no deadline.`,
      }),
    );
  } else {
    const parsed = parseDeadline(t.deadlineText, year);
    if (parsed.ok) deadline = parsed.deadline;
    else
      problems.push(
        problem({
          code: "PLAN_DEADLINE_UNPARSED",
          severity: "error",
          sheet,
          cell: columnCell(loc, r, "deadline"),
          vi: `Nhiệm vụ ${code}: không hiểu thời gian hoàn thành "${t.deadlineText}" (${parsed.reason_vi}).`,
          en: `Task ${code}: deadline "${t.deadlineText}" cannot be read (${parsed.reason_en}).`,
          value: t.deadlineText,
        }),
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
