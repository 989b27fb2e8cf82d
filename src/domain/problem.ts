// A problem found in user data: a record, never an exception (STYLE §4).
import type { A1, CellValue } from "./cell";

export type Severity = "error" | "warning" | "info";

export interface Problem {
  /** Stable code, e.g. "DEADLINE_UNPARSED", "RATE_MISMATCH"; documented in docs/FORMAT.md. */
  readonly code: string;
  readonly severity: Severity;
  /** Sheet name, or null for a problem with the whole file. */
  readonly sheet: string | null;
  /** A1 address, or null for a problem with a whole sheet or file. */
  readonly cell: A1 | null;
  readonly message_vi: string;
  readonly message_en: string;
  /** The offending value, as read. */
  readonly value: CellValue;
}

export interface ProblemInput {
  code: string;
  severity: Severity;
  sheet?: string | null;
  cell?: A1 | null;
  vi: string;
  en: string;
  value?: CellValue;
}

export function problem(p: ProblemInput): Problem {
  return {
    code: p.code,
    severity: p.severity,
    sheet: p.sheet ?? null,
    cell: p.cell ?? null,
    message_vi: p.vi,
    message_en: p.en,
    value: p.value === undefined ? null : p.value,
  };
}

export const hasErrors = (problems: readonly Problem[]): boolean =>
  problems.some((p) => p.severity === "error");

/** Count problems by severity, for summaries. */
export function countBySeverity(problems: readonly Problem[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const p of problems) counts[p.severity]++;
  return counts;
}
