// Figure checks (số liệu): numbers as numbers, counts whole and non-negative, and the catalogue's rules —
// parts sum to wholes, a part never exceeds its whole, a stated rate agrees with its parts at its
// printed precision (rounded or truncated). A blank rate is fine: it is computed.
import {
  figureCeiling,
  impliedLimits,
  MAX_EXACT_FIGURE,
  type Catalogue,
  type Indicator,
  type LimitRule,
} from "../indicators";
import { problem, type Problem } from "../problem";
import type { IndicatorRef } from "../problemCatalogue";
import { checkStatedRate, statedRate } from "../rate";
import type { ReportFigure, ReportModel } from "../report/read";

const ref = (i: Indicator): IndicatorRef => ({
  code: i.code,
  name: i.name_vi,
  name_en: i.name_en,
  unit: i.unit,
});

/** What checking figures looks up in a catalogue, built once per catalogue (every report of a
 * consolidation is checked against the same one), and again should its lists be replaced. */
interface CatalogueIndex {
  lists: readonly unknown[];
  /** Indicators by upper-case code. */
  indicators: Map<string, Indicator>;
  ceilings: Map<string, number>;
  limits: LimitRule[];
}
const indexes = new WeakMap<Catalogue, CatalogueIndex>();

function catalogueIndex(catalogue: Catalogue): CatalogueIndex {
  const lists = [catalogue.indicators, catalogue.sums, catalogue.limits, catalogue.ceilings];
  const known = indexes.get(catalogue);
  if (known && known.lists.every((l, i) => l === lists[i])) return known;
  const index: CatalogueIndex = {
    lists,
    indicators: new Map(catalogue.indicators.map((i) => [i.code.toUpperCase(), i])),
    ceilings: new Map(catalogue.indicators.map((i) => [i.code, figureCeiling(catalogue, i.code)])),
    limits: impliedLimits(catalogue),
  };
  indexes.set(catalogue, index);
  return index;
}

export function checkFigures(report: ReportModel, catalogue: Catalogue): Problem[] {
  const sheet = report.sheets.figures;
  if (!sheet || !report.figureTable) return [];
  const problems: Problem[] = [];
  const byCode = new Map<string, ReportFigure>();
  const index = catalogueIndex(catalogue);
  const indicators = index.indicators;
  const refOf = (code: string): IndicatorRef => {
    const i = indicators.get(code.toUpperCase());
    return i ? ref(i) : { code, name: code, unit: "" };
  };

  for (const f of report.figures) {
    const key = f.code.toUpperCase();
    const ind = indicators.get(key);
    if (!ind) {
      problems.push(problem("FIGURE_UNKNOWN", { code: f.code }, { sheet, cell: f.cell, value: f.code }));
      continue;
    }
    const first = byCode.get(key);
    if (first) {
      problems.push(
        problem(
          "FIGURE_DUPLICATE",
          { indicator: ref(ind), rows: [first.row + 1, f.row + 1] },
          { sheet, cell: f.cell, value: f.code },
        ),
      );
      continue;
    }
    byCode.set(key, f);
    problems.push(...checkValue(f, ind, sheet, index.ceilings.get(ind.code)!));
  }

  for (const ind of catalogue.indicators) {
    if (!byCode.has(ind.code.toUpperCase()))
      problems.push(problem("FIGURE_MISSING", { indicator: ref(ind) }, { sheet, value: ind.code }));
  }

  // A figure past 2^53 (FIGURE_TOO_LARGE) is not exact: it takes no part in the rules, whose messages
  // would only repeat it as a 300-digit number and hide the real cause behind a sum that fails.
  const val = (code: string) => {
    const f = byCode.get(code.toUpperCase());
    return f && f.value !== null && Math.abs(f.value) <= MAX_EXACT_FIGURE ? f : null;
  };

  for (const rule of catalogue.sums) {
    const whole = val(rule.whole);
    const parts = rule.parts.map(val);
    if (!whole || parts.some((p) => !p)) continue;
    // The "other" bucket (returned, withdrawn, awaiting supplements …) counts as 0 when blank.
    const other = rule.other ? (val(rule.other)?.value ?? 0) : 0;
    const sum = parts.reduce((s, p) => s + p!.value!, 0) + other;
    if (Math.abs(sum - whole.value!) > 1e-9 * Math.max(1, Math.abs(sum))) {
      problems.push(
        problem(
          rule.severity === "warning" ? "SUM_GAP" : "SUM_MISMATCH",
          {
            whole: refOf(rule.whole),
            wholeValue: whole.value!,
            parts: [...rule.parts, ...(rule.other ? [rule.other] : [])].map(refOf),
            sum,
          },
          { sheet, cell: whole.cell, value: whole.raw },
        ),
      );
    }
  }

  for (const { part, whole } of index.limits) {
    const p = val(part);
    const w = val(whole);
    if (!p || !w || p.value! <= w.value!) continue;
    problems.push(
      problem(
        "PART_EXCEEDS_WHOLE",
        { part: refOf(part), partValue: p.value!, whole: refOf(whole), wholeValue: w.value! },
        { sheet, cell: p.cell, value: p.raw },
      ),
    );
  }

  for (const ind of catalogue.indicators) {
    if (ind.kind !== "rate" || !ind.numerator || !ind.denominator) continue;
    const stated = val(ind.code);
    const num = val(ind.numerator);
    const den = val(ind.denominator);
    if (!stated || !num || !den || stated.value! > 1 || stated.value! < 0) continue;
    const read = statedRate(stated.raw);
    if (!read.ok) continue;
    const check = checkStatedRate(read.fraction, read.percentDecimals, num.value!, den.value!);
    if (check.ok) continue;
    problems.push(
      problem(
        "RATE_MISMATCH",
        {
          rate: ref(ind),
          numerator: refOf(ind.numerator),
          denominator: refOf(ind.denominator),
          stated: read.fraction,
          decimals: read.percentDecimals,
          part: num.value!,
          whole: den.value!,
          exact: check.exact,
        },
        { sheet, cell: stated.cell, value: stated.raw },
      ),
    );
  }
  return problems;
}

function checkValue(f: ReportFigure, ind: Indicator, sheet: string, ceiling: number): Problem[] {
  const where = { sheet, cell: f.cell, value: f.raw };
  const indicator = ref(ind);
  if (f.value === null) {
    if (f.raw !== null && f.raw !== "") return []; // unreadable: reported by the reader
    if (ind.kind === "rate" || ind.computed) return [];
    return [problem("FIGURE_NOT_FILLED", { indicator }, where)];
  }
  const out: Problem[] = [];
  if (typeof f.raw === "string")
    out.push(
      problem("NUMBER_TEXT", { indicator, text: f.raw, value: f.value, decimals: f.decimals ?? 0 }, where),
    );
  if (ind.kind === "rate") {
    if (ind.share !== false && (f.value < 0 || f.value > 1))
      out.push(problem("RATE_OUT_OF_RANGE", { indicator }, where));
    return out;
  }
  // Values no one could have meant: past 2^53 a number is no longer exact ("12345678901234567890"
  // would be stored as …567000, 1e308 overflows any total); past the catalogue's ceiling it is a typo.
  if (Math.abs(f.value) > MAX_EXACT_FIGURE)
    out.push(problem("FIGURE_TOO_LARGE", { indicator, text: String(f.raw) }, where));
  else if (f.value > ceiling)
    out.push(problem("FIGURE_IMPLAUSIBLE", { indicator, value: f.value, max: ceiling }, where));
  if (f.value < 0) out.push(problem("COUNT_NEGATIVE", { indicator }, where));
  if (ind.kind === "count" && !Number.isInteger(f.value)) {
    // "605,859" typed the English way reads as 605,859 in Vietnamese: say so, never guess.
    const comma = typeof f.raw === "string" && /^\s*\d{1,3},\d{3}\s*$/.test(f.raw);
    out.push(
      problem(
        "COUNT_FRACTIONAL",
        comma ? { indicator, typedDigits: Number(String(f.raw).replace(/\D/g, "")) } : { indicator },
        where,
      ),
    );
  }
  return out;
}
