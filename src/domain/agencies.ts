// Agency registry (danh mục cơ quan): codes, names, aliases, kinds and the hierarchy over time,
// plus the group phrases a plan uses ("Các cơ quan, đơn vị, địa phương"). The hierarchy is data:
// since 1/7/2025 communes sit directly under the province, earlier under a district, and each
// commune's `parentHistory` says so. Matching is diacritics-, case- and NFC/NFD-insensitive.
import { z } from "zod";
import { addDays, civilFromIso, isoDate, type CivilDate } from "./civilDate";
import { foldKey, tidy } from "./text/normalize";
import { boundedMemo } from "./text/boundedMemo";
import { schemaIssue, type DataFault, type DataIssue } from "./dataIssue";

/** 2: successors, former names, confidence marks, groups scoped to a unit (the 2025 reorganisation).
 * A version-1 registry (the 2023 format) still loads; readers note that it predates 1/7/2025. */
export const AGENCY_REGISTRY_SCHEMA_VERSION = 2;

/** province = UBND tỉnh; department = cơ quan chuyên môn (sở, VP UBND, thanh tra, ban);
 * provincial_body = other bodies under UBND tỉnh (BQL KCN, báo, đài); unit = a unit inside another
 * agency (Trung tâm PVHCC); vertical = central agencies' provincial branches (công an, thuế, kho bạc);
 * central = ministries; district = cấp huyện (until 30/6/2025); commune = cấp xã. */
export const AGENCY_KINDS = [
  "province",
  "department",
  "provincial_body",
  "unit",
  "vertical",
  "central",
  "district",
  "commune",
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD");

/** One period of an agency's parent; open-ended when `from`/`to` is absent. */
const ParentPeriodSchema = z.strictObject({
  parent: z.string().nullable(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
});

export const AgencySchema = z.strictObject({
  code: z.string().regex(/^[A-Z0-9_]+$/, "codes are upper-case ASCII, digits and _"),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  kind: z.enum(AGENCY_KINDS),
  /** The parent when the agency has a single one; with `parentHistory`, its first period's parent. */
  parent: z.string().nullable(),
  validFrom: IsoDateSchema.nullable(),
  validTo: IsoDateSchema.nullable(),
  /** Parents over time, in date order (a commune: its district, then UBND tỉnh from 1/7/2025). */
  parentHistory: z.array(ParentPeriodSchema).min(1).optional(),
  /** Who took over from the day after `validTo` (merged communes, departments). Required once a unit
   * has ended; [] states deliberately that nobody did. */
  successors: z.array(z.string()).optional(),
  /** Earlier names with the day each ended ("Cục Thuế tỉnh" until 30/6/2025); matched like aliases. */
  formerNames: z.array(z.strictObject({ name: z.string().min(1), to: IsoDateSchema })).optional(),
  /** confirmed (read in a source) | unconfirmed (expected, not verified) | generated (a placeholder
   * name or mapping a province must replace). */
  confidence: z.enum(["confirmed", "unconfirmed", "generated"]).optional(),
  source: z.string().optional(),
  note: z.string().optional(),
});

export const AgencyGroupSchema = z.strictObject({
  phrase: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  /** Union of agencies of these kinds, these codes and these other groups (by phrase), minus `exclude`. */
  members: z.strictObject({
    kinds: z.array(z.enum(AGENCY_KINDS)).optional(),
    codes: z.array(z.string()).optional(),
    groups: z.array(z.string()).optional(),
    exclude: z.array(z.string()).optional(),
    /** Only agencies below this unit on the day (keeps a merged-away province's sở out). */
    under: z.string().optional(),
  }),
  /** "… có liên quan": members concerned when relevant. We still assign the task to every member,
   * as coordinators who MAY report; `related` lets templates and rollups say so. */
  related: z.boolean().default(false),
  /** The phrase a new year's plan uses instead once the group has no members ("UBND cấp huyện" →
   * "UBND cấp xã" after 1/7/2025). */
  replacedBy: z.string().optional(),
  note: z.string().optional(),
});

export const AgencyRegistrySchema = z.strictObject({
  schemaVersion: z.union([z.literal(1), z.literal(AGENCY_REGISTRY_SCHEMA_VERSION)]),
  province: z.string().min(1),
  agencies: z.array(AgencySchema),
  groups: z.array(AgencyGroupSchema),
});

export type AgencyRegistry = z.infer<typeof AgencyRegistrySchema>;
export type Agency = AgencyRegistry["agencies"][number];
export type AgencyGroup = AgencyRegistry["groups"][number];

/** What an agency cell of the plan names. */
export interface AgencyCell {
  /** Codes of agencies named explicitly, in cell order. */
  agencies: string[];
  /** Group phrases found, each with its member codes. */
  groups: { phrase: string; members: string[]; related: boolean }[];
  /** Pieces of text that name no known agency or group. */
  unresolved: string[];
}

// ---------------------------------------------------------------------------------------------
// Matching keys

// Abbreviations written either way in documents; folded keys use the short form.
const CONTRACTIONS: [RegExp, string][] = [
  [/\buy ban nhan dan\b/g, "ubnd"],
  [/\bhoi dong nhan dan\b/g, "hdnd"],
  [/\bvan phong\b/g, "vp"],
  [/\bthanh pho\b/g, "tp"],
  [/\bthi xa\b/g, "tx"],
  [/\bthi tran\b/g, "tt"],
];

/** Matching key of a name: foldKey plus the usual contractions ("Ủy ban nhân dân" = "UBND"). */
export function agencyKey(text: string): string {
  let k = foldKey(text);
  for (const [re, short] of CONTRACTIONS) k = k.replace(re, short);
  return k;
}

/** Keys to try for a lookup: as written, without the province suffix, with or without "UBND". */
function lookupKeys(key: string, provinceSuffixes: readonly string[]): string[] {
  const keys = [key];
  for (const suffix of provinceSuffixes) {
    if (key.endsWith(suffix) && key.length > suffix.length) keys.push(key.slice(0, -suffix.length));
  }
  for (const k of [...keys]) keys.push(k.startsWith("ubnd ") ? k.slice(5) : `ubnd ${k}`);
  return keys;
}

const RELATED_SUFFIX = /\s+(?:co\s+)?lien quan$/;

interface Index {
  /** " tỉnh Vĩnh Long", " Vĩnh Long", " tỉnh" as keys: the registry's province, as names end in it. */
  provinceSuffixes: string[];
  byKey: Map<string, Agency[]>;
  byCode: Map<string, Agency>;
  groupByKey: Map<string, AgencyGroup>;
  /** resolveAgency for a text with no date, remembered: every report names its agency again. */
  resolved: (text: string) => Agency | undefined;
}

/** At most this many texts' answers are remembered per registry (then forgotten together). */
const MAX_RESOLVED = 5_000;
/** The longest text resolveAgency remembers (agency names are far shorter). */
const MAX_RESOLVED_CHARS = 200;

// Built once per registry object; the registry itself stays plain, serialisable data.
const indexes = new WeakMap<AgencyRegistry, Index>();

function indexOf(reg: AgencyRegistry): Index {
  let idx = indexes.get(reg);
  if (idx) return idx;
  const province = agencyKey(reg.province);
  idx = {
    provinceSuffixes: [` tinh ${province}`, ` tp ${province}`, ` ${province}`, " tinh"],
    byKey: new Map(),
    byCode: new Map(),
    groupByKey: new Map(),
    resolved: boundedMemo((text) => lookUp(idx!, text, undefined), MAX_RESOLVED_CHARS, MAX_RESOLVED),
  };
  for (const a of reg.agencies) {
    idx.byCode.set(a.code, a);
    for (const text of new Set(namesOf(a).map(agencyKey))) {
      const list = idx.byKey.get(text) ?? [];
      list.push(a);
      idx.byKey.set(text, list);
    }
  }
  for (const g of reg.groups) {
    for (const p of [g.phrase, ...g.aliases]) idx.groupByKey.set(agencyKey(p), g);
  }
  indexes.set(reg, idx);
  return idx;
}

/** Code, name, aliases and former names: everything an agency can be called by. */
const namesOf = (a: Agency): string[] => [
  a.code,
  a.name,
  ...a.aliases,
  ...(a.formerNames ?? []).map((f) => f.name),
];

const iso = (d: CivilDate | undefined): string | undefined => (d ? isoDate(d) : undefined);

/** Is the ISO `day` within [from, to] (either end open when missing)? */
export function within(from: string | null | undefined, to: string | null | undefined, day: string): boolean {
  return (!from || from <= day) && (!to || day <= to);
}

/** Does the agency exist on that day? Without a day, every agency counts. */
export function agencyValidAt(a: Agency, asOf?: CivilDate): boolean {
  const day = iso(asOf);
  return !day || within(a.validFrom, a.validTo, day);
}

// ---------------------------------------------------------------------------------------------
// Loading

/** A registry problem: which code reports it, and where and what (worded by the problem catalogue). */
export interface RegistryIssue extends DataIssue {
  readonly code:
    | "REGISTRY_INVALID"
    | "REGISTRY_DUPLICATE_CODE"
    | "REGISTRY_NO_SUCCESSOR"
    | "REGISTRY_SUCCESSOR"
    | "REGISTRY_CYCLE";
}

/** Parse and check a registry: the schema, then references, dates, duplicates, successors and cycles.
 * Each issue names its table (agencies or groups), record and field. */
export function loadRegistry(
  json: unknown,
): { ok: true; registry: AgencyRegistry } | { ok: false; issues: RegistryIssue[] } {
  const parsed = AgencyRegistrySchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({ code: "REGISTRY_INVALID", ...schemaIssue(i, json) })),
    };
  }
  const reg = parsed.data;
  const details: RegistryIssue[] = [];
  const at = (i: number, field: string, fault: DataFault, code: RegistryIssue["code"] = "REGISTRY_INVALID") =>
    details.push({ code, table: "agencies", index: i, record: reg.agencies[i].code, field, fault });
  const codes = new Map<string, Agency>();
  reg.agencies.forEach((a, i) => {
    if (codes.has(a.code)) at(i, "code", { kind: "duplicate" }, "REGISTRY_DUPLICATE_CODE");
    codes.set(a.code, a);
  });
  const known = (code: string | null): boolean => code === null || codes.has(code);
  reg.agencies.forEach((a, i) => {
    if (!known(a.parent)) at(i, "parent", { kind: "unknown_ref", ref: a.parent!, of: "agency" });
    if (a.parent === a.code) at(i, "parent", { kind: "self_ref" }, "REGISTRY_CYCLE");
    if (a.validFrom && a.validTo && a.validFrom > a.validTo) at(i, "validTo", { kind: "ends_before_start" });
    checkSuccessors(reg, a, i, codes, at);
    const hist = a.parentHistory;
    if (!hist) return;
    if (hist[0].parent !== a.parent) at(i, "parentHistory", { kind: "history_first_parent" });
    hist.forEach((p, k) => {
      if (!known(p.parent)) at(i, "parentHistory", { kind: "unknown_ref", ref: p.parent!, of: "agency" });
      if (p.from && p.to && p.from > p.to) at(i, "parentHistory", { kind: "ends_before_start" });
      const next = hist[k + 1];
      if (next && (!p.to || !next.from || next.from <= p.to))
        at(i, "parentHistory", { kind: "history_overlap", entry: k });
    });
  });
  for (const index of parentCycles(reg.agencies, codes))
    at(index, "parent", { kind: "cycle" }, "REGISTRY_CYCLE");
  for (const index of successorCycles(reg.agencies, codes))
    at(index, "successors", { kind: "cycle" }, "REGISTRY_CYCLE");
  for (const c of ambiguousNames(reg))
    at(c.index, "name", { kind: "name_shared", name: c.name, with: c.with });

  const groupIssue = (g: number, field: string, fault: DataFault) =>
    details.push({
      code: "REGISTRY_INVALID",
      table: "groups",
      index: g,
      record: reg.groups[g].phrase,
      field,
      fault,
    });
  const groupKeys = new Map<string, string>();
  reg.groups.forEach((g, gi) => {
    for (const p of [g.phrase, ...g.aliases]) {
      const k = agencyKey(p);
      const other = groupKeys.get(k);
      if (other !== undefined && other !== g.phrase)
        groupIssue(gi, "phrase", { kind: "phrase_shared", phrase: p, with: other });
      groupKeys.set(k, g.phrase);
    }
    for (const c of [
      ...(g.members.codes ?? []),
      ...(g.members.exclude ?? []),
      ...(g.members.under ? [g.members.under] : []),
    ]) {
      if (!codes.has(c)) groupIssue(gi, "members", { kind: "unknown_ref", ref: c, of: "agency" });
    }
  });
  reg.groups.forEach((g, gi) => {
    for (const ref of g.members.groups ?? []) {
      if (!groupKeys.has(agencyKey(ref)))
        groupIssue(gi, "members", { kind: "unknown_ref", ref, of: "group" });
    }
  });
  if (details.length === 0) {
    // Only now is it safe to index and follow group references.
    reg.groups.forEach((g, gi) => {
      if (groupCycle(reg, g)) groupIssue(gi, "members", { kind: "cycle" });
    });
    const idx = indexOf(reg);
    reg.groups.forEach((g, gi) => {
      for (const p of [g.phrase, ...g.aliases])
        if (idx.byKey.has(agencyKey(p))) groupIssue(gi, "phrase", { kind: "phrase_is_agency", phrase: p });
    });
  }
  return details.length ? { ok: false, issues: details } : { ok: true, registry: reg };
}

/** The day after an ISO date, as ISO text. */
function dayAfter(isoDay: string): string {
  return isoDate(addDays(civilFromIso(isoDay), 1));
}

/** An ended unit names its successors (or [] deliberately), each existing on the day after it ended.
 * Central and vertical bodies are outside the province's own reorganisation and may end silently. */
function checkSuccessors(
  reg: AgencyRegistry,
  a: Agency,
  i: number,
  codes: ReadonlyMap<string, Agency>,
  at: (i: number, field: string, fault: DataFault, code?: RegistryIssue["code"]) => void,
): void {
  if (reg.schemaVersion < 2) return; // the 2023 format had no successors
  const succ = a.successors;
  if (a.validTo && succ === undefined && a.kind !== "central" && a.kind !== "vertical") {
    at(i, "successors", { kind: "no_successors", ended: a.validTo }, "REGISTRY_NO_SUCCESSOR");
  }
  if (succ && succ.length && !a.validTo)
    at(i, "successors", { kind: "successors_without_end" }, "REGISTRY_SUCCESSOR");
  for (const c of succ ?? []) {
    const s = codes.get(c);
    if (!s) at(i, "successors", { kind: "unknown_ref", ref: c, of: "agency" }, "REGISTRY_SUCCESSOR");
    else if (c === a.code) at(i, "successors", { kind: "self_ref" }, "REGISTRY_CYCLE");
    else if (a.validTo && !within(s.validFrom, s.validTo, dayAfter(a.validTo)))
      at(
        i,
        "successors",
        { kind: "successor_absent", ref: c, day: dayAfter(a.validTo) },
        "REGISTRY_SUCCESSOR",
      );
  }
}

/** Agencies (their indexes) whose successor chain leads back to them. */
function successorCycles(agencies: Agency[], codes: Map<string, Agency>): number[] {
  const out: number[] = [];
  agencies.forEach((a, index) => {
    const seen = new Set<string>([a.code]);
    const stack = [...(a.successors ?? [])];
    while (stack.length) {
      const c = stack.pop()!;
      if (c === a.code) {
        out.push(index);
        return;
      }
      if (seen.has(c)) continue;
      seen.add(c);
      stack.push(...(codes.get(c)?.successors ?? []));
    }
  });
  return out;
}

/** Agencies (their indexes) whose parent chain has a cycle. */
function parentCycles(agencies: Agency[], codes: Map<string, Agency>): number[] {
  const issues: number[] = [];
  agencies.forEach((a, index) => {
    const seen = new Set<string>([a.code]);
    for (let p = a.parent; p !== null; p = codes.get(p)?.parent ?? null) {
      if (seen.has(p)) {
        issues.push(index);
        break;
      }
      seen.add(p);
    }
  });
  return issues;
}

/** Two agencies sharing a name or alias key must not exist at the same time. */
function ambiguousNames(reg: AgencyRegistry): { index: number; name: string; with: string }[] {
  const byKey = new Map<string, Agency[]>();
  for (const a of reg.agencies) {
    for (const k of new Set(namesOf(a).map(agencyKey))) byKey.set(k, [...(byKey.get(k) ?? []), a]);
  }
  const issues: { index: number; name: string; with: string }[] = [];
  for (const [k, list] of byKey) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [x, y] = [list[i], list[j]];
        const overlap =
          (!x.validTo || !y.validFrom || y.validFrom <= x.validTo) &&
          (!y.validTo || !x.validFrom || x.validFrom <= y.validTo);
        if (overlap) issues.push({ index: reg.agencies.indexOf(y), name: k, with: x.code });
      }
    }
  }
  return issues;
}

function groupCycle(reg: AgencyRegistry, start: AgencyGroup): boolean {
  const byKey = new Map<string, AgencyGroup>();
  for (const g of reg.groups) for (const p of [g.phrase, ...g.aliases]) byKey.set(agencyKey(p), g);
  const visit = (g: AgencyGroup, path: Set<AgencyGroup>): boolean => {
    for (const ref of g.members.groups ?? []) {
      const next = byKey.get(agencyKey(ref));
      if (!next) continue;
      if (next === start || path.has(next)) return true;
      if (visit(next, new Set([...path, next]))) return true;
    }
    return false;
  };
  return visit(start, new Set());
}

// ---------------------------------------------------------------------------------------------
// Lookups

/** Find an agency by code, name, alias or abbreviation ("VP UBND tỉnh", "Sở TT&TT"), ignoring
 * diacritics, case and NFC/NFD. With `asOf`, only an agency existing on that day is returned. */
export function resolveAgency(reg: AgencyRegistry, text: string, asOf?: CivilDate): Agency | undefined {
  const idx = indexOf(reg);
  return asOf === undefined ? idx.resolved(text) : lookUp(idx, text, asOf);
}

function lookUp(idx: Index, text: string, asOf: CivilDate | undefined): Agency | undefined {
  const key = agencyKey(text);
  if (!key) return undefined;
  for (const k of lookupKeys(key, idx.provinceSuffixes)) {
    const hit = idx.byKey.get(k)?.find((a) => agencyValidAt(a, asOf));
    if (hit) return hit;
  }
  return undefined;
}

function findGroup(
  reg: AgencyRegistry,
  phrase: string,
): { group: AgencyGroup; related: boolean } | undefined {
  const idx = indexOf(reg);
  const key = agencyKey(phrase);
  const direct = idx.groupByKey.get(key);
  if (direct) return { group: direct, related: direct.related };
  // "<group> có liên quan": the base group's members, marked related.
  const base = key.replace(RELATED_SUFFIX, "");
  const g = base !== key ? idx.groupByKey.get(base) : undefined;
  return g ? { group: g, related: true } : undefined;
}

function groupMembers(
  reg: AgencyRegistry,
  g: AgencyGroup,
  asOf: CivilDate | undefined,
  depth = 0,
): Set<string> {
  const out = new Set<string>();
  const kinds = new Set<AgencyKind>(g.members.kinds ?? []);
  const codes = new Set(g.members.codes ?? []);
  const under = g.members.under;
  for (const a of reg.agencies) {
    if (!(kinds.has(a.kind) || codes.has(a.code)) || !agencyValidAt(a, asOf)) continue;
    if (under && !isBelow(reg, a.code, under, asOf)) continue;
    out.add(a.code);
  }
  // depth guards against a registry that skipped loadRegistry's cycle check.
  for (const ref of depth < 8 ? (g.members.groups ?? []) : []) {
    const sub = indexOf(reg).groupByKey.get(agencyKey(ref));
    if (sub) groupMembers(reg, sub, asOf, depth + 1).forEach((c) => out.add(c));
  }
  for (const c of g.members.exclude ?? []) out.delete(c);
  return out;
}

/** Whether `code` sits (transitively) below `unit` on the day; without a day, by its first parent. */
function isBelow(reg: AgencyRegistry, code: string, unit: string, asOf: CivilDate | undefined): boolean {
  let p: string | null = code;
  for (let depth = 0; depth < 10 && p !== null; depth++) {
    p = asOf ? parentAt(reg, p, asOf) : (agencyByCode(reg, p)?.parent ?? null);
    if (p === unit) return true;
  }
  return false;
}

/** Member codes of a group phrase (or its "… có liên quan" form), in registry order; undefined
 * for an unknown phrase. With `asOf`, only agencies existing on that day. */
export function expandGroup(reg: AgencyRegistry, phrase: string, asOf?: CivilDate): string[] | undefined {
  const found = findGroup(reg, phrase);
  if (!found) return undefined;
  const members = groupMembers(reg, found.group, asOf);
  return reg.agencies.filter((a) => members.has(a.code)).map((a) => a.code);
}

// Separators of a list of agencies; "và" only splits when the whole does not name one agency
// ("Sở Kế hoạch và Đầu tư"), which the longest-match below takes care of.
const SEPARATOR = /(\n|;|,|\/|\s+và\s+|\s+\+\s+)/;

/** Read an agency cell: explicit agencies, group phrases (which may contain commas, so the longest
 * run of pieces that names something wins) and whatever could not be resolved. */
export function parseAgencyCell(reg: AgencyRegistry, text: string, asOf?: CivilDate): AgencyCell {
  const cell: AgencyCell = { agencies: [], groups: [], unresolved: [] };
  // pieces alternate text, separator, text, …
  const parts = text.normalize("NFC").replace(/\r\n?/g, "\n").split(SEPARATOR);
  const pieces = parts.filter((_, i) => i % 2 === 0).map((p) => tidy(p).replace(/^[-+•*–]\s*/, ""));
  const seps = parts.filter((_, i) => i % 2 === 1);
  // Re-join pieces i..j-1 with their own separators: "Các cơ quan" "," "đơn vị" → "Các cơ quan, đơn vị".
  const join = (i: number, j: number): string =>
    pieces
      .slice(i + 1, j)
      .reduce((acc, p, n) => `${acc}${tidy(seps[i + n]).replace(/^(?=\w)/, " ")} ${p}`, pieces[i]);

  let i = 0;
  while (i < pieces.length) {
    if (!pieces[i]) {
      i++;
      continue;
    }
    let matched = false;
    for (let j = pieces.length; j > i && !matched; j--) {
      if (!pieces[j - 1]) continue;
      const candidate = join(i, j);
      const group = findGroup(reg, candidate);
      if (group) {
        const members = expandGroup(reg, candidate, asOf) ?? [];
        cell.groups.push({ phrase: group.group.phrase, members, related: group.related });
      } else {
        const agency = resolveAgency(reg, candidate, asOf);
        if (!agency) continue;
        if (!cell.agencies.includes(agency.code)) cell.agencies.push(agency.code);
      }
      matched = true;
      i = j;
    }
    if (!matched) {
      cell.unresolved.push(pieces[i]);
      i++;
    }
  }
  return cell;
}

// ---------------------------------------------------------------------------------------------
// Hierarchy

/** The parent of an agency on a day (communes: their district until 30/6/2025, then UBND tỉnh);
 * null for a top-level agency, an unknown code or an agency not existing that day. */
export function parentAt(reg: AgencyRegistry, code: string, asOf: CivilDate): string | null {
  const a = indexOf(reg).byCode.get(code);
  if (!a || !agencyValidAt(a, asOf)) return null;
  if (!a.parentHistory) return a.parent;
  const day = isoDate(asOf);
  return a.parentHistory.find((p) => within(p.from, p.to, day))?.parent ?? null;
}

/** Agencies whose parent is `code` on that day, in registry order. */
export function childrenAt(reg: AgencyRegistry, code: string, asOf: CivilDate): string[] {
  return reg.agencies.filter((a) => parentAt(reg, a.code, asOf) === code).map((a) => a.code);
}

/** An agency by exact code. */
export function agencyByCode(reg: AgencyRegistry, code: string): Agency | undefined {
  return indexOf(reg).byCode.get(code);
}

/** The units that ended into this one (their successors name it), in registry order: a merged
 * province's former provinces, a new commune's former communes. */
export function predecessorsOf(reg: AgencyRegistry, code: string): Agency[] {
  return reg.agencies.filter((a) => a.code !== code && (a.successors ?? []).includes(code));
}

/** Successor codes of an agency, followed through further ends until units existing on `asOf`
 * (a commune merged in 2025 whose successor was renamed later), in registry order. */
export function successorsAt(reg: AgencyRegistry, code: string, asOf: CivilDate): string[] {
  const out = new Set<string>();
  const seen = new Set<string>();
  const visit = (c: string, depth: number) => {
    if (seen.has(c) || depth > 10) return;
    seen.add(c);
    const a = agencyByCode(reg, c);
    if (!a) return;
    if (agencyValidAt(a, asOf)) {
      out.add(c);
      return;
    }
    for (const s of a.successors ?? []) visit(s, depth + 1);
  };
  visit(code, 0);
  return reg.agencies.filter((a) => out.has(a.code)).map((a) => a.code);
}
