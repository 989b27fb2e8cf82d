// Vietnamese first, English on a toggle. Strings live here so every component speaks both.
import { createContext, useContext } from "react";

export type Lang = "vi" | "en";

export const STRINGS = {
  appTitle: { vi: "Báo cáo CCHC", en: "CCHC Reporting" },
  english: { vi: "English", en: "English" },
  tabValidate: { vi: "Kiểm tra", en: "Validate" },
  tabConsolidate: { vi: "Tổng hợp", en: "Consolidate" },
  tabTemplates: { vi: "Biểu mẫu", en: "Templates" },
  tabPlan: { vi: "Kế hoạch", en: "Plan" },
  planNone: {
    vi: "Chưa có kế hoạch. Mở thẻ Kế hoạch để chọn.",
    en: "No plan yet. Open the Plan tab to choose one.",
  },
  planFrom: { vi: "Kế hoạch", en: "Plan" },
  ribbonWaiting: { vi: "Đang tải kế hoạch để kiểm tra…", en: "Loading the plan to validate…" },
  ribbonNoPlan: {
    vi: "Chưa thể kiểm tra: chưa có kế hoạch. Mở thẻ Kế hoạch để chọn, rồi bấm Kiểm tra lại.",
    en: "Cannot validate yet: no plan. Open the Plan tab to choose one, then click Validate again.",
  },
  planSourceWorkbook: { vi: "từ workbook này", en: "from this workbook" },
  planSourceFile: { vi: "từ tệp", en: "from file" },
  planSourceExample: { vi: "mẫu kèm theo (Vĩnh Long 2023)", en: "bundled example (Vĩnh Long 2023)" },
  planReadWorkbook: { vi: "Đọc từ workbook này", en: "Read from this workbook" },
  planPickFile: { vi: "Chọn tệp kế hoạch…", en: "Pick a plan file…" },
  planUseExample: { vi: "Dùng kế hoạch mẫu", en: "Use the example plan" },
  planSections: { vi: "Lĩnh vực", en: "Sections" },
  planTasks: { vi: "nhiệm vụ", en: "tasks" },
  planProblems: { vi: "Vấn đề khi đọc kế hoạch", en: "Problems reading the plan" },
  validateRun: { vi: "Kiểm tra workbook đang mở", en: "Validate the open workbook" },
  validateRerun: { vi: "Kiểm tra lại", en: "Validate again" },
  validateNone: { vi: "Không phát hiện vấn đề nào.", en: "No problems found." },
  validateHint: {
    vi: "Bấm vào một vấn đề để chuyển tới ô tương ứng.",
    en: "Click a problem to go to its cell.",
  },
  errors: { vi: "lỗi", en: "errors" },
  warnings: { vi: "cảnh báo", en: "warnings" },
  infos: { vi: "ghi chú", en: "notes" },
  wholeFile: { vi: "Toàn tệp", en: "Whole file" },
  working: { vi: "Đang xử lý…", en: "Working…" },
  consPick: { vi: "Chọn các tệp báo cáo (.xlsx)…", en: "Pick report files (.xlsx)…" },
  consPeriod: { vi: "Kỳ tổng hợp (để trống: tự nhận)", en: "Period (blank: inferred)" },
  consPreview: { vi: "Xem trước (chưa ghi)", en: "Preview (dry run)" },
  consWrite: { vi: "Ghi bảng tổng hợp vào workbook này", en: "Write the rollup into this workbook" },
  consWritten: { vi: "Đã ghi bảng tổng hợp.", en: "Rollup written." },
  consWriteDownload: { vi: "Tải về bảng tổng hợp (.xlsx)", en: "Download the rollup (.xlsx)" },
  consDownloaded: { vi: "Đã tạo và tải về bảng tổng hợp.", en: "Rollup created and downloaded." },
  dropHint: { vi: "hoặc kéo thả tệp vào đây", en: "or drop files here" },
  openPick: {
    vi: "Chọn workbook báo cáo cần kiểm tra (.xlsx)…",
    en: "Pick a report workbook to validate (.xlsx)…",
  },
  openNamed: { vi: "Workbook đang mở: {f}", en: "Open workbook: {f}" },
  rollupTitle: { vi: "Bảng tổng hợp {p}", en: "Rollup {p}" },
  rollupCompletion: { vi: "Hoàn thành nhiệm vụ", en: "Tasks done" },
  rollupReceived: { vi: "Báo cáo đã tiếp nhận", en: "Reports accepted" },
  rollupOnTime: { vi: "Nộp đúng hạn", en: "Sent on time" },
  rollupFigures: { vi: "Số liệu toàn đơn vị", en: "Totals" },
  rollupIndicator: { vi: "Chỉ tiêu", en: "Indicator" },
  rollupTotal: { vi: "Tổng", en: "Total" },
  chartBySection: {
    vi: "Tỷ lệ hoàn thành nhiệm vụ theo lĩnh vực",
    en: "Task completion by section",
  },
  chartByAgency: { vi: "Tỷ lệ hoàn thành nhiệm vụ theo cơ quan", en: "Task completion by agency" },
  chartOnTime: {
    vi: "Tỷ lệ hồ sơ giải quyết đúng hạn theo cơ quan",
    en: "Dossiers settled on time by agency",
  },
  consOverall: { vi: "Tổng tiến độ", en: "Overall" },
  consFile: { vi: "Tệp", en: "File" },
  consAgency: { vi: "Cơ quan", en: "Agency" },
  consOutcome: { vi: "Kết quả", en: "Outcome" },
  consReasons: { vi: "Lý do", en: "Reasons" },
  consReturn: { vi: "Trả lại", en: "Return" },
  consReturnReason: { vi: "Lý do trả lại", en: "Reason for returning" },
  consReturnConfirm: { vi: "Xác nhận trả lại", en: "Confirm return" },
  consCancel: { vi: "Hủy", en: "Cancel" },
  consReturned: { vi: "Đã trả lại", en: "Returned" },
  consSummary: {
    vi: "Tiếp nhận {a}, từ chối {r}, xung đột {c}, chưa nộp {m}",
    en: "Accepted {a}, rejected {r}, conflicts {c}, missing {m}",
  },
  consPrior: {
    vi: "Workbook này đã có bảng tổng hợp kỳ {p}: sẽ tổng hợp tiếp vào đó.",
    en: "This workbook holds the {p} rollup: merging into it.",
  },
  tplPeriod: { vi: "Kỳ báo cáo (vd. 2023-Q2, 2023-H1, 2023)", en: "Period (e.g. 2023-Q2, 2023-H1, 2023)" },
  tplAgency: { vi: "Cơ quan", en: "Agency" },
  tplAll: { vi: "Tất cả cơ quan có nhiệm vụ", en: "All agencies with tasks" },
  tplDownload: { vi: "Tải về", en: "Download" },
  tplNewWorkbook: { vi: "Mở trong workbook mới", en: "Open in a new workbook" },
  tplDone: { vi: "Đã tạo {n} biểu mẫu.", en: "Created {n} templates." },
  tplOpened: {
    vi: "Đã mở biểu mẫu trong một workbook mới: lưu nó bằng Tệp › Lưu thành.",
    en: "The template is open in a new workbook: save it with File › Save As.",
  },
  tplOpenedCombined: {
    vi: "Đã mở một workbook mới gồm biểu mẫu của {n} cơ quan (sheet Danh sách liệt kê các sheet của từng cơ quan).",
    en: "Opened one new workbook with the templates of {n} agencies (the Danh sách sheet lists each agency's sheets).",
  },
  tplNoDownload: {
    vi: "Excel này không tải tệp về được từ ngăn bổ trợ; để có từng tệp riêng, chọn từng cơ quan, hoặc dùng Excel trên web hay trên Windows.",
    en: "This Excel cannot download files from an add-in pane; for separate files choose one agency at a time, or use Excel on the web or on Windows.",
  },

  badPeriod: { vi: "Kỳ báo cáo không hợp lệ", en: "Invalid period" },
} as const;

export type StringKey = keyof typeof STRINGS;

export const LangContext = createContext<Lang>("vi");

/** A translator for the current language; `{name}` placeholders are filled from `vars`. */
export function useT(): (key: StringKey, vars?: Record<string, string | number>) => string {
  const lang = useContext(LangContext);
  return (key, vars) => {
    let s: string = STRINGS[key][lang];
    for (const [k, v] of Object.entries(vars ?? {})) s = s.replace(`{${k}}`, String(v));
    return s;
  };
}

/** The current language. */
export const useLang = (): Lang => useContext(LangContext);
