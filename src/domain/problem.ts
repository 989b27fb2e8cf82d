// A problem found in user data: a record, never an exception (STYLE §4). Codes, severities and messages
// come from one catalogue (problemCatalogue.ts): call sites pass a code, its parameters and where.
import type { A1, CellValue } from "./cell";
import {
  PROBLEMS,
  renderProblem,
  textForHost,
  type Host,
  type ProblemCode,
  type ProblemParams,
  type Severity,
} from "./problemCatalogue";

export type { Host, ProblemCode, ProblemParams, Severity } from "./problemCatalogue";

export interface Problem {
  /** Stable code from the catalogue, e.g. "RATE_MISMATCH"; listed in docs/FORMAT.md. */
  readonly code: ProblemCode;
  readonly severity: Severity;
  /** Sheet name, or null for a problem with the whole file. */
  readonly sheet: string | null;
  /** A1 address, or null for a problem with a whole sheet or file. */
  readonly cell: A1 | null;
  /** The message, ending with what to do. */
  readonly message_vi: string;
  readonly message_en: string;
  /** The offending value, as read. */
  readonly value: CellValue;
}

export interface Where {
  sheet?: string | null;
  cell?: A1 | null;
  value?: CellValue;
  /** Only one of the severities the catalogue allows for the code (its default or `also`). */
  severity?: Severity;
}

/** A problem record for a catalogue code: the message is rendered from the code's templates. */
export function problem<C extends ProblemCode>(
  code: C,
  params: ProblemParams<C>,
  where: Where = {},
): Problem {
  const entry = PROBLEMS[code] as { severity: Severity; also?: readonly Severity[] };
  const severity = where.severity ?? entry.severity;
  if (severity !== entry.severity && !entry.also?.includes(severity)) {
    throw new RangeError(`problem ${code}: severity ${severity} is not allowed by the catalogue`);
  }
  const m = renderProblem(code, params);
  return {
    code,
    severity,
    sheet: where.sheet ?? null,
    cell: where.cell ?? null,
    message_vi: m.vi,
    message_en: m.en,
    value: where.value === undefined ? null : where.value,
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

/** A problem as a host shows it: actions named as that host offers them (a tab, not a command). */
export function problemForHost(p: Problem, host: Host): Problem {
  if (host === "cli") return p;
  const vi = textForHost(p.message_vi, "vi", host);
  const en = textForHost(p.message_en, "en", host);
  return vi === p.message_vi && en === p.message_en ? p : { ...p, message_vi: vi, message_en: en };
}

/** How a list groups many problems of one code: "36 nhiệm vụ: …" (the catalogue's words), if given. */
export function manyPhrase(code: ProblemCode): { vi: string; en: string } | null {
  const e = PROBLEMS[code] as { many_vi?: string; many_en?: string } | undefined;
  return e?.many_vi && e.many_en ? { vi: e.many_vi, en: e.many_en } : null;
}
