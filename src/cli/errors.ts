// Failures the CLI reports to people without a stack trace: bad usage (exit 2) and unreadable input (exit 2).
import type { PeriodFailure } from "../domain/period";

export class CliError extends Error {
  constructor(
    readonly message_vi: string,
    readonly message_en: string,
    readonly exitCode: number = 2,
  ) {
    super(message_en);
  }
}

export const EXIT = { ok: 0, problems: 1, usage: 2, internal: 3 } as const;

/**
 * A --period that cannot be read, worded by the problem catalogue (PERIOD_INVALID). The catalogue is
 * loaded here, not at start-up: `--help` and other usage errors answer without it.
 */
export async function periodError(p: { text: string; reason: PeriodFailure }): Promise<CliError> {
  const { problem } = await import("../domain/problem");
  const m = problem("PERIOD_INVALID", { text: p.text, reason: p.reason });
  return new CliError(m.message_vi, m.message_en);
}
