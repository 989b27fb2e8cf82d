// The agency report workbook (báo cáo của cơ quan): sheet names, header names and info fields.
// Keyed by header text (diacritics-insensitive), documented in docs/FORMAT.md. Bump
// REPORT_SCHEMA_VERSION when the layout changes, and keep a reader for the old one.

import { tableHeaders, tableRequired, type FieldTable, type TableDef } from "../sheetTable";
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

/** Info sheet: a table "Thông tin | Giá trị | Hướng dẫn"; its rows (INFO_FIELDS) are found by label. */
export const INFO_TABLE = {
  label: {
    header: "Thông tin",
    aliases: ["Mục", "Field"],
    width: 24,
    required: true,
    filledBy: "template",
    description: "the row's label (below)",
  },
  value: {
    header: "Giá trị",
    aliases: ["Nội dung", "Value"],
    width: 36,
    format: "text",
    required: true,
    filledBy: "agency",
    description: "the value",
  },
  guide: {
    header: "Hướng dẫn / Guide",
    aliases: ["Hướng dẫn", "Guide"],
    width: 50,
    wrap: true,
    filledBy: "template",
    description: "a hint for people; not read",
  },
} as const satisfies TableDef<string>;
export type InfoColumn = keyof typeof INFO_TABLE;
export const INFO_HEADERS = tableHeaders(INFO_TABLE);
export const INFO_REQUIRED: readonly InfoColumn[] = tableRequired(INFO_TABLE);

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

/** The rows of the info sheet, in the order the template writes them. */
export const INFO_FIELDS = {
  formKind: {
    label: "Loại biểu mẫu",
    required: true,
    en: "Form kind",
    description: `exactly \`${REPORT_FORM_KIND}\` (a rollup or other file is refused: \`NOT_A_REPORT\`)`,
  },
  schemaVersion: {
    label: "Phiên bản biểu mẫu",
    required: true,
    en: "Form version",
    description: `\`${REPORT_SCHEMA_VERSION}\``,
  },
  agencyCode: {
    label: "Mã cơ quan",
    aliases: ["Mã đơn vị"],
    required: true,
    en: "Agency code",
    description:
      "the agency's code in the plan's registry, e.g. `SNV`, `STP`, `X_LH_LONGHO`. The code is the identity: an unknown code is `AGENCY_UNKNOWN` even when the name is known (the message suggests the code that matches the name)",
  },
  agencyName: {
    label: "Tên cơ quan",
    aliases: ["Cơ quan báo cáo", "Đơn vị báo cáo"],
    required: true,
    en: "Agency",
    description: "e.g. `Sở Nội vụ`; aliases such as `VP UBND tỉnh` resolve",
  },
  period: {
    label: "Kỳ báo cáo",
    required: true,
    en: "Reporting period",
    description:
      "`2023`, `2023-Q2`, `2023-H1`, `2023-9M`, or `Quý II/2023`, `6 tháng đầu năm 2023`, `9 tháng năm 2023`, `Năm 2023`",
  },
  planYear: {
    label: "Năm kế hoạch",
    required: true,
    en: "Plan year",
    description: "the plan's year, e.g. `2023`",
  },
  preparer: {
    label: "Người lập",
    aliases: ["Người lập báo cáo"],
    required: "warning",
    en: "Prepared by",
    description: "the preparer's name",
  },
  contact: {
    label: "Điện thoại, email",
    aliases: ["Liên hệ"],
    required: false,
    en: "Contact",
    description:
      "a phone number or e-mail (a phone number such as `+84 270 3823 456` is not flagged as a formula)",
  },
  version: {
    label: "Lần gửi",
    aliases: ["Phiên bản gửi"],
    required: true,
    en: "Submission version",
    description: "`1`, then `2`, `3` … on each resubmission (1–99; a warning past 20): the highest wins",
  },
  submittedAt: {
    label: "Ngày gửi",
    aliases: ["Thời điểm gửi"],
    required: false,
    en: "Submitted on",
    description: "a date, not after today (a warning)",
  },
} as const satisfies FieldTable<InfoField>;

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
