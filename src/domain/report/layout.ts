// The agency report workbook (báo cáo của cơ quan): sheet names, header names and info fields.
// Keyed by header text (diacritics-insensitive), documented in docs/FORMAT.md. Bump
// REPORT_SCHEMA_VERSION when the layout changes, and keep a reader for the old one.

import { tableHeaders, tableRequired, type TableDef } from "../sheetTable";
import { TASK_STATUSES } from "../taskStatus";

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

/** The task sheet (`Nhiệm vụ`), one row per task the agency leads or coordinates. */
export const TASK_TABLE = {
  code: {
    header: "Mã nhiệm vụ",
    aliases: ["Task code"],
    width: 11,
    format: "text",
    required: true,
    filledBy: "template",
    description:
      "the task's stable code: `I.1`; a second or third row under one number `I.1.2`, `I.1.3`; a lettered sub-item `V.2.a`",
  },
  title: {
    header: "Nhiệm vụ",
    aliases: ["Task"],
    width: 60,
    wrap: true,
    filledBy: "template",
    description: "the task text",
  },
  role: {
    header: "Vai trò",
    aliases: ["Role"],
    width: 10,
    filledBy: "template",
    description: "`Chủ trì` or `Phối hợp`",
  },
  lead: {
    header: "Cơ quan chủ trì",
    aliases: ["Lead agency"],
    width: 24,
    wrap: true,
    filledBy: "template",
    description: "as in the plan",
  },
  deadline: {
    header: "Thời gian hoàn thành",
    aliases: ["Thời hạn", "Deadline"],
    width: 18,
    wrap: true,
    filledBy: "template",
    description: "the plan's deadline phrase",
  },
  status: {
    header: "Tình trạng",
    aliases: ["Trạng thái", "Status"],
    width: 20,
    list: TASK_STATUSES.map((s) => s.vi),
    required: true,
    filledBy: "agency",
    description: "one of the statuses below",
  },
  doneDate: {
    header: "Ngày hoàn thành",
    aliases: ["Completion date"],
    width: 14,
    format: "date",
    required: true,
    filledBy: "agency",
    description:
      "required when done; on or before the period's cut-off (earlier dates, even before the period, are accepted)",
  },
  evidence: {
    header: "Văn bản, minh chứng",
    aliases: ["Minh chứng", "Evidence"],
    width: 28,
    wrap: true,
    required: true,
    filledBy: "agency",
    description:
      "document number and date, e.g. `2621/QĐ-UBND ngày 13/12/2022` (warning when done without it)",
  },
  note: {
    header: "Ghi chú",
    aliases: ["Note"],
    width: 30,
    wrap: true,
    filledBy: "agency",
    description: "free text",
  },
} as const satisfies TableDef<string>;
export type TaskColumn = keyof typeof TASK_TABLE;
export const TASK_HEADERS = tableHeaders(TASK_TABLE);
export const TASK_REQUIRED: readonly TaskColumn[] = tableRequired(TASK_TABLE);

/** The figures sheet (`Số liệu`), one row per indicator of the plan's catalogue. */
export const FIGURE_TABLE = {
  code: {
    header: "Mã chỉ tiêu",
    aliases: ["Indicator code"],
    width: 16,
    format: "text",
    required: true,
    filledBy: "template",
    description: "the indicator's code in the catalogue",
  },
  name: {
    header: "Chỉ tiêu",
    aliases: ["Indicator"],
    width: 60,
    wrap: true,
    filledBy: "template",
    description: "the indicator's Vietnamese name (used in messages when present)",
  },
  unit: {
    header: "Đơn vị tính",
    aliases: ["Unit"],
    width: 12,
    filledBy: "template",
    description: "its unit",
  },
  value: {
    header: "Số liệu",
    aliases: ["Giá trị", "Value"],
    width: 16,
    required: true,
    filledBy: "agency",
    description: "the figure: a number, or Vietnamese number text; a rate may be left blank",
  },
  note: {
    header: "Ghi chú",
    aliases: ["Note"],
    width: 36,
    wrap: true,
    filledBy: "agency",
    description: "free text",
  },
} as const satisfies TableDef<string>;
export type FigureColumn = keyof typeof FIGURE_TABLE;
export const FIGURE_HEADERS = tableHeaders(FIGURE_TABLE);
export const FIGURE_REQUIRED: readonly FigureColumn[] = tableRequired(FIGURE_TABLE);
