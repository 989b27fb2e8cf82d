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
  type SumRule,
} from "../indicators";
import { problem, type Problem } from "../problem";
import type { IndicatorRef } from "../problemCatalogue";
import { checkStatedRate, statedRate } from "../rate";
import type { ReportFigure, ReportModel } from "../report/read";
import { upperCode } from "../text/plainText";

const ref = (i: Indicator): IndicatorRef => ({
  code: i.code,
  name: i.name_vi,
  name_en: i.name_en,
  unit: i.unit,
});

/** What checking figures looks up in a catalogue, built once per catalogue (every report of a
 * consolidation is checked against the same one), and again should its lists be replaced. A code is
 * looked up once per report figure: the rules below name indicators by their slot (the position of
 * the catalogue's last indicator with that upper-case code; -1 for a code the catalogue lacks). */
interface CatalogueIndex {
  lists: readonly unknown[];
  /** Upper-case code → slot. */
  slots: Map<string, number>;
  /** Each catalogue indicator's slot, in catalogue order. */
  slotOf: number[];
  /** Each indicator's figure ceiling, in catalogue order (read at slots). */
  ceilings: number[];
  sums: { rule: SumRule; whole: number; parts: number[]; other: number }[];
  limits: { rule: LimitRule; part: number; whole: number }[];
  /** Per catalogue indicator: its rate's numerator and denominator slots (-1 when it has none). */
  rates: { numerator: number; denominator: number }[];
}
const indexes = new WeakMap<Catalogue, CatalogueIndex>();

function catalogueIndex(catalogue: Catalogue): CatalogueIndex {
  const lists = [catalogue.indicators, catalogue.sums, catalogue.limits, catalogue.ceilings];
  const known = indexes.get(catalogue);
  if (known && known.lists.every((l, i) => l === lists[i])) return known;
  const slots = new Map(catalogue.indicators.map((ind, i) => [upperCode(ind.code), i]));
  const slot = (code: string | undefined): number => (code ? (slots.get(upperCode(code)) ?? -1) : -1);
  const index: CatalogueIndex = {
    lists,
    slots,
    slotOf: catalogue.indicators.map((ind) => slot(ind.code)),
    ceilings: catalogue.indicators.map((ind) => figureCeiling(catalogue, ind.code)),
    sums: catalogue.sums.map((rule) => ({
      rule,
      whole: slot(rule.whole),
      parts: rule.parts.map(slot),
      other: slot(rule.other),
    })),
    limits: impliedLimits(catalogue).map((rule) => ({
      rule,
      part: slot(rule.part),
      whole: slot(rule.whole),
    })),
    rates: catalogue.indicators.map((ind) => ({
      numerator: slot(ind.numerator),
      denominator: slot(ind.denominator),
    })),
  };
  indexes.set(catalogue, index);
  return index;
}

export function checkFigures(report: ReportModel, catalogue: Catalogue): Problem[] {
  const sheet = report.sheets.figures;
  if (!sheet || !report.figureTable) return [];
  const problems: Problem[] = [];
  const index = catalogueIndex(catalogue);
  const indicators = catalogue.indicators;
  /** The report's first figure for each slot. */
  const bySlot: (ReportFigure | undefined)[] = new Array<ReportFigure | undefined>(indicators.length);
  const refOf = (code: string): IndicatorRef => {
    const i = index.slots.get(upperCode(code));
    return i === undefined ? { code, name: code, unit: "" } : ref(indicators[i]);
  };

  for (const f of report.figures) {
    // A code typed as the catalogue writes it is found as it is (the catalogue's codes are upper-case).
    const at = index.slots.get(f.code) ?? index.slots.get(upperCode(f.code));
    if (at === undefined) {
      problems.push(problem("FIGURE_UNKNOWN", { code: f.code }, { sheet, cell: f.cell, value: f.code }));
      continue;
    }
    const ind = indicators[at];
    const first = bySlot[at];
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
    bySlot[at] = f;
    checkValue(f, ind, sheet, index.ceilings[at], problems);
  }

  for (let i = 0; i < indicators.length; i++) {
    const ind = indicators[i];
    if (!bySlot[index.slotOf[i]])
      problems.push(problem("FIGURE_MISSING", { indicator: ref(ind) }, { sheet, value: ind.code }));
  }

  // A figure past 2^53 (FIGURE_TOO_LARGE) is not exact: it takes no part in the rules, whose messages
  // would only repeat it as a 300-digit number and hide the real cause behind a sum that fails.
  const val = (at: number) => {
    const f = at < 0 ? undefined : bySlot[at];
    return f && f.value !== null && Math.abs(f.value) <= MAX_EXACT_FIGURE ? f : null;
  };

  for (const { rule, whole: wholeAt, parts: partsAt, other: otherAt } of index.sums) {
    const whole = val(wholeAt);
    const parts = partsAt.map(val);
    if (!whole || parts.some((p) => !p)) continue;
    // The "other" bucket (returned, withdrawn, awaiting supplements …) counts as 0 when blank.
    const other = val(otherAt)?.value ?? 0; // no "other" rule: slot -1, no value
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

  for (const { rule, part: partAt, whole: wholeAt } of index.limits) {
    const { part, whole } = rule;
    const p = val(partAt);
    const w = val(wholeAt);
    if (!p || !w || p.value! <= w.value!) continue;
    problems.push(
      problem(
        "PART_EXCEEDS_WHOLE",
        { part: refOf(part), partValue: p.value!, whole: refOf(whole), wholeValue: w.value! },
        { sheet, cell: p.cell, value: p.raw },
      ),
    );
  }

  for (let i = 0; i < indicators.length; i++) {
    const ind = indicators[i];
    if (ind.kind !== "rate" || !ind.numerator || !ind.denominator) continue;
    const stated = val(index.slotOf[i]);
    const num = val(index.rates[i].numerator);
    const den = val(index.rates[i].denominator);
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

/** A figure's own value against its indicator, each problem added to `out`. */
function checkValue(f: ReportFigure, ind: Indicator, sheet: string, ceiling: number, out: Problem[]): void {
  if (f.value === null) {
    if (f.raw !== null && f.raw !== "") return; // unreadable: reported by the reader
    if (ind.kind === "rate" || ind.computed) return;
    out.push(problem("FIGURE_NOT_FILLED", { indicator: ref(ind) }, { sheet, cell: f.cell, value: f.raw }));
    return;
  }
  // What is wrong, decided first: nearly every figure is fine, and then nothing is built for it.
  const value = f.value;
  const typedAsText = typeof f.raw === "string";
  const rate = ind.kind === "rate";
  const outOfRange = rate && ind.share !== false && (value < 0 || value > 1);
  // Values no one could have meant: past 2^53 a number is no longer exact ("12345678901234567890"
  // would be stored as …567000, 1e308 overflows any total); past the catalogue's ceiling it is a typo.
  const tooLarge = !rate && Math.abs(value) > MAX_EXACT_FIGURE;
  const implausible = !rate && !tooLarge && value > ceiling;
  const negative = !rate && value < 0;
  const fractional = !rate && ind.kind === "count" && !Number.isInteger(value);
  if (!typedAsText && !outOfRange && !tooLarge && !implausible && !negative && !fractional) return;
  const where = { sheet, cell: f.cell, value: f.raw };
  const indicator = ref(ind);
  if (typedAsText)
    out.push(problem("NUMBER_TEXT", { indicator, text: f.raw, value, decimals: f.decimals ?? 0 }, where));
  if (outOfRange) out.push(problem("RATE_OUT_OF_RANGE", { indicator }, where));
  if (tooLarge) out.push(problem("FIGURE_TOO_LARGE", { indicator, text: String(f.raw) }, where));
  if (implausible) out.push(problem("FIGURE_IMPLAUSIBLE", { indicator, value, max: ceiling }, where));
  if (negative) out.push(problem("COUNT_NEGATIVE", { indicator }, where));
  if (fractional) {
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
}
