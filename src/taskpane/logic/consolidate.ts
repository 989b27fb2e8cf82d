// Consolidation in the taskpane: take picked files in (with progress), then merge them — with the
// rollup already in this workbook, and any returns — into the rollup model. Merging is cheap, so a
// return or a changed period re-merges the kept intakes without reading the files again.
import { civilOfLocal } from "../../domain/civilDate";
import { inferPeriod, type Intake, type PlanBundle } from "../../domain/consolidation/intake";
import type { ReturnMark } from "../../domain/consolidation/mergeRules";
import { consolidate, type Rollup } from "../../domain/consolidation/model";
import { problem, problemForHost, type Problem } from "../../domain/problem";
import {
  isRollup,
  readRollup,
  ROLLUP_STORED_SHEETS,
  type StoredRollup,
} from "../../domain/consolidation/readRollup";
import type { Grid } from "../../domain/cell";
import type { Period } from "../../domain/period";
import type { PickedFile } from "../ops";
import { intakePicked } from "./intake";

/** Per-file progress: `done` files of `total`, the current file and its state. */
export type ProgressFn = (p: {
  index: number;
  total: number;
  file: string;
  state: "reading" | "done";
}) => void;

/** Read, hash and validate each file in turn (one at a time: memory stays flat). `stop` is asked
 * between files; when it says yes the files read so far are returned. */
export async function intakeAll(
  files: readonly PickedFile[],
  bundle: PlanBundle,
  period: Period | undefined,
  onProgress?: ProgressFn,
  stop?: () => boolean,
): Promise<Intake[]> {
  const out: Intake[] = [];
  const now = new Date();
  const today = civilOfLocal(now);
  for (const [index, file] of files.entries()) {
    if (stop?.()) break;
    onProgress?.({ index, total: files.length, file: file.name, state: "reading" });
    out.push(await intakePicked(file, { ...bundle, expectedPeriod: period, today }));
    onProgress?.({ index, total: files.length, file: file.name, state: "done" });
    // Let the browser paint the progress bar between files.
    await new Promise((r) => setTimeout(r, 0));
  }
  return out;
}

/** A rollup in the open workbook that cannot be read back: merging over it would lose its data. */
export class PriorRollupError extends Error {
  constructor(
    readonly message_vi: string,
    readonly message_en: string,
  ) {
    super(message_en);
  }
}

/** The rollup already in the open workbook, if any (its stored tables). Throws PriorRollupError when
 * it is there but unreadable (a renamed column, a newer layout): nothing may be written over it. */
export function priorFromGrids(grids: ReadonlyMap<string, Grid>): StoredRollup | null {
  if (!isRollup(grids)) return null;
  const read = readRollup(grids);
  if (read.ok) return read.rollup;
  throw new PriorRollupError(
    read.problems.map((p) => p.message_vi).join(" "),
    read.problems.map((p) => p.message_en).join(" "),
  );
}

export const PRIOR_SHEETS = ROLLUP_STORED_SHEETS;

/** Why nothing was merged: a catalogue problem worded for the taskpane. */
export type MergeOutcome = { ok: true; rollup: Rollup } | { ok: false; problem: Problem };

/** Merge the intakes' submissions, into `prior` when one is chosen. Rollups among the intakes are
 * never merged as inputs: the taskpane offers each as a merge target (`prior`) instead. */
export function mergeIntakes(
  bundle: PlanBundle,
  all: readonly Intake[],
  opts: { period?: Period; prior?: StoredRollup | null; returns?: readonly ReturnMark[]; now: Date },
): MergeOutcome {
  const intakes = all.filter((i) => i.kind !== "rollup");
  const inferred = inferPeriod(intakes.flatMap((i) => i.submissions));
  const period = opts.period ?? opts.prior?.period ?? inferred.period;
  if (!period)
    return {
      ok: false,
      problem: problemForHost(
        problem("PERIOD_UNDETERMINED", { candidates: inferred.candidates }),
        "taskpane",
      ),
    };
  const rollup = consolidate(
    bundle.plan,
    intakes.flatMap((i) => i.submissions),
    {
      registry: bundle.registry,
      catalogue: bundle.catalogue,
      period,
      unit: opts.prior?.unit,
      prior: opts.prior?.prior,
      returns: opts.returns,
      mergedAt: opts.now.toISOString(),
    },
  );
  return { ok: true, rollup };
}
