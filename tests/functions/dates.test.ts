import { civil, civilToSerial } from "../../src/domain/civilDate";
import { due, overdue, periodEnd, periodStart } from "../../src/functions/dates";
import { cell, col, expectError, only } from "./helpers";

const serial = (y: number, m: number, d: number): number => civilToSerial(civil(y, m, d));

describe("CCHC.DUE", () => {
  it("dates the seed plan's deadline phrases", () => {
    expect(only(due(cell("Quý IV năm 2022")))).toBe(44926); // 31/12/2022
    expect(only(due(cell("Tháng 8 năm 2023")))).toBe(serial(2023, 8, 31));
    expect(only(due(cell("Tháng 01/2023")))).toBe(serial(2023, 1, 31));
    expect(only(due(cell("Quý I năm 2023")))).toBe(serial(2023, 3, 31));
    expect(only(due(cell("Năm 2023")))).toBe(serial(2023, 12, 31));
  });

  it("takes the last of several due dates", () => {
    expect(only(due(cell("Quý II, III năm 2023")))).toBe(serial(2023, 9, 30));
  });

  it("keeps the date of a dated clause combined with a recurring duty", () => {
    expect(only(due(cell("Quý IV/2022 và theo định kỳ")))).toBe(44926);
  });

  it("is #N/A with the reason for recurring and event deadlines", () => {
    expectError(only(due(cell("Thường xuyên"))), "#N/A", /thường xuyên\/định kỳ \("Thường xuyên"\)/);
    expectError(only(due(cell("Theo BC CCHC định kỳ"))), "#N/A", /định kỳ/);
    expectError(
      only(due(cell("Sau khi có kết quả công bố"))),
      "#N/A",
      /sự kiện \("Sau khi có kết quả công bố"\)/,
    );
  });

  it("uses the plan year for a phrase without one; null planYear means none", () => {
    expect(only(due(cell("Quý II"), 2023))).toBe(serial(2023, 6, 30));
    expect(only(due(cell("Quý II"), cell("2023")))).toBe(serial(2023, 6, 30));
    expectError(only(due(cell("Quý II"), null)), "#VALUE!");
    expect(only(due(cell("Quý IV năm 2022"), null))).toBe(44926);
  });

  it("accepts a plain date as its own due date", () => {
    expect(only(due(cell(44926)))).toBe(44926);
    expect(only(due(cell("31/12/2022")))).toBe(44926);
  });

  it("rejects blanks, text and error values with a reason", () => {
    expectError(only(due(cell(null))), "#N/A", /để trống/);
    expectError(only(due(cell("Ngay lập tức"))), "#VALUE!", /Không hiểu thời hạn/);
    expectError(only(due(cell("Quý V năm 2023"))), "#VALUE!", /Quý không hợp lệ/);
    expectError(only(due(cell(true))), "#VALUE!");
    expectError(only(due(cell("#REF!"))), "#VALUE!", /#REF!/);
    expectError(only(due(cell("Quý IV năm 2022"), "năm nay")), "#VALUE!", /Năm kế hoạch/);
  });

  it("spills a mixed column, one result per cell", () => {
    const out = due(col("Quý IV năm 2022", null, "Thường xuyên", "Năm 2023", 12));
    expect(out.map((r) => r.length)).toEqual([1, 1, 1, 1, 1]);
    expect(out[0][0]).toBe(44926);
    expectError(out[1][0], "#N/A");
    expectError(out[2][0], "#N/A");
    expect(out[3][0]).toBe(serial(2023, 12, 31));
    expect(out[4][0]).toBe(12); // a number is a date serial: 12/01/1900
  });
});

describe("CCHC.OVERDUE", () => {
  const asOf = cell("13/01/2023");

  it("is TRUE when not done and the date is past the deadline", () => {
    expect(only(overdue(cell("Quý IV năm 2022"), cell(null), asOf))).toBe(true);
  });

  it("is FALSE when done in time, or not yet due", () => {
    expect(only(overdue(cell("Quý IV năm 2022"), cell("20/12/2022"), asOf))).toBe(false);
    expect(only(overdue(cell("Quý I năm 2023"), cell(null), asOf))).toBe(false);
    expect(only(overdue(cell("Quý IV năm 2022"), cell(null), cell(44926)))).toBe(false); // on the due day
  });

  it("is TRUE when done after the due date", () => {
    expect(only(overdue(cell("Quý IV năm 2022"), cell(serial(2023, 1, 5)), asOf))).toBe(true);
  });

  it("is #N/A for a deadline without a date", () => {
    expectError(only(overdue(cell("Thường xuyên"), cell(null), asOf)), "#N/A", /không có ngày hết hạn/);
  });

  it("rejects a blank as-of date, a bad done date and error values", () => {
    expectError(only(overdue(cell("Quý IV năm 2022"), cell(null), cell(null))), "#N/A", /Ngày xét/);
    expectError(only(overdue(cell("Quý IV năm 2022"), cell("hôm qua"), asOf)), "#VALUE!", /Ngày hoàn thành/);
    expectError(only(overdue(cell("Quý IV năm 2022"), cell("31/02/2023"), asOf)), "#VALUE!");
    expectError(only(overdue(cell("Quý IV năm 2022"), cell("#N/A"), asOf)), "#N/A");
  });

  it("uses the optional plan year", () => {
    expect(only(overdue(cell("Quý II"), cell(null), cell("01/07/2023"), 2023))).toBe(true);
    expectError(only(overdue(cell("Quý II"), cell(null), cell("01/07/2023"), null)), "#VALUE!");
  });

  it("spills down columns and broadcasts a single as-of date", () => {
    const out = overdue(
      col("Quý IV năm 2022", "Quý IV năm 2022", "Thường xuyên"),
      col(null, "20/12/2022", null),
      cell(serial(2023, 1, 13)),
    );
    expect(out[0][0]).toBe(true);
    expect(out[1][0]).toBe(false);
    expectError(out[2][0], "#N/A");
  });

  it("marks cells past a shorter range's edge #N/A, as Excel does", () => {
    const out = overdue(col("Quý IV năm 2022", "Quý IV năm 2022"), col(null, null, null), asOf);
    expect(out).toHaveLength(3);
    expectError(out[2][0], "#N/A", /không cùng kích thước/);
  });
});

describe("CCHC.PERIODSTART / CCHC.PERIODEND", () => {
  it("cuts quarters by Decree 09: Q2 2023 is 15/03/2023–14/06/2023", () => {
    for (const p of ["2023-Q2", "Quý II/2023", "Quý 2 năm 2023"]) {
      expect(only(periodStart(cell(p)))).toBe(serial(2023, 3, 15));
      expect(only(periodEnd(cell(p)))).toBe(serial(2023, 6, 14));
    }
  });

  it("cuts 6 months and a year from 15/12 of the year before", () => {
    expect(only(periodStart(cell("6 tháng đầu năm 2023")))).toBe(serial(2022, 12, 15));
    expect(only(periodEnd(cell("6 tháng đầu năm 2023")))).toBe(serial(2023, 6, 14));
    expect(only(periodStart(cell("2023")))).toBe(serial(2022, 12, 15));
    expect(only(periodEnd(cell(2023)))).toBe(serial(2023, 12, 14));
  });

  it("takes a calendar or custom cut-off; null means Decree 09", () => {
    expect(only(periodStart(cell("2023-Q2"), "lịch"))).toBe(serial(2023, 4, 1));
    expect(only(periodEnd(cell("2023-Q2"), "calendar"))).toBe(serial(2023, 6, 30));
    expect(only(periodEnd(cell("2023-Q2"), 1))).toBe(serial(2023, 6, 30));
    expect(only(periodStart(cell("2023-Q2"), 20))).toBe(serial(2023, 3, 20));
    expect(only(periodEnd(cell("2023-Q2"), 20))).toBe(serial(2023, 6, 19));
    expect(only(periodEnd(cell("2023-Q2"), null))).toBe(serial(2023, 6, 14));
    expect(only(periodEnd(cell("2023-Q2"), "NĐ09"))).toBe(serial(2023, 6, 14));
  });

  it("rejects bad periods and cut-offs with a reason", () => {
    expectError(only(periodStart(cell("Quý V/2023"))), "#VALUE!", /Không hiểu kỳ báo cáo/);
    expectError(only(periodStart(cell(null))), "#N/A", /để trống/);
    expectError(only(periodStart(cell(2023.5))), "#VALUE!");
    expectError(only(periodStart(cell(false))), "#VALUE!");
    expectError(only(periodStart(cell("#DIV/0!"))), "#DIV/0!");
    expectError(only(periodStart(cell("2023"), 29)), "#VALUE!", /chốt số liệu/);
    expectError(only(periodStart(cell("2023"), "tuần")), "#VALUE!", /chốt số liệu/);
  });

  it("spills over a row of periods", () => {
    const out = periodEnd([["2023-Q1", "2023-Q2", "x"]]);
    expect(out[0].slice(0, 2)).toEqual([serial(2023, 3, 14), serial(2023, 6, 14)]);
    expectError(out[0][2], "#VALUE!");
  });
});
