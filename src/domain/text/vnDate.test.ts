import fc from "fast-check";
import { civil, civilToSerial, isValidCivil } from "../civilDate";
import { formatVnDate, formatVnDateLong, parseVnDate } from "./vnDate";

const SEED = { seed: 20231213, numRuns: 500 };
const DEC_13 = civil(2022, 12, 13); // Decision 2621/QĐ-UBND, seed 001

describe("parseVnDate", () => {
  test.each([
    "13/12/2022",
    "13-12-2022",
    "13.12.2022",
    " 13 / 12 / 2022 ",
    "ngày 13 tháng 12 năm 2022",
    "Ngày 13 tháng 12 năm 2022",
    "ngay 13 thang 12 nam 2022",
    "ngày 13 tháng 12 năm 2022".normalize("NFD"),
    "ngày\u00a013\u00a0tháng 12 năm 2022",
    "13 tháng 12 năm 2022",
    "ngày 13/12/2022",
    "2022-12-13",
    "2022-12-13T00:00:00",
    "13/12/2022 08:30",
  ])("%j → 13/12/2022", (text) => {
    expect(parseVnDate(text)).toEqual(DEC_13);
  });

  test("day first: 05/01/2023 is 5 January", () => {
    expect(parseVnDate("05/01/2023")).toEqual(civil(2023, 1, 5));
    expect(parseVnDate("5/1/2023")).toEqual(civil(2023, 1, 5));
  });

  test("Excel serial numbers, time fraction dropped", () => {
    expect(parseVnDate(44926)).toEqual(civil(2022, 12, 31));
    expect(parseVnDate(44908.75)).toEqual(DEC_13);
    expect(parseVnDate(civilToSerial(civil(2024, 2, 29)))).toEqual(civil(2024, 2, 29));
  });

  test.each([
    "31/02/2023",
    "29/02/2023",
    "32/01/2023",
    "13/13/2022",
    "00/12/2022",
    "13/12/22",
    "13/12-2022",
    "2022-02-30",
    "ngày 31 tháng 4 năm 2023",
    "Quý IV năm 2022",
    "Thường xuyên",
    "",
    "abc",
  ])("not a date: %j", (text) => {
    expect(parseVnDate(text)).toBeUndefined();
  });

  test.each([null, true, 0, -5, Number.NaN])("not a date: %j", (v) => {
    expect(parseVnDate(v)).toBeUndefined();
  });

  test("leap day 29/02/2024 exists", () => {
    expect(parseVnDate("29/02/2024")).toEqual(civil(2024, 2, 29));
  });

  test("never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" })), (s) => {
        const d = parseVnDate(s);
        if (d) expect(isValidCivil(d.y, d.m, d.d)).toBe(true);
      }),
      SEED,
    );
  });
});

describe("formatVnDate / formatVnDateLong", () => {
  test("short form pads day and month", () => {
    expect(formatVnDate(DEC_13)).toBe("13/12/2022");
    expect(formatVnDate(civil(2023, 1, 5))).toBe("05/01/2023");
  });

  test("long form follows Decree 30/2020: zero before days < 10 and months 1–2 only", () => {
    expect(formatVnDateLong(DEC_13)).toBe("ngày 13 tháng 12 năm 2022");
    expect(formatVnDateLong(civil(2023, 1, 5))).toBe("ngày 05 tháng 01 năm 2023");
    expect(formatVnDateLong(civil(2023, 2, 10))).toBe("ngày 10 tháng 02 năm 2023");
    expect(formatVnDateLong(civil(2023, 3, 10))).toBe("ngày 10 tháng 3 năm 2023");
  });

  test("both forms round-trip through parseVnDate", () => {
    const date = fc
      .record({
        y: fc.integer({ min: 1900, max: 9999 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 31 }),
      })
      .filter(({ y, m, d }) => isValidCivil(y, m, d))
      .map(({ y, m, d }) => civil(y, m, d));
    fc.assert(
      fc.property(date, (d) => {
        expect(parseVnDate(formatVnDate(d))).toEqual(d);
        expect(parseVnDate(formatVnDateLong(d))).toEqual(d);
        expect(parseVnDate(civilToSerial(d))).toEqual(d);
      }),
      SEED,
    );
  });
});
