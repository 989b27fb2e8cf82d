// The plan sheet's layout (Phụ lục nhiệm vụ CCHC): header names as in the seed appendix.
// Columns are found by header name (diacritics-insensitive), never by position.

export const PLAN_SCHEMA_VERSION = 1;

/** Default sheet names of a plan workbook; matched diacritics-insensitively. */
export const PLAN_SHEETS = {
  plan: "Kế hoạch",
  agencies: "Cơ quan",
  groups: "Nhóm cơ quan",
  indicators: "Chỉ tiêu",
  indicatorRules: "Quy tắc chỉ tiêu",
  periods: "Kỳ báo cáo",
} as const;

export type PlanColumn = "stt" | "task" | "lead" | "coordinators" | "product" | "deadline";

/** Header names per column: Vietnamese as in the seed first, then accepted alternatives. */
export const PLAN_HEADERS: Record<PlanColumn, readonly string[]> = {
  stt: ["STT", "Số thứ tự", "No."],
  task: ["Nhiệm vụ", "Nội dung", "Task"],
  lead: ["Cơ quan chủ trì", "Đơn vị chủ trì", "Lead agency"],
  coordinators: ["Cơ quan phối hợp", "Đơn vị phối hợp", "Coordinating agencies"],
  product: ["Sản phẩm", "Kết quả sản phẩm", "Product"],
  deadline: ["Thời gian hoàn thành", "Thời hạn hoàn thành", "Thời hạn", "Deadline"],
};

export const PLAN_REQUIRED: readonly PlanColumn[] = ["stt", "task", "lead", "deadline"];

export const SECTION_TITLES: Record<string, string> = {
  I: "Công tác chỉ đạo điều hành",
  II: "Cải cách thể chế",
  III: "Cải cách thủ tục hành chính",
  IV: "Cải cách tổ chức bộ máy",
  V: "Cải cách chế độ công vụ",
  VI: "Cải cách tài chính công",
  VII: "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
  VIII: "Đánh giá tác động",
};
