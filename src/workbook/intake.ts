// The intake pipeline, once for every shell: hash (given), read through the port, then the domain's
// rollup check, validation and reduction to submissions (domain/consolidation/intake.ts).
//
// Why it lives here and not in src/domain: reading is a use of the port, and src/domain may not import
// src/workbook (eslint no-restricted-imports). The domain could declare a look-alike reading interface
// for the port to satisfy, but that would be a second definition of the port's reading half; instead
// the decisions stay in the domain as a pure function over grids, and this file is only the async
// edge around it: the per-file guard, opening and reading the workbook, and read errors as problems.
// The shells keep what is theirs: where the bytes come from, hashing them, and the file's date.
import type { CivilDate } from "../domain/civilDate";
import { failedIntake, intakeWorkbook, unreadableIntake, type Intake } from "../domain/consolidation/intake";
import type { Problem } from "../domain/problem";
import type { ValidationContext } from "../domain/validation/context";
import type { WorkbookReading } from "./port";
import { readWholeWorkbook } from "./wholeWorkbook";
import { isWorkbookReadError, readErrorProblem } from "./xlsx/errors";

/** One file as a shell hands it over: its bytes' hash, when it was received, and how to open it. */
export interface IntakeSource {
  hash: string;
  receivedAt: CivilDate | null;
  /** Open the workbook; an unreadable file rejects with a WorkbookReadError. */
  open(): Promise<WorkbookReading>;
}

/**
 * Take one file in. `prepare` gets the file's bytes ready (or refuses them before reading: too
 * large, not found). Never throws: bad files become rejected submissions with their reason, and an
 * unexpected failure (a bug in reading or checking) rejects this file alone with FILE_CHECK_FAILED
 * ("please report") so the other files are still consolidated (issue 16).
 */
export async function intakeFile(
  file: string,
  prepare: () => Promise<IntakeSource | { refused: Problem }> | IntakeSource | { refused: Problem },
  ctx: ValidationContext,
): Promise<Intake> {
  try {
    const ready = await prepare();
    if ("refused" in ready) return unreadableIntake({ file, hash: "" }, ready.refused);
    const source = { file, hash: ready.hash };
    let workbook;
    try {
      workbook = await readWholeWorkbook(await ready.open());
    } catch (e) {
      if (!isWorkbookReadError(e)) throw e;
      return unreadableIntake(source, readErrorProblem(e));
    }
    return intakeWorkbook(source, workbook, ready.receivedAt, ctx);
  } catch (e) {
    return failedIntake(file, e);
  }
}
