// Totals of figures over contributions (cộng số liệu): counts and amounts are summed; a rate is
// recomputed from its summed numerator and denominator — never an average of the agencies' rates.
import type { Catalogue, Indicator } from "../indicators";
import { relativeChange, safeRate } from "../rate";
import { formatVnNumber } from "../text/vnNumber";

/** Figures of one contributor, by indicator code. */
export type FigureValues = ReadonlyMap<string, number>;

/** An agency's own value of an indicator: a rate from its own numerator and denominator when both
 * are reported (what the rollup shows), else the rate as stated; counts as reported. */
export function agencyValue(ind: Indicator, values: FigureValues): number | null {
  if (ind.kind === "rate" && ind.numerator && ind.denominator) {
    const num = values.get(ind.numerator);
    const den = values.get(ind.denominator);
    if (num !== undefined && den !== undefined) return safeRate(num, den);
  }
  return values.get(ind.code) ?? null;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/**
 * The sum of finite numbers as exact decimal arithmetic, rounded once to the nearest double. Each
 * value counts as its shortest decimal text (what was typed: 5426.78), so the result never depends on
 * the order of the values (float addition does: 5426.780000000001 vs 5426.78) and re-running gives
 * byte-identical totals. Null when a value is not finite.
 */
export function exactSum(values: readonly number[]): number | null {
  // Whole numbers whose every partial sum stays within 2^53 add exactly as doubles: most figures
  // are counts, so the decimal arithmetic below is for the rest.
  let whole = 0;
  for (const v of values) {
    whole += v;
    if (!Number.isSafeInteger(v) || !Number.isSafeInteger(whole)) return exactDecimalSum(values);
  }
  return whole;
}

function exactDecimalSum(values: readonly number[]): number | null {
  const terms: { digits: bigint; exp: number }[] = [];
  let scale = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) return null;
    const m = DECIMAL.exec(String(v));
    if (!m) return null;
    const frac = m[3] ?? "";
    const exp = Number(m[4] ?? 0) - frac.length;
    terms.push({ digits: BigInt(`${m[1]}${m[2]}${frac}`), exp });
    scale = Math.max(scale, -exp);
  }
  let sum = 0n;
  for (const t of terms) sum += t.digits * 10n ** BigInt(scale + t.exp);
  const negative = sum < 0n;
  const abs = (negative ? -sum : sum).toString().padStart(scale + 1, "0");
  const text = scale === 0 ? abs : `${abs.slice(0, abs.length - scale)}.${abs.slice(abs.length - scale)}`;
  return Number(`${negative ? "-" : ""}${text}`);
}

/** A total the rollup can show: exact, finite and within 2^53 (else null: never an overflowed or
 * imprecise number such as #NUM! from three figures of 1e308). */
function storableTotal(values: readonly number[]): number | null {
  const sum = exactSum(values);
  return sum !== null && Math.abs(sum) <= Number.MAX_SAFE_INTEGER ? sum : null;
}

/** Totals over contributors, by indicator code; null where nobody reported (or a rate's summed
 * denominator is 0, or a sum is not storable: past 2^53 or overflowing). Sums are exact decimal
 * arithmetic, so the same contributions in any order give identical totals. A rate sums numerator and denominator over the contributors that reported both. */
export function sumFigures(
  catalogue: Catalogue,
  contributors: readonly FigureValues[],
): Map<string, number | null> {
  const totals = new Map<string, number | null>();
  for (const ind of catalogue.indicators) {
    if (ind.kind === "rate") {
      if (!ind.numerator || !ind.denominator) {
        totals.set(ind.code, null); // a rate without parts cannot be totalled honestly
        continue;
      }
      const nums: number[] = [];
      const dens: number[] = [];
      for (const v of contributors) {
        const n = v.get(ind.numerator);
        const d = v.get(ind.denominator);
        if (n === undefined || d === undefined) continue;
        nums.push(n);
        dens.push(d);
      }
      const num = storableTotal(nums);
      const den = storableTotal(dens);
      totals.set(ind.code, nums.length && num !== null && den !== null ? safeRate(num, den) : null);
    } else {
      const xs: number[] = [];
      for (const v of contributors) {
        const x = v.get(ind.code);
        if (x !== undefined) xs.push(x);
      }
      totals.set(ind.code, xs.length ? storableTotal(xs) : null);
    }
  }
  return totals;
}

export interface YearOnYear {
  readonly code: string;
  readonly current: number | null;
  readonly previous: number | null;
  /** Relative change for counts and amounts; the difference in percentage points (as a fraction) for rates. */
  readonly change: number | null;
  /** "tăng 12,50%", "giảm 32,27%", "không đổi"; empty when it cannot be computed. */
  readonly text_vi: string;
}

/** Year-on-year change per indicator, in the seeds' wording ("giảm 0,13% so với năm 2022"). */
export function yearOnYear(
  catalogue: Catalogue,
  current: ReadonlyMap<string, number | null>,
  previous: ReadonlyMap<string, number | null>,
): YearOnYear[] {
  return catalogue.indicators.map((ind) => {
    const cur = current.get(ind.code) ?? null;
    const prev = previous.get(ind.code) ?? null;
    let change: number | null = null;
    if (cur !== null && prev !== null) change = ind.kind === "rate" ? cur - prev : relativeChange(cur, prev);
    return { code: ind.code, current: cur, previous: prev, change, text_vi: changeText(change) };
  });
}

/** "tăng 12,50%" / "giảm 32,27%" / "không đổi" for a fractional change. */
export function changeText(change: number | null): string {
  if (change === null) return "";
  const pct = formatVnNumber(Math.abs(change), { percent: true, digits: 2 });
  if (pct === "0,00%") return "không đổi";
  return `${change > 0 ? "tăng" : "giảm"} ${pct}`;
}
