import fc from "fast-check";
import { checkStatedRate, relativeChange, safeRate } from "./rate";
import { formatVnNumber, parseVnNumber } from "./text/vnNumber";

const SEED = { seed: 20231213, numRuns: 500 };

describe("checkStatedRate", () => {
  test("98/107 (ISO 9001 communes, seed 000): 91,59% rounded and 91,58% truncated both agree", () => {
    expect(checkStatedRate(0.9159, 2, 98, 107)).toEqual({ ok: true, exact: 98 / 107, mode: "rounded" });
    expect(checkStatedRate(0.9158, 2, 98, 107)).toEqual({ ok: true, exact: 98 / 107, mode: "truncated" });
  });

  test("98/107 stated 91,60% does not agree, and says what it should have been", () => {
    expect(checkStatedRate(0.916, 2, 98, 107)).toEqual({
      ok: false,
      exact: 98 / 107,
      expectedRounded: 0.9159,
    });
  });

  test("seed figures: 595.634/596.864 = 99,79%; 1.652/1.724 = 95,8%; 1.776/26.362 = 6,74%", () => {
    expect(checkStatedRate(0.9979, 2, 595634, 596864)).toMatchObject({ ok: true, mode: "rounded" });
    expect(checkStatedRate(0.958, 1, 1652, 1724)).toMatchObject({ ok: true, mode: "rounded" });
    expect(checkStatedRate(0.0674, 2, 1776, 26362)).toMatchObject({ ok: true, mode: "rounded" });
    expect(checkStatedRate(0.0673, 2, 1776, 26362)).toMatchObject({ ok: true, mode: "truncated" });
    expect(checkStatedRate(0.9978, 2, 595634, 596864)).toMatchObject({ ok: false, expectedRounded: 0.9979 });
  });

  test("works straight from parsed text", () => {
    const stated = parseVnNumber("99,79%");
    if (!stated.ok || stated.decimals === null) throw new Error("parse failed");
    expect(checkStatedRate(stated.value, stated.decimals, 595634, 596864).ok).toBe(true);
  });

  test("precision matters: 1.652/1.724 is 95,8% and 95,82% but not 95,83%", () => {
    expect(checkStatedRate(0.9582, 2, 1652, 1724)).toMatchObject({ ok: true, mode: "rounded" });
    expect(checkStatedRate(0.9583, 2, 1652, 1724)).toMatchObject({ ok: false, expectedRounded: 0.9582 });
    expect(checkStatedRate(0.959, 1, 1652, 1724)).toMatchObject({ ok: false, expectedRounded: 0.958 });
  });

  test("whole 0 or non-finite inputs are never consistent", () => {
    expect(checkStatedRate(0, 2, 0, 0)).toEqual({ ok: false, exact: null, expectedRounded: null });
    expect(checkStatedRate(0.5, 2, 1, Number.NaN)).toEqual({ ok: false, exact: null, expectedRounded: null });
    expect(checkStatedRate(Number.NaN, 2, 1, 2)).toEqual({ ok: false, exact: 0.5, expectedRounded: null });
  });

  test("halves round away from zero, compared exactly (1/8 = 12,5% → 13% at 0 decimals)", () => {
    expect(checkStatedRate(0.13, 0, 1, 8)).toMatchObject({ ok: true, mode: "rounded" });
    expect(checkStatedRate(0.12, 0, 1, 8)).toMatchObject({ ok: true, mode: "truncated" });
    expect(checkStatedRate(0.125, 1, 1, 8)).toMatchObject({ ok: true, mode: "rounded" });
  });

  test("non-integer amounts fall back to cleaned float arithmetic", () => {
    expect(checkStatedRate(0.5, 0, 1.5, 3)).toMatchObject({ ok: true, mode: "rounded" });
    expect(checkStatedRate(0.3333, 2, 0.1, 0.3)).toMatchObject({ ok: true });
  });

  test("rejects an impossible precision (a caller bug)", () => {
    expect(() => checkStatedRate(0.5, -1, 1, 2)).toThrow(RangeError);
    expect(() => checkStatedRate(0.5, 1.5, 1, 2)).toThrow(RangeError);
  });

  test("property: the rounded and the truncated printed figure of part/whole are always accepted", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e7 }),
        fc.integer({ min: 1, max: 1e7 }),
        fc.integer({ min: 0, max: 3 }),
        (part, whole, digits) => {
          for (const truncate of [false, true]) {
            const text = formatVnNumber(part / whole, { percent: true, digits, truncate });
            const stated = parseVnNumber(text);
            if (!stated.ok || stated.decimals === null) throw new Error(text);
            expect(checkStatedRate(stated.value, stated.decimals, part, whole).ok).toBe(true);
          }
        },
      ),
      SEED,
    );
  });

  test("property: a figure one printed unit off both forms is rejected", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), (part, whole) => {
        const exactUnits = (part * 1e4) / whole; // units of 0,01%
        const wrong = Math.floor(exactUnits) + 2; // above both the truncated and the rounded figure
        expect(checkStatedRate(wrong / 1e4, 2, part, whole).ok).toBe(false);
      }),
      SEED,
    );
  });
});

describe("safeRate", () => {
  test("part/whole, null on a zero denominator", () => {
    expect(safeRate(595634, 596864)).toBeCloseTo(0.99794, 5);
    expect(safeRate(1, 0)).toBeNull();
    expect(safeRate(0, 0)).toBeNull();
    expect(safeRate(Number.NaN, 3)).toBeNull();
  });

  test("optional digits round the fraction half away from zero", () => {
    expect(safeRate(595634, 596864, 4)).toBe(0.9979);
    expect(safeRate(1652, 1724, 3)).toBe(0.958);
    expect(safeRate(1, 8, 2)).toBe(0.13);
    expect(safeRate(-1, 8, 2)).toBe(-0.13);
    expect(safeRate(1, 3, 0)).toBe(0);
    expect(() => safeRate(1, 3, -1)).toThrow(RangeError);
  });
});

describe("relativeChange", () => {
  test("fraction of the previous value; null without a base", () => {
    expect(relativeChange(110, 100)).toBeCloseTo(0.1, 12);
    expect(relativeChange(90, 100)).toBeCloseTo(-0.1, 12);
    expect(relativeChange(5, 0)).toBeNull();
    expect(relativeChange(-50, -100)).toBeCloseTo(0.5, 12);
    expect(relativeChange(Number.NaN, 1)).toBeNull();
  });
});
