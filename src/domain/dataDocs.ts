// The generated tables of docs/FORMAT.md for the plan workbook's data: the indicator catalogue, the
// report schedule and the agency registry — their columns from the zod schemas (a description per
// field, type-checked to cover every field; "required" read from the schema) and their rows from the
// bundled data. tests/docs/format.test.ts compares each with FORMAT.md.
import type { z } from "zod";
import { AGENCY_KINDS, AgencyGroupSchema, AgencySchema, within, type AgencyRegistry } from "./agencies";
import { code, type DocTable } from "./docTables";
import {
  INDICATOR_ROLES,
  IndicatorSchema,
  SumRuleSchema,
  type Catalogue,
  type Indicator,
  type IndicatorRole,
} from "./indicators";
import { ScheduleRowSchema, type Schedule, type ScheduleRow } from "./reportSchedule";
import { formatVnNumber } from "./text/vnNumber";

type Described<S extends z.ZodObject> = Readonly<Record<keyof z.input<S>, string>>;

/** A record schema's columns: name, whether a value is required, meaning. */
function columnsDoc<S extends z.ZodObject>(schema: S, meaning: Described<S>): DocTable {
  return {
    header: ["Column", "Required", "Meaning"],
    rows: (Object.keys(meaning) as (keyof typeof meaning & string)[]).map((k) => {
      const field = schema.shape[k] as z.ZodType | undefined;
      const optional = !field || field.safeParse(undefined).success;
      return [code(k), optional ? "no" : "yes", meaning[k]];
    }),
  };
}

const list = (xs: readonly string[]): string => xs.map(code).join(", ");

// ---- indicator catalogue (sheets Chỉ tiêu, Quy tắc chỉ tiêu) -----------------------------------

const INDICATOR_MEANING: Described<typeof IndicatorSchema> = {
  code: "unique, upper-case ASCII, digits and `_`; what the `Mã chỉ tiêu` column of a report holds",
  name_vi: "the Vietnamese name (the report's `Chỉ tiêu` column; messages name the indicator by it)",
  name_en: "the English name",
  unit: "the unit (`hồ sơ`, `TTHC`, `%`, `đồng` …)",
  kind: "`count` (whole, ≥ 0), `amount` (any number ≥ 0) or `rate` (numerator / denominator)",
  area: "the plan section (`I`…`VIII`) the figure belongs to",
  numerator: "a rate's numerator (an indicator code)",
  denominator: "a rate's denominator in force",
  denominatorBySetting:
    'a denominator chosen by a catalogue setting: `{"setting": "onTimeBase", "options": {…}}` (see the settings below)',
  share: "`false` for a ratio that is not a share (an average), so no numerator ≤ denominator",
  computed:
    "`tasks_total` / `tasks_done`: filled by consolidation from the task sheet, not typed by agencies",
  source: "where the definition comes from (form and column)",
  confidence: "`verified` | `secondary` | `unverified` (recalled, not read in the source: correct it)",
  note: "remarks shown with the indicator",
  role: "what the indicator is to the rollup's narrative, chart and summary (one of the roles below; each at most once)",
};

const SUM_MEANING: Described<typeof SumRuleSchema> = {
  whole: "the whole",
  parts: "JSON list of the parts",
  other: 'an explicit "other" bucket, 0 when blank',
  severity: "`error` (rejects the report: `SUM_MISMATCH`) or `warning` (accepted, gap shown: `SUM_GAP`)",
  note: "why the rule holds, or why it is only a warning",
};

export const indicatorColumnsDoc = (): DocTable => columnsDoc(IndicatorSchema, INDICATOR_MEANING);
export const sumRuleColumnsDoc = (): DocTable => columnsDoc(SumRuleSchema, SUM_MEANING);

/** The roles an indicator may play (INDICATOR_ROLES): name, the kind it needs, what it is, and the
 * indicator of the given catalogue that plays it. */
export function indicatorRolesDoc(cat: Catalogue): DocTable {
  return {
    header: ["Role", "Kind", "Meaning", "Bundled indicator"],
    rows: (Object.keys(INDICATOR_ROLES) as IndicatorRole[]).map((r) => {
      const i = cat.indicators.find((x) => x.role === r);
      return [code(r), INDICATOR_ROLES[r].kind, INDICATOR_ROLES[r].meaning, i ? code(i.code) : ""];
    }),
  };
}

function kindText(cat: Catalogue, i: Indicator): string {
  if (i.computed) return `count, computed (${code(i.computed)})`;
  if (i.kind !== "rate") return i.kind;
  const by = i.denominatorBySetting;
  const denominator = by
    ? `${code(i.denominator ?? by.options[cat.settings[by.setting] as keyof typeof by.options])} (by ${code(by.setting)})`
    : code(i.denominator ?? "?");
  return `${i.share === false ? "average" : "rate"} = ${code(i.numerator ?? "?")} / ${denominator}`;
}

/** The rules an indicator takes part in, as a reader of the report needs them. */
function rulesText(cat: Catalogue, i: Indicator): string {
  const out: string[] = [];
  for (const s of cat.sums) {
    if (s.whole === i.code)
      out.push(
        `= ${s.parts.map(code).join(" + ")}${s.other ? ` + ${code(s.other)}` : ""}${s.severity === "warning" ? " (warning)" : ""}`,
      );
  }
  for (const l of cat.limits) if (l.part === i.code) out.push(`≤ ${code(l.whole)}`);
  const max = cat.ceilings?.find((c) => c.indicator === i.code)?.max;
  if (max !== undefined) out.push(`max ${formatVnNumber(max)}`);
  return out.join("; ");
}

/** One row per indicator of a catalogue: code, name, unit, kind and denominator, rules, source. */
export function indicatorsDoc(cat: Catalogue): DocTable {
  return {
    header: ["Code", "Indicator", "Unit", "Kind", "Role", "Rules", "Source (confidence)"],
    rows: cat.indicators.map((i) => [
      code(i.code),
      i.name_vi,
      i.unit,
      kindText(cat, i),
      i.role ? code(i.role) : "",
      rulesText(cat, i),
      [i.source, i.confidence ? `(${i.confidence})` : "", i.note ? `— ${i.note}` : ""]
        .filter(Boolean)
        .join(" "),
    ]),
  };
}

/** The sum rules of a catalogue: whole, parts, other, severity, why. */
export function sumRulesDoc(cat: Catalogue): DocTable {
  return {
    header: ["Whole", "Parts", "Other", "Severity", "Why"],
    rows: cat.sums.map((s) => [
      code(s.whole),
      s.parts.map(code).join(" + "),
      s.other ? code(s.other) : "",
      s.severity,
      s.note ?? "",
    ]),
  };
}

/** Rates whose denominator is a catalogue setting: the setting, its options and the one in force. */
export function denominatorSettingsDoc(cat: Catalogue): DocTable {
  const rows: string[][] = [];
  for (const i of cat.indicators) {
    const by = i.denominatorBySetting;
    if (!by) continue;
    const options = Object.entries(by.options).map(([k, v]) => `${code(k)} → ${code(v)}`);
    rows.push([code(i.code), code(by.setting), options.join(", "), code(String(cat.settings[by.setting]))]);
  }
  return { header: ["Rate", "Setting", "Options (denominator)", "Bundled value"], rows };
}

// ---- report schedule (sheet Kỳ báo cáo) -------------------------------------------------------

const SCHEDULE_MEANING: Described<typeof ScheduleRowSchema> = {
  code: "`Q1`, `H1`, `Q3`, `Y` … (unique)",
  name_vi: "the report's Vietnamese name (`Quý I`, `6 tháng`, `Quý III`, `Năm`)",
  name_en: "its English name",
  kind: "`year` | `quarter` (with `quarter` 1–4) | `half` | `nine`",
  quarter: "the quarter, for `kind: quarter` only",
  startMonth: "the window's first month",
  startDay: "the window's first day",
  startPrevYear: "`true` puts the window start in the year before (15/12 of y−1)",
  endMonth: "the window's last month",
  endDay: "the window's last day (inclusive)",
  agencyDueDay: "agencies → Sở Nội vụ: the day (set by the province)",
  agencyDueMonth: "its month; the window's end month when blank",
  ministryDueDay: "province → Bộ Nội vụ: the day (the 20th)",
  ministryDueMonth: "its month; the window's end month when blank",
  source: "where the row comes from",
  confidence: "`verified` | `secondary` | `unverified`",
  note: "remarks",
};

export const scheduleColumnsDoc = (): DocTable => columnsDoc(ScheduleRowSchema, SCHEDULE_MEANING);

const dm = (d: number, m: number): string => `${d}/${m}`;

/** One row per report kind of a schedule: window and both deadlines. */
export function scheduleDoc(s: Schedule): DocTable {
  const due = (r: ScheduleRow, day: number, month: number | undefined) => dm(day, month ?? r.endMonth);
  return {
    header: [
      "Code",
      "Report",
      "Kind",
      "Data window",
      "Agencies → Sở Nội vụ (province sets)",
      "Province → Bộ Nội vụ",
    ],
    rows: s.rows.map((r) => [
      code(r.code),
      `${r.name_vi} (${r.name_en})`,
      r.kind === "quarter" ? `quarter ${r.quarter}` : r.kind,
      `${dm(r.startDay, r.startMonth)}${r.startPrevYear ? " (y−1)" : ""} – ${dm(r.endDay, r.endMonth)}`,
      due(r, r.agencyDueDay, r.agencyDueMonth),
      due(r, r.ministryDueDay, r.ministryDueMonth),
    ]),
  };
}

// ---- agency registry (sheets Cơ quan, Nhóm cơ quan) ---------------------------------------------

const AGENCY_MEANING: Described<typeof AgencySchema> = {
  code: "unique, upper-case ASCII, digits and `_`: the agency's identity (a report's `Mã cơ quan`)",
  name: "the Vietnamese name",
  nameEn: "the English name",
  aliases: 'JSON list of other names a plan or report may use (`["VP UBND tỉnh"]`)',
  kind: `one of ${list(AGENCY_KINDS)}`,
  parent: "the parent's code (blank for the province)",
  validFrom: "ISO date the unit exists from; blank = always",
  validTo: "ISO date of its last day; blank = open",
  parentHistory:
    'JSON list `{"parent", "from", "to"}` of parents over time (a commune: its district, then the province)',
  successors:
    "JSON list of codes that took over the day after `validTo`; required once a unit ended (`[]` = none, deliberately); central and vertical bodies exempt",
  formerNames:
    'JSON list `{"name", "to"}`: a renamed body is found under both names ("Cục Thuế tỉnh" until 30/6/2025)',
  confidence:
    "`confirmed` (read in a source) | `unconfirmed` (expected, not verified) | `generated` (a placeholder the province must replace)",
  source: "the source",
  note: "remarks",
};

const GROUP_MEANING: Described<typeof AgencyGroupSchema> = {
  phrase: 'the phrase a plan writes in a lead or coordinator cell ("Các cơ quan, đơn vị")',
  aliases: "JSON list of other spellings",
  members:
    'JSON `{"kinds", "codes", "groups", "exclude", "under"}`: agencies of these kinds, these codes and the members of these groups, minus `exclude`; with `under`, only units below that unit — each on the day (`validFrom`/`validTo`)',
  related:
    '`true` for "… có liên quan" (related): members are coordinators who may report; the report lists the task all the same',
  replacedBy: "the phrase a new year's plan uses once the group has no members",
  note: "remarks",
};

export const agencyColumnsDoc = (): DocTable => columnsDoc(AgencySchema, AGENCY_MEANING);
export const groupColumnsDoc = (): DocTable => columnsDoc(AgencyGroupSchema, GROUP_MEANING);

/** How many units of each kind a registry holds on a day (ISO), ended ones and generated ones. */
export function registryCountsDoc(reg: AgencyRegistry, day: string): DocTable {
  const live = (a: AgencyRegistry["agencies"][number]) => within(a.validFrom, a.validTo, day);
  return {
    header: ["Kind", `On ${day}`, "Ended before", "Generated names"],
    rows: AGENCY_KINDS.map((k) => {
      const of = reg.agencies.filter((a) => a.kind === k);
      return [
        code(k),
        String(of.filter(live).length),
        String(of.filter((a) => a.validTo !== null && a.validTo < day).length),
        String(of.filter((a) => a.confidence === "generated").length),
      ];
    }),
  };
}

/** The versions of the bundled data: catalogue, schedule, registry. */
export function dataVersionsDoc(cat: Catalogue, schedule: Schedule, reg: AgencyRegistry): DocTable {
  return {
    header: ["Data", "Plan-workbook sheet", "schemaVersion", "Contents"],
    rows: [
      [
        "indicator catalogue",
        "`Chỉ tiêu`, `Quy tắc chỉ tiêu`",
        String(cat.schemaVersion),
        `edition ${cat.version ?? "—"}: ${cat.indicators.length} indicators, ${cat.sums.length} sum rules, ${cat.limits.length} limits, ${cat.ceilings?.length ?? 0} ceilings`,
      ],
      [
        "report schedule",
        "`Kỳ báo cáo`",
        String(schedule.schemaVersion),
        `${schedule.rows.length} report kinds`,
      ],
      [
        "agency registry",
        "`Cơ quan`, `Nhóm cơ quan`",
        String(reg.schemaVersion),
        `${reg.province}: ${reg.agencies.length} units, ${reg.groups.length} groups`,
      ],
    ],
  };
}
