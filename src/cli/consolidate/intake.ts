// One input file → compact submissions, through the one intake pipeline (workbook/intake.ts): this
// shell reads the bytes from disk once, hashes them (SHA-256, node:crypto) and dates them by the
// file's modification time; the pipeline reads, checks and reduces them, and the grids are let go.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { civilOfLocal } from "../../domain/civilDate";
import type { Intake } from "../../domain/consolidation/intake";
import { problem, type Problem } from "../../domain/problem";
import type { ValidationContext } from "../../domain/validation/context";
import { intakeFile as intakeThrough, type IntakeSource } from "../../workbook/intake";
import { WorkbookReadError, readErrorProblem } from "../../workbook/xlsx/errors";
import { DEFAULT_LIMITS } from "../../workbook/xlsx/sniff";
import { XlsxReader } from "../../workbook/xlsx/xlsxReader";
import { openablePath } from "./rawPaths";

export const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** An intake without its validation and stored rollup: only what consolidation needs crosses back
 * from a worker and stays in memory. */
export type IntakeResult = Omit<Intake, "validation" | "rollup">;

/** Read one file. Never throws (see workbook/intake.ts). */
export async function intakeFile(file: string, ctx: ValidationContext): Promise<IntakeResult> {
  const { file: f, hash, kind, submissions } = await intakeThrough(file, () => fromDisk(file), ctx);
  return { file: f, hash, kind, submissions };
}

function fromDisk(file: string): IntakeSource | { refused: Problem } {
  let bytes: Buffer;
  let mtime: Date;
  try {
    // The size limit is checked before reading: a 5 GB file is refused, not loaded into memory.
    // Synchronous: one small file at a time, and each async call is a thread-pool round trip that
    // cost more than the read itself (~0.3 ms a file, more on a busy machine).
    const st = statSync(openablePath(file));
    if (st.size > DEFAULT_LIMITS.maxBytes) {
      const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
      const e = new WorkbookReadError("TOO_LARGE", {
        file,
        detail: `${mb(st.size)} > ${mb(DEFAULT_LIMITS.maxBytes)}`,
      });
      return { refused: readErrorProblem(e) };
    }
    bytes = readFileSync(openablePath(file));
    mtime = st.mtime;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "";
    return { refused: problem("FILE_UNREADABLE", { file, detail: code || undefined }) };
  }
  return {
    hash: sha256(bytes),
    receivedAt: civilOfLocal(mtime),
    open: () => XlsxReader.fromBuffer(bytes, { name: file }),
  };
}
