// Indicator catalogue (danh mục chỉ tiêu số liệu): what agencies report as figures, and the rules
// between figures (parts sum to wholes, a part never exceeds its whole). The catalogue is data,
// versioned with the plan; this module only validates and queries it.
import { z } from "zod";

export const CATALOGUE_SCHEMA_VERSION = 1;

export const INDICATOR_KINDS = ["count", "amount", "rate"] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/** Denominator of the on-time rate (tỷ lệ đúng hạn): resolved dossiers (default), dossiers due
 * (resolved + pending overdue), or everything to process (received incl. carried over). */
export const ON_TIME_BASES = ["resolved", "due", "to_process"] as const;
export type OnTimeBase = (typeof ON_TIME_BASES)[number];
export const DEFAULT_ON_TIME_BASE: OnTimeBase = "resolved";

const Code = z.string().regex(/^[A-Z][A-Z0-9_]*$/, "codes are upper-case ASCII, digits and _");

export const IndicatorSchema = z.strictObject({
  code: Code,
  name_vi: z.string().min(1),
  name_en: z.string().min(1),
  unit: z.string().min(1),
  kind: z.enum(INDICATOR_KINDS),
  /** Plan section the figure belongs to ("III"), for grouping on the figures sheet. */
  area: z.string().optional(),
  numerator: Code.optional(),
  denominator: Code.optional(),
  /** A denominator chosen by a setting; `denominator` is the one in force (the default in stored data). */
  denominatorBySetting: z
    .strictObject({
      setting: z.literal("onTimeBase"),
      options: z.strictObject({ resolved: Code, due: Code, to_process: Code }),
    })
    .optional(),
});

export const SumRuleSchema = z.strictObject({ whole: Code, parts: z.array(Code).min(2) });
export const LimitRuleSchema = z.strictObject({ part: Code, whole: Code });
/** The largest value an agency could plausibly report for a count or amount in one report: past it
 * the figure is an error (a typo such as 20231215 staff, or a pasted 1e308), never summed. */
export const CeilingRuleSchema = z.strictObject({ indicator: Code, max: z.number().positive().finite() });

/** Past this no count or amount is stored exactly (2^53 − 1): always an error, ceiling or not. */
export const MAX_EXACT_FIGURE = Number.MAX_SAFE_INTEGER;

export const CatalogueSchema = z.strictObject({
  schemaVersion: z.literal(CATALOGUE_SCHEMA_VERSION),
  /** The catalogue's own version, e.g. "2023.1", so reports name the catalogue they follow. */
  version: z.string().optional(),
  indicators: z.array(IndicatorSchema).min(1),
  sums: z.array(SumRuleSchema).default([]),
  limits: z.array(LimitRuleSchema).default([]),
  ceilings: z.array(CeilingRuleSchema).optional(),
});

export type Catalogue = z.infer<typeof CatalogueSchema>;
export type Indicator = Catalogue["indicators"][number];
export type SumRule = Catalogue["sums"][number];
export type LimitRule = Catalogue["limits"][number];
export type CeilingRule = z.infer<typeof CeilingRuleSchema>;

/** Parse and check a catalogue: schema, then referential integrity of rates, sums and limits. */
export function loadCatalogue(
  json: unknown,
):
  | { ok: true; catalogue: Catalogue }
  | { ok: false; issues: string[]; paths?: readonly (readonly PropertyKey[])[] } {
  const parsed = CatalogueSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`),
      // Kept so a reader of sheet tables can point at the offending cell.
      paths: parsed.error.issues.map((i) => i.path),
    };
  }
  const issues = integrityIssues(parsed.data);
  return issues.length ? { ok: false, issues } : { ok: true, catalogue: parsed.data };
}

function integrityIssues(cat: Catalogue): string[] {
  const issues: string[] = [];
  const byCode = new Map<string, Indicator>();
  for (const ind of cat.indicators) {
    if (byCode.has(ind.code)) issues.push(`indicator ${ind.code}: duplicate code`);
    byCode.set(ind.code, ind);
  }
  // A figure referred to by a rule must exist and be a count or amount, never a rate.
  const figure = (code: string, where: string): Indicator | undefined => {
    const ind = byCode.get(code);
    if (!ind) issues.push(`${where}: unknown indicator ${code}`);
    else if (ind.kind === "rate") issues.push(`${where}: ${code} is a rate, not a figure`);
    return ind;
  };
  for (const ind of cat.indicators) {
    const where = `indicator ${ind.code}`;
    if (ind.kind === "rate") {
      if (!ind.numerator || !ind.denominator)
        issues.push(`${where}: a rate needs a numerator and a denominator`);
      if (ind.numerator) figure(ind.numerator, `${where} numerator`);
      if (ind.denominator) figure(ind.denominator, `${where} denominator`);
      if (ind.numerator && ind.numerator === ind.denominator)
        issues.push(`${where}: numerator equals denominator`);
      const opts = ind.denominatorBySetting?.options;
      if (opts) {
        for (const code of Object.values(opts)) figure(code, `${where} denominator option`);
        // Any option, so that a catalogue with settings applied still loads.
        if (!Object.values(opts).includes(ind.denominator ?? "")) {
          issues.push(`${where}: denominator is none of the setting's options`);
        }
      }
    } else if (ind.numerator || ind.denominator || ind.denominatorBySetting) {
      issues.push(`${where}: only a rate has a numerator or denominator`);
    }
  }
  cat.sums.forEach((s, i) => {
    const where = `sums[${i}] (${s.whole})`;
    const whole = figure(s.whole, where);
    const parts = s.parts.map((p) => figure(p, where));
    if (new Set(s.parts).size !== s.parts.length) issues.push(`${where}: a part is listed twice`);
    if (s.parts.includes(s.whole)) issues.push(`${where}: the whole is one of its parts`);
    for (const p of parts) {
      const comparable = whole && p && whole.kind !== "rate" && p.kind !== "rate";
      if (comparable && p.unit !== whole.unit)
        issues.push(`${where}: ${p.code} is in ${p.unit}, the whole in ${whole.unit}`);
    }
  });
  if (sumCycle(cat.sums)) issues.push("sums: a figure is (indirectly) a part of itself");
  cat.limits.forEach((l, i) => {
    const where = `limits[${i}] (${l.part} ≤ ${l.whole})`;
    figure(l.part, where);
    figure(l.whole, where);
    if (l.part === l.whole) issues.push(`${where}: part and whole are the same`);
  });
  const ceilinged = new Set<string>();
  (cat.ceilings ?? []).forEach((c, i) => {
    const where = `ceilings[${i}] (${c.indicator} ≤ ${c.max})`;
    figure(c.indicator, where);
    if (ceilinged.has(c.indicator)) issues.push(`${where}: a second ceiling for the same indicator`);
    ceilinged.add(c.indicator);
    if (c.max > MAX_EXACT_FIGURE) issues.push(`${where}: above 2^53, where figures stop being exact`);
  });
  return issues;
}

/** The highest plausible value of an indicator: its ceiling, or 2^53 − 1 when it has none. */
export function figureCeiling(cat: Catalogue, code: string): number {
  return cat.ceilings?.find((c) => c.indicator === code)?.max ?? MAX_EXACT_FIGURE;
}

function sumCycle(sums: readonly SumRule[]): boolean {
  const edges = new Map<string, string[]>();
  for (const s of sums) edges.set(s.whole, [...(edges.get(s.whole) ?? []), ...s.parts]);
  const state = new Map<string, "visiting" | "done">();
  const visit = (code: string): boolean => {
    if (state.get(code) === "visiting") return true;
    if (state.get(code) === "done") return false;
    state.set(code, "visiting");
    const cyclic = (edges.get(code) ?? []).some(visit);
    state.set(code, "done");
    return cyclic;
  };
  return [...edges.keys()].some(visit);
}

/** The indicator with this code (exact, upper-case). */
export function indicatorByCode(cat: Catalogue, code: string): Indicator | undefined {
  return cat.indicators.find((i) => i.code === code);
}

/** The catalogue with settings applied: every rate whose denominator follows `onTimeBase` gets
 * that option's denominator. Returns a new catalogue; the input is not changed. */
export function applySettings(cat: Catalogue, s: { onTimeBase: OnTimeBase }): Catalogue {
  return {
    ...cat,
    indicators: cat.indicators.map((ind) =>
      ind.denominatorBySetting
        ? { ...ind, denominator: ind.denominatorBySetting.options[s.onTimeBase] }
        : ind,
    ),
  };
}

/** Every "part ≤ whole" the catalogue implies: explicit limits, each part of a sum, and each rate's
 * numerator against its denominator (all catalogue rates are shares). Deduplicated. */
export function impliedLimits(cat: Catalogue): LimitRule[] {
  const out = new Map<string, LimitRule>();
  const add = (part: string, whole: string): void => void out.set(`${part}≤${whole}`, { part, whole });
  cat.limits.forEach((l) => add(l.part, l.whole));
  cat.sums.forEach((s) => s.parts.forEach((p) => add(p, s.whole)));
  cat.indicators.forEach((i) => i.numerator && i.denominator && add(i.numerator, i.denominator));
  return [...out.values()];
}
