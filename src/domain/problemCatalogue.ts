// The problem catalogue: every code the product reports, with its severity, its Vietnamese and English
// message templates (typed parameters) and what the user should do. Call sites pass a code and
// parameters (problem.ts); messages are rendered here, as zod separates issue codes from locale text.
// Messages name things as users know them: indicators by their Vietnamese name and unit, tasks by code
// and title, agencies by name, dates dd/mm/yyyy, numbers in Vietnamese format. The code stays data.
// docs/FORMAT.md's problem-code table is generated from this file (tests/docs/format.test.ts).
import type { CivilDate } from "./civilDate";
import type { DataFault, DataIssue, DataTable, SchemaDetail } from "./dataIssue";
import type { DeadlineFailure } from "./deadline";
import { periodLabelEn, periodLabelVi, type Period, type PeriodFailure } from "./period";
import { formatVnDate } from "./text/vnDate";
import { formatVnNumber } from "./text/vnNumber";

export type Severity = "error" | "warning" | "info";

/** An indicator as users know it; `name` is the Vietnamese name, `name_en` when known. */
export interface IndicatorRef {
  readonly code: string;
  readonly name: string;
  readonly name_en?: string;
  readonly unit: string;
}
/** A plan task: code and title. */
export interface TaskRef {
  readonly code: string;
  readonly title: string;
}
/** An agency: code and name. */
export interface AgencyRef {
  readonly code: string;
  readonly name: string;
}

/** Where a problem belongs, for the documentation table. */
export type ProblemTopic =
  "file" | "structure" | "info" | "identity" | "tasks" | "figures" | "text" | "rollup" | "plan";

interface Entry<P> {
  readonly severity: Severity;
  /** Other severities a call site may give (e.g. a blank preparer is only a warning). */
  readonly also?: readonly Severity[];
  readonly topic: ProblemTopic;
  /** One line for docs/FORMAT.md. */
  readonly meaning: string;
  readonly vi: (p: P) => string;
  readonly en: (p: P) => string;
  /** What the user should do; appended to the message. */
  readonly todo_vi: string | ((p: P) => string);
  readonly todo_en: string | ((p: P) => string);
  /** Many of this kind in one list, after their count ("36 nhiệm vụ: …"): how a list groups repeats. */
  readonly many_vi?: string;
  readonly many_en?: string;
}

type None = Record<string, never>;
const def = <P = None>(e: Entry<P>): Entry<P> => e;

// ---- how things are named ----------------------------------------------------------------------
const clip = (s: string, n = 70): string => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);
/** "Số hồ sơ đã giải quyết" (hồ sơ) */
export const indVi = (i: IndicatorRef): string => `"${i.name || i.code}" (${i.unit})`;
export const indEn = (i: IndicatorRef): string => `"${i.name_en || i.name || i.code}" (${i.unit})`;
/** I.2 "Ban hành kế hoạch CCHC năm 2023" */
export const taskName = (t: TaskRef): string => (t.title ? `${t.code} "${clip(t.title)}"` : t.code);
const date = (d: CivilDate): string => formatVnDate(d);
const vn = (n: number, digits = 0): string => formatVnNumber(n, { digits });
/** English grouping: 1,652.5 */
export const enNumber = (n: number, digits = 0): string =>
  formatVnNumber(n, { digits }).replace(/[.,]/g, (c) => (c === "." ? "," : "."));
const vnPct = (f: number, digits: number): string => formatVnNumber(f, { percent: true, digits });
const enPct = (f: number, digits: number): string => `${(f * 100).toFixed(digits)}%`;
const list = (xs: readonly string[]): string => xs.join(", ");

// ---- what a message tells the user to use, as each host offers it ---------------------------------
export type Host = "cli" | "taskpane";

/**
 * Actions a message points to, in the CLI's words (a command) and the taskpane's (a tab, a button).
 * Messages are rendered in the CLI's words; `problemForHost` (problem.ts) swaps in the taskpane's, so
 * no taskpane user is told to run a command. Each CLI wording is distinctive enough to swap exactly.
 */
export const ACTIONS = {
  template: {
    cli: { vi: "(lệnh cchc template)", en: "(the cchc template command)" },
    taskpane: { vi: '(thẻ "Biểu mẫu")', en: '(the "Templates" tab)' },
  },
  examplePlan: {
    cli: { vi: "(xem examples/plan-2023.xlsx)", en: "(see examples/plan-2023.xlsx)" },
    taskpane: {
      vi: '(xem kế hoạch mẫu: thẻ "Kế hoạch", nút "Dùng kế hoạch mẫu")',
      en: '(see the example plan: the "Plan" tab, "Use the example plan")',
    },
  },
  period: {
    cli: { vi: "hãy chỉ định --period, ví dụ --period 2023", en: "pass --period, e.g. --period 2023" },
    taskpane: { vi: "hãy nhập kỳ, ví dụ 2023 hoặc 2023-Q2", en: "enter one, e.g. 2023 or 2023-Q2" },
  },
  planNew: {
    cli: { vi: "lệnh `cchc plan new`", en: "the `cchc plan new` command" },
    taskpane: { vi: 'thẻ "Kế hoạch", nút "Tạo kế hoạch năm …"', en: 'the "Plan" tab, "Make the … plan"' },
  },
} as const satisfies Record<string, Record<Host, { vi: string; en: string }>>;

/** A message's text as one host names things (messages are rendered in the CLI's words). */
export function textForHost(text: string, lang: "vi" | "en", host: Host): string {
  if (host === "cli") return text;
  let out = text;
  for (const a of Object.values(ACTIONS)) out = out.split(a.cli[lang]).join(a[host][lang]);
  return out;
}

const STATUS_TODO_VI = (s: string) => `Chọn một trong: ${s}.`;
const ROLE_VI = { lead: "chủ trì", coordinate: "phối hợp" } as const;
const ROLE_EN = { lead: "lead", coordinate: "coordinate" } as const;

// ---- why a period or a deadline phrase cannot be read (the parsers return these as data) ----------
type Bilingual = { readonly vi: string; readonly en: string };

/** The reason a reporting period cannot be read, in both languages. */
export function periodReason(r: PeriodFailure): Bilingual {
  switch (r.kind) {
    case "not_integer":
      return { vi: "năm không hợp lệ, phải là số nguyên", en: "not a valid year: it must be a whole number" };
    case "not_text":
      return { vi: "kỳ báo cáo phải là chữ hoặc số năm", en: "a period must be text or a year number" };
    case "too_long":
      return { vi: "kỳ báo cáo quá dài", en: "period text is too long" };
    case "empty":
      return { vi: "kỳ báo cáo để trống", en: "period is empty" };
    case "year_range":
      return {
        vi: `năm ${r.year} nằm ngoài khoảng ${r.min}–${r.max}`,
        en: `year ${r.year} is outside ${r.min}–${r.max}`,
      };
    case "unknown":
      return {
        vi: 'không hiểu kỳ báo cáo; dùng dạng "Quý II/2023", "6 tháng đầu năm 2023", "9 tháng năm 2023", "Năm 2023" hoặc mã "2023-Q2", "2023-H1", "2023-9M", "2023"',
        en: 'cannot understand the period; use "Quý II/2023", "6 tháng đầu năm 2023", "9 tháng năm 2023", "Năm 2023" or a code "2023-Q2", "2023-H1", "2023-9M", "2023"',
      };
  }
}

const DEADLINE_FORMS =
  '"Quý IV năm 2022", "Quý I/2023", "Quý II, III năm 2023", "Tháng 01/2023", "Năm 2023", "6 tháng đầu năm 2023", "Trước ngày 15/3/2023", "Thường xuyên", "Định kỳ trong năm", "Theo BC CCHC định kỳ", "Sau khi …", "Theo quy định …", "Theo yêu cầu"';

/** The reason a deadline phrase cannot be read, in both languages. */
export function deadlineReason(r: DeadlineFailure): Bilingual {
  const inVi = (w: string | null) => (w ? ` (trong "${w}")` : "");
  const inEn = (w: string | null) => (w ? ` (in "${w}")` : "");
  switch (r.kind) {
    case "too_long":
      return { vi: `thời hạn dài quá ${r.max} ký tự`, en: `deadline is longer than ${r.max} characters` };
    case "empty":
      return { vi: "thời hạn hoàn thành để trống", en: "deadline is empty" };
    case "bad_quarter":
      return {
        vi: `quý không hợp lệ: "${r.rest}"${inVi(r.whole)}; chỉ có quý I–IV`,
        en: `invalid quarter: "${r.rest}"${inEn(r.whole)}; only I–IV`,
      };
    case "bad_month":
      return {
        vi: `tháng không hợp lệ: "${r.rest}"${inVi(r.whole)}; chỉ có tháng 1–12`,
        en: `invalid month: "${r.rest}"${inEn(r.whole)}; only 1–12`,
      };
    case "unknown":
      return {
        vi: `không hiểu thời hạn "${r.rest}"${inVi(r.whole)}; các dạng được hiểu: ${DEADLINE_FORMS}`,
        en: `cannot understand deadline "${r.rest}"${inEn(r.whole)}; understood forms: ${DEADLINE_FORMS}`,
      };
    case "no_year":
      return {
        vi: `"${r.clause}" không ghi năm và không có năm kế hoạch để suy ra`,
        en: `"${r.clause}" names no year and no plan year was given`,
      };
    case "year_range":
      return {
        vi: `năm ${r.year} nằm ngoài khoảng ${r.min}–${r.max}`,
        en: `year ${r.year} is outside ${r.min}–${r.max}`,
      };
    case "bad_date":
      return { vi: `ngày không hợp lệ: ${r.date}`, en: `not a valid date: ${r.date}` };
  }
}

// ---- what is wrong with the plan's data (the loaders return these as data) --------------------------

const TYPE_VI: Record<string, string> = {
  string: "chữ",
  number: "số",
  boolean: "TRUE hoặc FALSE",
  array: "danh sách JSON [ … ]",
  object: "đối tượng JSON { … }",
};
const TYPE_EN: Record<string, string> = {
  string: "text",
  number: "a number",
  boolean: "TRUE or FALSE",
  array: "a JSON list [ … ]",
  object: "a JSON object { … }",
};

function schemaText(d: SchemaDetail): Bilingual {
  switch (d.code) {
    case "missing":
      return { vi: "thiếu giá trị bắt buộc", en: "a required value is missing" };
    case "type":
      return {
        vi: `phải là ${TYPE_VI[d.expected] ?? d.expected}`,
        en: `must be ${TYPE_EN[d.expected] ?? d.expected}`,
      };
    case "too_small":
      return d.origin === "string" && d.minimum <= 1
        ? { vi: "không được để trống", en: "must not be empty" }
        : d.origin === "array"
          ? { vi: `cần ít nhất ${d.minimum} phần tử`, en: `needs at least ${d.minimum} items` }
          : { vi: `phải từ ${vn(d.minimum)} trở lên`, en: `must be at least ${enNumber(d.minimum)}` };
    case "too_big":
      return d.origin === "array" || d.origin === "string"
        ? { vi: `dài quá ${d.maximum}`, en: `longer than ${d.maximum}` }
        : { vi: `không được lớn hơn ${vn(d.maximum)}`, en: `must be at most ${enNumber(d.maximum)}` };
    case "format":
      return d.format === "code"
        ? {
            vi: "mã chỉ gồm chữ in hoa không dấu, chữ số và dấu _",
            en: "codes are upper-case ASCII letters, digits and _",
          }
        : d.format === "date"
          ? { vi: "phải là ngày dạng YYYY-MM-DD", en: "must be a date YYYY-MM-DD" }
          : { vi: "sai định dạng", en: "has the wrong form" };
    case "value":
      return { vi: `phải là một trong: ${list(d.values)}`, en: `must be one of: ${list(d.values)}` };
    case "keys":
      return { vi: `cột không dùng được: ${list(d.keys)}`, en: `unknown columns: ${list(d.keys)}` };
    case "other":
      return { vi: "giá trị không hợp lệ", en: "invalid value" };
  }
}

function faultText(f: DataFault): Bilingual {
  switch (f.kind) {
    case "schema":
      return schemaText(f.detail);
    case "duplicate":
      return { vi: "mã bị trùng", en: "duplicate code" };
    case "unknown_ref": {
      const of = {
        agency: ["cơ quan", "agency"],
        group: ["nhóm", "group"],
        indicator: ["chỉ tiêu", "indicator"],
      }[f.of];
      return { vi: `không có ${of[0]} "${f.ref}"`, en: `unknown ${of[1]} "${f.ref}"` };
    }
    case "self_ref":
      return { vi: "trỏ về chính nó", en: "refers to itself" };
    case "cycle":
      return { vi: "chuỗi liên kết quay vòng về chính nó", en: "the chain leads back to itself" };
    case "ends_before_start":
      return { vi: "ngày kết thúc trước ngày bắt đầu", en: "ends before it starts" };
    case "history_overlap":
      return {
        vi: `giai đoạn ${f.entry + 1} và ${f.entry + 2} chồng lên nhau hoặc không có ngày kết thúc`,
        en: `entries ${f.entry + 1} and ${f.entry + 2} overlap or are open-ended`,
      };
    case "history_first_parent":
      return {
        vi: "khác cơ quan cấp trên của giai đoạn đầu tiên",
        en: "differs from the first entry's parent",
      };
    case "no_successors":
      return {
        vi: `kết thúc ngày ${f.ended} mà không ghi đơn vị kế thừa (ghi các đơn vị, hoặc [] nếu không có)`,
        en: `ended on ${f.ended} without successors (list them, or [] if none)`,
      };
    case "successors_without_end":
      return {
        vi: "có đơn vị kế thừa nhưng không có ngày kết thúc (validTo)",
        en: "has successors but no validTo",
      };
    case "successor_absent":
      return {
        vi: `đơn vị kế thừa ${f.ref} không tồn tại vào ngày ${f.day}`,
        en: `successor ${f.ref} does not exist on ${f.day}`,
      };
    case "name_shared":
      return {
        vi: `tên "${f.name}" trùng với ${f.with} trong cùng thời gian`,
        en: `name "${f.name}" is shared with ${f.with}`,
      };
    case "phrase_shared":
      return {
        vi: `cụm từ "${f.phrase}" đã dùng cho nhóm "${f.with}"`,
        en: `phrase "${f.phrase}" also used by "${f.with}"`,
      };
    case "phrase_is_agency":
      return {
        vi: `cụm từ "${f.phrase}" cũng là tên một cơ quan`,
        en: `phrase "${f.phrase}" is also an agency name`,
      };
    case "rate_parts_missing":
      return { vi: "tỷ lệ cần có tử số và mẫu số", en: "a rate needs a numerator and a denominator" };
    case "rate_as_figure":
      return { vi: `${f.ref} là tỷ lệ, không phải số liệu`, en: `${f.ref} is a rate, not a figure` };
    case "not_a_rate":
      return { vi: "chỉ tỷ lệ mới có tử số, mẫu số", en: "only a rate has a numerator or denominator" };
    case "same_both":
      return { vi: "hai vế là cùng một chỉ tiêu", en: "both sides are the same indicator" };
    case "option_not_in_force":
      return {
        vi: "mẫu số không thuộc các lựa chọn của thiết lập",
        en: "the denominator is none of the setting's options",
      };
    case "part_twice":
      return { vi: "một phần được ghi hai lần", en: "a part is listed twice" };
    case "whole_is_part":
      return { vi: "tổng cũng là một phần của chính nó", en: "the whole is one of its parts" };
    case "unit_mismatch":
      return {
        vi: `${f.part} tính bằng ${f.partUnit}, tổng tính bằng ${f.wholeUnit}`,
        en: `${f.part} is in ${f.partUnit}, the whole in ${f.wholeUnit}`,
      };
    case "sum_cycle":
      return {
        vi: "một chỉ tiêu (gián tiếp) là phần của chính nó",
        en: "a figure is (indirectly) a part of itself",
      };
    case "second_ceiling":
      return { vi: "chỉ tiêu đã có mức trần khác", en: "a second ceiling for the same indicator" };
    case "ceiling_too_high":
      return {
        vi: "mức trần vượt 2^53, nơi số không còn chính xác",
        en: "above 2^53, where figures stop being exact",
      };
    case "role_taken":
      return { vi: `vai trò ${f.role} đã thuộc ${f.by}`, en: `role ${f.role} is already ${f.by}'s` };
    case "role_kind":
      return {
        vi: `vai trò ${f.role} cần một ${f.needs === "rate" ? "tỷ lệ" : "số liệu"}`,
        en: `role ${f.role} needs a ${f.needs}`,
      };
    case "quarter_number":
      return {
        vi: "kỳ quý (và chỉ kỳ quý) cần số quý",
        en: "a quarter (and only a quarter) needs its number",
      };
    case "same_period":
      return { vi: `cùng kỳ với ${f.as}`, en: `same period as ${f.as}` };
  }
}

const TABLE_VI: Record<DataTable, string> = {
  agencies: "cơ quan",
  groups: "nhóm",
  indicators: "chỉ tiêu",
  sums: "quy tắc tổng",
  limits: "quy tắc phần ≤ tổng",
  ceilings: "mức trần",
  rows: "kỳ báo cáo",
};
const TABLE_EN: Record<DataTable, string> = {
  agencies: "agency",
  groups: "group",
  indicators: "indicator",
  sums: "sum rule",
  limits: "limit rule",
  ceilings: "ceiling",
  rows: "period",
};

/** A plan-data issue in both languages: which record and column, then what is wrong. */
export function dataIssueText(d: DataIssue): Bilingual {
  const f = faultText(d.fault);
  const rec = (t: string) =>
    d.table === null
      ? ""
      : `${t}${d.record ? ` ${d.table === "groups" ? `"${d.record}"` : d.record}` : d.index !== null ? ` #${d.index + 1}` : ""}`;
  // A field of the document itself (schemaVersion) is named alone; a record's field is its column.
  const field = (column: string) => (d.field ? (d.table ? `${column} ${d.field}` : d.field) : "");
  const viWhere = [d.table ? rec(TABLE_VI[d.table]) : "", field("cột")].filter(Boolean);
  const enWhere = [d.table ? rec(TABLE_EN[d.table]) : "", field("column")].filter(Boolean);
  return {
    vi: viWhere.length ? `${viWhere.join(", ")}: ${f.vi}` : f.vi,
    en: enWhere.length ? `${enWhere.join(", ")}: ${f.en}` : f.en,
  };
}

interface FileP {
  file: string;
  /** A short detail shown in brackets ("120 MB > 50 MB"). */
  detail?: string;
  detailEn?: string;
}
const det = (d?: string): string => (d ? ` (${d})` : "");

export const PROBLEMS = {
  // ---- files ----
  NOT_XLSX: def<FileP>({
    severity: "error",
    topic: "file",
    meaning: "not an .xlsx workbook",
    vi: (p) => `Tệp ${p.file} không phải là sổ tính Excel .xlsx${det(p.detail)}.`,
    en: (p) => `${p.file} is not an Excel .xlsx workbook${det(p.detailEn ?? p.detail)}.`,
    todo_vi: `Hãy mở tệp bằng Excel và lưu lại dưới dạng "Excel Workbook (*.xlsx)".`,
    todo_en: `Open it in Excel and save it as "Excel Workbook (*.xlsx)".`,
  }),
  LEGACY_XLS: def<FileP>({
    severity: "error",
    topic: "file",
    meaning: "an old-format .xls file",
    vi: (p) => `Tệp ${p.file} là định dạng Excel cũ (.xls).`,
    en: (p) => `${p.file} is an old-format Excel file (.xls).`,
    todo_vi: `Hãy mở tệp bằng Excel và lưu lại dưới dạng "Excel Workbook (*.xlsx)".`,
    todo_en: `Open it in Excel and save it as "Excel Workbook (*.xlsx)".`,
  }),
  ENCRYPTED: def<FileP>({
    severity: "error",
    topic: "file",
    meaning: "password-protected",
    vi: (p) => `Tệp ${p.file} được đặt mật khẩu mở tệp.`,
    en: (p) => `${p.file} is password-protected.`,
    todo_vi: "Hãy gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu) rồi gửi lại.",
    todo_en:
      "Remove the password (File › Info › Protect Workbook › Encrypt with Password) and send it again.",
  }),
  TRUNCATED: def<FileP>({
    severity: "error",
    topic: "file",
    meaning: "damaged or incompletely downloaded",
    vi: (p) => `Tệp ${p.file} bị hỏng hoặc chưa tải về hết (thiếu phần cuối tệp).`,
    en: (p) => `${p.file} is damaged or incompletely downloaded (its end is missing).`,
    todo_vi: "Hãy tải lại hoặc xin gửi lại tệp.",
    todo_en: "Download it again or ask for a new copy.",
  }),
  NOT_FOUND: def<FileP>({
    severity: "error",
    topic: "file",
    meaning: "no file at that path",
    vi: (p) => `Không tìm thấy tệp ${p.file}.`,
    en: (p) => `${p.file} was not found.`,
    todo_vi: "Hãy kiểm tra tên tệp và thư mục (gõ đúng đường dẫn, có dấu), rồi thử lại.",
    todo_en: "Check the file name and folder (the exact path, with its diacritics), then retry.",
  }),
  EMPTY_FILE: def<FileP>({
    severity: "error",
    topic: "file",
    meaning: "0 bytes",
    vi: (p) => `Tệp ${p.file} rỗng (0 byte).`,
    en: (p) => `${p.file} is empty (0 bytes).`,
    todo_vi: "Hãy kiểm tra lại tệp đã gửi.",
    todo_en: "Check the file that was sent.",
  }),
  TOO_LARGE: def<FileP>({
    severity: "error",
    topic: "file",
    meaning: "above the size limits (docs/LIMITS.md)",
    vi: (p) => `Tệp ${p.file} quá lớn${det(p.detail)}.`,
    en: (p) => `${p.file} is too large${det(p.detailEn ?? p.detail)}.`,
    todo_vi: "Hãy xóa các trang tính, hình ảnh hoặc dòng thừa rồi gửi lại.",
    todo_en: "Remove extra sheets, pictures or rows and send it again.",
  }),
  UNREADABLE: def<FileP>({
    severity: "error",
    topic: "file",
    meaning: "the .xlsx cannot be parsed",
    vi: (p) => `Không đọc được tệp ${p.file}${det(p.detail)}.`,
    en: (p) => `${p.file} could not be read${det(p.detailEn ?? p.detail)}.`,
    todo_vi: "Hãy mở tệp bằng Excel, lưu lại dưới dạng .xlsx rồi thử lại.",
    todo_en: "Open it in Excel, save it again as .xlsx and retry.",
  }),
  FILE_CHECK_FAILED: def<{ file: string; detail: string }>({
    severity: "error",
    topic: "file",
    meaning:
      "checking the file failed unexpectedly (a program error): the file is rejected, the others merge",
    vi: (p) =>
      `Không kiểm tra được tệp ${p.file} do lỗi của chương trình (${p.detail}). Tệp này không được tổng hợp lần này; các tệp khác vẫn được tổng hợp.`,
    en: (p) =>
      `Could not check ${p.file} because of a program error (${p.detail}). This file was left out of this consolidation; the other files were consolidated.`,
    todo_vi: "Xin báo lỗi cho bộ phận hỗ trợ, gửi kèm tệp này.",
    todo_en: "Please report the error to support, with this file.",
  }),
  FILE_UNREADABLE: def<FileP>({
    severity: "error",
    topic: "file",
    meaning: "the file cannot be opened at all (missing, no permission, unexpected failure)",
    vi: (p) => `Không đọc được tệp ${p.file}${det(p.detail)}.`,
    en: (p) => `Cannot read ${p.file}${det(p.detailEn ?? p.detail)}.`,
    todo_vi: "Hãy kiểm tra tệp còn đó và mở được bằng Excel, rồi thử lại.",
    todo_en: "Check that the file exists and opens in Excel, then retry.",
  }),

  // ---- structure ----
  WORKBOOK_EMPTY: def({
    severity: "error",
    topic: "structure",
    meaning: "no data at all",
    vi: () => "Tệp không có dữ liệu (workbook rỗng).",
    en: () => "The workbook is empty.",
    todo_vi: `Hãy tạo báo cáo từ biểu mẫu ${ACTIONS.template.cli.vi}.`,
    todo_en: `Generate the report from the template ${ACTIONS.template.cli.en}.`,
  }),
  SHEET_MISSING: def<{ sheet: string; of: "report" | "plan" }>({
    severity: "error",
    topic: "structure",
    meaning: "a required sheet is missing",
    vi: (p) => (p.of === "plan" ? `Tệp kế hoạch thiếu sheet "${p.sheet}".` : `Thiếu sheet "${p.sheet}".`),
    en: (p) =>
      p.of === "plan" ? `The plan workbook has no "${p.sheet}" sheet.` : `Sheet "${p.sheet}" is missing.`,
    todo_vi: (p) =>
      p.of === "plan"
        ? `Hãy dùng tệp kế hoạch đầy đủ ${ACTIONS.examplePlan.cli.vi}.`
        : `Hãy dùng biểu mẫu do hệ thống tạo ${ACTIONS.template.cli.vi}.`,
    todo_en: (p) =>
      p.of === "plan"
        ? `Use a complete plan workbook ${ACTIONS.examplePlan.cli.en}.`
        : `Use the generated template ${ACTIONS.template.cli.en}.`,
  }),
  HEADER_NOT_FOUND: def<{ sheet: string; expected: readonly string[] }>({
    severity: "error",
    topic: "structure",
    meaning: "no header row in the first 20 rows",
    vi: (p) => `Không tìm thấy dòng tiêu đề trong sheet "${p.sheet}" (cần các cột: ${list(p.expected)}).`,
    en: (p) => `No header row found in sheet "${p.sheet}" (expected columns: ${list(p.expected)}).`,
    todo_vi: "Hãy khôi phục dòng tiêu đề như trong biểu mẫu.",
    todo_en: "Restore the header row as in the template.",
  }),
  COLUMN_MISSING: def<{ sheet: string; column: string; row: number }>({
    severity: "error",
    topic: "structure",
    meaning: "a required column is missing",
    vi: (p) => `Thiếu cột "${p.column}" ở dòng tiêu đề ${p.row} của sheet "${p.sheet}".`,
    en: (p) => `Column "${p.column}" is missing from header row ${p.row} of sheet "${p.sheet}".`,
    todo_vi: (p) => `Hãy thêm cột "${p.column}" (hoặc sửa lại tiêu đề cột) như trong biểu mẫu.`,
    todo_en: (p) => `Add the "${p.column}" column (or fix its header) as in the template.`,
  }),
  HEADER_TYPO: def<{ text: string; expected: string }>({
    severity: "warning",
    topic: "structure",
    meaning: "a header within 1–2 letters of a known one; read anyway",
    vi: (p) => `Tiêu đề cột "${p.text}" gần giống "${p.expected}": đã hiểu là "${p.expected}".`,
    en: (p) => `Header "${p.text}" looks like "${p.expected}": read as "${p.expected}".`,
    todo_vi: (p) => `Nên sửa tiêu đề thành "${p.expected}".`,
    todo_en: (p) => `Please correct it to "${p.expected}".`,
  }),
  HEADER_MERGED: def<{ range: string }>({
    severity: "warning",
    topic: "structure",
    meaning: "merged header cells; read anyway",
    vi: (p) => `Ô tiêu đề bị gộp (${p.range}).`,
    en: (p) => `Header cells are merged (${p.range}).`,
    todo_vi: "Hãy bỏ gộp để mỗi cột có tiêu đề riêng.",
    todo_en: "Unmerge them so each column has its own header.",
  }),

  // ---- info sheet ----
  INFO_FIELD_MISSING: def<{ sheet: string; label: string; label_en: string }>({
    severity: "error",
    also: ["warning"],
    topic: "info",
    meaning: "a required row of `Thông tin` is missing (`Người lập`: warning)",
    vi: (p) => `Sheet "${p.sheet}" thiếu dòng "${p.label}".`,
    en: (p) => `Sheet "${p.sheet}" has no "${p.label_en}" row.`,
    todo_vi: (p) => `Hãy thêm dòng "${p.label}" và điền giá trị.`,
    todo_en: (p) => `Add a "${p.label}" row and fill it in.`,
  }),
  INFO_NOT_FILLED: def<{ sheet: string; label: string; label_en: string }>({
    severity: "error",
    also: ["warning"],
    topic: "info",
    meaning: "a required value of `Thông tin` is blank (`Người lập`: warning)",
    vi: (p) => `Chưa điền "${p.label}" ở sheet "${p.sheet}".`,
    en: (p) => `"${p.label_en}" is not filled in sheet "${p.sheet}".`,
    todo_vi: (p) => `Hãy điền "${p.label}".`,
    todo_en: (p) => `Fill in "${p.label_en}".`,
  }),

  // ---- identity ----
  NOT_A_REPORT: def<{ kind: string; sheet?: string; expected: string }>({
    severity: "error",
    topic: "identity",
    meaning: "another form (a rollup, a plan) was sent instead of a report",
    vi: (p) =>
      `Tệp này là "${p.kind}"${p.sheet ? ` (trang "${p.sheet}")` : ""}, không phải báo cáo của cơ quan ("${p.expected}").`,
    en: (p) =>
      `This file is "${p.kind}"${p.sheet ? ` (sheet "${p.sheet}")` : ""}, not an agency report ("${p.expected}").`,
    todo_vi: `Hãy gửi báo cáo lập từ biểu mẫu ${ACTIONS.template.cli.vi}.`,
    todo_en: `Send the report made from the template ${ACTIONS.template.cli.en}.`,
  }),
  FORM_VERSION_NEWER: def<{ version: string; supported: number }>({
    severity: "error",
    topic: "identity",
    meaning: "the form version is newer than the software",
    vi: (p) => `Biểu mẫu phiên bản ${p.version} mới hơn phần mềm (phiên bản ${p.supported}).`,
    en: (p) => `Form version ${p.version} is newer than this software supports (${p.supported}).`,
    todo_vi: "Hãy cập nhật phần mềm.",
    todo_en: "Update the software.",
  }),
  AGENCY_UNKNOWN: def<{ text: string; suggestion?: AgencyRef }>({
    severity: "error",
    topic: "identity",
    meaning: "the agency code is not in the registry (the code is the identity, even when the name is known)",
    vi: (p) =>
      `Không có cơ quan "${p.text}" trong danh mục cơ quan của kế hoạch.` +
      (p.suggestion ? ` Có phải ${p.suggestion.code} — ${p.suggestion.name}?` : ""),
    en: (p) =>
      `Agency "${p.text}" is not in the plan's agency registry.` +
      (p.suggestion ? ` Did you mean ${p.suggestion.code} — ${p.suggestion.name}?` : ""),
    todo_vi: "Hãy ghi đúng mã cơ quan như trong danh mục (biểu mẫu do hệ thống tạo đã ghi sẵn).",
    todo_en: "Type the agency code as in the registry (the generated template fills it in).",
  }),
  AGENCY_NAME_MISMATCH: def<{ name: string; agency: AgencyRef }>({
    severity: "warning",
    topic: "identity",
    meaning: "the agency name and code disagree (the code wins)",
    vi: (p) => `Tên cơ quan "${p.name}" không khớp với mã ${p.agency.code} (${p.agency.name}).`,
    en: (p) => `Agency name "${p.name}" does not match code ${p.agency.code} (${p.agency.name}).`,
    todo_vi: "Báo cáo được tính cho cơ quan theo mã; hãy sửa tên hoặc mã cho khớp.",
    todo_en: "The report counts for the agency of the code; correct the name or the code.",
  }),
  PERIOD_INVALID: def<{ text: string; reason: PeriodFailure }>({
    severity: "error",
    topic: "identity",
    meaning: "the reporting period cannot be read",
    vi: (p) => `Kỳ báo cáo "${p.text}" không hợp lệ (${periodReason(p.reason).vi}).`,
    en: (p) => `Reporting period "${p.text}" is not valid (${periodReason(p.reason).en}).`,
    todo_vi: "Ghi ví dụ: 2023-Q2, Quý II/2023, 6 tháng đầu năm 2023, Năm 2023.",
    todo_en: "Write e.g. 2023-Q2, 2023-H1, 2023.",
  }),
  PERIOD_UNDETERMINED: def<{ candidates: readonly Period[] }>({
    severity: "error",
    topic: "rollup",
    meaning: "no one period is reported by most accepted reports, and none was given",
    vi: (p) =>
      `Không xác định được kỳ tổng hợp${p.candidates.length ? ` (${p.candidates.map(periodLabelVi).join(", ")})` : ""};`,
    en: (p) =>
      `Cannot tell which period to consolidate${p.candidates.length ? ` (${p.candidates.map(periodLabelEn).join(", ")})` : ""};`,
    todo_vi: `${ACTIONS.period.cli.vi}.`,
    todo_en: `${ACTIONS.period.cli.en}.`,
  }),
  PERIOD_MISMATCH: def<{ reported: Period; expected: Period; file?: string }>({
    severity: "error",
    topic: "identity",
    meaning: "the report is for another period than the one consolidated",
    vi: (p) =>
      p.file
        ? `Tệp ${p.file} là báo cáo kỳ ${periodLabelVi(p.reported)}, nhưng bảng tổng hợp là kỳ ${periodLabelVi(p.expected)}.`
        : `Báo cáo kỳ ${periodLabelVi(p.reported)}, nhưng đang tổng hợp kỳ ${periodLabelVi(p.expected)}.`,
    en: (p) =>
      p.file
        ? `${p.file} reports ${periodLabelEn(p.reported)}, but the rollup is for ${periodLabelEn(p.expected)}.`
        : `The report is for ${periodLabelEn(p.reported)}, but ${periodLabelEn(p.expected)} is being consolidated.`,
    todo_vi: "Hãy kiểm tra kỳ báo cáo, hoặc gửi báo cáo đúng kỳ.",
    todo_en: "Check the reporting period, or send the report for the right period.",
  }),
  PERIOD_OUTSIDE_PLAN_YEAR: def<{ period: Period; planYear: number }>({
    severity: "error",
    topic: "identity",
    meaning: "the period is not in the plan year",
    vi: (p) => `Kỳ ${periodLabelVi(p.period)} không thuộc năm kế hoạch ${p.planYear}.`,
    en: (p) => `Period ${periodLabelEn(p.period)} is outside plan year ${p.planYear}.`,
    todo_vi: "Hãy sửa kỳ báo cáo hoặc dùng kế hoạch đúng năm.",
    todo_en: "Correct the period or use the plan of that year.",
  }),
  PLAN_YEAR_MISMATCH: def<{ year: number; planYear: number }>({
    severity: "error",
    topic: "identity",
    meaning: "the report follows another year's plan",
    vi: (p) => `Báo cáo theo kế hoạch năm ${p.year}, nhưng kế hoạch đang dùng là năm ${p.planYear}.`,
    en: (p) => `The report follows the ${p.year} plan, but the plan in use is for ${p.planYear}.`,
    todo_vi: "Hãy lập báo cáo từ biểu mẫu của kế hoạch đang dùng.",
    todo_en: "Make the report from the template of the plan in use.",
  }),
  PLAN_YEAR_INVALID: def<{ text: string }>({
    severity: "error",
    topic: "identity",
    meaning: "`Năm kế hoạch` is not a whole number",
    vi: (p) => `Năm kế hoạch "${p.text}" không phải số nguyên dương.`,
    en: (p) => `Plan year "${p.text}" is not a whole number.`,
    todo_vi: "Ghi năm bằng số, ví dụ 2023.",
    todo_en: "Write the year as a number, e.g. 2023.",
  }),
  VERSION_INVALID: def<{ text: string }>({
    severity: "error",
    topic: "identity",
    meaning: "`Lần gửi` is not a whole number",
    vi: (p) => `Lần gửi "${p.text}" không phải số nguyên dương.`,
    en: (p) => `Submission version "${p.text}" is not a whole number.`,
    todo_vi: "Ghi 1 cho lần gửi đầu, 2, 3 … cho các lần gửi lại.",
    todo_en: "Write 1 for the first submission, then 2, 3 … on each resubmission.",
  }),
  VERSION_OUT_OF_RANGE: def<{ version: number; max: number }>({
    severity: "error",
    topic: "identity",
    meaning: "`Lần gửi` outside 1–99 (a date typed as the number, 0)",
    vi: (p) =>
      `Lần gửi ${p.version} không hợp lệ: lần gửi là số thứ tự từ 1 đến ${p.max}, không phải ngày hay mã số.`,
    en: (p) =>
      `Submission number ${p.version} is not valid: it counts from 1 to ${p.max}, not a date or an id.`,
    todo_vi: "Ghi 1 cho lần gửi đầu, 2, 3 … cho các lần gửi lại.",
    todo_en: "Write 1 for the first submission, then 2, 3 … on each resubmission.",
  }),
  VERSION_HIGH: def<{ version: number; warnAbove: number }>({
    severity: "warning",
    topic: "identity",
    meaning: "`Lần gửi` above 20",
    vi: (p) => `Lần gửi ${p.version} lớn bất thường (quá ${p.warnAbove} lần).`,
    en: (p) => `Submission number ${p.version} is unusually high (more than ${p.warnAbove}).`,
    todo_vi: "Hãy kiểm tra lại số đã ghi.",
    todo_en: "Check it.",
  }),
  SUBMITTED_IN_FUTURE: def<{ date: CivilDate; today: CivilDate }>({
    severity: "warning",
    topic: "identity",
    meaning: "`Ngày gửi` after today",
    vi: (p) => `Ngày gửi ${date(p.date)} sau ngày hôm nay (${date(p.today)}).`,
    en: (p) => `Submission date ${date(p.date)} is after today (${date(p.today)}).`,
    todo_vi: "Hãy kiểm tra lại ngày đã ghi.",
    todo_en: "Check the date.",
  }),
  DATE_INVALID: def<{ what: "submittedAt" | "doneDate"; text: string; task?: TaskRef }>({
    severity: "error",
    also: ["warning"],
    topic: "identity",
    meaning: "a date cannot be read (`Ngày gửi`: warning)",
    vi: (p) =>
      p.task
        ? `Nhiệm vụ ${taskName(p.task)}: ngày hoàn thành "${p.text}" không đọc được.`
        : `Ngày gửi "${p.text}" không đọc được.`,
    en: (p) =>
      p.task
        ? `Task ${taskName(p.task)}: completion date "${p.text}" cannot be read.`
        : `Submission date "${p.text}" cannot be read.`,
    todo_vi: "Ghi theo dạng dd/mm/yyyy, ví dụ 13/12/2022.",
    todo_en: "Use dd/mm/yyyy, e.g. 13/12/2022.",
  }),

  // ---- tasks ----
  TASK_UNKNOWN: def<{ code: string; planYear: number }>({
    severity: "error",
    topic: "tasks",
    meaning: "the task code is not in the plan",
    vi: (p) => `Mã nhiệm vụ "${p.code}" không có trong kế hoạch năm ${p.planYear}.`,
    en: (p) => `Task code "${p.code}" is not in the ${p.planYear} plan.`,
    todo_vi: "Hãy dùng mã nhiệm vụ do biểu mẫu ghi sẵn; xóa dòng nếu không thuộc kế hoạch.",
    todo_en: "Use the task codes the template lists; delete the row if it is not in the plan.",
  }),
  TASK_DUPLICATE: def<{ task: TaskRef; rows: readonly [number, number] }>({
    severity: "error",
    topic: "tasks",
    meaning: "a task is reported twice",
    vi: (p) => `Nhiệm vụ ${taskName(p.task)} được báo cáo hai lần (dòng ${p.rows[0]} và ${p.rows[1]}).`,
    en: (p) => `Task ${taskName(p.task)} is reported twice (rows ${p.rows[0]} and ${p.rows[1]}).`,
    todo_vi: "Hãy giữ một dòng cho mỗi nhiệm vụ.",
    todo_en: "Keep one row per task.",
  }),
  TASK_MISSING: def<{ task: TaskRef; role: "lead" | "coordinate" }>({
    severity: "error",
    topic: "tasks",
    meaning: "a task the plan assigns to the agency is missing",
    vi: (p) => `Thiếu nhiệm vụ ${taskName(p.task)} (${ROLE_VI[p.role]}) mà kế hoạch giao cho cơ quan.`,
    en: (p) =>
      `Task ${taskName(p.task)} (${ROLE_EN[p.role]}) assigned to this agency by the plan is missing.`,
    todo_vi: "Hãy thêm dòng nhiệm vụ này (biểu mẫu do hệ thống tạo đã liệt kê đủ).",
    todo_en: "Add a row for this task (the generated template lists them all).",
    many_vi: "nhiệm vụ được giao chưa có trong báo cáo",
    many_en: "assigned tasks missing from the report",
  }),
  TASK_CODE_MISSING: def<{ row: number }>({
    severity: "error",
    topic: "tasks",
    meaning: "a row with content has no task code",
    vi: (p) => `Dòng ${p.row} có nội dung nhưng thiếu mã nhiệm vụ.`,
    en: (p) => `Row ${p.row} has content but no task code.`,
    todo_vi: "Hãy ghi mã nhiệm vụ hoặc xóa dòng.",
    todo_en: "Write the task code or delete the row.",
  }),
  TASK_STATUS_NOT_FILLED: def<{ task: TaskRef; statuses: string }>({
    severity: "error",
    topic: "tasks",
    meaning: "no status chosen",
    vi: (p) => `Nhiệm vụ ${taskName(p.task)}: chưa chọn tình trạng thực hiện.`,
    en: (p) => `Task ${taskName(p.task)}: no status chosen.`,
    todo_vi: (p) => STATUS_TODO_VI(p.statuses),
    todo_en: "Choose one from the list.",
    many_vi: "nhiệm vụ chưa chọn tình trạng thực hiện",
    many_en: "tasks without a status",
  }),
  TASK_STATUS_INVALID: def<{ task: TaskRef; text: string; statuses: string }>({
    severity: "error",
    topic: "tasks",
    meaning: "the status is not one of the list",
    vi: (p) => `Nhiệm vụ ${taskName(p.task)}: tình trạng "${p.text}" không hợp lệ.`,
    en: (p) => `Task ${taskName(p.task)}: status "${p.text}" is not valid.`,
    todo_vi: (p) => STATUS_TODO_VI(p.statuses),
    todo_en: "Choose one from the list.",
    many_vi: "nhiệm vụ có tình trạng không hợp lệ",
    many_en: "tasks with a status that is not valid",
  }),
  TASK_DONE_NO_DATE: def<{ task: TaskRef }>({
    severity: "error",
    topic: "tasks",
    meaning: "done without a completion date",
    vi: (p) => `Nhiệm vụ ${taskName(p.task)} đã hoàn thành nhưng chưa ghi ngày hoàn thành.`,
    en: (p) => `Task ${taskName(p.task)} is done but has no completion date.`,
    todo_vi: "Hãy ghi ngày hoàn thành (dd/mm/yyyy).",
    todo_en: "Enter the completion date (dd/mm/yyyy).",
    many_vi: "nhiệm vụ đã hoàn thành nhưng chưa ghi ngày hoàn thành",
    many_en: "tasks done without a completion date",
  }),
  TASK_DONE_AFTER_CUTOFF: def<{ task: TaskRef; date: CivilDate; cutoff: CivilDate }>({
    severity: "error",
    topic: "tasks",
    meaning: "completed after the period's cut-off (dates before the period are accepted)",
    vi: (p) =>
      `Nhiệm vụ ${taskName(p.task)}: ngày hoàn thành ${date(p.date)} sau ngày chốt số liệu của kỳ (${date(p.cutoff)}).`,
    en: (p) =>
      `Task ${taskName(p.task)}: completion date ${date(p.date)} is after the period's cut-off (${date(p.cutoff)}).`,
    todo_vi: "Hãy sửa ngày, hoặc báo cáo là đang thực hiện trong kỳ này.",
    todo_en: "Correct the date, or report the task as in progress for this period.",
    many_vi: "nhiệm vụ: ngày hoàn thành sau ngày chốt số liệu của kỳ",
    many_en: "tasks: completion date after the period's cut-off",
  }),
  TASK_DATE_IMPLAUSIBLE: def<{ task: TaskRef; date: CivilDate; planYear: number }>({
    severity: "error",
    topic: "tasks",
    meaning: "a completion date far from the plan year (a year typed as a date)",
    vi: (p) =>
      `Nhiệm vụ ${taskName(p.task)}: ngày hoàn thành ${date(p.date)} không thuộc năm kế hoạch ${p.planYear}.`,
    en: (p) =>
      `Task ${taskName(p.task)}: completion date ${date(p.date)} is far from plan year ${p.planYear}.`,
    todo_vi: "Ghi ngày theo dạng dd/mm/yyyy.",
    todo_en: "Use dd/mm/yyyy.",
  }),
  TASK_NOT_ASSIGNED: def<{ task: TaskRef; lead: string }>({
    severity: "warning",
    topic: "tasks",
    meaning: "the task is not assigned to the agency",
    vi: (p) => `Nhiệm vụ ${taskName(p.task)} không giao cho cơ quan này (chủ trì: ${p.lead}).`,
    en: (p) => `Task ${taskName(p.task)} is not assigned to this agency (lead: ${p.lead}).`,
    todo_vi: "Hãy xóa dòng nếu cơ quan không tham gia nhiệm vụ này.",
    todo_en: "Delete the row if the agency takes no part in this task.",
  }),
  TASK_DONE_NO_EVIDENCE: def<{ task: TaskRef }>({
    severity: "warning",
    topic: "tasks",
    meaning: "done without evidence",
    vi: (p) => `Nhiệm vụ ${taskName(p.task)} đã hoàn thành nhưng chưa ghi văn bản, minh chứng.`,
    en: (p) => `Task ${taskName(p.task)} is done but has no evidence.`,
    todo_vi: "Hãy ghi số, ngày văn bản (ví dụ 2621/QĐ-UBND ngày 13/12/2022).",
    todo_en: "Enter the document number and date (e.g. 2621/QĐ-UBND of 13/12/2022).",
    many_vi: "nhiệm vụ đã hoàn thành nhưng chưa ghi văn bản, minh chứng",
    many_en: "tasks done without evidence",
  }),
  TASK_DATE_WITHOUT_DONE: def<{ task: TaskRef; status: string }>({
    severity: "warning",
    topic: "tasks",
    meaning: "a completion date on a task not done",
    vi: (p) => `Nhiệm vụ ${taskName(p.task)} có ngày hoàn thành nhưng tình trạng là "${p.status}".`,
    en: (p) => `Task ${taskName(p.task)} has a completion date but its status is "${p.status}".`,
    todo_vi: "Hãy sửa tình trạng hoặc xóa ngày hoàn thành.",
    todo_en: "Correct the status or clear the date.",
  }),
  TASK_DONE_LATE_UNMARKED: def<{ task: TaskRef; date: CivilDate; due: CivilDate }>({
    severity: "warning",
    topic: "tasks",
    meaning: "typed done, computed late (counted late)",
    vi: (p) =>
      `Nhiệm vụ ${taskName(p.task)} hoàn thành ngày ${date(p.date)}, sau thời hạn ${date(p.due)}: sẽ được tính là quá hạn.`,
    en: (p) =>
      `Task ${taskName(p.task)} was done on ${date(p.date)}, after its deadline ${date(p.due)}: it counts as late.`,
    todo_vi: 'Nên chọn "Hoàn thành quá hạn".',
    todo_en: 'Choose "Hoàn thành quá hạn" (done late).',
  }),
  TASK_OVERDUE: def<{ task: TaskRef; due: CivilDate }>({
    severity: "warning",
    topic: "tasks",
    meaning: "not done and its deadline passed before the cut-off",
    vi: (p) => `Nhiệm vụ ${taskName(p.task)} quá hạn (thời hạn ${date(p.due)}) mà chưa hoàn thành.`,
    en: (p) => `Task ${taskName(p.task)} is overdue (deadline ${date(p.due)}) and not done.`,
    todo_vi: "Hãy ghi rõ lý do và dự kiến thời gian hoàn thành ở cột Ghi chú.",
    todo_en: "Give the reason and the expected completion date in the note column.",
    many_vi: "nhiệm vụ quá hạn mà chưa hoàn thành",
    many_en: "tasks overdue and not done",
  }),
  TASK_MARKED_LATE_ON_TIME: def<{ task: TaskRef; date: CivilDate; due: CivilDate }>({
    severity: "info",
    topic: "tasks",
    meaning: "typed late, computed on time",
    vi: (p) =>
      `Nhiệm vụ ${taskName(p.task)} ghi "quá hạn" nhưng hoàn thành đúng hạn (${date(p.date)} ≤ ${date(p.due)}).`,
    en: (p) =>
      `Task ${taskName(p.task)} is marked late but was done on time (${date(p.date)} ≤ ${date(p.due)}).`,
    todo_vi: 'Có thể chọn "Hoàn thành".',
    todo_en: 'You may choose "Hoàn thành" (done).',
  }),

  // ---- figures ----
  FIGURE_UNKNOWN: def<{ code: string }>({
    severity: "warning",
    topic: "figures",
    meaning: "an indicator code not in the catalogue (not consolidated)",
    vi: (p) =>
      `Mã chỉ tiêu "${p.code}" không có trong danh mục chỉ tiêu; số liệu này sẽ không được tổng hợp.`,
    en: (p) => `Indicator code "${p.code}" is not in the catalogue; this figure will not be consolidated.`,
    todo_vi: "Hãy dùng mã chỉ tiêu do biểu mẫu ghi sẵn.",
    todo_en: "Use the indicator codes the template lists.",
  }),
  FIGURE_DUPLICATE: def<{ indicator: IndicatorRef; rows: readonly [number, number] }>({
    severity: "error",
    topic: "figures",
    meaning: "an indicator appears twice",
    vi: (p) => `Chỉ tiêu ${indVi(p.indicator)} xuất hiện hai lần (dòng ${p.rows[0]} và ${p.rows[1]}).`,
    en: (p) => `Indicator ${indEn(p.indicator)} appears twice (rows ${p.rows[0]} and ${p.rows[1]}).`,
    todo_vi: "Hãy giữ một dòng cho mỗi chỉ tiêu.",
    todo_en: "Keep one row per indicator.",
  }),
  FIGURE_MISSING: def<{ indicator: IndicatorRef }>({
    severity: "warning",
    topic: "figures",
    meaning: "an indicator row of the catalogue is missing",
    vi: (p) => `Thiếu dòng chỉ tiêu ${indVi(p.indicator)}.`,
    en: (p) => `Indicator row ${indEn(p.indicator)} is missing.`,
    todo_vi: "Hãy thêm dòng chỉ tiêu (biểu mẫu do hệ thống tạo đã liệt kê đủ).",
    todo_en: "Add the indicator row (the generated template lists them all).",
    many_vi: "dòng chỉ tiêu bị thiếu",
    many_en: "indicator rows missing",
  }),
  FIGURE_NOT_FILLED: def<{ indicator: IndicatorRef }>({
    severity: "warning",
    topic: "figures",
    meaning: "a count or amount is blank (a blank rate is computed)",
    vi: (p) => `Chưa nhập số liệu ${indVi(p.indicator)}.`,
    en: (p) => `Figure ${indEn(p.indicator)} is not filled.`,
    todo_vi: "Hãy nhập số liệu; nếu không phát sinh, nhập 0.",
    todo_en: "Enter the figure; enter 0 if there is none.",
    many_vi: "chỉ tiêu chưa nhập số liệu",
    many_en: "figures not filled",
  }),
  NUMBER_TEXT: def<{ indicator: IndicatorRef; text: string; value: number; decimals: number }>({
    severity: "info",
    topic: "figures",
    meaning: "a number typed as Vietnamese text, read and normalised",
    vi: (p) =>
      `Số liệu ${indVi(p.indicator)} nhập dạng chữ "${p.text}", đã đọc là ${
        p.text.includes("%") ? vnPct(p.value, Math.max(0, p.decimals)) : vn(p.value, p.decimals)
      }.`,
    en: (p) =>
      `Figure ${indEn(p.indicator)} was typed as text "${p.text}" and read as ${
        p.text.includes("%") ? enPct(p.value, Math.max(0, p.decimals)) : enNumber(p.value, p.decimals)
      }.`,
    todo_vi: "Không cần sửa; có thể nhập dạng số.",
    todo_en: "Nothing to fix; you may type it as a number.",
  }),
  NUMBER_INVALID: def<{ indicator: IndicatorRef; text: string }>({
    severity: "error",
    topic: "figures",
    meaning: "a figure is not a number",
    vi: (p) => `Chỉ tiêu ${indVi(p.indicator)}: "${p.text}" không phải là số.`,
    en: (p) => `Indicator ${indEn(p.indicator)}: "${p.text}" is not a number.`,
    todo_vi: "Hãy nhập số, ví dụ 605.859 hoặc 99,79%.",
    todo_en: "Enter a number, e.g. 605.859 or 99,79%.",
  }),
  CELL_EXCEL_ERROR: def<{ indicator: IndicatorRef; error: string }>({
    severity: "error",
    topic: "figures",
    meaning: "a formula error (`#REF!` …) in a figure",
    vi: (p) => `Chỉ tiêu ${indVi(p.indicator)}: ô có lỗi công thức ${p.error}.`,
    en: (p) => `Indicator ${indEn(p.indicator)}: the cell holds the formula error ${p.error}.`,
    todo_vi: "Hãy sửa công thức hoặc nhập số.",
    todo_en: "Fix the formula or type a number.",
  }),
  FIGURE_TOO_LARGE: def<{ indicator: IndicatorRef; text: string }>({
    severity: "error",
    topic: "figures",
    meaning: "a count or amount past 2^53 − 1: it can no longer be stored exactly",
    vi: (p) => `Số liệu ${indVi(p.indicator)} = ${p.text} quá lớn để lưu chính xác (vượt 2^53 ≈ 9 triệu tỷ).`,
    en: (p) =>
      `Figure ${indEn(p.indicator)} = ${p.text} is too large to store exactly (past 2^53 ≈ 9.007e15).`,
    todo_vi: "Hãy kiểm tra lại số đã nhập.",
    todo_en: "Check what was typed.",
  }),
  FIGURE_IMPLAUSIBLE: def<{ indicator: IndicatorRef; value: number; max: number }>({
    severity: "error",
    topic: "figures",
    meaning: "a count or amount past the catalogue's plausible ceiling for it (`ceilings`)",
    vi: (p) =>
      `Số liệu ${indVi(p.indicator)} = ${vn(p.value)} vượt mức tối đa hợp lý ${vn(p.max)} của danh mục chỉ tiêu.`,
    en: (p) =>
      `Figure ${indEn(p.indicator)} = ${enNumber(p.value)} exceeds the catalogue's plausible maximum of ${enNumber(p.max)}.`,
    todo_vi: "Hãy kiểm tra lại (có thể gõ nhầm).",
    todo_en: "Check it (perhaps a typo).",
  }),
  COUNT_NEGATIVE: def<{ indicator: IndicatorRef }>({
    severity: "error",
    topic: "figures",
    meaning: "a negative count or amount",
    vi: (p) => `Số liệu ${indVi(p.indicator)} không được âm.`,
    en: (p) => `Figure ${indEn(p.indicator)} cannot be negative.`,
    todo_vi: "Hãy nhập số không âm.",
    todo_en: "Enter a number of 0 or more.",
  }),
  COUNT_FRACTIONAL: def<{ indicator: IndicatorRef; typedDigits?: number }>({
    severity: "error",
    topic: "figures",
    meaning: "a count that is not whole",
    vi: (p) => `Số liệu ${indVi(p.indicator)} phải là số nguyên (đếm ${p.indicator.unit}).`,
    en: (p) => `Figure ${indEn(p.indicator)} must be a whole number (a count of ${p.indicator.unit}).`,
    todo_vi: (p) =>
      p.typedDigits !== undefined
        ? `Dấu phẩy là dấu thập phân: nếu là ${p.typedDigits} ${p.indicator.unit}, hãy ghi ${vn(p.typedDigits)} hoặc ${p.typedDigits}.`
        : "Hãy nhập số nguyên.",
    todo_en: (p) =>
      p.typedDigits !== undefined
        ? `The comma is the decimal mark in Vietnamese: for ${p.typedDigits}, type ${vn(p.typedDigits)} or ${p.typedDigits}.`
        : "Enter a whole number.",
  }),
  RATE_OUT_OF_RANGE: def<{ indicator: IndicatorRef }>({
    severity: "error",
    topic: "figures",
    meaning: "a rate below 0% or above 100%",
    vi: (p) => `Tỷ lệ ${indVi(p.indicator)} phải từ 0% đến 100%.`,
    en: (p) => `Rate ${indEn(p.indicator)} must be between 0% and 100%.`,
    todo_vi: "Nhập dạng 99,79% hoặc 0,9979, hoặc để trống để phần mềm tự tính.",
    todo_en: "Type 99,79% or 0,9979, or leave it blank to have it computed.",
  }),
  SUM_MISMATCH: def<{ whole: IndicatorRef; wholeValue: number; parts: readonly IndicatorRef[]; sum: number }>(
    {
      severity: "error",
      topic: "figures",
      meaning: "parts do not add up to their whole",
      vi: (p) =>
        `${indVi(p.whole)} = ${vn(p.wholeValue, 4).replace(/,?0+$/, "")} nhưng tổng các thành phần (${p.parts.map(indVi).join(" + ")}) = ${vn(p.sum, 4).replace(/,?0+$/, "")}.`,
      en: (p) =>
        `${indEn(p.whole)} is ${enNumber(p.wholeValue)} but its parts (${p.parts.map(indEn).join(" + ")}) add up to ${enNumber(p.sum)}.`,
      todo_vi: "Hãy kiểm tra lại số liệu tổng và các thành phần.",
      todo_en: "Check the whole and its parts.",
    },
  ),
  SUM_GAP: def<{ whole: IndicatorRef; wholeValue: number; parts: readonly IndicatorRef[]; sum: number }>({
    severity: "warning",
    topic: "figures",
    meaning: "a warning-level sum rule (one real exports break) has a gap, shown; the report is accepted",
    vi: (p) =>
      `${indVi(p.whole)} = ${vn(p.wholeValue)}, tổng ${p.parts.map(indVi).join(" + ")} = ${vn(p.sum)}: chênh lệch ${vn(p.wholeValue - p.sum)} (thường là hồ sơ trả lại, rút, chờ bổ sung; chỉ cảnh báo).`,
    en: (p) =>
      `${indEn(p.whole)} is ${enNumber(p.wholeValue)}, ${p.parts.map(indEn).join(" + ")} add up to ${enNumber(p.sum)}: a gap of ${enNumber(p.wholeValue - p.sum)} (usually returned, withdrawn or awaiting supplements; a warning only).`,
    todo_vi: 'Nếu có, ghi số hồ sơ trả lại, rút vào ô "khác" của quy tắc.',
    todo_en: 'If known, enter the returned or withdrawn dossiers in the rule\'s "other" figure.',
  }),
  PART_EXCEEDS_WHOLE: def<{ part: IndicatorRef; partValue: number; whole: IndicatorRef; wholeValue: number }>(
    {
      severity: "error",
      topic: "figures",
      meaning: "a part is larger than its whole",
      vi: (p) => `${indVi(p.part)} = ${vn(p.partValue)} lớn hơn ${indVi(p.whole)} = ${vn(p.wholeValue)}.`,
      en: (p) =>
        `${indEn(p.part)} (${enNumber(p.partValue)}) exceeds ${indEn(p.whole)} (${enNumber(p.wholeValue)}).`,
      todo_vi: "Hãy kiểm tra lại hai số liệu này.",
      todo_en: "Check these two figures.",
    },
  ),
  RATE_MISMATCH: def<{
    rate: IndicatorRef;
    numerator: IndicatorRef;
    denominator: IndicatorRef;
    stated: number;
    decimals: number;
    part: number;
    whole: number;
    exact: number | null;
  }>({
    severity: "error",
    topic: "figures",
    meaning: "a stated rate disagrees with its parts at its printed precision (rounded or truncated)",
    vi: (p) =>
      p.exact === null
        ? `Tỷ lệ ${indVi(p.rate)} được ghi nhưng mẫu số ${indVi(p.denominator)} bằng 0.`
        : `Tỷ lệ ${indVi(p.rate)} ghi ${vnPct(p.stated, p.decimals)} không khớp ${vn(p.part)}/${vn(p.whole)} = ${vnPct(p.exact, p.decimals + 2)} (${indVi(p.numerator)} / ${indVi(p.denominator)}).`,
    en: (p) =>
      p.exact === null
        ? `Rate ${indEn(p.rate)} is stated but its denominator ${indEn(p.denominator)} is 0.`
        : `Rate ${indEn(p.rate)} stated as ${enPct(p.stated, p.decimals)} disagrees with ${enNumber(p.part)}/${enNumber(p.whole)} = ${enPct(p.exact, p.decimals + 2)} (${indEn(p.numerator)} / ${indEn(p.denominator)}).`,
    todo_vi: "Hãy sửa tỷ lệ, hoặc để trống để phần mềm tự tính.",
    todo_en: "Correct the rate, or leave it blank to have it computed.",
  }),

  // ---- text ----
  LEGACY_ENCODING: def<{ encoding: "tcvn3" | "vni"; fixed: string }>({
    severity: "warning",
    topic: "text",
    meaning: "text typed in TCVN3 (ABC) or VNI; the Unicode text is offered",
    vi: (p) => `Văn bản gõ bằng bảng mã cũ ${p.encoding === "tcvn3" ? "TCVN3 (ABC)" : "VNI"}.`,
    en: (p) => `Text typed in the legacy ${p.encoding === "tcvn3" ? "TCVN3 (ABC)" : "VNI"} encoding.`,
    todo_vi: (p) => `Đề nghị chuyển sang Unicode: "${p.fixed}".`,
    todo_en: (p) => `Convert it to Unicode: "${p.fixed}".`,
  }),
  FORMULA_LIKE_TEXT: def<{ first: string }>({
    severity: "warning",
    topic: "text",
    meaning: "text starting with `=`, `+`, `-`, `@` (not a number or phone number); kept as text",
    vi: (p) => `Ô bắt đầu bằng "${p.first}" sẽ bị hiểu là công thức khi xuất sang ứng dụng khác.`,
    en: (p) => `Text starting with "${p.first}" would be read as a formula when exported.`,
    todo_vi: "Ô được giữ nguyên dạng văn bản; nếu không cố ý, hãy bỏ ký tự đầu.",
    todo_en: "It is kept as text; if that was not meant, remove the first character.",
  }),

  TEXT_INVALID_CHARACTER: def<{ count: number }>({
    severity: "warning",
    topic: "text",
    meaning: 'characters XML forbids (U+FFFE, U+0001 …), replaced by "�" (docs/LIMITS.md)',
    vi: (p) =>
      `Ô có ${p.count} ký tự điều khiển không lưu được trong tệp Excel (ví dụ U+FFFE, U+0001); đã thay bằng "�" khi tổng hợp.`,
    en: (p) =>
      `The cell holds ${p.count} control character(s) an Excel file cannot store (e.g. U+FFFE, U+0001); replaced with "�" when consolidated.`,
    todo_vi: "Hãy sửa lại nội dung ô.",
    todo_en: "Please correct the text.",
  }),
  TEXT_TOO_LONG: def<{ length: number; limit: number }>({
    severity: "warning",
    topic: "text",
    meaning: "text past Excel's 32 767 characters a cell, cut with a marker (docs/LIMITS.md)",
    vi: (p) =>
      `Ô dài ${vn(p.length)} ký tự, quá giới hạn ${vn(p.limit)} ký tự một ô của Excel; chỉ giữ phần đầu (đánh dấu "đã cắt bớt").`,
    en: (p) =>
      `The cell holds ${enNumber(p.length)} characters, past Excel's ${enNumber(p.limit)}-character cell limit; only the beginning is kept (marked "truncated").`,
    todo_vi: "Hãy rút gọn hoặc đưa tài liệu dài vào tệp đính kèm.",
    todo_en: "Shorten it or attach long documents separately.",
  }),

  // ---- consolidation ----
  NOT_A_ROLLUP: def<{ expected: string }>({
    severity: "error",
    topic: "rollup",
    meaning: "the file is not a rollup or states no period",
    vi: (p) => `Tệp này không phải bảng tổng hợp CCHC ("${p.expected}") hoặc thiếu kỳ báo cáo.`,
    en: (p) => `This file is not a CCHC rollup ("${p.expected}") or has no period.`,
    todo_vi: "Hãy chọn đúng tệp bảng tổng hợp do phần mềm tạo.",
    todo_en: "Choose the rollup file the software wrote.",
  }),
  ROLLUP_SHEET_MISSING: def<{ sheet: string }>({
    severity: "error",
    topic: "rollup",
    meaning: "a stored sheet of the rollup is missing; nothing is merged into it",
    vi: (p) => `Bảng tổng hợp thiếu sheet "${p.sheet}"; không thể tổng hợp tiếp vào tệp này.`,
    en: (p) => `The rollup has no "${p.sheet}" sheet; it cannot be merged into.`,
    todo_vi: "Hãy khôi phục sheet (từ bản sao trước) hoặc tổng hợp vào tệp mới.",
    todo_en: "Restore the sheet (from an earlier copy) or consolidate into a new file.",
  }),
  ROLLUP_COLUMN_MISSING: def<{ sheet: string; column: string }>({
    severity: "error",
    topic: "rollup",
    meaning: "a stored column of the rollup is missing; nothing is merged or written, the file is kept",
    vi: (p) =>
      `Bảng tổng hợp: sheet "${p.sheet}" thiếu cột "${p.column}" (có thể tiêu đề đã bị sửa). Không tổng hợp tiếp vào tệp này để tránh mất dữ liệu; tệp cũ được giữ nguyên.`,
    en: (p) =>
      `Rollup: sheet "${p.sheet}" has no "${p.column}" column (its header may have been edited). Nothing is merged into this file, to avoid losing data; the file is left unchanged.`,
    todo_vi: "Hãy khôi phục tiêu đề cột rồi chạy lại.",
    todo_en: "Restore the column header and run again.",
  }),
  ROLLUP_VERSION_NEWER: def<{ version: string; supported: number }>({
    severity: "error",
    topic: "rollup",
    meaning: "the rollup was written by a newer version; the file is kept",
    vi: (p) =>
      `Bảng tổng hợp được tạo bởi phiên bản mới hơn (mẫu ${p.version}, phần mềm này đọc mẫu ${p.supported}); tệp cũ được giữ nguyên.`,
    en: (p) =>
      `The rollup was written by a newer version (layout ${p.version}; this software reads ${p.supported}); the file is left unchanged.`,
    todo_vi: "Hãy cập nhật phần mềm rồi tổng hợp lại.",
    todo_en: "Update the software and consolidate again.",
  }),
  SUBMISSION_CONFLICT: def<{ agency: string; version: number; files: readonly string[] }>({
    severity: "error",
    topic: "rollup",
    meaning: "different files claim the same agency and version; none is picked",
    vi: (p) =>
      `${p.agency}: có ${p.files.length} tệp khác nhau cùng lần gửi ${p.version} (${list(p.files)}); không tự chọn tệp nào.`,
    en: (p) =>
      `${p.agency}: ${p.files.length} different files claim version ${p.version} (${list(p.files)}); none is picked.`,
    todo_vi: (p) => `Hãy yêu cầu cơ quan gửi lại với lần gửi ${p.version + 1}.`,
    todo_en: (p) => `Ask the agency to resend as version ${p.version + 1}.`,
  }),

  // ---- plan workbook (cchc plan) ----
  PLAN_YEAR_UNKNOWN: def({
    severity: "error",
    topic: "plan",
    meaning: "the plan's title states no year",
    vi: () => "Không xác định được năm kế hoạch.",
    en: () => "The plan year is unknown.",
    todo_vi: 'Tiêu đề phía trên bảng cần có "năm 2023".',
    todo_en: 'The title above the table should say "năm 2023".',
  }),
  PLAN_ROW_OUTSIDE_SECTION: def<{ row: number }>({
    severity: "error",
    topic: "plan",
    meaning: "a row before the first section",
    vi: (p) => `Dòng ${p.row} nằm trước mục đầu tiên (I, II, …): không biết thuộc mục nào.`,
    en: (p) => `Row ${p.row} comes before the first section (I, II, …): its section is unknown.`,
    todo_vi: "Hãy thêm dòng mục (I, II, …) phía trên.",
    todo_en: "Add a section row (I, II, …) above it.",
  }),
  PLAN_ROW_WITHOUT_NUMBER: def<{ row: number }>({
    severity: "error",
    topic: "plan",
    meaning: "a row without a number not under a numbered task",
    vi: (p) => `Dòng ${p.row} không có số thứ tự và không đứng dưới một nhiệm vụ có số thứ tự hợp lệ.`,
    en: (p) => `Row ${p.row} has no number and does not follow a task with a valid number.`,
    todo_vi: "Hãy ghi số thứ tự cho dòng.",
    todo_en: "Give the row a number.",
  }),
  PLAN_STT_INVALID: def<{ text: string }>({
    severity: "error",
    topic: "plan",
    meaning: "a row number that is not 1, 2, … or a), b) …",
    vi: (p) => `Số thứ tự "${p.text}" không hợp lệ.`,
    en: (p) => `Row number "${p.text}" is not valid.`,
    todo_vi: "Dùng 1, 2, … cho nhiệm vụ và a), b) … cho nội dung con.",
    todo_en: "Use 1, 2, … for tasks and a), b) … for sub-items.",
  }),
  PLAN_TASK_INCOMPLETE: def<{ code: string; row: number }>({
    severity: "error",
    topic: "plan",
    meaning: "a heading task without sub-items, lead or deadline",
    vi: (p) => `Nhiệm vụ ${p.code} (dòng ${p.row}) thiếu cơ quan chủ trì và thời gian hoàn thành.`,
    en: (p) => `Task ${p.code} (row ${p.row}) has no lead agency and no deadline.`,
    todo_vi: "Hãy ghi cơ quan chủ trì và thời gian hoàn thành, hoặc thêm nội dung con a), b) ….",
    todo_en: "Give it a lead agency and a deadline, or add sub-items a), b) ….",
  }),
  PLAN_TASK_DUPLICATE: def<{ code: string; row: number }>({
    severity: "error",
    topic: "plan",
    meaning: "two rows with the same task code",
    vi: (p) => `Mã nhiệm vụ ${p.code} bị trùng (dòng ${p.row}).`,
    en: (p) => `Task code ${p.code} is duplicated (row ${p.row}).`,
    todo_vi: "Hãy sửa số thứ tự cho khác nhau.",
    todo_en: "Make the row numbers distinct.",
  }),
  PLAN_EMPTY: def<{ sheet: string }>({
    severity: "error",
    topic: "plan",
    meaning: "no task sections",
    vi: (p) => `Sheet "${p.sheet}" không có mục nhiệm vụ nào (I, II, …).`,
    en: (p) => `Sheet "${p.sheet}" has no task sections (I, II, …).`,
    todo_vi: "Hãy kiểm tra đúng sheet kế hoạch.",
    todo_en: "Check that this is the plan sheet.",
  }),
  PLAN_TASK_TEXT_MISSING: def<{ code: string }>({
    severity: "error",
    topic: "plan",
    meaning: "a task without text",
    vi: (p) => `Nhiệm vụ ${p.code} không có nội dung.`,
    en: (p) => `Task ${p.code} has no description.`,
    todo_vi: "Hãy ghi nội dung nhiệm vụ.",
    todo_en: "Write the task's text.",
  }),
  PLAN_LEAD_MISSING: def<{ code: string }>({
    severity: "error",
    topic: "plan",
    meaning: "a task without a lead agency",
    vi: (p) => `Nhiệm vụ ${p.code} chưa có cơ quan chủ trì.`,
    en: (p) => `Task ${p.code} has no lead agency.`,
    todo_vi: "Hãy ghi cơ quan chủ trì.",
    todo_en: "Enter the lead agency.",
  }),
  PLAN_AGENCY_UNKNOWN: def<{ code: string; name: string }>({
    severity: "error",
    topic: "plan",
    meaning: "an agency name not in the registry",
    vi: (p) => `Nhiệm vụ ${p.code}: không nhận ra cơ quan "${p.name}" trong danh mục cơ quan.`,
    en: (p) => `Task ${p.code}: agency "${p.name}" is not in the agency registry.`,
    todo_vi: "Hãy sửa tên cơ quan, hoặc thêm tên gọi khác vào sheet Cơ quan.",
    todo_en: "Correct the name, or add it as an alias on the Cơ quan sheet.",
  }),
  PLAN_DEADLINE_MISSING: def<{ code: string }>({
    severity: "error",
    topic: "plan",
    meaning: "a task without a deadline",
    vi: (p) => `Nhiệm vụ ${p.code} chưa có thời gian hoàn thành.`,
    en: (p) => `Task ${p.code} has no deadline.`,
    todo_vi: "Hãy ghi thời gian hoàn thành (ví dụ Quý IV năm 2023, Thường xuyên).",
    todo_en: "Enter a deadline (e.g. Quý IV năm 2023, Thường xuyên).",
  }),
  PLAN_DEADLINE_UNPARSED: def<{ code: string; text: string; reason: DeadlineFailure }>({
    severity: "error",
    topic: "plan",
    meaning: "a deadline phrase that cannot be read",
    vi: (p) =>
      `Nhiệm vụ ${p.code}: không hiểu thời gian hoàn thành "${p.text}" (${deadlineReason(p.reason).vi}).`,
    en: (p) => `Task ${p.code}: deadline "${p.text}" cannot be read (${deadlineReason(p.reason).en}).`,
    todo_vi: "Ghi ví dụ: Tháng 3/2023, Quý IV năm 2023, Trước 30/6/2023, Thường xuyên.",
    todo_en: "Write e.g. Tháng 3/2023, Quý IV năm 2023, Trước 30/6/2023, Thường xuyên.",
  }),
  PLAN_DATA_INVALID: def<{ issue: DataIssue }>({
    severity: "error",
    topic: "plan",
    meaning: "registry or catalogue data breaks its schema (at the offending cell)",
    vi: (p) => `Dữ liệu danh mục không hợp lệ: ${dataIssueText(p.issue).vi}.`,
    en: (p) => `Invalid registry or catalogue data: ${dataIssueText(p.issue).en}.`,
    todo_vi: "Hãy sửa ô này trong tệp kế hoạch.",
    todo_en: "Correct this cell in the plan workbook.",
  }),
  REGISTRY_DUPLICATE_CODE: def<{ issue: DataIssue }>({
    severity: "error",
    topic: "plan",
    meaning: "two agencies of the registry share a code (at the second one's code cell)",
    vi: (p) => `Danh mục cơ quan: ${dataIssueText(p.issue).vi}.`,
    en: (p) => `Agency registry: ${dataIssueText(p.issue).en}.`,
    todo_vi: "Đặt mã khác cho một trong hai cơ quan.",
    todo_en: "Give one of the two agencies another code.",
  }),
  REGISTRY_NO_SUCCESSOR: def<{ issue: DataIssue }>({
    severity: "error",
    topic: "plan",
    meaning: "a unit that ended names no successors (at its successors cell)",
    vi: (p) => `Danh mục cơ quan: ${dataIssueText(p.issue).vi}.`,
    en: (p) => `Agency registry: ${dataIssueText(p.issue).en}.`,
    todo_vi: 'Ghi các đơn vị kế thừa vào cột successors, ví dụ ["STC"], hoặc [] nếu không có.',
    todo_en: 'List its successors in the successors column, e.g. ["STC"], or [] if none.',
  }),
  REGISTRY_SUCCESSOR: def<{ issue: DataIssue }>({
    severity: "error",
    topic: "plan",
    meaning: "a successor that is unknown or does not exist the day after the unit ended",
    vi: (p) => `Danh mục cơ quan: ${dataIssueText(p.issue).vi}.`,
    en: (p) => `Agency registry: ${dataIssueText(p.issue).en}.`,
    todo_vi: "Sửa mã đơn vị kế thừa hoặc ngày hiệu lực.",
    todo_en: "Correct the successor's code or the dates.",
  }),
  REGISTRY_CYCLE: def<{ issue: DataIssue }>({
    severity: "error",
    topic: "plan",
    meaning: "a parent or successor chain leads back to the unit itself",
    vi: (p) => `Danh mục cơ quan: ${dataIssueText(p.issue).vi}.`,
    en: (p) => `Agency registry: ${dataIssueText(p.issue).en}.`,
    todo_vi: "Sửa cột parent hoặc successors để chuỗi không quay vòng.",
    todo_en: "Correct the parent or successors column so the chain does not loop.",
  }),
  SCHEDULE_INVALID: def<{ issue: DataIssue }>({
    severity: "error",
    topic: "plan",
    meaning: "a row of the report schedule (sheet Kỳ báo cáo) is invalid",
    vi: (p) => `Kỳ báo cáo không hợp lệ: ${dataIssueText(p.issue).vi}.`,
    en: (p) => `Invalid report schedule: ${dataIssueText(p.issue).en}.`,
    todo_vi: "Hãy sửa ô này trong sheet Kỳ báo cáo.",
    todo_en: "Correct this cell on the Kỳ báo cáo sheet.",
  }),
  PLAN_PREDATES_2025: def<{ registryVersion: number }>({
    severity: "info",
    topic: "plan",
    meaning: "a 2023-format plan workbook (before the 1/7/2025 reorganisation): read as usual",
    vi: (p) =>
      `Tệp kế hoạch theo định dạng 2023, trước khi sắp xếp đơn vị hành chính ngày 01/7/2025 (danh mục cơ quan phiên bản ${p.registryVersion}, không có sheet Kỳ báo cáo): đọc bình thường; kỳ báo cáo lấy mặc định theo Văn bản 581/BNV-CCHC.`,
    en: (p) =>
      `A 2023-format plan workbook, from before the 1/7/2025 reorganisation (registry version ${p.registryVersion}, no report schedule sheet): read as usual; the schedule defaults to Văn bản 581/BNV-CCHC.`,
    todo_vi: `Hãy lập kế hoạch năm mới với danh mục hiện hành (${ACTIONS.planNew.cli.vi}).`,
    todo_en: `Make the new year's plan with the current registry (${ACTIONS.planNew.cli.en}).`,
  }),
} as const;

export type ProblemCode = keyof typeof PROBLEMS;
export type ProblemParams<C extends ProblemCode> = (typeof PROBLEMS)[C] extends Entry<infer P> ? P : never;

export const PROBLEM_CODES = Object.keys(PROBLEMS) as ProblemCode[];

export function isProblemCode(code: string): code is ProblemCode {
  return Object.prototype.hasOwnProperty.call(PROBLEMS, code);
}

const todo = <P>(t: string | ((p: P) => string), p: P): string => (typeof t === "string" ? t : t(p));

/** The Vietnamese and English message of a code with its parameters, each ending with what to do. */
export function renderProblem<C extends ProblemCode>(
  code: C,
  params: ProblemParams<C>,
): { vi: string; en: string; todo_vi: string; todo_en: string } {
  const e = PROBLEMS[code] as unknown as Entry<ProblemParams<C>>;
  const todo_vi = todo(e.todo_vi, params);
  const todo_en = todo(e.todo_en, params);
  return { vi: `${e.vi(params)} ${todo_vi}`, en: `${e.en(params)} ${todo_en}`, todo_vi, todo_en };
}
