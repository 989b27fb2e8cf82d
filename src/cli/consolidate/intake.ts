// One input file → compact submissions: read the bytes once, hash them (SHA-256), parse, validate,
// keep only what consolidation needs and let the grids go. A rollup given as input (a lower level
// merged upward) yields the contributions it holds, each marked as carried "via" that rollup.
import { createHash } from "node:crypto";
import { readFileSync, statSync, type Stats } from "node:fs";
import type { Grid } from "../../domain/cell";
import { readRollup, isRollup } from "../../domain/consolidation/readRollup";
import {
  intakeFailedProblem,
  toSubmission,
  unreadableSubmission,
  type Submission,
} from "../../domain/consolidation/submission";
import { problem } from "../../domain/problem";
import { validateReport } from "../../domain/validation/validateReport";
import type { ValidationContext } from "../../domain/validation/context";
import { WorkbookReadError, isWorkbookReadError, readErrorProblem } from "../../workbook/xlsx/errors";
import { DEFAULT_LIMITS } from "../../workbook/xlsx/sniff";
import { XlsxReader } from "../../workbook/xlsx/xlsxReader";
import { openablePath } from "./rawPaths";

export const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

export interface IntakeResult {
  file: string;
  hash: string;
  /** One submission for a report; the carried contributions for a rollup. */
  submissions: Submission[];
  kind: "report" | "rollup" | "unreadable";
}

/**
 * Read one file. Never throws. Bad user files become rejected submissions with their reason; and
 * any unexpected failure (a bug in reading or checking) is caught here, per file, so it rejects this
 * file alone with FILE_CHECK_FAILED ("please report") and the consolidation of the others goes on.
 * Issue 16: keep this per-file guard wherever the intake pipeline moves.
 */
export async function intakeFile(file: string, ctx: ValidationContext): Promise<IntakeResult> {
  try {
    return await intakeUnguarded(file, ctx);
  } catch (e) {
    const reason = intakeFailedProblem(file, e instanceof Error ? `${e.name}: ${e.message}` : String(e));
    return {
      file,
      hash: "",
      submissions: [unreadableSubmission({ file, hash: "" }, reason)],
      kind: "unreadable",
    };
  }
}

async function intakeUnguarded(file: string, ctx: ValidationContext): Promise<IntakeResult> {
  let bytes: Buffer;
  let st: Stats;
  try {
    // The size limit is checked before reading: a 5 GB file is refused, not loaded into memory.
    // Synchronous: one small file at a time, and each async call is a thread-pool round trip that
    // cost more than the read itself (~0.3 ms a file, more on a busy machine).
    st = statSync(openablePath(file));
    if (st.size > DEFAULT_LIMITS.maxBytes) {
      const e = new WorkbookReadError("TOO_LARGE", {
        file,
        detail: `${(st.size / 1024 / 1024).toFixed(1)} MB > ${(DEFAULT_LIMITS.maxBytes / 1024 / 1024).toFixed(1)} MB`,
      });
      const reason = readErrorProblem(e);
      return {
        file,
        hash: "",
        submissions: [unreadableSubmission({ file, hash: "" }, reason)],
        kind: "unreadable",
      };
    }
    bytes = readFileSync(openablePath(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "";
    const reason = problem("FILE_UNREADABLE", { file, detail: code || undefined });
    return {
      file,
      hash: "",
      submissions: [unreadableSubmission({ file, hash: "" }, reason)],
      kind: "unreadable",
    };
  }
  const hash = sha256(bytes);
  const source = { file, hash };
  let grids: Map<string, Grid>;
  const merged = new Map<string, string[]>();
  try {
    const wb = await XlsxReader.fromBuffer(bytes, { name: file });
    const names = (await wb.listSheets()).map((s) => s.name);
    grids = await wb.readSheets(names);
    for (const n of names) merged.set(n, await wb.mergedRanges(n));
  } catch (e) {
    if (!isWorkbookReadError(e)) throw e;
    const reason = readErrorProblem(e);
    return { file, hash, submissions: [unreadableSubmission(source, reason)], kind: "unreadable" };
  }
  if (isRollup(grids)) {
    const read = readRollup(grids);
    if (!read.ok)
      return {
        file,
        hash,
        submissions: [unreadableSubmission(source, read.problems[0])],
        kind: "unreadable",
      };
    const carried = read.rollup.prior.contributions.map((c) => ({ ...c, via: c.via ?? file }));
    return { file, hash, submissions: carried, kind: "rollup" };
  }
  const m = st.mtime;
  const receivedAt = { y: m.getFullYear(), m: m.getMonth() + 1, d: m.getDate() };
  const v = validateReport({ grids, merged }, ctx);
  return { file, hash, submissions: [toSubmission(v, source, receivedAt)], kind: "report" };
}
