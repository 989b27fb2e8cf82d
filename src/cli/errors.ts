// Failures the CLI reports to people without a stack trace: bad usage (exit 2) and unreadable input (exit 2).
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
