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
  consWrite: { vi: "Ghi bảng tổng hợp vào workbook này", en: "Write the rollup into this workbook" },
  consWriteDownload: { vi: "Tải về bảng tổng hợp (.xlsx)", en: "Download the rollup (.xlsx)" },
  dropHint: { vi: "hoặc kéo thả tệp vào đây", en: "or drop files here" },
  openPick: {
    vi: "Chọn tệp báo cáo cần kiểm tra (.xlsx)…",
    en: "Pick a report file to validate (.xlsx)…",
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
  consAgency: { vi: "Cơ quan", en: "Agency" },
  consOutcome: { vi: "Kết quả", en: "Outcome" },
  consReturn: { vi: "Trả lại", en: "Return" },
  consReturnReason: { vi: "Lý do trả lại", en: "Reason for returning" },
  consReturnConfirm: { vi: "Xác nhận trả lại", en: "Confirm return" },
  consCancel: { vi: "Hủy", en: "Cancel" },
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
  tplDownloadCheck: {
    vi: "Tệp {f} được tải về thư mục Tải về; nếu không thấy, bấm Mở trong workbook mới.",
    en: "{f} is downloaded to your Downloads folder; if it is not there, use Open in a new workbook.",
  },
  tplNoDownload: {
    vi: "Excel này không tải tệp về được từ ngăn bổ trợ; để có từng tệp riêng, chọn từng cơ quan, hoặc dùng Excel trên web hay trên Windows.",
    en: "This Excel cannot download files from an add-in pane; for separate files choose one agency at a time, or use Excel on the web or on Windows.",
  },

  pickedCount: { vi: "Đã chọn {n} tệp", en: "{n} files picked" },
  pickedShow: { vi: "Xem danh sách", en: "Show the list" },
  pickedHide: { vi: "Ẩn danh sách", en: "Hide the list" },
  pickedClear: { vi: "Bỏ chọn tất cả", en: "Clear all" },
  pickedRemove: { vi: "Bỏ tệp {f}", en: "Remove {f}" },
  groupedCount: { vi: "{n} mục:", en: "{n} items:" },
  groupedMore: { vi: "(và {n} mục tương tự — bấm để xem)", en: "(and {n} similar — click to see)" },
  groupedOpen: { vi: "(bấm để xem từng mục)", en: "(click to see each)" },
  validateExpected: { vi: "Kỳ đang kiểm tra", en: "Period being checked" },
  periodMismatch: {
    vi: "Báo cáo này là {r}, không phải kỳ đang kiểm tra ({e}).",
    en: "This report is for {r}, not the period being checked ({e}).",
  },
  periodMismatchTodo: {
    vi: "Nếu cần kiểm tra kỳ khác, hãy chọn kỳ ở trên; nếu không, hãy đề nghị cơ quan gửi báo cáo đúng kỳ.",
    en: "To check another period, choose it above; otherwise ask the agency for the report of this period.",
  },
  periodMismatchSo: { vi: "Do sai kỳ, còn có:", en: "Because of the wrong period, also:" },
  validateOf: { vi: "Kết quả kiểm tra: {f}", en: "Validation of {f}" },
  validateResult: { vi: "Kết quả kiểm tra", en: "Validation result" },
  validateNoErrors: {
    vi: "Không có lỗi; báo cáo có thể nộp. Xem các cảnh báo bên dưới.",
    en: "No errors; the report can be sent. See the warnings below.",
  },
  validateHintWeb: {
    vi: "Sửa các ô được nêu trong tệp rồi chọn lại tệp để kiểm tra lại. Bấm một vấn đề để xem giá trị ô.",
    en: "Fix the cells named in the file, then pick it again to re-check. Click a problem to see the cell's value.",
  },
  unknown: { vi: "không xác định", en: "unknown" },
  reportPeriod: { vi: "Kỳ báo cáo", en: "Period" },
  blankReport: { vi: "Báo cáo chưa được điền.", en: "The report has not been filled in." },
  blankReportHint: {
    vi: "Chưa nhập tình trạng của {n} nhiệm vụ và {f} số liệu. Hãy điền báo cáo rồi kiểm tra lại.",
    en: "None of the {n} tasks has a status and none of the {f} figures a value. Fill in the report, then validate again.",
  },
  blankShowAll: { vi: "Xem chi tiết {n} mục còn thiếu", en: "See the {n} missing items" },
  filterLabel: { vi: "Lọc theo kết quả", en: "Filter by outcome" },
  filterAll: { vi: "Tất cả", en: "All" },
  filterRejected: { vi: "Bị từ chối", en: "Rejected" },
  filterWarnings: { vi: "Cần xem", en: "Warnings" },
  filterAccepted: { vi: "Tiếp nhận", en: "Accepted" },
  filterNone: { vi: "Không có tệp nào ở mục này.", en: "No files here." },
  andMore: { vi: "… và {n} lý do khác", en: "… and {n} more" },
  showMore: { vi: "Xem thêm {n} (còn {left})", en: "Show {n} more ({left} left)" },
  consOutcomeTitle: { vi: "Từng tệp", en: "File by file" },
  consIgnored: {
    vi: "{n} tệp trùng hoặc bản cũ hơn (bỏ qua, không ảnh hưởng kết quả)",
    en: "{n} duplicates or older versions (skipped, no effect)",
  },
  consIgnoredList: { vi: "Tệp trùng hoặc bản cũ hơn", en: "Duplicates and older versions" },
  consRun: { vi: "Kiểm tra và tổng hợp", en: "Check and consolidate" },
  consRerun: { vi: "Chạy lại", en: "Run again" },
  consCancelRun: { vi: "Dừng", en: "Stop" },
  consReading: { vi: "Đang đọc {d}/{n} tệp", en: "Reading {d}/{n} files" },
  consSummaryTitle: { vi: "Tổng hợp {p}", en: "Rollup {p}" },
  consNoMerge: { vi: "Chưa tổng hợp được", en: "Nothing consolidated" },
  consProgressDetails: { vi: "Tiến độ đọc từng tệp ({n})", en: "Reading progress per file ({n})" },
  sumAccepted: { vi: "tiếp nhận", en: "accepted" },
  sumRejected: { vi: "bị từ chối", en: "rejected" },
  sumMissing: { vi: "chưa nộp", en: "missing" },
  sumConflict: { vi: "xung đột", en: "conflicts" },
  sumHeadline: {
    vi: "Hoàn thành nhiệm vụ: {c}. Đã nhận báo cáo của {a}/{e} cơ quan.",
    en: "Tasks done: {c}. Reports received from {a}/{e} agencies.",
  },
  targetLabel: { vi: "Bảng tổng hợp đã có", en: "Earlier rollup" },
  targetNew: { vi: "Tạo bảng tổng hợp mới", en: "Make a new rollup" },
  targetMerge: {
    vi: "Cộng dồn vào bảng tổng hợp đã có: {f} — {p}, {n} cơ quan",
    en: "Merge into the earlier rollup: {f} — {p}, {n} agencies",
  },
  targetWorkbook: { vi: "bảng trong workbook này", en: "the one in this workbook" },
  chartNoData: { vi: "chưa có số liệu", en: "no data" },
  chartDashNote: {
    vi: "“—”: chưa có số liệu để tính tỷ lệ.",
    en: "“—”: no figures to compute a share from.",
  },
  chartAsTable: { vi: "Xem dạng bảng", en: "Show as a table" },
  chartItem: { vi: "Mục", en: "Item" },
  chartShare: { vi: "Tỷ lệ", en: "Share" },
  planFailedFile: { vi: "Không dùng được {f} làm kế hoạch.", en: "{f} cannot be used as the plan." },
  planFailedWorkbook: {
    vi: "Không đọc được kế hoạch từ workbook này.",
    en: "Cannot read a plan from this workbook.",
  },
  planKept: { vi: "Vẫn dùng kế hoạch đang có.", en: "The plan in use is kept." },
  planFailedProblems: { vi: "Chi tiết ({n} vấn đề)", en: "Details ({n} problems)" },
  tplMaking: { vi: "Đang tạo biểu mẫu {d}/{n}", en: "Making templates {d}/{n}" },
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

/** A string in both languages (for messages kept in state across a language switch). */
export function say(key: StringKey, vars?: Record<string, string | number>): { vi: string; en: string } {
  const fill = (s: string) => {
    for (const [k, v] of Object.entries(vars ?? {})) s = s.replace(`{${k}}`, String(v));
    return s;
  };
  return { vi: fill(STRINGS[key].vi), en: fill(STRINGS[key].en) };
}

/** The current language. */
export const useLang = (): Lang => useContext(LangContext);
