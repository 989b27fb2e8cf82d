// The rollup workbook's layout (bảng tổng hợp): sheet names and the header names the reader keys on.
// Bump ROLLUP_SCHEMA_VERSION when a stored table changes, and keep a reader for the old one.

import { tableHeaderNames, type TableDef } from "../sheetTable";
import { TASK_STATUSES } from "../taskStatus";
import { MERGE_OUTCOME_LABELS } from "./mergeRules";

export const ROLLUP_SCHEMA_VERSION = 1;

/** Written in the info sheet so a rollup can be told from an agency report. */
export const ROLLUP_FORM_KIND = "Tổng hợp CCHC";

export const ROLLUP_SHEETS = {
  info: "Tổng hợp",
  matrix: "Ma trận nhiệm vụ",
  completion: "Tỷ lệ hoàn thành",
  figures: "Số liệu tổng hợp",
  overdue: "NV quá hạn, chưa hoàn thành",
  status: "Tình hình nộp báo cáo",
  provenance: "Nhật ký nguồn",
  long: "Dữ liệu dài",
  taskLong: "Dữ liệu nhiệm vụ",
  narrative: "Dự thảo báo cáo",
  notes: "Ghi chú",
} as const;

/** The rollup's info sheet (`Tổng hợp`): a label/value table; the labels the reader keys on below. */
export const ROLLUP_INFO_TABLE = {
  label: {
    header: "Thông tin",
    width: 38,
    required: true,
    filledBy: "rollup",
    description: "the row's label",
  },
  value: { header: "Giá trị", width: 44, required: true, filledBy: "rollup", description: "the value" },
} as const satisfies TableDef<string>;

export const INFO_LABELS = {
  formKind: "Loại biểu mẫu",
  schemaVersion: "Phiên bản biểu mẫu",
  unitCode: "Mã đơn vị tổng hợp",
  unitName: "Đơn vị tổng hợp",
  period: "Kỳ báo cáo",
  planYear: "Năm kế hoạch",
  mergedAt: "Thời điểm tổng hợp",
} as const;

/** The agency code column of the stored rollup sheets: the identity their rows are keyed by. */
const AGENCY_CODE_COLUMN = {
  header: "Mã cơ quan",
  width: 16,
  required: true,
  filledBy: "rollup",
  description: "the agency code",
} as const;

/** Submission status (`Tình hình nộp báo cáo`): one row per agency; read back by later runs. */
export const STATUS_TABLE = {
  stt: { header: "STT", width: 5, filledBy: "rollup", description: "row number" },
  agency: AGENCY_CODE_COLUMN,
  name: { header: "Tên cơ quan, đơn vị", width: 34, wrap: true, filledBy: "rollup", description: "its name" },
  expected: {
    header: "Phải báo cáo",
    width: 10,
    filledBy: "rollup",
    description: "`Có` when the agency must report for the period, `Không` otherwise",
  },
  state: {
    header: "Tình trạng",
    width: 14,
    filledBy: "rollup",
    description: "accepted, returned, rejected, conflict or missing",
  },
  version: {
    header: "Lần gửi",
    width: 8,
    required: true,
    filledBy: "rollup",
    description: "the submission version in use",
  },
  submittedAt: {
    header: "Ngày gửi",
    width: 12,
    format: "date",
    required: true,
    filledBy: "rollup",
    description: "the report's stated submission date",
  },
  onTime: {
    header: "Đúng hạn / quá hạn",
    aliases: ["Đúng hạn / trễ hạn"],
    width: 12,
    filledBy: "rollup",
    description: "`Đúng hạn` or `Quá hạn` against the agency deadline",
  },
  file: { header: "Tệp", width: 30, required: true, filledBy: "rollup", description: "the file in use" },
  errors: {
    header: "Số lỗi",
    width: 8,
    required: true,
    filledBy: "rollup",
    description: "errors found in it",
  },
  warnings: {
    header: "Số cảnh báo",
    width: 10,
    required: true,
    filledBy: "rollup",
    description: "warnings found in it",
  },
  note: {
    header: "Lý do, ghi chú",
    width: 60,
    wrap: true,
    filledBy: "rollup",
    description: "why it was refused or returned",
  },
  hash: {
    header: "Mã băm đang dùng (SHA-256)",
    width: 24,
    required: true,
    filledBy: "rollup",
    description: "the SHA-256 of the file whose figures count (the key to its rows in the long tables)",
  },
} as const satisfies TableDef<string>;
export const STATUS_HEADERS = tableHeaderNames(STATUS_TABLE);

/** Provenance log (`Nhật ký nguồn`): one row per input file and outcome. */
export const PROVENANCE_TABLE = {
  stt: { header: "STT", width: 5, filledBy: "rollup", description: "row number" },
  file: { header: "Tệp", width: 30, required: true, filledBy: "rollup", description: "the input file" },
  hash: {
    header: "Mã băm SHA-256",
    width: 20,
    required: true,
    filledBy: "rollup",
    description: "its SHA-256",
  },
  via: {
    header: "Qua bảng tổng hợp",
    width: 20,
    filledBy: "rollup",
    description: "the rollup it came through, when merged upward",
  },
  agency: {
    ...AGENCY_CODE_COLUMN,
    description: "the agency it claims",
  },
  period: { header: "Kỳ", width: 9, required: true, filledBy: "rollup", description: "the period it states" },
  version: {
    header: "Lần gửi",
    width: 8,
    required: true,
    filledBy: "rollup",
    description: "its submission version",
  },
  mergedAt: {
    header: "Thời điểm tổng hợp",
    width: 22,
    required: true,
    filledBy: "rollup",
    description: "when it was merged",
  },
  outcomeLabel: {
    header: "Kết quả",
    width: 20,
    filledBy: "rollup",
    description: "the outcome in Vietnamese",
  },
  outcome: {
    header: "Mã kết quả",
    width: 12,
    required: true,
    filledBy: "rollup",
    description: `the outcome code: ${Object.keys(MERGE_OUTCOME_LABELS)
      .map((k) => `\`${k}\``)
      .join(", ")}`,
  },
  errors: { header: "Số lỗi", width: 8, required: true, filledBy: "rollup", description: "errors found" },
  warnings: {
    header: "Số cảnh báo",
    width: 10,
    required: true,
    filledBy: "rollup",
    description: "warnings found",
  },
  reasons: {
    header: "Lý do",
    width: 70,
    wrap: true,
    required: true,
    filledBy: "rollup",
    description: "why it was refused, or the return reason",
  },
} as const satisfies TableDef<string>;
export const PROVENANCE_HEADERS = tableHeaderNames(PROVENANCE_TABLE);

/** Where a stored row comes from: the last columns of both long tables. */
const SOURCE_COLUMNS = {
  file: { header: "Tệp nguồn", width: 28, filledBy: "rollup", description: "the source file" },
  hash: {
    header: "Mã băm",
    width: 20,
    required: true,
    filledBy: "rollup",
    description: "the source file's SHA-256",
  },
  version: { header: "Lần gửi", width: 8, filledBy: "rollup", description: "its submission version" },
  sheet: { header: "Sheet", width: 10, required: true, filledBy: "rollup", description: "the source sheet" },
  cell: { header: "Ô", width: 6, required: true, filledBy: "rollup", description: "the source cell" },
  via: {
    header: "Qua bảng tổng hợp",
    width: 20,
    filledBy: "rollup",
    description: "the rollup it came through, when merged upward",
  },
} as const satisfies TableDef<string>;

/** The long figures table (`Dữ liệu dài`): one row per counted figure, traceable to its cell. */
export const LONG_TABLE = {
  agency: AGENCY_CODE_COLUMN,
  agencyName: { header: "Tên cơ quan", width: 30, filledBy: "rollup", description: "its name" },
  period: { header: "Kỳ", width: 9, filledBy: "rollup", description: "the period code" },
  indicator: {
    header: "Mã chỉ tiêu",
    width: 24,
    required: true,
    filledBy: "rollup",
    description: "the indicator code",
  },
  indicatorName: {
    header: "Chỉ tiêu",
    width: 40,
    filledBy: "rollup",
    description: "the indicator's Vietnamese name",
  },
  unit: { header: "Đơn vị tính", width: 10, filledBy: "rollup", description: "its unit" },
  value: {
    header: "Giá trị",
    width: 14,
    required: true,
    filledBy: "rollup",
    description: "the figure as submitted",
  },
  ...SOURCE_COLUMNS,
} as const satisfies TableDef<string>;
export const LONG_HEADERS = tableHeaderNames(LONG_TABLE);

/** The long task table (`Dữ liệu nhiệm vụ`): one row per reported task. */
export const TASK_LONG_TABLE = {
  agency: AGENCY_CODE_COLUMN,
  period: { header: "Kỳ", width: 9, filledBy: "rollup", description: "the period code" },
  task: {
    header: "Mã nhiệm vụ",
    width: 10,
    required: true,
    filledBy: "rollup",
    description: "the task code",
  },
  status: {
    header: "Mã tình trạng",
    width: 14,
    required: true,
    filledBy: "rollup",
    description: `the status code as reported: ${TASK_STATUSES.map((t) => `\`${t.status}\``).join(", ")}`,
  },
  statusLabel: {
    header: "Tình trạng báo cáo",
    width: 20,
    filledBy: "rollup",
    description: "the status in Vietnamese (read when the code is blank)",
  },
  doneDate: {
    header: "Ngày hoàn thành",
    width: 12,
    format: "date",
    required: true,
    filledBy: "rollup",
    description: "the completion date",
  },
  state: {
    header: "Đánh giá (theo thời hạn)",
    width: 22,
    filledBy: "rollup",
    description: "the state judged against the plan deadline",
  },
  evidence: {
    header: "Văn bản, minh chứng",
    width: 30,
    required: true,
    filledBy: "rollup",
    description: "the evidence",
  },
  ...SOURCE_COLUMNS,
} as const satisfies TableDef<string>;
export const TASK_LONG_HEADERS = tableHeaderNames(TASK_LONG_TABLE);

/** First cells of the total row in the figures sheet, for people and tests looking it up. */
export const FIGURES_FIXED_COLUMNS = ["STT", "Mã cơ quan", "Cơ quan, đơn vị", "Nguồn (tệp)"] as const;
