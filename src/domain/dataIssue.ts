// What is wrong with the plan's data (agency registry, indicator catalogue, report schedule), as data:
// the table and record, the field (a column of the plan workbook's sheet) and the fault. The loaders
// return these; the problem catalogue words them in Vietnamese and English (dataIssueText), and the
// plan workbook reader points each at its cell. No loader writes a message.
import type { z } from "zod";

/** The tables of the plan's data, as the loaders' input names them (and the sheets hold them). */
export type DataTable = "agencies" | "groups" | "indicators" | "sums" | "limits" | "ceilings" | "rows";

/** A value that breaks the schema, from a zod issue (its English text is not kept: it is worded here). */
export type SchemaDetail =
  | { readonly code: "missing" }
  | { readonly code: "type"; readonly expected: string }
  | { readonly code: "too_small"; readonly origin: string; readonly minimum: number }
  | { readonly code: "too_big"; readonly origin: string; readonly maximum: number }
  | { readonly code: "format"; readonly format: "code" | "date" | "other" }
  | { readonly code: "value"; readonly values: readonly string[] }
  | { readonly code: "keys"; readonly keys: readonly string[] }
  | { readonly code: "other" };

export type DataFault =
  | { readonly kind: "schema"; readonly detail: SchemaDetail }
  | { readonly kind: "duplicate" }
  | { readonly kind: "unknown_ref"; readonly ref: string; readonly of: "agency" | "group" | "indicator" }
  | { readonly kind: "self_ref" }
  | { readonly kind: "cycle" }
  | { readonly kind: "ends_before_start" }
  | { readonly kind: "history_overlap"; readonly entry: number }
  | { readonly kind: "history_first_parent" }
  | { readonly kind: "no_successors"; readonly ended: string }
  | { readonly kind: "successors_without_end" }
  | { readonly kind: "successor_absent"; readonly ref: string; readonly day: string }
  | { readonly kind: "name_shared"; readonly name: string; readonly with: string }
  | { readonly kind: "phrase_shared"; readonly phrase: string; readonly with: string }
  | { readonly kind: "phrase_is_agency"; readonly phrase: string }
  | { readonly kind: "rate_parts_missing" }
  | { readonly kind: "rate_as_figure"; readonly ref: string }
  | { readonly kind: "not_a_rate" }
  | { readonly kind: "same_both" }
  | { readonly kind: "option_not_in_force" }
  | { readonly kind: "part_twice" }
  | { readonly kind: "whole_is_part" }
  | {
      readonly kind: "unit_mismatch";
      readonly part: string;
      readonly partUnit: string;
      readonly wholeUnit: string;
    }
  | { readonly kind: "sum_cycle" }
  | { readonly kind: "second_ceiling" }
  | { readonly kind: "ceiling_too_high" }
  | { readonly kind: "role_taken"; readonly role: string; readonly by: string }
  | { readonly kind: "role_kind"; readonly role: string; readonly needs: "rate" | "figure" }
  | { readonly kind: "quarter_number" }
  | { readonly kind: "same_period"; readonly as: string };

export interface DataIssue {
  /** The table of the record, null for the document as a whole. */
  readonly table: DataTable | null;
  /** The record's index in its table (0-based, as the loader got it), null for the whole table. */
  readonly index: number | null;
  /** The record as users know it: an agency, indicator or period code, a group phrase, a rule's whole. */
  readonly record: string | null;
  /** The field (the sheet's column) at fault, null for the record as a whole. */
  readonly field: string | null;
  readonly fault: DataFault;
}

const TABLES: readonly string[] = ["agencies", "groups", "indicators", "sums", "limits", "ceilings", "rows"];

/** A zod issue as a DataIssue: table, record index and field from its path; the fault from its code. */
export function schemaIssue(i: z.core.$ZodIssue, input: unknown): DataIssue {
  const [t, index, field] = i.path;
  const table = typeof t === "string" && TABLES.includes(t) ? (t as DataTable) : null;
  const idx = table && typeof index === "number" ? index : null;
  const rec = idx === null ? undefined : recordAt(input, table!, idx);
  const named =
    table && idx !== null ? (typeof field === "string" ? field : null) : typeof t === "string" ? t : null;
  return {
    table,
    index: idx,
    record: rec ?? null,
    field: named,
    fault: { kind: "schema", detail: schemaDetail(i) },
  };
}

function recordAt(input: unknown, table: string, index: number): string | undefined {
  const rows = (input as Record<string, unknown> | null)?.[table];
  const r = Array.isArray(rows) ? (rows[index] as Record<string, unknown> | undefined) : undefined;
  const v = r?.code ?? r?.phrase ?? r?.whole ?? r?.part ?? r?.indicator;
  return typeof v === "string" ? v : undefined;
}

function schemaDetail(i: z.core.$ZodIssue): SchemaDetail {
  switch (i.code) {
    case "invalid_type":
      return i.input === undefined ? { code: "missing" } : { code: "type", expected: String(i.expected) };
    case "too_small":
      return { code: "too_small", origin: String(i.origin), minimum: Number(i.minimum) };
    case "too_big":
      return { code: "too_big", origin: String(i.origin), maximum: Number(i.maximum) };
    case "invalid_format": {
      const pattern = "pattern" in i ? String(i.pattern) : "";
      return {
        code: "format",
        format: pattern.includes("A-Z") ? "code" : pattern.includes("\\d{4}") ? "date" : "other",
      };
    }
    case "invalid_value":
      return { code: "value", values: i.values.map(String) };
    case "unrecognized_keys":
      return { code: "keys", keys: i.keys };
    case "invalid_union": {
      // A literal union (schemaVersion 1 | 2) is a choice of values.
      const values = i.errors.flatMap((e) => e.flatMap((x) => (x.code === "invalid_value" ? x.values : [])));
      return values.length === i.errors.length
        ? { code: "value", values: values.map(String) }
        : { code: "other" };
    }
    default:
      return { code: "other" };
  }
}
