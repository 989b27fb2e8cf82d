import fc from "fast-check";
import { addDays, civil, compareCivil, isoDate } from "./civilDate";
import {
  CALENDAR,
  DECREE_09,
  inPeriod,
  isValidCutoffRule,
  makePeriod,
  parsePeriod,
  periodCode,
  periodLabelEn,
  periodLabelVi,
  periodLastMonth,
  periodRange,
  previousYearPeriod,
  samePeriod,
  type Period,
  type Quarter,
} from "./period";
import { periodReason } from "./problemCatalogue";

const q = (year: number, quarter: Quarter): Period => makePeriod("quarter", year, quarter);
const half = (year: number) => makePeriod("half", year);
const nine = (year: number) => makePeriod("nine", year);
const year = (y: number) => makePeriod("year", y);

const isoRange = (p: Period, rule = DECREE_09) => {
  const { start, end } = periodRange(p, rule);
  return `${isoDate(start)}..${isoDate(end)}`;
};

function ok(input: string | number): Period {
  const r = parsePeriod(input);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(input)} to parse: ${JSON.stringify(r.reason)}`);
  return r.period;
}

describe("parsePeriod", () => {
  it.each<[string | number, Period]>([
    ["2023", year(2023)],
    [2023, year(2023)],
    ["Năm 2023", year(2023)],
    ["năm 2023", year(2023)],
    ["NĂM 2023", year(2023)],
    ["Year 2023", year(2023)],
    ["2023-Q2", q(2023, 2)],
    ["2023-q2", q(2023, 2)],
    ["Q2 2023", q(2023, 2)],
    ["Quý II/2023", q(2023, 2)],
    ["Quý 2 năm 2023", q(2023, 2)],
    ["quý iv năm 2022", q(2022, 4)],
    ["Quý I/2023".normalize("NFD"), q(2023, 1)],
    ["2023-H1", half(2023)],
    ["H1 2023", half(2023)],
    ["6 tháng đầu năm 2023", half(2023)],
    ["6 tháng năm 2023", half(2023)],
    ["2023-9M", nine(2023)],
    ["9 tháng năm 2023", nine(2023)],
    ["9 tháng đầu năm 2023", nine(2023)],
    ["9 months 2023", nine(2023)],
    ["  Quý  III / 2023 ", q(2023, 3)],
  ])("%j", (input, expected) => {
    expect(ok(input)).toEqual(expected);
  });

  it.each<[string | number, string]>([
    ["", "để trống"],
    ["Quý V/2023", "Không hiểu"],
    ["2023-Q5", "Không hiểu"],
    ["2023-H2", "Không hiểu"],
    ["6 tháng cuối năm 2023", "Không hiểu"],
    ["Quý II", "Không hiểu"],
    ["23", "Không hiểu"],
    [2023.5, "không hợp lệ"],
    [Number.NaN, "không hợp lệ"],
    ["1800", "ngoài khoảng"],
    [0, "Không hiểu"],
    ["x".repeat(300), "quá dài"],
  ])("rejects %j with a reason", (input, reason) => {
    const r = parsePeriod(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(periodReason(r.reason).vi.toLowerCase()).toContain(reason.toLowerCase());
    expect(periodReason(r.reason).en.length).toBeGreaterThan(5);
  });
});

describe("codes and labels", () => {
  it.each<[Period, string, string, string]>([
    [q(2023, 2), "2023-Q2", "Quý II/2023", "Q2 2023"],
    [q(2022, 4), "2022-Q4", "Quý IV/2022", "Q4 2022"],
    [half(2023), "2023-H1", "6 tháng đầu năm 2023", "H1 2023"],
    [nine(2023), "2023-9M", "9 tháng năm 2023", "9 months 2023"],
    [year(2023), "2023", "Năm 2023", "Year 2023"],
  ])("%j", (p, code, vi, en) => {
    expect(periodCode(p)).toBe(code);
    expect(periodLabelVi(p)).toBe(vi);
    expect(periodLabelEn(p)).toBe(en);
  });

  const period = fc
    .tuple(fc.constantFrom("year", "quarter", "half", "nine" as const), fc.integer({ min: 1901, max: 9999 }))
    .chain(([kind, y]) =>
      fc.constantFrom<Quarter>(1, 2, 3, 4).map((qq) => makePeriod(kind as Period["kind"], y, qq)),
    );

  it("round-trips through code, Vietnamese and English labels", () => {
    fc.assert(
      fc.property(period, (p) => {
        expect(ok(periodCode(p))).toEqual(p);
        expect(ok(periodLabelVi(p))).toEqual(p);
        expect(ok(periodLabelVi(p).normalize("NFD"))).toEqual(p);
        expect(ok(periodLabelEn(p))).toEqual(p);
      }),
      { seed: 20231213, numRuns: 500 },
    );
  });

  it("never throws on arbitrary input", () => {
    const input = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.string({ unit: "grapheme", maxLength: 30 }),
      fc.double(),
      fc.integer(),
    );
    fc.assert(
      fc.property(input, (x) => {
        const r = parsePeriod(x);
        if (!r.ok) expect(periodReason(r.reason).vi.length).toBeGreaterThan(0);
        else expect(r.period.year).toBeGreaterThanOrEqual(1901);
      }),
      { seed: 20231213, numRuns: 1000 },
    );
  });
});

describe("periodRange under Decree 09/2019/NĐ-CP (default)", () => {
  it.each<[Period, string]>([
    [q(2023, 1), "2022-12-15..2023-03-14"],
    [q(2023, 2), "2023-03-15..2023-06-14"],
    [q(2023, 3), "2023-06-15..2023-09-14"],
    [q(2023, 4), "2023-09-15..2023-12-14"],
    [half(2023), "2022-12-15..2023-06-14"],
    [nine(2023), "2022-12-15..2023-09-14"],
    [year(2023), "2022-12-15..2023-12-14"],
  ])("%j → %s", (p, range) => {
    expect(isoRange(p)).toBe(range);
    expect(isoRange(p, DECREE_09)).toBe(range);
  });

  it("tiles the year: each quarter starts the day after the previous one ends", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1902, max: 9998 }), fc.integer({ min: 2, max: 28 }), (y, startDay) => {
        const rule = { kind: "custom", startDay } as const;
        const ranges = [1, 2, 3, 4].map((n) => periodRange(q(y, n as Quarter), rule));
        expect(ranges[0].start).toEqual(addDays(periodRange(q(y - 1, 4), rule).end, 1));
        for (let i = 1; i < 4; i++) expect(ranges[i].start).toEqual(addDays(ranges[i - 1].end, 1));
        expect(periodRange(year(y), rule)).toEqual({ start: ranges[0].start, end: ranges[3].end });
      }),
      { seed: 20231213, numRuns: 200 },
    );
  });
});

describe("periodRange with other rules", () => {
  it.each<[Period, string]>([
    [q(2023, 1), "2023-01-01..2023-03-31"],
    [q(2024, 1), "2024-01-01..2024-03-31"],
    [q(2023, 4), "2023-10-01..2023-12-31"],
    [half(2023), "2023-01-01..2023-06-30"],
    [nine(2023), "2023-01-01..2023-09-30"],
    [year(2023), "2023-01-01..2023-12-31"],
  ])("calendar %j → %s", (p, range) => {
    expect(isoRange(p, CALENDAR)).toBe(range);
  });

  it("custom start day has Decree 09's shape", () => {
    const rule = { kind: "custom", startDay: 20 } as const;
    expect(isoRange(q(2023, 1), rule)).toBe("2022-12-20..2023-03-19");
    expect(isoRange(half(2023), rule)).toBe("2022-12-20..2023-06-19");
    expect(isoRange(year(2023), rule)).toBe("2022-12-20..2023-12-19");
  });

  it("rejects impossible custom rules", () => {
    expect(isValidCutoffRule({ kind: "custom", startDay: 1 })).toBe(false);
    expect(isValidCutoffRule({ kind: "custom", startDay: 29 })).toBe(false);
    expect(isValidCutoffRule({ kind: "custom", startDay: 10.5 })).toBe(false);
    expect(isValidCutoffRule({ kind: "custom", startDay: 28 })).toBe(true);
    expect(isValidCutoffRule(DECREE_09)).toBe(true);
    expect(() => periodRange(q(2023, 1), { kind: "custom", startDay: 31 })).toThrow(RangeError);
  });

  it("inPeriod includes both ends", () => {
    expect(inPeriod(civil(2022, 12, 15), q(2023, 1))).toBe(true);
    expect(inPeriod(civil(2023, 3, 14), q(2023, 1))).toBe(true);
    expect(inPeriod(civil(2023, 3, 15), q(2023, 1))).toBe(false);
    expect(inPeriod(civil(2023, 3, 15), q(2023, 1), CALENDAR)).toBe(true);
  });
});

describe("helpers", () => {
  it("periodLastMonth", () => {
    expect(periodLastMonth(q(2023, 2))).toEqual({ y: 2023, m: 6 });
    expect(periodLastMonth(q(2023, 1))).toEqual({ y: 2023, m: 3 });
    expect(periodLastMonth(half(2023))).toEqual({ y: 2023, m: 6 });
    expect(periodLastMonth(nine(2023))).toEqual({ y: 2023, m: 9 });
    expect(periodLastMonth(year(2023))).toEqual({ y: 2023, m: 12 });
  });

  it("the Decree 09 window ends in the period's last month", () => {
    for (const p of [q(2023, 1), q(2023, 2), q(2023, 3), q(2023, 4), half(2023), nine(2023), year(2023)]) {
      const { end } = periodRange(p);
      expect({ y: end.y, m: end.m }).toEqual(periodLastMonth(p));
      expect(compareCivil(periodRange(p).start, end)).toBeLessThan(0);
    }
  });

  it("samePeriod and previousYearPeriod", () => {
    expect(samePeriod(q(2023, 2), ok("Quý II/2023"))).toBe(true);
    expect(samePeriod(q(2023, 2), q(2023, 3))).toBe(false);
    expect(samePeriod(q(2023, 2), half(2023))).toBe(false);
    expect(samePeriod(year(2023), year(2022))).toBe(false);
    expect(previousYearPeriod(q(2023, 2))).toEqual(q(2022, 2));
    expect(previousYearPeriod(nine(2023))).toEqual(nine(2022));
    expect(previousYearPeriod(year(2023))).toEqual({ kind: "year", year: 2022 });
  });
});
