import fc from "fast-check";
import type { Catalogue } from "../indicators";
import { agencyValue, changeText, exactSum, sumFigures, yearOnYear } from "./totals";

const catalogue = {
  schemaVersion: 1,
  indicators: [
    { code: "HS_DA_GIAI_QUYET", name_vi: "Đã giải quyết", name_en: "Resolved", unit: "hồ sơ", kind: "count" },
    { code: "HS_DUNG_HAN", name_vi: "Đúng hạn", name_en: "On time", unit: "hồ sơ", kind: "count" },
    {
      code: "TL_DUNG_HAN",
      name_vi: "Tỷ lệ đúng hạn",
      name_en: "On-time rate",
      unit: "%",
      kind: "rate",
      numerator: "HS_DUNG_HAN",
      denominator: "HS_DA_GIAI_QUYET",
    },
  ],
  sums: [],
  limits: [],
  settings: { onTimeBase: "resolved", onlineShareBase: "received" },
} as Catalogue;

const arbAgency = fc
  .tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(
    ([resolved, share]) =>
      new Map([
        ["HS_DA_GIAI_QUYET", resolved],
        ["HS_DUNG_HAN", Math.floor(resolved * share)],
      ]),
  );

describe("totals", () => {
  it("sums counts exactly and recomputes rates from summed numerators over summed denominators", () => {
    fc.assert(
      fc.property(fc.array(arbAgency, { minLength: 1, maxLength: 40 }), (agencies) => {
        const t = sumFigures(catalogue, agencies);
        const den = agencies.reduce((s, a) => s + a.get("HS_DA_GIAI_QUYET")!, 0);
        const num = agencies.reduce((s, a) => s + a.get("HS_DUNG_HAN")!, 0);
        expect(t.get("HS_DA_GIAI_QUYET")).toBe(den);
        expect(t.get("HS_DUNG_HAN")).toBe(num);
        expect(t.get("TL_DUNG_HAN")).toBe(den === 0 ? null : num / den);
      }),
      { seed: 20231213, numRuns: 500 },
    );
  });

  it("never averages rates: 99/100 and 1/10 give 100/110, not 54,5%", () => {
    const t = sumFigures(catalogue, [
      new Map([
        ["HS_DA_GIAI_QUYET", 100],
        ["HS_DUNG_HAN", 99],
      ]),
      new Map([
        ["HS_DA_GIAI_QUYET", 10],
        ["HS_DUNG_HAN", 1],
      ]),
    ]);
    expect(t.get("TL_DUNG_HAN")).toBeCloseTo(100 / 110, 12);
  });

  it("leaves a total empty when nobody reported, and uses an agency's own parts for its rate", () => {
    expect(sumFigures(catalogue, [new Map()]).get("HS_DUNG_HAN")).toBeNull();
    const rate = catalogue.indicators[2];
    expect(
      agencyValue(
        rate,
        new Map([
          ["HS_DUNG_HAN", 595_634],
          ["HS_DA_GIAI_QUYET", 596_864],
          ["TL_DUNG_HAN", 0.5],
        ]),
      ),
    ).toBeCloseTo(0.99794, 5);
    expect(agencyValue(rate, new Map([["TL_DUNG_HAN", 0.5]]))).toBe(0.5);
  });

  it("states year-on-year change the seeds' way", () => {
    expect(changeText(-0.3227)).toBe("giảm 32,27%");
    expect(changeText(0.125)).toBe("tăng 12,50%");
    expect(changeText(0)).toBe("không đổi");
    const yoy = yearOnYear(
      catalogue,
      new Map([
        ["HS_DA_GIAI_QUYET", 110],
        ["TL_DUNG_HAN", 0.9979],
      ]),
      new Map([
        ["HS_DA_GIAI_QUYET", 100],
        ["TL_DUNG_HAN", 0.9992],
      ]),
    );
    expect(yoy.find((y) => y.code === "HS_DA_GIAI_QUYET")!.text_vi).toBe("tăng 10,00%");
    expect(yoy.find((y) => y.code === "TL_DUNG_HAN")!.text_vi).toBe("giảm 0,13%");
  });
});

describe("exact, order-independent sums (issue 16)", () => {
  it("the same amounts in any order give byte-identical totals", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: 0, max: 10_000_000 }).map((c) => c / 100),
          { minLength: 1, maxLength: 30 },
        ),
        fc.infiniteStream(fc.nat()),
        (amounts, keys) => {
          const shuffled = amounts
            .map((a) => ({ a, k: keys.next().value as number }))
            .sort((x, y) => x.k - y.k)
            .map((x) => x.a);
          const total = exactSum(amounts);
          expect(exactSum(shuffled)).toBe(total);
          // And it is the nearest double to the exact decimal sum (in cents).
          expect(total).toBe(Number((amounts.reduce((s, a) => s + Math.round(a * 100), 0) / 100).toFixed(2)));
        },
      ),
      { seed: 20231130, numRuns: 500 },
    );
  });

  it("5426.78 stays 5426.78 whatever the order", () => {
    const parts = [1234.56, 4000.11, 192.11];
    expect(exactSum(parts)).toBe(5426.78);
    expect(exactSum([...parts].reverse())).toBe(5426.78);
    expect(exactSum([0.1, 0.2])).toBe(0.3);
    expect(exactSum([1.5e-7, 1e21])).toBe(1e21 + 1.5e-7);
  });

  it("a total that overflows or passes 2^53 is never a number", () => {
    const big = new Map([
      ["HS_DA_GIAI_QUYET", 1e308],
      ["HS_DUNG_HAN", 1],
    ]);
    const totals = sumFigures(catalogue, [big, big, big]);
    expect(totals.get("HS_DA_GIAI_QUYET")).toBeNull();
    expect(totals.get("TL_DUNG_HAN")).toBeNull();
    const past = new Map([["HS_DA_GIAI_QUYET", Number.MAX_SAFE_INTEGER]]);
    expect(
      sumFigures(catalogue, [past, new Map([["HS_DA_GIAI_QUYET", 2]])]).get("HS_DA_GIAI_QUYET"),
    ).toBeNull();
    expect(sumFigures(catalogue, [past]).get("HS_DA_GIAI_QUYET")).toBe(Number.MAX_SAFE_INTEGER);
  });
});
