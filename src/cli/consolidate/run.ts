// The consolidation job behind `cchc consolidate` and `cchc demo`: discover files, take each one in
// (hash, parse, validate, reduce), merge into the existing rollup if any, and write it atomically.
import { civilOfLocal, type CivilDate } from "../../domain/civilDate";
import { inferPeriod, type PlanBundle } from "../../domain/consolidation/intake";
import type { ReturnMark } from "../../domain/consolidation/mergeRules";
import { consolidate, type Rollup } from "../../domain/consolidation/model";
import {
  isRollup,
  readRollup,
  ROLLUP_STORED_SHEETS,
  storedByAgency,
  storedTotals,
  type StoredRollup,
} from "../../domain/consolidation/readRollup";
import { rollupSheets } from "../../domain/consolidation/sheets";
import { isAcceptable, type Submission } from "../../domain/consolidation/submission";
import type { FigureValues } from "../../domain/consolidation/totals";
import type { Catalogue } from "../../domain/indicators";
import { periodCode, periodLabelVi, samePeriod, type Period } from "../../domain/period";
import { writeFileAtomic, type AtomicFs } from "../../workbook/xlsx/atomicWrite";
import { isWorkbookReadError } from "../../workbook/xlsx/errors";
import { freshSheetNames, freshWorkbookBytesSoon } from "../../workbook/xlsx/freshWorkbook";
import { XlsxReader } from "../../workbook/xlsx/xlsxReader";
import { nativeZip } from "../../workbook/xlsx/zipWrite";
// ExcelJS (the writer, ~0.2 s of CPU to load) is loaded by XlsxWorkbook on first use: only when an existing
// rollup holds more than its own sheets and is rewritten through it.
import { XlsxWorkbook } from "../../workbook/xlsx/xlsxWorkbook";
import { problem } from "../../domain/problem";
import { CliError } from "../errors";
import { discoverInputs, type SkippedFile } from "./discover";
import { acquireOutputLock } from "./outputLock";
import { outputWriteError, resolveOutputTarget, type OutputTarget } from "./outputTarget";
import { intakeAll, type IntakePool } from "./parallelIntake";
import type { Progress } from "./progress";

/**
 * Deflate level of the rollup file: 4 packs a provincial rollup (6.4 MB of sheet XML) in about a
 * third of the time of zlib's default 6, for a file about 6% larger.
 */
const ROLLUP_DEFLATE_LEVEL = 4;

export interface ConsolidationRun {
  bundle: PlanBundle;
  /** Files and folders to take in. */
  inputs: readonly string[];
  /** The rollup to write (merged into when it exists); none for a pure dry run. */
  output?: string;
  /** The plan workbook's path, so `output` can be checked not to be it. */
  planFile?: string;
  /** Last year's rollup of the same period, for year-on-year change. */
  previous?: string;
  period?: Period;
  unit?: string;
  reportingDeadline?: CivilDate;
  returns?: readonly ReturnMark[];
  dryRun?: boolean;
  now?: () => Date;
  /** File operations for the atomic save (tests inject a failure). */
  fs?: AtomicFs;
  progress?: Progress;
  /** Threads reading the files, this one included (default 1: this thread alone), or a pool started
   * earlier; see parallelIntake. */
  workers?: number | IntakePool;
}

/** Wall and CPU time (user + system, all threads) of one phase, in milliseconds. */
export interface PhaseTime {
  ms: number;
  cpuMs: number;
}

export interface ConsolidationOutcome {
  rollup: Rollup;
  files: number;
  written: string | null;
  mergedIntoExisting: boolean;
  /** Files found in folders and not taken, with why (no extension, "….xlsx "). */
  skipped: SkippedFile[];
  /** Where the time went, for the benchmark: reading the inputs (discover, read, check, validate),
   * merging (previous rollup, consolidate), writing the rollup (sheets, pack, atomic save). */
  phases: { intake: PhaseTime; merge: PhaseTime; write: PhaseTime };
}

/** A stopwatch for {@link PhaseTime}s: each `lap()` returns the time since the previous one. */
function stopwatch(): () => PhaseTime {
  let wall = process.hrtime.bigint();
  let cpu = process.cpuUsage();
  return () => {
    const w = process.hrtime.bigint();
    const c = process.cpuUsage(cpu);
    const lap = { ms: Number(w - wall) / 1e6, cpuMs: (c.user + c.system) / 1000 };
    wall = w;
    cpu = process.cpuUsage();
    return lap;
  };
}

/**
 * Run a consolidation. Writing runs hold an exclusive lock on the output from reading it to writing
 * it back, so two runs on one rollup cannot lose each other's files; the second stops (exit 2).
 */
export async function runConsolidation(run: ConsolidationRun): Promise<ConsolidationOutcome> {
  // The output is resolved first: never a source (plan, last year's rollup, an input report), never a
  // folder; through a symlink, the real file is locked and written (the link stays).
  const target = run.output
    ? await resolveOutputTarget(run.output, [
        ...(run.planFile
          ? [{ file: run.planFile, role_vi: "tệp kế hoạch", role_en: "the plan workbook" }]
          : []),
        ...(run.previous
          ? [
              {
                file: run.previous,
                role_vi: "bảng tổng hợp năm trước (--previous)",
                role_en: "last year's rollup (--previous)",
              },
            ]
          : []),
      ])
    : null;
  const lock = target && !run.dryRun ? await acquireOutputLock(target.path) : null;
  try {
    return await runLocked(run, target);
  } finally {
    await lock?.release();
  }
}

async function runLocked(run: ConsolidationRun, target: OutputTarget | null): Promise<ConsolidationOutcome> {
  const { plan, registry, catalogue } = run.bundle;
  const lap = stopwatch();
  const { files, skipped } = await discoverInputs(run.inputs, {
    ...(target ? { output: { given: target.given, identity: target.existing } } : {}),
    exclude: run.previous ? [run.previous] : [],
  });
  const existing = target?.existing ? await openExisting(target.path, target.given) : null;
  let period = run.period ?? existing?.stored?.period;
  if (run.period && existing?.stored && !samePeriod(run.period, existing.stored.period)) {
    throw new CliError(
      `Tệp ${run.output} là bảng tổng hợp kỳ ${periodLabelVi(existing.stored.period)}, không phải kỳ ${periodLabelVi(run.period)}. Hãy chọn tệp kết quả khác.`,
      `${run.output} is the rollup for ${periodCode(existing.stored.period)}, not ${periodCode(run.period)}. Choose another output file.`,
    );
  }

  if (files.length === 0 && !existing?.stored) {
    throw new CliError("Không có tệp .xlsx nào để tổng hợp.", "No .xlsx files to consolidate.");
  }
  const now = (run.now ?? (() => new Date()))();
  const today = civilOfLocal(now);
  const ctx = { plan, registry, catalogue, expectedPeriod: period, today };
  const results = await intakeAll(files, ctx, run.workers ?? 1, (done, r) => {
    const s = r.submissions[0];
    const note =
      r.kind === "rollup"
        ? `bảng tổng hợp, ${r.submissions.length} cơ quan`
        : s && isAcceptable(s)
          ? `${s.agency} lần ${s.version}: hợp lệ`
          : `bị từ chối (${s?.errorCount ?? 1} lỗi)`;
    run.progress?.step(done, files.length, r.file, note);
  });
  const submissions: Submission[] = results.flatMap((r) => r.submissions);
  run.progress?.end();
  const intake = lap();

  period ??= periodOf(submissions);
  const prev = run.previous ? await readPrevious(run.previous, catalogue) : undefined;
  const rollup = consolidate(plan, submissions, {
    registry,
    catalogue,
    period,
    unit: run.unit ?? existing?.stored?.unit ?? undefined,
    prior: existing?.stored?.prior,
    returns: run.returns,
    mergedAt: now.toISOString(),
    reportingDeadline: run.reportingDeadline,
    previousTotals: prev?.totals,
    previousByAgency: prev?.byAgency,
    schedule: run.bundle.schedule,
  });

  const merge = lap();

  let written: string | null = null;
  if (!run.dryRun && run.output && target) {
    const sheets = rollupSheets(rollup);
    try {
      // A new rollup, or one that holds only its own sheets, is written as OOXML directly
      // (freshWorkbook.ts): ExcelJS is not loaded.
      if (nativeZip() && (!existing || (await existing.workbook.holdsOnly(freshSheetNames(sheets))))) {
        // The rollup's own author, title and creation date stay what they were.
        const coreProperties = existing?.workbook.coreProperties();
        const bytes = (): Promise<Uint8Array> =>
          freshWorkbookBytesSoon(sheets, { level: ROLLUP_DEFLATE_LEVEL, now, coreProperties });
        await writeFileAtomic(target.path, bytes, run.fs);
      } else {
        // Merged into an existing rollup: ExcelJS rewrites it, keeping the consolidator's other sheets.
        const wb = existing?.workbook ?? XlsxWorkbook.create();
        await wb.writeSheets(sheets);
        await wb.saveAtomic(target.path, { level: ROLLUP_DEFLATE_LEVEL, ...(run.fs ? { fs: run.fs } : {}) });
      }
    } catch (e) {
      throw outputWriteError(target.given, e) ?? e; // disk full, read-only, no permission: exit 2
    }
    written = run.output;
  }
  const write = lap();
  return {
    rollup,
    files: files.length,
    written,
    mergedIntoExisting: !!existing?.stored,
    skipped,
    phases: { intake, merge, write },
  };
}

/**
 * The existing output, a rollup to merge into. Anything else is refused (exit 2), nothing written:
 * saving rollup sheets into it would overwrite someone's workbook (an agency's report, the plan).
 */
async function openExisting(
  file: string,
  given: string,
): Promise<{ workbook: XlsxWorkbook; stored: StoredRollup }> {
  let workbook: XlsxWorkbook;
  try {
    workbook = await XlsxWorkbook.open(file);
  } catch (e) {
    if (!isWorkbookReadError(e)) throw e;
    throw new CliError(`Tệp kết quả: ${e.message_vi}`, `Output file: ${e.message_en}`);
  }
  const grids = await workbook.readSheets([...ROLLUP_STORED_SHEETS]);
  if (!isRollup(grids)) {
    throw new CliError(
      `Tệp kết quả ${given} đã có và không phải bảng tổng hợp CCHC (có thể là báo cáo của một cơ quan hoặc tệp kế hoạch). Không ghi gì, để không ghi đè lên tệp đó; hãy chọn một tệp kết quả khác, ví dụ -o tong-hop.xlsx.`,
      `The output ${given} exists and is not a CCHC rollup (perhaps an agency's report or the plan). Nothing was written, so that file is not overwritten; choose another output file, e.g. -o rollup.xlsx.`,
    );
  }
  const read = readRollup(grids);
  if (!read.ok) {
    throw new CliError(
      `Tệp kết quả ${given} có sheet tổng hợp nhưng không đọc được: ${read.problems[0].message_vi}`,
      `Output ${given} has rollup sheets that cannot be read: ${read.problems[0].message_en}`,
    );
  }
  return { workbook, stored: read.rollup };
}

async function readPrevious(
  file: string,
  catalogue: Catalogue,
): Promise<{ totals: Map<string, number | null>; byAgency: Map<string, FigureValues> }> {
  let wb: XlsxReader;
  try {
    wb = await XlsxReader.open(file);
  } catch (e) {
    if (!isWorkbookReadError(e)) throw e;
    throw new CliError(`Bảng tổng hợp năm trước: ${e.message_vi}`, `Previous rollup: ${e.message_en}`);
  }
  const read = readRollup(await wb.readSheets([...ROLLUP_STORED_SHEETS]));
  if (!read.ok) {
    throw new CliError(
      `Tệp ${file} không phải bảng tổng hợp: ${read.problems[0].message_vi}`,
      `${file} is not a rollup: ${read.problems[0].message_en}`,
    );
  }
  return { totals: storedTotals(read.rollup, catalogue), byAgency: storedByAgency(read.rollup) };
}

/** The period most accepted submissions report; ambiguous or none is a usage error. */
function periodOf(submissions: readonly Submission[]): Period {
  const { period, candidates } = inferPeriod(submissions);
  if (period) return period;
  const m = problem("PERIOD_UNDETERMINED", { candidates });
  throw new CliError(m.message_vi, m.message_en);
}
