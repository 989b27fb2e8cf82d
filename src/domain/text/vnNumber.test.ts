import fc from "fast-check";
import { formatVnNumber, parseVnNumber, scaleToUnits } from "./vnNumber";

const SEED = { seed: 20231213, numRuns: 500 };

const value = (input: Parameters<typeof parseVnNumber>[0]): number => {
  const r = parseVnNumber(input);
  if (!r.ok) throw new Error(`expected a number from ${JSON.stringify(input)}, got ${r.reason}`);
  return r.value;
};

describe("parseVnNumber", () => {
  test.each([
    // Seed figures (004, 002, 000): dots group thousands.
    ["605.859", 605859],
    ["596.864", 596864],
    ["595.634", 595634],
    ["1.230", 1230],
    ["1.652", 1652],
    ["1.724", 1724],
    ["1.236", 1236],
    ["1.704", 1704],
    ["1.778", 1778],
    ["26.362", 26362],
    ["288", 288],
    ["128", 128],
    ["-12", -12],
    ["0,5", 0.5],
    ["1.234.567,89", 1234567.89],
    ["1 704", 1704],
    ["1\u00a0704", 1704],
    ["1 704,5", 1704.5],
    ["1.5", 1.5],
    ["0.500", 0.5],
    ["1,234,567", 1234567],
    ["1,234.5", 1234.5],
    ["  42  ", 42],
    ["+7", 7],
    ["\u22123", -3],
  ])("%j → %d", (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  test.each([
    ["99,79%", 0.9979, 2],
    ["95,8%", 0.958, 1],
    ["91,58%", 0.9158, 2],
    ["6,74%", 0.0674, 2],
    ["6,74 %", 0.0674, 2],
    ["6,74\u00a0%", 0.0674, 2],
    ["82.3%", 0.823, 1],
    ["100%", 1, 0],
    ["-0,13%", -0.0013, 2],
  ])("percent %j → %d with %d decimals", (text, expected, decimals) => {
    expect(parseVnNumber(text)).toEqual({ ok: true, value: expected, percent: true, decimals });
  });

  test("decimals count the written fraction digits; integers have 0; number cells null", () => {
    expect(parseVnNumber("605.859")).toEqual({ ok: true, value: 605859, percent: false, decimals: 0 });
    expect(parseVnNumber("1.652,50")).toEqual({ ok: true, value: 1652.5, percent: false, decimals: 2 });
    expect(parseVnNumber(0.9979)).toEqual({ ok: true, value: 0.9979, percent: false, decimals: null });
  });

  test("a single comma is always the decimal mark (Vietnamese), even before three digits", () => {
    expect(value("1,234")).toBe(1.234);
  });

  test("NFD input and NFC input read the same", () => {
    expect(parseVnNumber("99,79%".normalize("NFD"))).toEqual(parseVnNumber("99,79%"));
  });

  test.each([null, "", "   ", "\u00a0"])("blank: %j", (input) => {
    expect(parseVnNumber(input)).toEqual({ ok: false, reason: "blank" });
  });

  test.each(["#REF!", "#DIV/0!", "#N/A", "#VALUE!", " #NAME? "])("Excel error: %j", (input) => {
    expect(parseVnNumber(input)).toEqual({ ok: false, reason: "excel_error" });
  });

  test.each([
    true,
    false,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    "abc",
    "12abc",
    "1.23.4",
    "1..2",
    "1,2,3",
    "12,345,6",
    "5,",
    "-",
    "%",
    "--5",
    "1 70",
    "1 704.5",
    "1e5",
    "9".repeat(400),
    "Không phát sinh",
  ])("not a number: %j", (input) => {
    expect(parseVnNumber(input)).toEqual({ ok: false, reason: "not_number" });
  });

  test("never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.stringMatching(/^[\d.,% -]{0,20}$/)),
        (s) => {
          const r = parseVnNumber(s);
          expect(typeof r.ok).toBe("boolean");
          if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
        },
      ),
      SEED,
    );
  });
});

describe("formatVnNumber", () => {
  test.each([
    [605859, {}, "605.859"],
    [1230, {}, "1.230"],
    [-1230, {}, "-1.230"],
    [0, {}, "0"],
    [-0.4, {}, "0"],
    [999, {}, "999"],
    [1234567.891, { digits: 2 }, "1.234.567,89"],
    [1652.5, { digits: 1 }, "1.652,5"],
    [0.5, { digits: 3 }, "0,500"],
    [0.9979, { percent: true }, "99,79%"],
    [0.9979, { percent: true, digits: 2 }, "99,79%"],
    [0.958, { percent: true, digits: 1 }, "95,8%"],
    [1652 / 1724, { percent: true, digits: 1 }, "95,8%"],
    [98 / 107, { percent: true }, "91,59%"],
    [98 / 107, { percent: true, truncate: true }, "91,58%"],
    [1776 / 26362, { percent: true }, "6,74%"],
    [1, { percent: true, digits: 0 }, "100%"],
    [-0.0013, { percent: true }, "-0,13%"],
    [2.5, {}, "3"],
    [-2.5, {}, "-3"],
    [1.005, { digits: 2 }, "1,01"],
    [1e21, {}, "1.000.000.000.000.000.000.000"],
  ])("%d %j → %j", (n, opts, expected) => {
    expect(formatVnNumber(n, opts)).toBe(expected);
  });

  test("rejects nonsense digits (a caller bug)", () => {
    expect(() => formatVnNumber(1, { digits: -1 })).toThrow(RangeError);
    expect(() => formatVnNumber(1, { digits: 1.5 })).toThrow(RangeError);
  });

  test("integers round-trip through parseVnNumber", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(parseVnNumber(formatVnNumber(n))).toEqual({ ok: true, value: n, percent: false, decimals: 0 });
      }),
      SEED,
    );
  });

  test("decimals round-trip at their digits", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 4 }), (k, digits) => {
        const n = k / 10 ** digits;
        expect(parseVnNumber(formatVnNumber(n, { digits }))).toEqual({
          ok: true,
          value: n,
          percent: false,
          decimals: digits,
        });
      }),
      SEED,
    );
  });

  test("percentages round-trip at their digits", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e7, max: 1e7 }), fc.integer({ min: 0, max: 4 }), (k, digits) => {
        const fraction = k / 10 ** (digits + 2);
        const text = formatVnNumber(fraction, { percent: true, digits });
        expect(parseVnNumber(text)).toEqual({ ok: true, value: fraction, percent: true, decimals: digits });
      }),
      SEED,
    );
  });
});

describe("scaleToUnits", () => {
  test("ignores binary noise, rounds half away from zero, truncates toward zero", () => {
    expect(scaleToUnits(0.9979, 4, false)).toBe(9979n);
    expect(scaleToUnits(0.9979, 4, true)).toBe(9979n);
    expect(scaleToUnits(-0.12345, 4, false)).toBe(-1235n);
    expect(scaleToUnits(-0.12345, 4, true)).toBe(-1234n);
  });
});

describe("huge values (issue 16)", () => {
  it("formats 1e308 and 2^60 without overflowing", () => {
    expect(formatVnNumber(1e308)).toMatch(/^100\.000\.000\./);
    expect(formatVnNumber(2 ** 60)).toBe("1.152.921.504.606.846.976");
    expect(formatVnNumber(-(2 ** 60), { digits: 1 })).toBe("-1.152.921.504.606.846.976,0");
  });
});
