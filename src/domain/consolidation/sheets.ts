// The rollup as sheets for people (Vietnamese headers, frozen panes, number formats, widths,
// late and missing rows highlighted). Written through the workbook port by any adapter.
import type { CellValue, Grid } from "../cell";
import type { Indicator } from "../indicators";
import { periodCode, periodLabelVi } from "../period";
import type { ColumnSpec, NumberFormatName, SheetSpec } from "../sheetSpec";
import { tableColumn, tableColumns, tableHeaderRow } from "../sheetTable";
import { formatVnDate } from "../text/vnDate";
import {
  INFO_LABELS,
  ROLLUP_FORM_KIND,
  ROLLUP_INFO_TABLE,
  ROLLUP_SCHEMA_VERSION,
  ROLLUP_SHEETS,
  FIGURES_FIXED_COLUMNS,
} from "./layout";
import { TASK_STATE_LABELS, type Completion, type Rollup } from "./model";
import { COMPARISON_METHOD_LABELS, namesOf } from "./successorYoY";
import { narrativeSheet } from "./narrative";
import { dateCell, longSheet, notesSheet, provenanceSheet, statusSheet, taskLongSheet } from "./recordSheets";

/** Every rollup sheet, in workbook order. */
export function rollupSheets(r: Rollup): SheetSpec[] {
  return [
    infoSheet(r),
    figuresSheet(r),
    matrixSheet(r),
    completionSheet(r),
    overdueSheet(r),
    statusSheet(r),
    narrativeSheet(r),
    provenanceSheet(r),
    longSheet(r),
    taskLongSheet(r),
    ...[comparisonSheet(r)].filter((s): s is SheetSpec => s !== null),
    notesSheet(r),
  ];
}

function infoSheet(r: Rollup): SheetSpec {
  const c = r.counts;
  const rows: Grid = [
    tableHeaderRow(ROLLUP_INFO_TABLE),
    [INFO_LABELS.formKind, ROLLUP_FORM_KIND],
    [INFO_LABELS.schemaVersion, ROLLUP_SCHEMA_VERSION],
    [INFO_LABELS.unitCode, r.unit.code],
    [INFO_LABELS.unitName, r.unit.name],
    [INFO_LABELS.period, periodCode(r.period)],
    ["Kỳ báo cáo (tên)", periodLabelVi(r.period)],
    [INFO_LABELS.planYear, r.planYear],
    [INFO_LABELS.mergedAt, r.mergedAt],
    ["Hạn gửi báo cáo", formatVnDate(r.reportingDeadline)],
    ["Ngày chốt đánh giá nhiệm vụ", formatVnDate(r.asOf)],
    ["Số cơ quan phải báo cáo", c.expected],
    ["Số cơ quan đã gửi", c.received],
    ["Đã tiếp nhận", c.accepted],
    ["Trả lại", c.returned],
    ["Bị từ chối", c.rejected],
    ["Xung đột", c.conflict],
    ["Chưa nộp", c.missing],
    ["Gửi đúng hạn", c.onTime],
    ["Gửi quá hạn", c.late],
    ["Tỷ lệ hoàn thành nhiệm vụ", r.completion.rate],
    ["Số nhiệm vụ quá hạn, chưa hoàn thành", r.completion.overdue],
    ...scheduleRows(r),
  ];
  const rateRow = rows.findIndex((row) => row[0] === "Tỷ lệ hoàn thành nhiệm vụ");
  return {
    name: ROLLUP_SHEETS.info,
    rows,
    headerRows: 1,
    columns: tableColumns(ROLLUP_INFO_TABLE),
    cellFormats: [{ row: rateRow, col: tableColumn(ROLLUP_INFO_TABLE, "value"), format: "percent" }],
  };
}

/** The report schedule as stated on the info sheet: data window and both deadlines. */
function scheduleRows(r: Rollup): Grid {
  const s = r.schedule;
  if (!s) return [];
  return [
    [
      "Kỳ dữ liệu (theo kỳ báo cáo)",
      `${formatVnDate(s.dataWindow.start)} – ${formatVnDate(s.dataWindow.end)}`,
    ],
    ["Hạn cơ quan gửi Sở Nội vụ", formatVnDate(s.agencyDue)],
    ["Hạn tỉnh gửi Bộ Nội vụ", formatVnDate(s.ministryDue)],
    ["Căn cứ kỳ báo cáo", `${s.row.name_vi} (${s.row.code}) — ${s.row.source ?? "do tỉnh quy định"}`],
  ];
}

/** Year-on-year per unit, by successor mapping: one row per comparison group and indicator. */
export function comparisonSheet(r: Rollup): SheetSpec | null {
  if (!r.comparison) return null;
  const name = (codes: readonly string[]) => namesOf(r.registry, codes);
  const rows: Grid = [
    [
      "Đơn vị kỳ này",
      "Tên đơn vị kỳ này",
      "Đơn vị cùng kỳ năm trước (tiền thân)",
      "Cách so sánh",
      "Mã chỉ tiêu",
      "Chỉ tiêu",
      "Cùng kỳ năm trước",
      "Kỳ này",
      "So với cùng kỳ",
    ],
  ];
  const inds = r.catalogue.indicators.filter((i) => !i.computed);
  for (const g of r.comparison) {
    const yoy = new Map(g.yoy.map((y) => [y.code, y]));
    for (const i of inds) {
      const y = yoy.get(i.code);
      if (!y || (y.current === null && y.previous === null)) continue;
      rows.push([
        g.current.join(", "),
        name(g.current),
        g.method === "same" ? "(cùng đơn vị)" : name(g.previous),
        COMPARISON_METHOD_LABELS[g.method],
        i.code,
        `${i.name_vi} (${i.unit})`,
        y.previous,
        y.current,
        y.text_vi || null,
      ]);
    }
  }
  return {
    name: COMPARISON_SHEET,
    rows,
    headerRows: 1,
    columns: [
      { width: 24, wrap: true },
      { width: 36, wrap: true },
      { width: 48, wrap: true },
      { width: 30, wrap: true },
      { width: 26 },
      { width: 40, wrap: true },
      { width: 16, format: "amount" },
      { width: 16, format: "amount" },
      { width: 16 },
    ],
  };
}

/** Sheet of the per-unit year-on-year comparison. */
export const COMPARISON_SHEET = "So sánh cùng kỳ";

function figuresSheet(r: Rollup): SheetSpec {
  const inds = r.catalogue.indicators;
  const rows: Grid = [
    [...FIGURES_FIXED_COLUMNS, ...inds.map((i) => i.code)],
    [null, null, null, null, ...inds.map((i) => `${i.name_vi} (${i.unit})`)],
  ];
  const highlight: number[] = [];
  let stt = 0;
  for (const row of r.figureRows) {
    const missing = row.kind === "agency" && !row.source;
    if (row.kind !== "agency" || missing) highlight.push(rows.length);
    const indent = row.kind === "agency" ? "  ".repeat(Math.max(0, row.depth - 1)) : "";
    rows.push([
      row.kind === "agency" ? ++stt : null,
      row.kind === "agency" ? row.agency : null,
      indent + row.label,
      row.kind === "agency" ? row.source || "Chưa có báo cáo được tiếp nhận" : null,
      ...inds.map((i) => row.values.get(i.code) ?? null),
    ]);
  }
  if (r.yoy) {
    const yoy = new Map(r.yoy.map((y) => [y.code, y]));
    highlight.push(rows.length, rows.length + 1);
    rows.push([null, null, "Cùng kỳ năm trước", null, ...inds.map((i) => yoy.get(i.code)?.previous ?? null)]);
    rows.push([null, null, "So với cùng kỳ", null, ...inds.map((i) => yoy.get(i.code)?.text_vi || null)]);
  }
  const formatOf = (i: Indicator): NumberFormatName =>
    i.kind === "rate" && i.share !== false ? "percent" : i.kind === "count" ? "count" : "amount";
  const columns: ColumnSpec[] = [
    { width: 5 },
    { width: 14 },
    { width: 40, wrap: true },
    { width: 28 },
    ...inds.map((i) => ({ width: 16, format: formatOf(i), wrap: true })),
  ];
  return { name: ROLLUP_SHEETS.figures, rows, headerRows: 2, columns, highlightRows: highlight };
}

function matrixSheet(r: Rollup): SheetSpec {
  const fixed = ["Mã NV", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Hạn cuối"];
  const rows: Grid = [
    [...fixed, ...r.agencies, "Số CQ hoàn thành", "Số CQ phải thực hiện", "Tỷ lệ hoàn thành"],
    [
      null,
      null,
      null,
      null,
      null,
      ...r.agencies.map((a) => r.registry.agencies.find((x) => x.code === a)?.name ?? a),
      null,
      null,
      null,
    ],
  ];
  const highlight: number[] = [];
  const cellFormats: { row: number; col: number; format: NumberFormatName }[] = [];
  const n = r.agencies.length;
  for (const t of r.tasks) {
    let done = 0;
    let total = 0;
    let flagged = false;
    const cells = r.agencies.map((a) => {
      const c = t.cells.get(a)!;
      if (c.state === "done" || c.state === "done_late") done++;
      if (!["not_assigned", "not_applicable", "no_submission"].includes(c.state)) total++;
      if (c.state === "overdue" || c.state === "done_late") flagged = true;
      return TASK_STATE_LABELS[c.state] || null;
    });
    if (flagged) highlight.push(rows.length);
    cellFormats.push({ row: rows.length, col: fixed.length + n + 2, format: "percent" });
    rows.push([
      t.task.code,
      t.task.title,
      t.task.leadText,
      t.task.deadlineText,
      dateCell(t.dueDate),
      ...cells,
      done,
      total,
      total ? done / total : null,
    ]);
  }
  const rateRow = rows.length;
  rows.push([
    null,
    "Tỷ lệ hoàn thành của cơ quan",
    null,
    null,
    null,
    ...r.agencies.map((a) => r.completionByAgency.get(a)?.rate ?? null),
    r.completion.done,
    r.completion.total,
    r.completion.rate,
  ]);
  for (let c = fixed.length; c < fixed.length + n; c++)
    cellFormats.push({ row: rateRow, col: c, format: "percent" });
  cellFormats.push({ row: rateRow, col: fixed.length + n + 2, format: "percent" });
  highlight.push(rateRow);
  return {
    name: ROLLUP_SHEETS.matrix,
    rows,
    headerRows: 2,
    columns: [
      { width: 9 },
      { width: 50, wrap: true },
      { width: 20, wrap: true },
      { width: 16, wrap: true },
      { width: 12, format: "date" },
      ...r.agencies.map(() => ({ width: 14, wrap: true })),
      { width: 10 },
      { width: 10 },
      { width: 11 },
    ],
    cellFormats,
    highlightRows: highlight,
  };
}

function completionRow(label: string, code: string, c: Completion): CellValue[] {
  return [code, label, c.total, c.done, c.doneLate, c.overdue, c.rate];
}

function completionSheet(r: Rollup): SheetSpec {
  const rows: Grid = [
    [
      "Mã",
      "Mục / cơ quan",
      "Số nhiệm vụ phải thực hiện",
      "Hoàn thành",
      "Trong đó quá hạn",
      TASK_STATE_LABELS.overdue,
      "Tỷ lệ hoàn thành",
    ],
  ];
  rows.push(["", "THEO LĨNH VỰC (MỤC KẾ HOẠCH)", null, null, null, null, null]);
  const highlight = [1];
  for (const [code, c] of r.completionBySection) rows.push(completionRow(sectionTitle(r, code), code, c));
  highlight.push(rows.length);
  rows.push([
    r.unit.code,
    r.unit.kind === "province" ? "TOÀN TỈNH" : `TỔNG CỘNG ${r.unit.name.toUpperCase()}`,
    r.completion.total,
    r.completion.done,
    r.completion.doneLate,
    r.completion.overdue,
    r.completion.rate,
  ]);
  highlight.push(rows.length);
  rows.push(["", "THEO CƠ QUAN, ĐƠN VỊ", null, null, null, null, null]);
  for (const a of r.agencies) {
    const c = r.completionByAgency.get(a)!;
    rows.push(completionRow(r.registry.agencies.find((x) => x.code === a)?.name ?? a, a, c));
  }
  return {
    name: ROLLUP_SHEETS.completion,
    rows,
    headerRows: 1,
    columns: [
      { width: 14 },
      { width: 50, wrap: true },
      { width: 14, format: "count" },
      { width: 12, format: "count" },
      { width: 12, format: "count" },
      { width: 14, format: "count" },
      { width: 14, format: "percent" },
    ],
    highlightRows: highlight,
  };
}

function sectionTitle(r: Rollup, code: string): string {
  const title = r.sectionTitles.get(code);
  return title ? `${code}. ${title}` : `Mục ${code}`;
}

function overdueSheet(r: Rollup): SheetSpec {
  const rows: Grid = [
    [
      "Cơ quan chủ trì",
      "Mã NV",
      "Nhiệm vụ",
      "Thời hạn",
      "Hạn cuối",
      "Mã cơ quan thực hiện",
      "Cơ quan thực hiện",
      "Tình trạng",
    ],
  ];
  const highlight: number[] = [];
  for (const o of r.overdue) {
    if (o.state === "overdue") highlight.push(rows.length);
    rows.push([
      o.leadLabel,
      o.task.code,
      o.task.title,
      o.task.deadlineText,
      dateCell(o.dueDate),
      o.agency,
      o.agencyName,
      TASK_STATE_LABELS[o.state],
    ]);
  }
  return {
    name: ROLLUP_SHEETS.overdue,
    rows,
    headerRows: 1,
    columns: [
      { width: 28, wrap: true },
      { width: 9 },
      { width: 50, wrap: true },
      { width: 16, wrap: true },
      { width: 12, format: "date" },
      { width: 14 },
      { width: 30, wrap: true },
      { width: 22 },
    ],
    highlightRows: highlight,
  };
}
