// Record sheets of the rollup: submission status, provenance log, the long tables (figures and
// tasks) and the notes. The long tables and the status sheet are also what a later run reads back
// to rebuild each agency's contribution exactly (see readRollup.ts).
import type { CellValue, Grid } from "../cell";
import { predecessorsOf } from "../agencies";
import { addDays, civilFromIso, civilToSerial, type CivilDate } from "../civilDate";
import { periodCode } from "../period";
import type { SheetSpec } from "../sheetSpec";
import { tableColumns, tableHeaderRow, tableRow, type TableDef } from "../sheetTable";
import { rateDefinitions } from "../indicators";
import { taskStatusLabel } from "../taskStatus";
import { formatVnDate } from "../text/vnDate";
import { LONG_TABLE, PROVENANCE_TABLE, ROLLUP_SHEETS, STATUS_TABLE, TASK_LONG_TABLE } from "./layout";
import { MERGE_OUTCOME_LABELS } from "./mergeRules";
import { SUBMISSION_STATE_LABELS, TASK_STATE_LABELS, type Rollup } from "./model";

/** A date as an Excel serial (shown with the date format), or an empty cell. */
export const dateCell = (d: CivilDate | null): CellValue => (d ? civilToSerial(d) : null);

export function statusSheet(r: Rollup): SheetSpec {
  const highlight: number[] = [];
  r.status.forEach((s, i) => {
    if (s.state !== "accepted" || s.onTime === false) highlight.push(i + 1);
  });
  type Status = Rollup["status"][number];
  return recordTable<Status, keyof typeof STATUS_TABLE>(
    ROLLUP_SHEETS.status,
    STATUS_TABLE,
    r.status,
    (s, i) => ({
      stt: i + 1,
      agency: s.agency,
      name: s.name,
      expected: s.expected ? "Có" : "Không",
      state: SUBMISSION_STATE_LABELS[s.state],
      version: s.version,
      submittedAt: dateCell(s.submittedAt),
      onTime: s.onTime === null ? null : s.onTime ? "Đúng hạn" : "Quá hạn",
      file: s.file || null,
      errors: s.errors,
      warnings: s.warnings,
      note: s.note || null,
      hash: s.hashInUse || null,
    }),
    highlight,
  );
}

export function provenanceSheet(r: Rollup): SheetSpec {
  const highlight: number[] = [];
  r.provenance.forEach((p, i) => {
    if (["rejected", "conflict", "wrong_period", "returned"].includes(p.outcome)) highlight.push(i + 1);
  });
  type Entry = Rollup["provenance"][number];
  return recordTable<Entry, keyof typeof PROVENANCE_TABLE>(
    ROLLUP_SHEETS.provenance,
    PROVENANCE_TABLE,
    r.provenance,
    (p, i) => ({
      stt: i + 1,
      file: p.file,
      hash: p.hash,
      via: p.via || null,
      agency: p.agency || null,
      period: p.period || null,
      version: p.version,
      mergedAt: p.mergedAt,
      outcomeLabel: MERGE_OUTCOME_LABELS[p.outcome].vi,
      outcome: p.outcome,
      errors: p.errors,
      warnings: p.warnings,
      reasons: p.reasons || null,
    }),
    highlight,
  );
}

/** A stored record table: header row, widths and formats from its table definition, one row per
 * record with each value placed by key (never by position). */
function recordTable<T, K extends string>(
  name: string,
  table: TableDef<K>,
  records: Iterable<T>,
  values: (record: T, index: number) => Record<K, CellValue>,
  highlightRows?: readonly number[],
): SheetSpec {
  const rows: Grid = [tableHeaderRow(table)];
  let i = 0;
  for (const rec of records) rows.push(tableRow(table, values(rec, i++)));
  return {
    name,
    rows,
    headerRows: 1,
    protectHeaders: true,
    columns: tableColumns(table),
    ...(highlightRows ? { highlightRows } : {}),
  };
}

export function longSheet(r: Rollup): SheetSpec {
  const inds = new Map(r.catalogue.indicators.map((i) => [i.code, i]));
  type Long = Rollup["long"][number];
  return recordTable<Long, keyof typeof LONG_TABLE>(ROLLUP_SHEETS.long, LONG_TABLE, r.long, (l) => ({
    agency: l.agency,
    agencyName: l.agencyName,
    period: l.period,
    indicator: l.indicator,
    indicatorName: inds.get(l.indicator)?.name_vi ?? null,
    unit: inds.get(l.indicator)?.unit ?? null,
    value: l.value,
    file: l.file,
    hash: l.hash,
    version: l.version,
    sheet: l.sheet,
    cell: l.cell,
    via: l.via || null,
  }));
}

export function taskLongSheet(r: Rollup): SheetSpec {
  const states = new Map(r.tasks.map((t) => [t.task.code.toUpperCase(), t.cells]));
  type Contribution = NonNullable<ReturnType<Rollup["merge"]["contributions"]["get"]>>;
  type TaskRecord = { a: string; c: Contribution; t: Contribution["tasks"][number] };
  const state = ({ a, t }: TaskRecord) => {
    const s = states.get(t.code.toUpperCase())?.get(a)?.state;
    return s ? TASK_STATE_LABELS[s] || null : null;
  };
  const records: TaskRecord[] = [];
  for (const a of r.agencies) {
    const c = r.merge.contributions.get(a);
    if (!c || r.merge.returned.has(a)) continue;
    for (const t of c.tasks) records.push({ a, c, t });
  }
  return recordTable<TaskRecord, keyof typeof TASK_LONG_TABLE>(
    ROLLUP_SHEETS.taskLong,
    TASK_LONG_TABLE,
    records,
    (rec) => ({
      agency: rec.a,
      period: periodCode(rec.c.period),
      task: rec.t.code,
      status: rec.t.status,
      statusLabel: taskStatusLabel(rec.t.status),
      doneDate: dateCell(rec.t.doneDate),
      state: state(rec),
      evidence: rec.t.evidence || null,
      file: rec.c.file,
      hash: rec.c.hash,
      version: rec.c.version,
      sheet: rec.t.sheet,
      cell: rec.t.cell,
      via: rec.c.via || null,
    }),
  );
}

/** How the year-on-year totals compare; for a unit formed by a merger (its predecessors named by the
 * registry's successor links), that last year's total is the predecessors' with the unit's own. */
function yoyNote(r: Rollup): string {
  const head = `So với cùng kỳ (${r.unit.kind === "province" ? "toàn tỉnh" : "toàn đơn vị"}): tổng kỳ này so với tổng cùng kỳ năm trước của mọi cơ quan đã báo cáo năm trước`;
  const before = predecessorsOf(r.registry, r.unit.code);
  if (!before.length) return `${head}.`;
  const ends = [...new Set(before.map((a) => a.validTo).filter((d): d is string => !!d))].sort();
  const from = ends.length ? ` từ ${formatVnDate(addDays(civilFromIso(ends[ends.length - 1]), 1))}` : "";
  return `${head} — với ${r.unit.name}${from} là tổng của đơn vị này cùng các đơn vị tiền thân (${before.map((a) => a.name).join(", ")}).`;
}

/** What the rollup states about its period, its comparison with last year and its rates. */
function scheduleNotes(r: Rollup): string[] {
  const out: string[] = [];
  const s = r.schedule;
  if (s) {
    out.push(
      `Kỳ báo cáo: ${s.row.name_vi} năm ${s.period.year}, số liệu từ ${formatVnDate(s.dataWindow.start)} đến ${formatVnDate(s.dataWindow.end)}; cơ quan gửi Sở Nội vụ trước ${formatVnDate(s.agencyDue)} ("gửi đúng hạn" tính theo hạn này); tỉnh gửi Bộ Nội vụ trước ${formatVnDate(s.ministryDue)} (${s.row.source ?? "kỳ báo cáo do tỉnh quy định"}).`,
    );
  }
  if (r.yoy) out.push(yoyNote(r));
  if (r.comparison) {
    const counts = { same: 0, successors: 0, new: 0 };
    for (const g of r.comparison) counts[g.method]++;
    out.push(
      `So với cùng kỳ theo đơn vị (sheet "So sánh cùng kỳ"): số liệu của mỗi đơn vị kỳ này so với tổng cùng kỳ năm trước của các đơn vị tiền thân, cộng theo danh mục kế thừa (cột successors của sheet Cơ quan). Các đơn vị có chung tiền thân (ví dụ các xã, phường mới trên địa bàn một huyện cũ) được so sánh gộp thành một nhóm vì số liệu của tiền thân không chia được. ${counts.same} nhóm cùng đơn vị, ${counts.successors} nhóm cộng theo đơn vị tiền thân, ${counts.new} đơn vị không có số liệu cùng kỳ.`,
    );
  }
  out.push(...rateDefinitions(r.catalogue).map((d) => `Cách tính: ${d.vi}`));
  return out;
}

export function notesSheet(r: Rollup): SheetSpec {
  const lines = [
    "Cách tổng hợp (quy tắc hợp nhất):",
    "• Mỗi cơ quan, mỗi kỳ chỉ có một báo cáo được tính; báo cáo có lần gửi mới nhất thay thế toàn bộ báo cáo trước.",
    "• Cùng một tệp (cùng mã băm SHA-256) gửi lại nhiều lần không làm thay đổi kết quả.",
    "• Hai tệp khác nhau cùng cơ quan, kỳ và lần gửi là xung đột: không tự chọn tệp nào; cơ quan cần gửi lại với lần gửi mới.",
    "• Tệp có lỗi bị từ chối kèm lý do; cảnh báo không ngăn tiếp nhận. Đơn vị tổng hợp có thể trả lại báo cáo kèm lý do.",
    "• Số liệu đếm được cộng; tỷ lệ toàn tỉnh tính lại từ tổng tử số và tổng mẫu số, không lấy bình quân các tỷ lệ.",
    "• Mỗi cơ quan chỉ báo cáo số liệu của mình: dòng 'Cộng … và đơn vị trực thuộc' cộng cơ quan cấp trên với các đơn vị trực thuộc, không tính hai lần.",
    `• Nhiệm vụ đúng hạn hay quá hạn được tính theo thời hạn trong kế hoạch, tại ngày chốt ${r.asOf.d}/${r.asOf.m}/${r.asOf.y}.`,
    "• Mỗi số liệu truy được nguồn (tệp, sheet, ô) ở sheet 'Dữ liệu dài'; mọi tệp đầu vào có trong 'Nhật ký nguồn'.",
    ...scheduleNotes(r),
    "Biểu đồ: tệp .xlsx do dòng lệnh hoặc trang web ghi không có biểu đồ; phần bổ trợ (add-in) trong Excel vẽ biểu đồ gốc của Excel từ các sheet này.",
    "Charts: .xlsx files written by the command line or the web page have no charts; the Excel add-in draws native charts from these sheets.",
  ];
  return {
    name: ROLLUP_SHEETS.notes,
    rows: [["Ghi chú"], ...lines.map((l) => [l])],
    headerRows: 1,
    columns: [{ width: 140, wrap: true }],
  };
}
