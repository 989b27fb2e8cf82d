// The agency report workbook (báo cáo của cơ quan): sheet names, header names and info fields.
// Keyed by header text (diacritics-insensitive), documented in docs/FORMAT.md. Bump
// REPORT_SCHEMA_VERSION when the layout changes, and keep a reader for the old one.

export const REPORT_SCHEMA_VERSION = 1;

/** Written in the info sheet so a report can be told from a rollup or any other workbook. */
export const REPORT_FORM_KIND = "Báo cáo CCHC của cơ quan";

export const REPORT_SHEETS = {
  info: "Thông tin",
  tasks: "Nhiệm vụ",
  figures: "Số liệu",
} as const;
export type ReportSheet = keyof typeof REPORT_SHEETS;

/** Info sheet: a two-column table "Thông tin | Giá trị"; rows found by their label. */
export const INFO_HEADERS = {
  label: ["Thông tin", "Mục", "Field"],
  value: ["Giá trị", "Nội dung", "Value"],
} as const;
export type InfoColumn = keyof typeof INFO_HEADERS;

export type InfoField =
  | "formKind"
  | "schemaVersion"
  | "agencyCode"
  | "agencyName"
  | "period"
  | "planYear"
  | "preparer"
  | "contact"
  | "version"
  | "submittedAt";

export const INFO_FIELDS: Record<InfoField, { labels: readonly string[]; required: boolean; en: string }> = {
  formKind: { labels: ["Loại biểu mẫu"], required: true, en: "Form kind" },
  schemaVersion: { labels: ["Phiên bản biểu mẫu"], required: true, en: "Form version" },
  agencyCode: { labels: ["Mã cơ quan", "Mã đơn vị"], required: true, en: "Agency code" },
  agencyName: { labels: ["Tên cơ quan", "Cơ quan báo cáo", "Đơn vị báo cáo"], required: true, en: "Agency" },
  period: { labels: ["Kỳ báo cáo"], required: true, en: "Reporting period" },
  planYear: { labels: ["Năm kế hoạch"], required: true, en: "Plan year" },
  preparer: { labels: ["Người lập", "Người lập báo cáo"], required: true, en: "Prepared by" },
  contact: { labels: ["Điện thoại, email", "Liên hệ"], required: false, en: "Contact" },
  version: { labels: ["Lần gửi", "Phiên bản gửi"], required: true, en: "Submission version" },
  submittedAt: { labels: ["Ngày gửi", "Thời điểm gửi"], required: false, en: "Submitted on" },
};

export type TaskColumn =
  "code" | "title" | "role" | "lead" | "deadline" | "status" | "doneDate" | "evidence" | "note";

export const TASK_HEADERS: Record<TaskColumn, readonly string[]> = {
  code: ["Mã nhiệm vụ", "Task code"],
  title: ["Nhiệm vụ", "Task"],
  role: ["Vai trò", "Role"],
  lead: ["Cơ quan chủ trì", "Lead agency"],
  deadline: ["Thời gian hoàn thành", "Thời hạn", "Deadline"],
  status: ["Tình trạng", "Trạng thái", "Status"],
  doneDate: ["Ngày hoàn thành", "Completion date"],
  evidence: ["Văn bản, minh chứng", "Minh chứng", "Evidence"],
  note: ["Ghi chú", "Note"],
};
export const TASK_REQUIRED: readonly TaskColumn[] = ["code", "status", "doneDate", "evidence"];

export type FigureColumn = "code" | "name" | "unit" | "value" | "note";
export const FIGURE_HEADERS: Record<FigureColumn, readonly string[]> = {
  code: ["Mã chỉ tiêu", "Indicator code"],
  name: ["Chỉ tiêu", "Indicator"],
  unit: ["Đơn vị tính", "Unit"],
  value: ["Số liệu", "Giá trị", "Value"],
  note: ["Ghi chú", "Note"],
};
export const FIGURE_REQUIRED: readonly FigureColumn[] = ["code", "value"];
