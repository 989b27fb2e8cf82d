// The rollup workbook's layout (bảng tổng hợp): sheet names and the header names the reader keys on.
// Bump ROLLUP_SCHEMA_VERSION when a stored table changes, and keep a reader for the old one.

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

export const INFO_LABELS = {
  formKind: "Loại biểu mẫu",
  schemaVersion: "Phiên bản biểu mẫu",
  unitCode: "Mã đơn vị tổng hợp",
  unitName: "Đơn vị tổng hợp",
  period: "Kỳ báo cáo",
  planYear: "Năm kế hoạch",
  mergedAt: "Thời điểm tổng hợp",
} as const;

export const STATUS_HEADERS = {
  stt: "STT",
  agency: "Mã cơ quan",
  name: "Tên cơ quan, đơn vị",
  expected: "Phải báo cáo",
  state: "Tình trạng",
  version: "Lần gửi",
  submittedAt: "Ngày gửi",
  onTime: "Đúng hạn / quá hạn",
  file: "Tệp",
  errors: "Số lỗi",
  warnings: "Số cảnh báo",
  note: "Lý do, ghi chú",
  hash: "Mã băm đang dùng (SHA-256)",
} as const;

export const PROVENANCE_HEADERS = {
  stt: "STT",
  file: "Tệp",
  hash: "Mã băm SHA-256",
  via: "Qua bảng tổng hợp",
  agency: "Mã cơ quan",
  period: "Kỳ",
  version: "Lần gửi",
  mergedAt: "Thời điểm tổng hợp",
  outcomeLabel: "Kết quả",
  outcome: "Mã kết quả",
  errors: "Số lỗi",
  warnings: "Số cảnh báo",
  reasons: "Lý do",
} as const;

export const LONG_HEADERS = {
  agency: "Mã cơ quan",
  agencyName: "Tên cơ quan",
  period: "Kỳ",
  indicator: "Mã chỉ tiêu",
  indicatorName: "Chỉ tiêu",
  unit: "Đơn vị tính",
  value: "Giá trị",
  file: "Tệp nguồn",
  hash: "Mã băm",
  version: "Lần gửi",
  sheet: "Sheet",
  cell: "Ô",
  via: "Qua bảng tổng hợp",
} as const;

export const TASK_LONG_HEADERS = {
  agency: "Mã cơ quan",
  period: "Kỳ",
  task: "Mã nhiệm vụ",
  status: "Mã tình trạng",
  statusLabel: "Tình trạng báo cáo",
  doneDate: "Ngày hoàn thành",
  state: "Đánh giá (theo thời hạn)",
  evidence: "Văn bản, minh chứng",
  file: "Tệp nguồn",
  hash: "Mã băm",
  version: "Lần gửi",
  sheet: "Sheet",
  cell: "Ô",
  via: "Qua bảng tổng hợp",
} as const;

/** First cells of the total row in the figures sheet, for people and tests looking it up. */
export const FIGURES_FIXED_COLUMNS = ["STT", "Mã cơ quan", "Cơ quan, đơn vị", "Nguồn (tệp)"] as const;
