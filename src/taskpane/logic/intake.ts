// One picked file → compact submissions, as the CLI's intake does for files on disk: hash the
// bytes (SHA-256, Web Crypto), parse, validate, keep only what consolidation needs. A rollup given
// as input yields the contributions it carries. Bad files become rejected submissions, never throws.
import { civil } from "../../domain/civilDate";
import { isRollup, readRollup, type StoredRollup } from "../../domain/consolidation/readRollup";
import {
  intakeFailedProblem,
  toSubmission,
  unreadableSubmission,
  type Submission,
} from "../../domain/consolidation/submission";
import { problem } from "../../domain/problem";
import type { ValidationContext } from "../../domain/validation/context";
import { validateReport, type ValidationResult } from "../../domain/validation/validateReport";
import { isWorkbookReadError, readErrorProblem } from "../../workbook/xlsx/errors";
import type { PickedFile } from "../ops";
import { readXlsxBytes } from "./planSources";

export interface Intake {
  file: string;
  hash: string;
  kind: "report" | "rollup" | "unreadable";
  submissions: Submission[];
  /** The validation, for showing a report's problems. */
  validation: ValidationResult | null;
  /** A rollup's stored tables: the taskpane offers it as a merge target, never merges it silently. */
  rollup?: StoredRollup;
}

/** SHA-256 of bytes as hex (Web Crypto: browsers and Node ≥ 20). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", bytes as BufferSource);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Take one picked file in. Never throws: an unexpected failure (a bug) rejects this file alone with
 * FILE_CHECK_FAILED ("please report"), and the other files are still consolidated (issue 16; keep
 * this per-file guard wherever the intake pipeline moves).
 */
export async function intakePicked(file: PickedFile, ctx: ValidationContext): Promise<Intake> {
  try {
    return await intakeUnguarded(file, ctx);
  } catch (e) {
    const reason = intakeFailedProblem(file.name, e instanceof Error ? `${e.name}: ${e.message}` : String(e));
    return {
      file: file.name,
      hash: "",
      kind: "unreadable",
      submissions: [unreadableSubmission({ file: file.name, hash: "" }, reason)],
      validation: null,
    };
  }
}

async function intakeUnguarded(file: PickedFile, ctx: ValidationContext): Promise<Intake> {
  const hash = await sha256Hex(file.bytes);
  const source = { file: file.name, hash };
  let read: Awaited<ReturnType<typeof readXlsxBytes>>;
  try {
    read = await readXlsxBytes(file);
  } catch (e) {
    const reason = isWorkbookReadError(e)
      ? readErrorProblem(e)
      : problem("FILE_UNREADABLE", { file: file.name });
    return {
      file: file.name,
      hash,
      kind: "unreadable",
      submissions: [unreadableSubmission(source, reason)],
      validation: null,
    };
  }
  if (isRollup(read.grids)) {
    const r = readRollup(read.grids);
    if (!r.ok)
      return {
        file: file.name,
        hash,
        kind: "unreadable",
        submissions: [unreadableSubmission(source, r.problems[0])],
        validation: null,
      };
    const carried = r.rollup.prior.contributions.map((c) => ({ ...c, via: c.via ?? file.name }));
    return {
      file: file.name,
      hash,
      kind: "rollup",
      submissions: carried,
      validation: null,
      rollup: r.rollup,
    };
  }
  const m = file.lastModified ? new Date(file.lastModified) : null;
  const receivedAt = m ? civil(m.getFullYear(), m.getMonth() + 1, m.getDate()) : null;
  const validation = validateReport(read, ctx);
  return {
    file: file.name,
    hash,
    kind: "report",
    submissions: [toSubmission(validation, source, receivedAt)],
    validation,
  };
}
