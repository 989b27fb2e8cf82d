// Hostile input to every text parser and to the validation engine: seeded, replayable property tests
// (fast-check, seed 20231213). Each parser never throws on any cell value, and round-trips where a
// round trip is defined. Complements the per-module tests beside src/domain.
import fc from "fast-check";
import { resolveAgency, parseAgencyCell, expandGroup, type Agency } from "../../src/domain/agencies";
import { EXCEL_ERRORS, type CellValue, type Grid } from "../../src/domain/cell";
import { civil, civilToSerial, isoDate, lastDayOfMonth } from "../../src/domain/civilDate";
import { finalDueDate, parseDeadline } from "../../src/domain/deadline";
import {
  parsePeriod,
  periodCode,
  periodLabelEn,
  periodLabelVi,
  makePeriod,
  type Quarter,
} from "../../src/domain/period";
import { readReport } from "../../src/domain/report/read";
import { parseTaskStatus } from "../../src/domain/taskStatus";
import { convertLegacyToUnicode, detectLegacyEncoding } from "../../src/domain/text/legacyEncoding";
import { foldKey, matchHeader } from "../../src/domain/text/normalize";
import { formatVnDate, parseVnDate } from "../../src/domain/text/vnDate";
import { formatVnNumber, parseVnNumber } from "../../src/domain/text/vnNumber";
import { validateReport } from "../../src/domain/validation/validateReport";
import { examplePlan, filledReport, gridsOf } from "../helpers/fixtures";

const SEED = 20231213;
const runs = (numRuns: number) => ({ seed: SEED, numRuns });

/** Any cell value an adapter can hand over, and some it should not (NaN, ±Infinity, -0). */
const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme" }),
  fc.double(),
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, -1e308, 2958466, 2958465.99999, 0, 60, 61),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(...EXCEL_ERRORS),
  // Text that looks like what people type: digits with dots, commas, spaces and percent signs.
  fc.stringMatching(/^[-+=@]?[0-9 .,]{0,14}%?$/),
);

describe("parsers never throw on any cell value", () => {
  it.each<[string, (v: CellValue) => unknown]>([
    ["parseVnNumber", (v) => parseVnNumber(v)],
    ["parseVnDate", (v) => parseVnDate(v)],
    ["parsePeriod", (v) => parsePeriod(typeof v === "number" ? v : String(v))],
    ["parseDeadline", (v) => parseDeadline(String(v), typeof v === "number" ? v : undefined)],
    ["parseTaskStatus", (v) => parseTaskStatus(String(v))],
    ["detectLegacyEncoding", (v) => detectLegacyEncoding(String(v))],
    [
      "convertLegacyToUnicode",
      (v) => [convertLegacyToUnicode(String(v), "tcvn3"), convertLegacyToUnicode(String(v), "vni")],
    ],
    [
      "foldKey / matchHeader",
      (v) => matchHeader(String(v), ["Tình trạng", "Ngày hoàn thành"]) && foldKey(String(v)),
    ],
  ])("%s", (_name, parse) => {
    fc.assert(
      fc.property(anyCell, (v) => {
        parse(v);
      }),
      runs(1000),
    );
  });

  it("agency lookups: resolveAgency, parseAgencyCell, expandGroup", () => {
    const { registry } = examplePlan();
    fc.assert(
      fc.property(anyCell, (v) => {
        const text = String(v);
        resolveAgency(registry, text);
        parseAgencyCell(registry, text);
        expandGroup(registry, text);
      }),
      runs(1000),
    );
  });

  it("parsed numbers are finite, parsed dates are valid calendar days", () => {
    fc.assert(
      fc.property(anyCell, (v) => {
        const n = parseVnNumber(v);
        if (n.ok) expect(Number.isFinite(n.value)).toBe(true);
        const d = parseVnDate(v);
        if (d) expect(isoDate(d)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      runs(1000),
    );
  });
});

describe("round trips", () => {
  it("Vietnamese numbers: format → parse gives the number back, for counts, amounts and rates", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 3 }), (k, digits) => {
        const value = k / 10 ** digits;
        const text = formatVnNumber(value, { digits });
        const back = parseVnNumber(text);
        expect(back.ok && back.value).toBeCloseTo(value, digits);
      }),
      runs(500),
    );
  });

  it("dates: a calendar day written dd/mm/yyyy, as an Excel serial or in words reads back as itself", () => {
    const day = fc
      .record({
        y: fc.integer({ min: 1901, max: 2099 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 31 }),
      })
      .filter(({ y, m, d }) => d <= lastDayOfMonth(y, m).d);
    fc.assert(
      fc.property(day, ({ y, m, d }) => {
        const date = civil(y, m, d);
        expect(parseVnDate(formatVnDate(date))).toEqual(date);
        expect(parseVnDate(`ngày ${d} tháng ${m} năm ${y}`)).toEqual(date);
        expect(parseVnDate(isoDate(date))).toEqual(date);
        expect(parseVnDate(civilToSerial(date))).toEqual(date);
      }),
      runs(500),
    );
  });

  it("periods: code, Vietnamese and English labels all read back as the same period", () => {
    const period = fc.oneof(
      fc.integer({ min: 1990, max: 2100 }).map((y) => makePeriod("year", y)),
      fc.integer({ min: 1990, max: 2100 }).map((y) => makePeriod("half", y)),
      fc.integer({ min: 1990, max: 2100 }).map((y) => makePeriod("nine", y)),
      fc
        .tuple(fc.integer({ min: 1990, max: 2100 }), fc.constantFrom<Quarter>(1, 2, 3, 4))
        .map(([y, q]) => makePeriod("quarter", y, q)),
    );
    fc.assert(
      fc.property(period, (p) => {
        for (const text of [
          periodCode(p),
          periodLabelVi(p),
          periodLabelEn(p),
          periodLabelVi(p).toUpperCase(),
        ]) {
          const back = parsePeriod(text);
          expect(back.ok && periodCode(back.period)).toBe(periodCode(p));
        }
      }),
      runs(300),
    );
  });

  it("deadlines: a month or a year phrase is due on its last day, however it is written", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        fc.boolean(),
        (y, m, nfd, upper) => {
          const variants: [string, string][] = [
            [`Tháng ${String(m).padStart(2, "0")}/${y}`, isoDate(lastDayOfMonth(y, m))],
            [`Tháng ${m} năm ${y}`, isoDate(lastDayOfMonth(y, m))],
            [`Năm ${y}`, `${y}-12-31`],
          ];
          for (const [phrase, due] of variants) {
            let text = upper ? phrase.toUpperCase() : phrase;
            if (nfd) text = text.normalize("NFD");
            const r = parseDeadline(text);
            expect(r.ok).toBe(true);
            if (r.ok) expect(isoDate(finalDueDate(r.deadline)!)).toBe(due);
          }
        },
      ),
      runs(300),
    );
  });

  describe("agency names: every agency of the registry resolves from its name and each alias", () => {
    const { registry } = examplePlan();
    // An agency that no longer exists today resolves as of a day it existed.
    const asOfFor = (a: Agency) => (a.validTo ? civil(2023, 1, 1) : civil(2025, 12, 31));
    const variants: [string, (s: string) => string][] = [
      ["as written", (s) => s],
      ["in NFD", (s) => s.normalize("NFD")],
      ["in upper case", (s) => s.toUpperCase()],
      ["in lower case", (s) => s.toLowerCase()],
      ["with extra spaces", (s) => `  ${s.replace(/ /g, "   ")}\u00a0`],
      ["all at once", (s) => `\t${s.toUpperCase().replace(/ /g, "  ")} `.normalize("NFD")],
    ];
    it.each(variants)("%s", (_label, vary) => {
      const failures: string[] = [];
      for (const a of registry.agencies) {
        for (const text of [a.name, ...a.aliases]) {
          const got = resolveAgency(registry, vary(text), asOfFor(a))?.code;
          if (got !== a.code)
            failures.push(`${JSON.stringify(vary(text))} → ${got ?? "nothing"} (want ${a.code})`);
        }
      }
      expect(failures).toEqual([]);
      expect(registry.agencies.length).toBeGreaterThan(20);
    });
  });
});

describe("the validation engine never throws, whatever the grids hold", () => {
  const { plan, registry, catalogue } = examplePlan();
  const ctx = { plan, registry, catalogue };
  const grid: fc.Arbitrary<Grid> = fc.array(fc.array(anyCell, { maxLength: 12 }), { maxLength: 25 });
  const sheetName = fc.constantFrom(
    "Thông tin",
    "Nhiệm vụ",
    "Số liệu",
    "THONG TIN",
    "Tổng hợp",
    "Sheet1",
    "",
  );

  it("on random sheets", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(sheetName, grid), { maxLength: 4 }), (sheets) => {
        const grids = new Map(sheets);
        const v = validateReport({ grids }, ctx);
        for (const p of v.problems) {
          expect(p.message_vi.length).toBeGreaterThan(0);
          expect(p.message_en.length).toBeGreaterThan(0);
        }
        readReport(grids);
      }),
      runs(300),
    );
  });

  it("on a real report with random cells overwritten (ragged rows, any value anywhere)", () => {
    const base = gridsOf(filledReport("STP", makePeriod("quarter", 2023, 2)));
    const names = [...base.keys()];
    const edit = fc.record({
      sheet: fc.nat({ max: names.length - 1 }),
      row: fc.nat({ max: 70 }),
      col: fc.nat({ max: 12 }),
      value: anyCell,
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 30 }), (edits) => {
        const grids = new Map([...base].map(([n, g]) => [n, g.map((r) => [...r])]));
        for (const e of edits) {
          const g = grids.get(names[e.sheet])!;
          while (g.length <= e.row) g.push([]);
          g[e.row][e.col] = e.value;
        }
        const v = validateReport({ grids }, ctx);
        expect(Array.isArray(v.problems)).toBe(true);
      }),
      runs(300),
    );
  });
});
