// Kiểm tra's expected period: the plan year's reports from its schedule, and the one due now.
import { civil } from "../../src/domain/civilDate";
import { periodCode } from "../../src/domain/period";
import { DEFAULT_SCHEDULE } from "../../src/domain/reportSchedule";
import { defaultPeriod, yearPeriods } from "../../src/taskpane/logic/periods";

const at = (y: number, m: number, d: number) => {
  const p = defaultPeriod(DEFAULT_SCHEDULE, 2023, civil(y, m, d));
  return p ? periodCode(p) : null;
};

describe("the expected period", () => {
  it("lists the year's reports in the order they fall due (581/BNV-CCHC: Q1, H1, Q3, year)", () => {
    expect(yearPeriods(DEFAULT_SCHEDULE, 2023).map((p) => periodCode(p.period))).toEqual([
      "2023-Q1",
      "2023-H1",
      "2023-Q3",
      "2023",
    ]);
    expect(yearPeriods(null, 2024).map((p) => periodCode(p.period))).toEqual([
      "2024-Q1",
      "2024-H1",
      "2024-Q3",
      "2024",
    ]);
  });

  it("is the report due next, or due within the last two weeks", () => {
    expect(at(2023, 1, 10)).toBe("2023-Q1");
    expect(at(2023, 3, 16)).toBe("2023-Q1"); // due today
    expect(at(2023, 3, 30)).toBe("2023-Q1"); // late reports still arriving
    expect(at(2023, 4, 1)).toBe("2023-H1");
    expect(at(2023, 7, 1)).toBe("2023-Q3");
    expect(at(2023, 10, 5)).toBe("2023");
  });

  it("a plan year not begun expects its first report; one past, its year report", () => {
    expect(at(2022, 11, 20)).toBe("2023-Q1");
    expect(at(2026, 12, 1)).toBe("2023");
  });
});
