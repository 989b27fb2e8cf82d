// Agency registry (danh mục cơ quan): codes, names, aliases, kinds and the hierarchy over time,
// plus the group phrases a plan uses ("Các cơ quan, đơn vị, địa phương"). The hierarchy is data:
// since 1/7/2025 communes sit directly under the province, earlier under a district, and each
// commune's `parentHistory` says so. Matching is diacritics-, case- and NFC/NFD-insensitive.
import { z } from "zod";
import { isoDate, type CivilDate } from "./civilDate";
import { foldKey, tidy } from "./text/normalize";

export const AGENCY_REGISTRY_SCHEMA_VERSION = 1;

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
  }),
  /** "… có liên quan": members concerned when relevant. We still assign the task to every member,
   * as coordinators who MAY report; `related` lets templates and rollups say so. */
  related: z.boolean().default(false),
  note: z.string().optional(),
});

export const AgencyRegistrySchema = z.strictObject({
  schemaVersion: z.literal(AGENCY_REGISTRY_SCHEMA_VERSION),
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
function lookupKeys(key: string): string[] {
  const keys = [key];
  for (const suffix of [" tinh vinh long", " vinh long", " tinh"]) {
    if (key.endsWith(suffix) && key.length > suffix.length) keys.push(key.slice(0, -suffix.length));
  }
  for (const k of [...keys]) keys.push(k.startsWith("ubnd ") ? k.slice(5) : `ubnd ${k}`);
  return keys;
}

const RELATED_SUFFIX = /\s+(?:co\s+)?lien quan$/;

interface Index {
  byKey: Map<string, Agency[]>;
  byCode: Map<string, Agency>;
  groupByKey: Map<string, AgencyGroup>;
}

// Built once per registry object; the registry itself stays plain, serialisable data.
const indexes = new WeakMap<AgencyRegistry, Index>();

function indexOf(reg: AgencyRegistry): Index {
  let idx = indexes.get(reg);
  if (idx) return idx;
  idx = { byKey: new Map(), byCode: new Map(), groupByKey: new Map() };
  for (const a of reg.agencies) {
    idx.byCode.set(a.code, a);
    for (const text of new Set([a.code, a.name, ...a.aliases].map(agencyKey))) {
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

const iso = (d: CivilDate | undefined): string | undefined => (d ? isoDate(d) : undefined);

function within(from: string | null | undefined, to: string | null | undefined, day: string): boolean {
  return (!from || from <= day) && (!to || day <= to);
}

/** Does the agency exist on that day? Without a day, every agency counts. */
export function agencyValidAt(a: Agency, asOf?: CivilDate): boolean {
  const day = iso(asOf);
  return !day || within(a.validFrom, a.validTo, day);
}

// ---------------------------------------------------------------------------------------------
// Loading

/** Parse and check a registry: the schema, then references, dates, duplicates and cycles. */
export function loadRegistry(
  json: unknown,
):
  | { ok: true; registry: AgencyRegistry }
  | { ok: false; issues: string[]; paths?: readonly (readonly PropertyKey[])[] } {
  const parsed = AgencyRegistrySchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`),
      // Kept so a reader of sheet tables can point at the offending cell.
      paths: parsed.error.issues.map((i) => i.path),
    };
  }
  const reg = parsed.data;
  const issues: string[] = [];
  const codes = new Map<string, Agency>();
  for (const a of reg.agencies) {
    if (codes.has(a.code)) issues.push(`agency ${a.code}: duplicate code`);
    codes.set(a.code, a);
  }
  const known = (code: string | null): boolean => code === null || codes.has(code);
  for (const a of reg.agencies) {
    if (!known(a.parent)) issues.push(`agency ${a.code}: unknown parent ${a.parent}`);
    if (a.parent === a.code) issues.push(`agency ${a.code}: is its own parent`);
    if (a.validFrom && a.validTo && a.validFrom > a.validTo)
      issues.push(`agency ${a.code}: validFrom after validTo`);
    const hist = a.parentHistory;
    if (!hist) continue;
    if (hist[0].parent !== a.parent)
      issues.push(`agency ${a.code}: parent differs from parentHistory[0].parent`);
    hist.forEach((p, i) => {
      if (!known(p.parent)) issues.push(`agency ${a.code}: unknown parent ${p.parent} in parentHistory`);
      if (p.from && p.to && p.from > p.to)
        issues.push(`agency ${a.code}: parentHistory[${i}] ends before it starts`);
      const next = hist[i + 1];
      if (next && (!p.to || !next.from || next.from <= p.to)) {
        issues.push(`agency ${a.code}: parentHistory[${i}] and [${i + 1}] overlap or are open-ended`);
      }
    });
  }
  issues.push(...parentCycles(reg.agencies, codes));
  issues.push(...ambiguousNames(reg));

  const groupKeys = new Map<string, string>();
  for (const g of reg.groups) {
    for (const p of [g.phrase, ...g.aliases]) {
      const k = agencyKey(p);
      const other = groupKeys.get(k);
      if (other !== undefined && other !== g.phrase)
        issues.push(`group "${p}": phrase also used by "${other}"`);
      groupKeys.set(k, g.phrase);
    }
    for (const c of [...(g.members.codes ?? []), ...(g.members.exclude ?? [])]) {
      if (!codes.has(c)) issues.push(`group "${g.phrase}": unknown agency ${c}`);
    }
  }
  for (const g of reg.groups) {
    for (const ref of g.members.groups ?? []) {
      if (!groupKeys.has(agencyKey(ref))) issues.push(`group "${g.phrase}": unknown group "${ref}"`);
    }
  }
  if (issues.length === 0) {
    // Only now is it safe to index and follow group references.
    for (const g of reg.groups) {
      if (groupCycle(reg, g)) issues.push(`group "${g.phrase}": refers to itself through other groups`);
    }
    const idx = indexOf(reg);
    for (const k of groupKeys.keys()) {
      if (idx.byKey.has(k)) issues.push(`group phrase "${k}" is also an agency name`);
    }
  }
  return issues.length ? { ok: false, issues } : { ok: true, registry: reg };
}

function parentCycles(agencies: Agency[], codes: Map<string, Agency>): string[] {
  const issues: string[] = [];
  for (const a of agencies) {
    const seen = new Set<string>([a.code]);
    for (let p = a.parent; p !== null; p = codes.get(p)?.parent ?? null) {
      if (seen.has(p)) {
        issues.push(`agency ${a.code}: parent chain has a cycle`);
        break;
      }
      seen.add(p);
    }
  }
  return issues;
}

/** Two agencies sharing a name or alias key must not exist at the same time. */
function ambiguousNames(reg: AgencyRegistry): string[] {
  const byKey = new Map<string, Agency[]>();
  for (const a of reg.agencies) {
    for (const k of new Set([a.code, a.name, ...a.aliases].map(agencyKey)))
      byKey.set(k, [...(byKey.get(k) ?? []), a]);
  }
  const issues: string[] = [];
  for (const [k, list] of byKey) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [x, y] = [list[i], list[j]];
        const overlap =
          (!x.validTo || !y.validFrom || y.validFrom <= x.validTo) &&
          (!y.validTo || !x.validFrom || x.validFrom <= y.validTo);
        if (overlap) issues.push(`name "${k}" is shared by ${x.code} and ${y.code}`);
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
  const key = agencyKey(text);
  if (!key) return undefined;
  const idx = indexOf(reg);
  for (const k of lookupKeys(key)) {
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
  for (const a of reg.agencies) {
    if ((kinds.has(a.kind) || codes.has(a.code)) && agencyValidAt(a, asOf)) out.add(a.code);
  }
  // depth guards against a registry that skipped loadRegistry's cycle check.
  for (const ref of depth < 8 ? (g.members.groups ?? []) : []) {
    const sub = indexOf(reg).groupByKey.get(agencyKey(ref));
    if (sub) groupMembers(reg, sub, asOf, depth + 1).forEach((c) => out.add(c));
  }
  for (const c of g.members.exclude ?? []) out.delete(c);
  return out;
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
