// Suites that need a Debian program (Chromium, LibreOffice, xmllint, openpyxl) run when it is there.
// When it is missing they print one line saying what to install and skip — except when
// CCHC_REQUIRE_ALL_SUITES=1 (CI sets it), where a missing program fails the suite instead.
import { spawnSync } from "node:child_process";

/** What a suite needs, and how to tell whether this machine has it. */
export interface Requirement {
  /** Shown in the skip line, e.g. "/usr/bin/chromium". */
  what: string;
  /** Shown in the skip line, e.g. "apt-get install chromium". */
  install: string;
  present: boolean;
}

/** Whether `cmd args…` runs and exits 0 (a program that is installed and works). */
export function runs(cmd: string, args: readonly string[] = ["--version"]): boolean {
  const r = spawnSync(cmd, [...args], { stdio: "ignore", timeout: 60_000 });
  return r.status === 0;
}

export const requireAllSuites = (): boolean => process.env.CCHC_REQUIRE_ALL_SUITES === "1";

/**
 * `describe` when every requirement is met. Otherwise, on a developer machine: one line on stderr
 * ("skipped: e2e — /usr/bin/chromium not found; apt-get install chromium") and `describe.skip`; with
 * CCHC_REQUIRE_ALL_SUITES=1: a suite with one failing test that says what is missing.
 */
export function describeIfInstalled(suite: string, needs: readonly Requirement[]): jest.Describe {
  const missing = needs.filter((n) => !n.present);
  if (missing.length === 0) return describe;
  const why = missing.map((m) => `${m.what} not found; ${m.install}`).join("; ");
  if (requireAllSuites()) {
    const failing = ((name: string) =>
      describe(name, () => {
        test(`needs ${missing.map((m) => m.what).join(", ")}`, () => {
          throw new Error(`${suite}: ${why} (CCHC_REQUIRE_ALL_SUITES=1: this suite may not skip)`);
        });
      })) as unknown as jest.Describe;
    return failing;
  }
  // Written straight to stderr: one line, without the stack trace console.warn gets under Jest.
  process.stderr.write(`skipped: ${suite} — ${why}\n`);
  return describe.skip;
}
