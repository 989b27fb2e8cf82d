// Rates (tỷ lệ) and the stated-percentage rule: a printed "91,58%" must agree with its numerator and
// denominator at the precision it was printed with. Reports both round and truncate (98/107 is printed
// 91,59% or 91,58%), so either is accepted. Comparisons are made in whole units of the last printed
// digit, with exact integer arithmetic when the counts are integers, so float noise never decides.

import { isBlank, isExcelError, type CellValue } from "./cell";
import { parseVnNumber, scaleToUnits } from "./text/vnNumber";

/** The most percentage decimals read off a number cell (the fewest that reproduce it, up to this). */
const MAX_INFERRED_DECIMALS = 8;

/** A stated rate as read from a cell: the fraction and the percentage decimals it was printed with. */
export type StatedRate =
  | { ok: true; fraction: number; percentDecimals: number }
  | { ok: false; reason: "blank" | "excel_error" | "not_number" };

/**
 * Read a stated rate (tỷ lệ đã ghi) from a cell — the one reading used by the validator and
 * CCHC.CHECKRATE. Text "91,58%" is 0.9158 printed with 2 percentage decimals; text "0,9158" is a
 * fraction with 4 decimals, i.e. 2 of a percentage; a number cell carries no printed precision, so the
 * fewest percentage decimals that reproduce it are used (0.958 → 1, 0.5 → 0), at most 8.
 */
export function statedRate(cell: CellValue): StatedRate {
  if (isBlank(cell)) return { ok: false, reason: "blank" };
  if (isExcelError(cell)) return { ok: false, reason: "excel_error" };
  const r = parseVnNumber(cell);
  if (!r.ok) return { ok: false, reason: r.reason };
  const decimals =
    r.decimals === null
      ? inferPercentDecimals(r.value)
      : r.percent
        ? r.decimals
        : Math.max(0, r.decimals - 2);
  return { ok: true, fraction: r.value, percentDecimals: Math.min(decimals, 10) };
}

/** The fewest percentage decimals that reproduce a fraction: 0.9158 → 2, 0.958 → 1, 0.5 → 0; at most 8. */
export function inferPercentDecimals(fraction: number): number {
  const pct = fraction * 100;
  for (let d = 0; d < MAX_INFERRED_DECIMALS; d++) {
    const scaled = Number((pct * 10 ** d).toPrecision(15));
    if (Number.isInteger(scaled)) return d;
  }
  return MAX_INFERRED_DECIMALS;
}

/** Outcome of {@link checkStatedRate}. `exact` is part/whole as a fraction (null when whole is 0);
 * `expectedRounded` is the fraction the figure should have printed, rounded at the stated precision. */
export type StatedRateCheck =
  | { ok: true; exact: number; mode: "rounded" | "truncated" }
  | { ok: false; exact: number | null; expectedRounded: number | null };

/**
 * Does a stated percentage agree with part/whole at its printed precision?
 *
 * `stated` is the fraction (0.9158 for "91,58%"), `decimals` the digits printed after the decimal
 * mark of the percentage (2 for "91,58%", 1 for "95,8%"). The stated figure is accepted when it equals
 * part/whole rounded half away from zero (mode "rounded", preferred when both agree) or truncated toward
 * zero (mode "truncated"), counted in units of 10^-(decimals+2). A zero or non-finite denominator is never
 * consistent (exact null). Throws RangeError only for a `decimals` that is not an integer 0–10 (a bug in
 * the caller: shells validate user-typed precision first).
 */
export function checkStatedRate(
  stated: number,
  decimals: number,
  part: number,
  whole: number,
): StatedRateCheck {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10) {
    throw new RangeError(`checkStatedRate: decimals must be an integer 0–10, got ${decimals}`);
  }
  if (!Number.isFinite(part) || !Number.isFinite(whole) || whole === 0) {
    return { ok: false, exact: null, expectedRounded: null };
  }
  const exact = part / whole;
  if (!Number.isFinite(stated)) return { ok: false, exact, expectedRounded: null };

  const shift = decimals + 2;
  const { rounded, truncated } = rateUnits(part, whole, shift);
  const statedUnits = scaleToUnits(stated, shift, false);
  if (statedUnits === rounded) return { ok: true, exact, mode: "rounded" };
  if (statedUnits === truncated) return { ok: true, exact, mode: "truncated" };
  return { ok: false, exact, expectedRounded: Number(`${rounded}e-${shift}`) };
}

/** part/whole × 10^shift rounded half away from zero and truncated toward zero, as whole units. */
function rateUnits(part: number, whole: number, shift: number): { rounded: bigint; truncated: bigint } {
  if (Number.isSafeInteger(part) && Number.isSafeInteger(whole)) {
    // Exact: |part| × 10^shift = q × |whole| + r.
    const negative = part < 0 !== whole < 0 && part !== 0;
    const num = BigInt(Math.abs(part)) * 10n ** BigInt(shift);
    const den = BigInt(Math.abs(whole));
    const q = num / den;
    const r = num % den;
    const up = 2n * r >= den ? q + 1n : q;
    return negative ? { rounded: -up, truncated: -q } : { rounded: up, truncated: q };
  }
  const ratio = part / whole;
  return { rounded: scaleToUnits(ratio, shift, false), truncated: scaleToUnits(ratio, shift, true) };
}

/**
 * part/whole, or null when whole is 0 or either input is not finite (never a division error).
 * With `digits`, the fraction is rounded half away from zero to that many decimal places, like
 * Excel's ROUND (digits 4 gives 0.9979, shown as 99,79%).
 */
export function safeRate(part: number, whole: number, digits?: number): number | null {
  if (!Number.isFinite(part) || !Number.isFinite(whole) || whole === 0) return null;
  const rate = part / whole;
  if (digits === undefined) return rate;
  if (!Number.isInteger(digits) || digits < 0 || digits > 15) {
    throw new RangeError(`safeRate: digits must be an integer 0–15, got ${digits}`);
  }
  const rounded = Number(`${scaleToUnits(rate, digits, false)}e-${digits}`);
  return rounded === 0 ? 0 : rounded;
}

/**
 * Relative change from `previous` to `current` as a fraction ((current − previous) / |previous|):
 * 110 after 100 → 0.1. Null when previous is 0 or either input is not finite. Dividing by |previous|
 * keeps the sign meaning "went up" even for a negative base. For the change between two rates in
 * percentage points ("giảm 0,13% so với năm 2022") subtract the rates instead.
 */
export function relativeChange(current: number, previous: number): number | null {
  if (!Number.isFinite(current) || !Number.isFinite(previous) || previous === 0) return null;
  return (current - previous) / Math.abs(previous);
}
