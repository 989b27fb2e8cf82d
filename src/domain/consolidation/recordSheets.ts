// Record sheets of the rollup: submission status, provenance log, the long tables (figures and
// tasks) and the notes. The long tables and the status sheet are also what a later run reads back
// to rebuild each agency's contribution exactly (see readRollup.ts).
import type { CellValue, Grid } from "../cell";
import { civilToSerial, type CivilDate } from "../civilDate";
import { periodCode } from "../period";
import type { NumberFormatName, SheetSpec } from "../sheetSpec";
import { rateDefinitions } from "../indicators";
import { taskStatusLabel } from "../taskStatus";
import { formatVnDate } from "../text/vnDate";
import { LONG_HEADERS, PROVENANCE_HEADERS, ROLLUP_SHEETS, STATUS_HEADERS, TASK_LONG_HEADERS } from "./layout";
import { MERGE_OUTCOME_LABELS } from "./mergeRules";
import { SUBMISSION_STATE_LABELS, TASK_STATE_LABELS, type Rollup } from "./model";

/** A date as an Excel serial (shown with the date format), or an empty cell. */
export const dateCell = (d: CivilDate | null): CellValue => (d ? civilToSerial(d) : null);

export function statusSheet(r: Rollup): SheetSpec {
  const h = STATUS_HEADERS;
  const rows: Grid = [
    [
      h.stt,
      h.agency,
      h.name,
      h.expected,
      h.state,
      h.version,
      h.submittedAt,
      h.onTime,
      h.file,
      h.errors,
      h.warnings,
      h.note,
      h.hash,
    ],
  ];
  const highlight: number[] = [];
  r.status.forEach((s, i) => {
    if (s.state !== "accepted" || s.onTime === false) highlight.push(rows.length);
    rows.push([
      i + 1,
      s.agency,
      s.name,
      s.expected ? "Có" : "Không",
      SUBMISSION_STATE_LABELS[s.state],
      s.version,
      dateCell(s.submittedAt),
      s.onTime === null ? null : s.onTime ? "Đúng hạn" : "Quá hạn",
      s.file || null,
      s.errors,
      s.warnings,
      s.note || null,
      s.hashInUse || null,
    ]);
  });
  return {
    name: ROLLUP_SHEETS.status,
    rows,
    headerRows: 1,
    protectHeaders: true,
    columns: [
      { width: 5 },
      { width: 16 },
      { width: 34, wrap: true },
      { width: 10 },
      { width: 14 },
      { width: 8 },
      { width: 12, format: "date" },
      { width: 12 },
      { width: 30 },
      { width: 8 },
      { width: 10 },
      { width: 60, wrap: true },
      { width: 24 },
    ],
    highlightRows: highlight,
  };
}

export function provenanceSheet(r: Rollup): SheetSpec {
  const h = PROVENANCE_HEADERS;
  const rows: Grid = [
    [
      h.stt,
      h.file,
      h.hash,
      h.via,
      h.agency,
      h.period,
      h.version,
      h.mergedAt,
      h.outcomeLabel,
      h.outcome,
      h.errors,
      h.warnings,
      h.reasons,
    ],
  ];
  const highlight: number[] = [];
  r.provenance.forEach((p, i) => {
    if (["rejected", "conflict", "wrong_period", "returned"].includes(p.outcome)) highlight.push(rows.length);
    rows.push([
      i + 1,
      p.file,
      p.hash,
      p.via || null,
      p.agency || null,
      p.period || null,
      p.version,
      p.mergedAt,
      MERGE_OUTCOME_LABELS[p.outcome].vi,
      p.outcome,
      p.errors,
      p.warnings,
      p.reasons || null,
    ]);
  });
  return {
    name: ROLLUP_SHEETS.provenance,
    rows,
    headerRows: 1,
    protectHeaders: true,
    columns: [
      { width: 5 },
      { width: 30 },
      { width: 20 },
      { width: 20 },
      { width: 16 },
      { width: 9 },
      { width: 8 },
      { width: 22 },
      { width: 20 },
      { width: 12 },
      { width: 8 },
      { width: 10 },
      { width: 70, wrap: true },
    ],
    highlightRows: highlight,
  };
}

/** One column of a record table: its header, width (and format), and how a record fills it. Keeping
 * the three together keeps headers, widths and values aligned. */
interface RecordColumn<T> {
  readonly header: string;
  readonly width: number;
  readonly format?: NumberFormatName;
  readonly value: (record: T) => CellValue;
}

function recordTable<T>(name: string, columns: readonly RecordColumn<T>[], records: Iterable<T>): SheetSpec {
  const rows: Grid = [columns.map((c) => c.header)];
  for (const rec of records) rows.push(columns.map((c) => c.value(rec)));
  return {
    name,
    rows,
    headerRows: 1,
    protectHeaders: true,
    columns: columns.map((c) => (c.format ? { width: c.width, format: c.format } : { width: c.width })),
  };
}

export function longSheet(r: Rollup): SheetSpec {
  const h = LONG_HEADERS;
  const inds = new Map(r.catalogue.indicators.map((i) => [i.code, i]));
  type Long = Rollup["long"][number];
  const columns: RecordColumn<Long>[] = [
    { header: h.agency, width: 16, value: (l) => l.agency },
    { header: h.agencyName, width: 30, value: (l) => l.agencyName },
    { header: h.period, width: 9, value: (l) => l.period },
    { header: h.indicator, width: 24, value: (l) => l.indicator },
    { header: h.indicatorName, width: 40, value: (l) => inds.get(l.indicator)?.name_vi ?? null },
    { header: h.unit, width: 10, value: (l) => inds.get(l.indicator)?.unit ?? null },
    { header: h.value, width: 14, value: (l) => l.value },
    { header: h.file, width: 28, value: (l) => l.file },
    { header: h.hash, width: 20, value: (l) => l.hash },
    { header: h.version, width: 8, value: (l) => l.version },
    { header: h.sheet, width: 10, value: (l) => l.sheet },
    { header: h.cell, width: 6, value: (l) => l.cell },
    { header: h.via, width: 20, value: (l) => l.via || null },
  ];
  return recordTable(ROLLUP_SHEETS.long, columns, r.long);
}

export function taskLongSheet(r: Rollup): SheetSpec {
  const h = TASK_LONG_HEADERS;
  const states = new Map(r.tasks.map((t) => [t.task.code.toUpperCase(), t.cells]));
  type Contribution = NonNullable<ReturnType<Rollup["merge"]["contributions"]["get"]>>;
  type TaskRecord = { a: string; c: Contribution; t: Contribution["tasks"][number] };
  const state = ({ a, t }: TaskRecord) => {
    const s = states.get(t.code.toUpperCase())?.get(a)?.state;
    return s ? TASK_STATE_LABELS[s] || null : null;
  };
  const columns: RecordColumn<TaskRecord>[] = [
    { header: h.agency, width: 16, value: ({ a }) => a },
    { header: h.period, width: 9, value: ({ c }) => periodCode(c.period) },
    { header: h.task, width: 10, value: ({ t }) => t.code },
    { header: h.status, width: 14, value: ({ t }) => t.status },
    { header: h.statusLabel, width: 20, value: ({ t }) => taskStatusLabel(t.status) },
    { header: h.doneDate, width: 12, format: "date", value: ({ t }) => dateCell(t.doneDate) },
    { header: h.state, width: 22, value: state },
    { header: h.evidence, width: 30, value: ({ t }) => t.evidence || null },
    { header: h.file, width: 28, value: ({ c }) => c.file },
    { header: h.hash, width: 20, value: ({ c }) => c.hash },
    { header: h.version, width: 8, value: ({ c }) => c.version },
    { header: h.sheet, width: 10, value: ({ t }) => t.sheet },
    { header: h.cell, width: 6, value: ({ t }) => t.cell },
    { header: h.via, width: 20, value: ({ c }) => c.via || null },
  ];
  const records: TaskRecord[] = [];
  for (const a of r.agencies) {
    const c = r.merge.contributions.get(a);
    if (!c || r.merge.returned.has(a)) continue;
    for (const t of c.tasks) records.push({ a, c, t });
  }
  return recordTable(ROLLUP_SHEETS.taskLong, columns, records);
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
  if (r.yoy) {
    out.push(
      "So với cùng kỳ (toàn tỉnh): tổng kỳ này so với tổng cùng kỳ năm trước của mọi cơ quan đã báo cáo năm trước — với tỉnh mới từ 01/7/2025 là tổng của các đơn vị tiền thân (Vĩnh Long, Bến Tre, Trà Vinh cũ).",
    );
  }
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
    "Biểu đồ: thư viện ghi tệp .xlsx (ExcelJS) không ghi được biểu đồ; phần bổ trợ (add-in) trong Excel vẽ biểu đồ gốc của Excel từ các sheet này.",
    "Charts: the .xlsx writer (ExcelJS) cannot write charts; the Excel add-in draws native charts from these sheets.",
  ];
  return {
    name: ROLLUP_SHEETS.notes,
    rows: [["Ghi chú"], ...lines.map((l) => [l])],
    headerRows: 1,
    columns: [{ width: 140, wrap: true }],
  };
}
