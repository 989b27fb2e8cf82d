// Indicator catalogue (danh mục chỉ tiêu số liệu): what agencies report as figures, and the rules
// between figures (parts sum to wholes, a part never exceeds its whole). The catalogue is data,
// versioned with the plan; this module only validates and queries it.
import { z } from "zod";
import { schemaIssue, type DataFault, type DataIssue } from "./dataIssue";

/** 2: split dossier outcomes (trước hạn / đúng hạn / quá hạn), receipt channel, "other" buckets and
 * warning-level sums, catalogue settings for denominators. A version-1 catalogue still loads. */
export const CATALOGUE_SCHEMA_VERSION = 2;
export const CATALOGUE_SCHEMA_VERSIONS = [1, 2] as const;

export const INDICATOR_KINDS = ["count", "amount", "rate"] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/** Denominator of the on-time rate (tỷ lệ đúng hạn): resolved dossiers (default), dossiers due
 * (resolved + pending overdue), or everything to process (received incl. carried over). */
export const ON_TIME_BASES = ["resolved", "due", "to_process"] as const;
export type OnTimeBase = (typeof ON_TIME_BASES)[number];
export const DEFAULT_ON_TIME_BASE: OnTimeBase = "resolved";

/** Denominator of the online-dossier share: all dossiers received (QĐ 766 practice, NĐ 307/2025
 * for communes) or dossiers resolved (the older provincial practice). */
export const ONLINE_SHARE_BASES = ["received", "resolved"] as const;
export type OnlineShareBase = (typeof ONLINE_SHARE_BASES)[number];

/** Catalogue settings: definitions that differ between bodies, stated in the rollup's notes. */
export const CatalogueSettingsSchema = z.strictObject({
  onTimeBase: z.enum(ON_TIME_BASES).default(DEFAULT_ON_TIME_BASE),
  onlineShareBase: z.enum(ONLINE_SHARE_BASES).default("received"),
});
export type CatalogueSettings = z.infer<typeof CatalogueSettingsSchema>;

/**
 * What an indicator is to the parts of the product that write about figures (the rollup's draft
 * narrative, its chart of on-time rates, the command line's summary). Each body codes its indicators
 * its own way, so the catalogue says which indicator plays each role (its `role` column); a role
 * missing from a catalogue only leaves out the sentence or figure that needs it.
 */
export const INDICATOR_ROLES = {
  dossiers_received: { kind: "count", meaning: "dossiers to process: carried over plus newly received" },
  dossiers_carried_over: { kind: "count", meaning: "dossiers carried over from the previous period" },
  dossiers_new: { kind: "count", meaning: "dossiers newly received in the period" },
  dossiers_resolved: { kind: "count", meaning: "dossiers resolved" },
  dossiers_on_time: { kind: "count", meaning: "dossiers resolved early or on time" },
  dossiers_late: { kind: "count", meaning: "dossiers resolved late (quá hạn)" },
  dossiers_pending: { kind: "count", meaning: "dossiers still being resolved at the end of the period" },
  on_time_rate: { kind: "rate", meaning: "the on-time rate of dossiers (charted per agency)" },
  online_services: { kind: "count", meaning: "online public services (full and partial)" },
  online_services_full: { kind: "count", meaning: "online public services, full process (toàn trình)" },
  online_services_partial: { kind: "count", meaning: "online public services, partial (một phần)" },
  information_services: { kind: "count", meaning: "services that only give information" },
  national_portal_services: {
    kind: "count",
    meaning: "services integrated on the National Public Service Portal",
  },
  national_portal_rate: { kind: "rate", meaning: "share of services integrated on the National Portal" },
} as const satisfies Record<string, { kind: IndicatorKind; meaning: string }>;
export type IndicatorRole = keyof typeof INDICATOR_ROLES;
const ROLE_NAMES = Object.keys(INDICATOR_ROLES) as [IndicatorRole, ...IndicatorRole[]];

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
    .union([
      z.strictObject({
        setting: z.literal("onTimeBase"),
        options: z.strictObject({ resolved: Code, due: Code, to_process: Code }),
      }),
      z.strictObject({
        setting: z.literal("onlineShareBase"),
        options: z.strictObject({ received: Code, resolved: Code }),
      }),
    ])
    .optional(),
  /** false for a ratio that is not a share (an average: days per dossier), so no "part ≤ whole". */
  share: z.boolean().optional(),
  /** Filled by consolidation from the task sheet, not typed by agencies. */
  computed: z.enum(["tasks_total", "tasks_done"]).optional(),
  /** Where the figure comes from ("Biểu 06/VPCP/KSTT cột 8", "QĐ 766/QĐ-TTg"), and how sure that is. */
  source: z.string().optional(),
  /** "unverified": the definition is recalled, not read in the cited source; a province corrects it. */
  confidence: z.enum(["verified", "secondary", "unverified"]).optional(),
  /** Kept apart from totals (e.g. information-only services are not online public services). */
  note: z.string().optional(),
  /** What the indicator is to the narrative, the charts and the summary (INDICATOR_ROLES). */
  role: z.enum(ROLE_NAMES).optional(),
});

/** whole = parts (+ other). `other` is an explicit "other" bucket (returned, withdrawn …) counted as 0
 * when blank; `severity` "warning" for rules real exports break (the gap is shown, nothing rejected). */
export const SumRuleSchema = z.strictObject({
  whole: Code,
  parts: z.array(Code).min(2),
  other: Code.optional(),
  severity: z.enum(["error", "warning"]).default("error"),
  note: z.string().optional(),
});
export const LimitRuleSchema = z.strictObject({ part: Code, whole: Code });
/** The largest value an agency could plausibly report for a count or amount in one report: past it
 * the figure is an error (a typo such as 20231215 staff, or a pasted 1e308), never summed. */
export const CeilingRuleSchema = z.strictObject({ indicator: Code, max: z.number().positive().finite() });

/** Past this no count or amount is stored exactly (2^53 − 1): always an error, ceiling or not. */
export const MAX_EXACT_FIGURE = Number.MAX_SAFE_INTEGER;

export const CatalogueSchema = z.strictObject({
  schemaVersion: z.union([z.literal(1), z.literal(CATALOGUE_SCHEMA_VERSION)]),
  /** The catalogue's own version, e.g. "2023.1", so reports name the catalogue they follow. */
  version: z.string().optional(),
  indicators: z.array(IndicatorSchema).min(1),
  sums: z.array(SumRuleSchema).default([]),
  limits: z.array(LimitRuleSchema).default([]),
  ceilings: z.array(CeilingRuleSchema).optional(),
  settings: CatalogueSettingsSchema.default({
    onTimeBase: DEFAULT_ON_TIME_BASE,
    onlineShareBase: "received",
  }),
});

export type Catalogue = z.infer<typeof CatalogueSchema>;
export type Indicator = Catalogue["indicators"][number];
export type SumRule = Catalogue["sums"][number];
export type LimitRule = Catalogue["limits"][number];
export type CeilingRule = z.infer<typeof CeilingRuleSchema>;

/** Parse and check a catalogue: schema, then referential integrity of rates, sums and limits. */
export function loadCatalogue(
  json: unknown,
): { ok: true; catalogue: Catalogue } | { ok: false; issues: DataIssue[] } {
  const parsed = CatalogueSchema.safeParse(json);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => schemaIssue(i, json)) };
  const issues = integrityIssues(parsed.data);
  if (issues.length) return { ok: false, issues };
  // Stated settings decide the denominators in force; without them the stored denominators stand.
  const stated = typeof json === "object" && json !== null && "settings" in json;
  return { ok: true, catalogue: stated ? applySettings(parsed.data, {}) : parsed.data };
}

function integrityIssues(cat: Catalogue): DataIssue[] {
  const issues: DataIssue[] = [];
  type Where = Pick<DataIssue, "table" | "index" | "record" | "field">;
  const push = (w: Where, fault: DataFault) => issues.push({ ...w, fault });
  const ind = (index: number, field: string | null = null): Where => ({
    table: "indicators",
    index,
    record: cat.indicators[index].code,
    field,
  });
  const byCode = new Map<string, Indicator>();
  cat.indicators.forEach((i, n) => {
    if (byCode.has(i.code)) push(ind(n, "code"), { kind: "duplicate" });
    byCode.set(i.code, i);
  });
  // A figure referred to by a rule must exist and be a count or amount, never a rate.
  const figure = (code: string, w: Where): Indicator | undefined => {
    const i = byCode.get(code);
    if (!i) push(w, { kind: "unknown_ref", ref: code, of: "indicator" });
    else if (i.kind === "rate") push(w, { kind: "rate_as_figure", ref: code });
    return i;
  };
  const roles = new Map<string, string>();
  cat.indicators.forEach((i, n) => {
    if (!i.role) return;
    const other = roles.get(i.role);
    if (other && other !== i.code) push(ind(n, "role"), { kind: "role_taken", role: i.role, by: other });
    roles.set(i.role, i.code);
    const kind = INDICATOR_ROLES[i.role].kind;
    if ((kind === "rate") !== (i.kind === "rate"))
      push(ind(n, "role"), { kind: "role_kind", role: i.role, needs: kind === "rate" ? "rate" : "figure" });
  });
  cat.indicators.forEach((i, n) => {
    if (i.kind === "rate") {
      if (!i.numerator || !i.denominator)
        push(ind(n, i.numerator ? "denominator" : "numerator"), { kind: "rate_parts_missing" });
      if (i.numerator) figure(i.numerator, ind(n, "numerator"));
      if (i.denominator) figure(i.denominator, ind(n, "denominator"));
      if (i.numerator && i.numerator === i.denominator) push(ind(n, "denominator"), { kind: "same_both" });
      const opts = i.denominatorBySetting?.options;
      if (opts) {
        for (const code of Object.values(opts)) figure(code, ind(n, "denominatorBySetting"));
        // Any option, so that a catalogue with settings applied still loads.
        if (!Object.values(opts).includes(i.denominator ?? ""))
          push(ind(n, "denominator"), { kind: "option_not_in_force" });
      }
    } else if (i.numerator || i.denominator || i.denominatorBySetting) {
      push(ind(n, i.numerator ? "numerator" : i.denominator ? "denominator" : "denominatorBySetting"), {
        kind: "not_a_rate",
      });
    }
  });
  cat.sums.forEach((s, n) => {
    const at = (field: string): Where => ({ table: "sums", index: n, record: s.whole, field });
    const whole = figure(s.whole, at("whole"));
    const all = s.other ? [...s.parts, s.other] : s.parts;
    const parts = all.map((p) => figure(p, at("parts")));
    if (new Set(all).size !== all.length) push(at("parts"), { kind: "part_twice" });
    if (all.includes(s.whole)) push(at("parts"), { kind: "whole_is_part" });
    for (const p of parts) {
      const comparable = whole && p && whole.kind !== "rate" && p.kind !== "rate";
      if (comparable && p.unit !== whole.unit)
        push(at("parts"), { kind: "unit_mismatch", part: p.code, partUnit: p.unit, wholeUnit: whole.unit });
    }
  });
  if (sumCycle(cat.sums))
    push({ table: "sums", index: null, record: null, field: null }, { kind: "sum_cycle" });
  cat.limits.forEach((l, n) => {
    const at = (field: string): Where => ({
      table: "limits",
      index: n,
      record: `${l.part} ≤ ${l.whole}`,
      field,
    });
    figure(l.part, at("part"));
    figure(l.whole, at("whole"));
    if (l.part === l.whole) push(at("whole"), { kind: "same_both" });
  });
  const ceilinged = new Set<string>();
  (cat.ceilings ?? []).forEach((c, n) => {
    const at = (field: string): Where => ({ table: "ceilings", index: n, record: c.indicator, field });
    figure(c.indicator, at("indicator"));
    if (ceilinged.has(c.indicator)) push(at("indicator"), { kind: "second_ceiling" });
    ceilinged.add(c.indicator);
    if (c.max > MAX_EXACT_FIGURE) push(at("max"), { kind: "ceiling_too_high" });
  });
  return issues;
}

/** The highest plausible value of an indicator: its ceiling, or 2^53 − 1 when it has none. */
export function figureCeiling(cat: Catalogue, code: string): number {
  return cat.ceilings?.find((c) => c.indicator === code)?.max ?? MAX_EXACT_FIGURE;
}

function sumCycle(sums: readonly SumRule[]): boolean {
  const edges = new Map<string, string[]>();
  for (const s of sums)
    edges.set(s.whole, [...(edges.get(s.whole) ?? []), ...s.parts, ...(s.other ? [s.other] : [])]);
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

/**
 * The indicator of each role, by the catalogue's `role` column. Where a catalogue states no roles,
 * the on-time rate and its figures are still found by what they are (the rate whose denominator is
 * the `onTimeBase` setting: its numerator is the on-time count, its options the resolved and received
 * counts), so a plan written before roles keeps its chart and dossier sentence. Roles never come
 * from codes: another body names its indicators its own way.
 */
export function indicatorRoles(cat: Catalogue): Partial<Record<IndicatorRole, string>> {
  const out: Partial<Record<IndicatorRole, string>> = {};
  for (const i of cat.indicators) if (i.role && !out[i.role]) out[i.role] = i.code;
  if (Object.keys(out).length) return out;
  for (const i of cat.indicators) {
    const by = i.denominatorBySetting;
    if (i.kind !== "rate" || !i.numerator || by?.setting !== "onTimeBase") continue;
    return {
      on_time_rate: i.code,
      dossiers_on_time: i.numerator,
      dossiers_resolved: by.options.resolved,
      dossiers_received: by.options.to_process,
    };
  }
  return out;
}

/** The indicator with this code (exact, upper-case). */
export function indicatorByCode(cat: Catalogue, code: string): Indicator | undefined {
  return cat.indicators.find((i) => i.code === code);
}

/** The catalogue with settings applied: every rate whose denominator follows a setting gets that
 * option's denominator. Returns a new catalogue; the input is not changed. */
export function applySettings(cat: Catalogue, given: Partial<CatalogueSettings>): Catalogue {
  const s: CatalogueSettings = { ...cat.settings, ...given };
  return {
    ...cat,
    settings: s,
    indicators: cat.indicators.map((ind) => {
      const by = ind.denominatorBySetting;
      if (!by) return ind;
      const denominator =
        by.setting === "onTimeBase" ? by.options[s.onTimeBase] : by.options[s.onlineShareBase];
      return { ...ind, denominator };
    }),
  };
}

/** Notes for the rollup: each rate with its numerator and denominator, and the settings in force. */
export function rateDefinitions(cat: Catalogue): { vi: string; en: string }[] {
  const name = (code: string | undefined) => (code ? (indicatorByCode(cat, code)?.name_vi ?? code) : "?");
  const out = [
    {
      vi: `Cách tính tỷ lệ hồ sơ đúng hạn (onTimeBase): mẫu số = ${cat.settings.onTimeBase}; tỷ lệ hồ sơ trực tuyến (onlineShareBase): mẫu số = ${cat.settings.onlineShareBase}.`,
      en: `On-time rate denominator (onTimeBase): ${cat.settings.onTimeBase}; online-dossier share denominator (onlineShareBase): ${cat.settings.onlineShareBase}.`,
    },
  ];
  for (const ind of cat.indicators) {
    if (ind.kind !== "rate") continue;
    out.push({
      vi: `${ind.code} — ${ind.name_vi} = ${ind.numerator} (${name(ind.numerator)}) / ${ind.denominator} (${name(ind.denominator)})${ind.denominatorBySetting ? ` [mẫu số theo thiết lập ${ind.denominatorBySetting.setting}]` : ""}`,
      en: `${ind.code} — ${ind.name_en} = ${ind.numerator} / ${ind.denominator}${ind.denominatorBySetting ? ` [denominator set by ${ind.denominatorBySetting.setting}]` : ""}`,
    });
  }
  return out;
}

/** Every "part ≤ whole" the catalogue implies: explicit limits, each part of a sum, and each rate's
 * numerator against its denominator (all catalogue rates are shares). Deduplicated. */
export function impliedLimits(cat: Catalogue): LimitRule[] {
  const out = new Map<string, LimitRule>();
  const add = (part: string, whole: string): void => void out.set(`${part}≤${whole}`, { part, whole });
  cat.limits.forEach((l) => add(l.part, l.whole));
  cat.sums.forEach((s) => [...s.parts, ...(s.other ? [s.other] : [])].forEach((p) => add(p, s.whole)));
  cat.indicators.forEach(
    (i) => i.share !== false && i.numerator && i.denominator && add(i.numerator, i.denominator),
  );
  return [...out.values()];
}
