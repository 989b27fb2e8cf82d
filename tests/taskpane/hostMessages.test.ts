// No message tells a taskpane user to run a command: every catalogue message, rendered and shown as
// the taskpane shows it, names tabs and buttons, never `cchc …`; the CLI keeps its command names.
import { ACTIONS, PROBLEMS, PROBLEM_CODES, renderProblem } from "../../src/domain/problemCatalogue";
import { problemForHost, type Problem, type ProblemCode } from "../../src/domain/problem";
import { STRINGS } from "../../src/taskpane/i18n";
import { messageOf } from "../../src/taskpane/logic/problemView";

const task = { code: "I.2", title: "Ban hành kế hoạch CCHC năm 2023" };
const indicator = { code: "HS_TIEP_NHAN", name: "Tổng số hồ sơ tiếp nhận", unit: "hồ sơ" };
const period = { kind: "quarter", year: 2023, quarter: 3 };
const date = { y: 2023, m: 9, d: 30 };
/** A value for every parameter name the catalogue uses (a name means one thing everywhere, but
 * "expected" and "agency", whose types differ by code, which are given per code below). */
const BY_NAME: Record<string, unknown> = {
  task,
  indicator,
  whole: indicator,
  part: indicator,
  parts: [indicator, indicator],
  date,
  due: date,
  today: date,
  cutoff: date,
  period,
  reported: period,
  rows: [3, 7],
  files: ["SNV-2023.xlsx", "SNV-2023-lan2.xlsx"],
  suggestion: { code: "SNV", name: "Sở Nội vụ" },
  role: "lead",
  what: "doneDate",
  encoding: "tcvn3",
  statuses: "Đã hoàn thành, Đang thực hiện",
  expected: "Báo cáo CCHC",
  agency: "SNV",
  issue: { table: "agencies", index: 3, record: "SNV", field: "parent", fault: { kind: "cycle" } },
};
const NUMBERS = new Set([
  "row",
  "planYear",
  "version",
  "supported",
  "max",
  "sum",
  "value",
  "wholeValue",
  "partValue",
  "year",
  "warnAbove",
  "typedDigits",
  "registryVersion",
  "limit",
  "length",
  "decimals",
  "count",
]);
const BY_CODE: Partial<Record<ProblemCode, Record<string, unknown>>> = {
  PERIOD_MISMATCH: { expected: { kind: "year", year: 2023 } },
  HEADER_NOT_FOUND: { expected: ["Mã", "Tình trạng"] },
  AGENCY_NAME_MISMATCH: { agency: { code: "SNV", name: "Sở Nội vụ" } },
  FORM_VERSION_NEWER: { version: "3" },
  ROLLUP_VERSION_NEWER: { version: "3" },
  PERIOD_INVALID: { reason: { kind: "unknown" } },
  PLAN_DEADLINE_UNPARSED: { reason: { kind: "unknown", rest: "Sớm", whole: null } },
  PERIOD_UNDETERMINED: { candidates: [period, { kind: "year", year: 2023 }] },
};

/** The message of a code rendered with typical parameters, as a problem record. */
function rendered(code: ProblemCode, variant: Record<string, unknown>): Problem {
  const given = { ...BY_CODE[code], ...variant };
  const params = new Proxy(given, {
    get: (t, k) =>
      typeof k !== "string"
        ? undefined
        : k in t
          ? t[k]
          : k in BY_NAME
            ? BY_NAME[k]
            : NUMBERS.has(k)
              ? 2
              : `«${k}»`,
    has: () => true,
  });
  const m = renderProblem(code, params as never);
  return {
    code,
    severity: PROBLEMS[code].severity,
    sheet: null,
    cell: null,
    message_vi: m.vi,
    message_en: m.en,
    value: null,
  };
}

// Messages whose wording depends on a parameter's value: each variant is rendered.
const VARIANTS: Record<string, unknown>[] = [{}, { of: "plan" }, { of: "report" }, { file: undefined }];

describe("catalogue messages by host", () => {
  const all = PROBLEM_CODES.flatMap((code) => VARIANTS.map((v) => rendered(code, v)));

  it("renders every code", () => {
    expect(new Set(all.map((p) => p.code)).size).toBe(PROBLEM_CODES.length);
    expect(all.every((p) => p.message_vi.length > 10 && p.message_en.length > 10)).toBe(true);
  });

  it("the taskpane never tells its user to run a command", () => {
    const offending = all.flatMap((p) =>
      (["vi", "en"] as const)
        .map((lang) => messageOf(p, lang))
        .filter((m) => m.includes("cchc ") || m.includes("`cchc") || m.includes("--"))
        .map((m) => `${p.code}: ${m}`),
    );
    expect(offending).toEqual([]);
  });

  it("nor do the taskpane's own strings", () => {
    const texts = Object.values(STRINGS).flatMap((s) => [s.vi, s.en]);
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.filter((t) => t.includes("cchc "))).toEqual([]);
  });

  it("the CLI names the command; the taskpane names the tab instead", () => {
    const empty = rendered("WORKBOOK_EMPTY", {});
    expect(empty.message_vi).toContain(ACTIONS.template.cli.vi);
    expect(empty.message_vi).toContain("cchc template");
    expect(problemForHost(empty, "cli")).toBe(empty);
    const shown = problemForHost(empty, "taskpane");
    expect(shown.message_vi).toContain('thẻ "Biểu mẫu"');
    expect(shown.message_en).toContain('"Templates" tab');
    // Some messages did name a command before the swap (the test is not vacuous).
    const named = all.filter((p) => /\bcchc\s/.test(p.message_vi)).map((p) => p.code);
    expect(new Set(named)).toEqual(
      new Set(["WORKBOOK_EMPTY", "SHEET_MISSING", "NOT_A_REPORT", "PLAN_PREDATES_2025"]),
    );
  });

  it("an undetermined period: one message, the CLI's option or the taskpane's field", () => {
    const p = rendered("PERIOD_UNDETERMINED", {});
    expect(p.message_vi).toMatch(
      /^Không xác định được kỳ tổng hợp \(Quý III\/2023, Năm 2023\); hãy chỉ định --period/,
    );
    const shown = problemForHost(p, "taskpane");
    expect(shown.message_vi).toContain("hãy nhập kỳ, ví dụ 2023 hoặc 2023-Q2");
    expect(shown.message_en).toContain("enter one, e.g. 2023 or 2023-Q2");
  });
});
