import fc from "fast-check";
import { civil, isoDate } from "./civilDate";
import { finalDueDate, isOverdue, parseDeadline, type Deadline } from "./deadline";
import { deadlineReason } from "./problemCatalogue";

type Expected = { due: string[]; recurring: boolean; event: string | null; year: number | null };

// Every distinct "Thời gian hoàn thành" in the PHỤ LỤC of seeds/001 (Decision 2621/QĐ-UBND, plan 2023),
// with how many of the appendix's 58 dated rows use it.
const SEED_DEADLINES: ReadonlyArray<[text: string, rows: number, expected: Expected]> = [
  ["Quý IV năm 2022", 8, { due: ["2022-12-31"], recurring: false, event: null, year: 2022 }],
  ["Tháng 01/2023", 1, { due: ["2023-01-31"], recurring: false, event: null, year: 2023 }],
  ["Quý I năm 2023", 4, { due: ["2023-03-31"], recurring: false, event: null, year: 2023 }],
  ["Định kỳ trong năm 2023", 1, { due: [], recurring: true, event: null, year: 2023 }],
  [
    "Sau khi có kết quả công bố",
    1,
    { due: [], recurring: false, event: "Sau khi có kết quả công bố", year: null },
  ],
  ["Quý II năm 2023", 2, { due: ["2023-06-30"], recurring: false, event: null, year: 2023 }],
  ["Năm 2023", 6, { due: ["2023-12-31"], recurring: false, event: null, year: 2023 }],
  [
    "Theo quy định của cơ quan có thẩm quyền",
    1,
    { due: [], recurring: false, event: "Theo quy định của cơ quan có thẩm quyền", year: null },
  ],
  ["Tháng 01 năm 2023", 1, { due: ["2023-01-31"], recurring: false, event: null, year: 2023 }],
  ["Định kỳ, đột xuất trong năm", 1, { due: [], recurring: true, event: null, year: null }],
  ["Định kỳ trong năm", 2, { due: [], recurring: true, event: null, year: null }],
  ["Thường xuyên", 9, { due: [], recurring: true, event: null, year: null }],
  ["Tháng 8 năm 2023", 1, { due: ["2023-08-31"], recurring: false, event: null, year: 2023 }],
  ["Tháng 4 năm 2023", 1, { due: ["2023-04-30"], recurring: false, event: null, year: 2023 }],
  ["Định kỳ theo báo cáo CCHC", 3, { due: [], recurring: true, event: null, year: null }],
  [
    "Quý II, III năm 2023",
    1,
    { due: ["2023-06-30", "2023-09-30"], recurring: false, event: null, year: 2023 },
  ],
  ["Năm 2022", 1, { due: ["2022-12-31"], recurring: false, event: null, year: 2022 }],
  ["Thường xuyên trong năm", 1, { due: [], recurring: true, event: null, year: null }],
  ["Theo BC CCHC định kỳ", 2, { due: [], recurring: true, event: null, year: null }],
  ["Tháng 1/2023", 1, { due: ["2023-01-31"], recurring: false, event: null, year: 2023 }],
  ["Theo định kỳ", 7, { due: [], recurring: true, event: null, year: null }],
  ["Quý IV năm 2023", 1, { due: ["2023-12-31"], recurring: false, event: null, year: 2023 }],
  ["Quý I/2023", 1, { due: ["2023-03-31"], recurring: false, event: null, year: 2023 }],
  ["Quý IV/2022 và theo định kỳ", 1, { due: ["2022-12-31"], recurring: true, event: null, year: 2022 }],
];

function parsed(text: string, planYear?: number): Deadline {
  const r = parseDeadline(text, planYear);
  if (!r.ok) throw new Error(`expected "${text}" to parse: ${JSON.stringify(r.reason)}`);
  return r.deadline;
}

const view = (d: Deadline): Expected => ({
  due: d.dueDates.map(isoDate),
  recurring: d.recurring,
  event: d.event,
  year: d.year,
});

describe("parseDeadline on the seed plan's appendix", () => {
  it("covers all 58 dated rows of the appendix", () => {
    expect(SEED_DEADLINES.reduce((n, [, rows]) => n + rows, 0)).toBe(58);
    expect(new Set(SEED_DEADLINES.map(([t]) => t)).size).toBe(SEED_DEADLINES.length);
  });

  it.each(SEED_DEADLINES)("%s", (text, _rows, expected) => {
    const d = parsed(text);
    expect(d.text).toBe(text);
    expect(view(d)).toEqual(expected);
  });

  it("parses the same with a plan year given (every seed phrase names its year or needs none)", () => {
    for (const [text, , expected] of SEED_DEADLINES) expect(view(parsed(text, 2023))).toEqual(expected);
  });

  it("is blind to case and NFC/NFD", () => {
    for (const [text, , expected] of SEED_DEADLINES) {
      expect(view(parsed(text.normalize("NFD")))).toEqual(expected);
      expect(view(parsed(text.toUpperCase()))).toEqual({
        ...expected,
        event: expected.event === null ? null : expected.event.toUpperCase(),
      });
    }
  });
});

describe("parseDeadline on other forms", () => {
  it.each([
    ["tháng 8/2023", ["2023-08-31"]],
    ["Tháng 2 năm 2024", ["2024-02-29"]],
    ["Tháng 12/2022", ["2022-12-31"]],
    ["Quý 1 năm 2023", ["2023-03-31"]],
    ["quý 4/2022", ["2022-12-31"]],
    ["Quý III/2023", ["2023-09-30"]],
    ["Quý I và Quý III năm 2023", ["2023-03-31", "2023-09-30"]],
    ["Quý IV/2022 và Quý I/2023", ["2022-12-31", "2023-03-31"]],
    ["Trước ngày 15/3/2023", ["2023-03-15"]],
    ["ngày 30/6/2023", ["2023-06-30"]],
    ["Ngày 15 tháng 3 năm 2023", ["2023-03-15"]],
    ["30/06/2023", ["2023-06-30"]],
    ["6 tháng đầu năm 2023", ["2023-06-30"]],
    ["9 tháng đầu năm 2023", ["2023-09-30"]],
    ["6 tháng cuối năm 2023", ["2023-12-31"]],
    ["Trong năm 2023", ["2023-12-31"]],
    ["Cuối quý II/2023", ["2023-06-30"]],
    ["Trong tháng 8 năm 2023", ["2023-08-31"]],
    ["Hoàn thành trong Quý I/2023", ["2023-03-31"]],
    ["Hoàn thành trước ngày 15/3/2023", ["2023-03-15"]],
    ["Trong cả năm 2023", ["2023-12-31"]],
  ])("%s → %j", (text, due) => {
    expect(parsed(text).dueDates.map(isoDate)).toEqual(due);
  });

  it("uses the plan year when a dated phrase names none", () => {
    expect(view(parsed("Quý II", 2023))).toEqual({
      due: ["2023-06-30"],
      recurring: false,
      event: null,
      year: 2023,
    });
    expect(parsed("Tháng 8", 2024).dueDates).toEqual([civil(2024, 8, 31)]);
    expect(parsed("Trước ngày 15/3", 2023).dueDates).toEqual([civil(2023, 3, 15)]);
    expect(parsed("Trong năm", 2023).dueDates).toEqual([civil(2023, 12, 31)]);
  });

  it.each([
    "Hằng năm",
    "Hàng năm",
    "Thường xuyên, liên tục",
    "Định kỳ hằng quý",
    "Thường xuyên trong năm 2023",
  ])("%s is recurring without a due date", (text) => {
    const d = parsed(text);
    expect(d.recurring).toBe(true);
    expect(d.dueDates).toEqual([]);
    expect(d.event).toBeNull();
  });

  it.each([
    ["Theo yêu cầu", "Theo yêu cầu"],
    ["Sau khi có kết quả công bố.", "Sau khi có kết quả công bố"],
    ["Khi có văn bản hướng dẫn của Bộ", "Khi có văn bản hướng dẫn của Bộ"],
    ["Quý IV/2022 và sau khi có kết quả", "sau khi có kết quả"],
  ])("%s is an event", (text, event) => {
    expect(parsed(text).event).toBe(event);
  });

  it("returns the event as written even from NFD input", () => {
    expect(parsed("Sau khi có kết quả công bố".normalize("NFD")).event).toBe("Sau khi có kết quả công bố");
  });
});

describe("parseDeadline failures carry reasons", () => {
  it.each([
    ["", "để trống"],
    ["   ", "để trống"],
    ["Quý II", "không ghi năm"],
    ["Tháng 8", "không ghi năm"],
    ["Quý V/2023", "Quý không hợp lệ"],
    ["Quý 5 năm 2023", "Quý không hợp lệ"],
    ["Tháng 13/2023", "Tháng không hợp lệ"],
    ["ngày 31/2/2023", "Ngày không hợp lệ: 31/2/2023"],
    ["Quý I/23", "không ghi năm"],
    ["Năm 2023-2025", "Không hiểu"],
    ["Sớm", "Không hiểu"],
    ["Quý IV năm 2022 và", "Không hiểu"],
    ["Quý IV năm 2022 hoặc Quý I năm 2023", "Không hiểu"],
    ["Năm 1800", "ngoài khoảng"],
    ["x".repeat(600), "dài quá"],
  ])("%j", (text, reason) => {
    const r = parseDeadline(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.text).toBe(text);
    expect(deadlineReason(r.reason).vi.toLowerCase()).toContain(reason.toLowerCase());
    expect(deadlineReason(r.reason).en.length).toBeGreaterThan(10);
  });

  it("does not take a two-digit year for a plan year's", () => {
    const r = parseDeadline("Quý I/23", 2023);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toEqual({ kind: "unknown", rest: "23", whole: "Quý I/23" });
  });

  it("ignores a plan year that is not a year", () => {
    expect(parseDeadline("Quý II", 23.5).ok).toBe(false);
    expect(parseDeadline("Quý II", 99999).ok).toBe(false);
  });
});

describe("finalDueDate and isOverdue", () => {
  const twoQuarters = parsed("Quý II, III năm 2023");
  const recurring = parsed("Thường xuyên");

  it("takes the last hard due date", () => {
    expect(finalDueDate(twoQuarters)).toEqual(civil(2023, 9, 30));
    expect(finalDueDate(parsed("Quý IV/2022 và theo định kỳ"))).toEqual(civil(2022, 12, 31));
    expect(finalDueDate(recurring)).toBeNull();
  });

  it("is null without a hard date", () => {
    expect(isOverdue(recurring, null, civil(2030, 1, 1))).toBeNull();
    expect(isOverdue(parsed("Theo yêu cầu"), civil(2023, 1, 1), civil(2030, 1, 1))).toBeNull();
  });

  it("judges done tasks by their completion date", () => {
    const d = parsed("Quý IV năm 2022");
    expect(isOverdue(d, civil(2022, 12, 31), civil(2023, 6, 1))).toBe(false);
    expect(isOverdue(d, civil(2023, 1, 1), civil(2023, 6, 1))).toBe(true);
  });

  it("judges unfinished tasks by the as-of date", () => {
    const d = parsed("Quý IV năm 2022");
    expect(isOverdue(d, null, civil(2022, 12, 31))).toBe(false);
    expect(isOverdue(d, null, civil(2023, 1, 1))).toBe(true);
    // completed only after the as-of date: as of then it was still open
    expect(isOverdue(d, civil(2023, 2, 1), civil(2022, 12, 15))).toBe(false);
    expect(isOverdue(d, civil(2023, 2, 1), civil(2023, 1, 15))).toBe(true);
  });
});

describe("parseDeadline properties", () => {
  const words = [
    "Quý",
    "quý",
    "I",
    "II",
    "III",
    "IV",
    "V",
    "Tháng",
    "năm",
    "Năm",
    "và",
    "2023",
    "2022",
    "01",
    "13",
    "/",
    ",",
    "Thường xuyên",
    "Định kỳ",
    "theo",
    "Sau khi",
    "ngày",
    "15/3/2023",
    "6 tháng đầu",
    "trong",
  ];

  it("never throws and always returns a reason or a tidy deadline", () => {
    const input = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.string({ unit: "grapheme", maxLength: 40 }),
      fc.array(fc.constantFrom(...words), { maxLength: 8 }).map((ws) => ws.join(" ")),
    );
    fc.assert(
      fc.property(input, fc.option(fc.integer({ min: -5, max: 12000 }), { nil: undefined }), (text, year) => {
        const r = parseDeadline(text, year);
        if (r.ok) {
          const d = r.deadline;
          expect(d.dueDates.length + (d.recurring ? 1 : 0) + (d.event ? 1 : 0)).toBeGreaterThan(0);
          for (let i = 1; i < d.dueDates.length; i++) {
            expect(isoDate(d.dueDates[i - 1]) < isoDate(d.dueDates[i])).toBe(true);
          }
        } else {
          expect(deadlineReason(r.reason).vi.length).toBeGreaterThan(0);
          expect(deadlineReason(r.reason).en.length).toBeGreaterThan(0);
        }
      }),
      { seed: 20231213, numRuns: 1000 },
    );
  });

  it("gives a quarter's last day for any quarter and year, Roman or Arabic", () => {
    const roman = ["I", "II", "III", "IV"];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1900, max: 9999 }),
        fc.boolean(),
        (q, y, r) => {
          const text = `Quý ${r ? roman[q - 1] : q}/${y}`;
          const due = finalDueDate(parsed(text));
          expect(due).toEqual(civil(y, 3 * q, [31, 30, 30, 31][q - 1]));
        },
      ),
      { seed: 20231213, numRuns: 300 },
    );
  });
});
