// Take files in on this thread and, with several cores, on worker threads beside it. Parsing a
// workbook is CPU-bound and each file is independent, so the threads share one list: each claims the
// next few files from a shared counter (no round trip to ask for work) and this thread reads its
// share too, instead of waiting. Workers are started before the plan is read (startIntakePool), so
// their module loading overlaps it. Results land in file order whoever read them; a file a dead
// worker claimed but never answered is read again here. Memory stays flat: a thread holds one
// workbook at a time, and only compact submissions cross back.
import * as os from "node:os";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import { failedIntake } from "../../domain/consolidation/intake";
import type { ValidationContext } from "../../domain/validation/context";
import { intakeFile, type IntakeResult } from "./intake";
import { claims, type IntakeJob, type IntakeReply } from "./intakeJob";
import { rawPathOf } from "./rawPaths";

/** Below this many files a worker's start-up (its own module loading and JIT warm-up) costs more
 * than it saves: this thread reads them all. */
export const MIN_PARALLEL_FILES = 24;

/**
 * The threads `--workers auto` uses for `cores` cores: one fewer than the cores, at most 4, and on two
 * cores or fewer just this one. One reading thread already keeps about a third of a second core busy
 * with V8's garbage collector and optimizing compiler; on a 2-core machine a second reading thread
 * took the same wall time as one, for 30% more CPU (docs/PERFORMANCE.md).
 */
export function autoThreads(
  cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length,
): number {
  return cores <= 2 ? 1 : Math.min(4, cores - 1);
}

/** A worker running the script beside this file: .js in the built CLI; under tsx or ts-jest the .ts
 * source, loaded through tsx's require hook since workers do not inherit it. */
function startWorker(): Worker {
  const script = path.join(__dirname, `intakeWorker${path.extname(__filename)}`);
  if (script.endsWith(".js")) return new Worker(script);
  const boot = `require("tsx/cjs"); require(${JSON.stringify(script)});`;
  return new Worker(boot, { eval: true });
}

/** A started worker, and when it stops (exit or error, whenever that comes). */
interface PoolWorker {
  readonly worker: Worker;
  readonly stopped: Promise<void>;
  readonly loaded: Promise<void>;
}

/** This thread plus `threads - 1` workers, started now. */
export interface IntakePool {
  readonly workers: readonly PoolWorker[];
  /** When every worker has loaded its code (or stopped). Nothing waits for it but tests. */
  readonly ready: Promise<void>;
}

export function startIntakePool(threads: number): IntakePool {
  const n = Math.max(1, Math.floor(threads));
  const workers = Array.from({ length: n - 1 }, () => {
    const worker = startWorker();
    const stopped = new Promise<void>((resolve) => {
      worker.once("exit", () => resolve());
      worker.once("error", () => resolve());
    });
    const loaded = new Promise<void>((resolve) => {
      const onReady = (m: IntakeReply): void => {
        if (!("ready" in m)) return;
        worker.off("message", onReady);
        resolve();
      };
      worker.on("message", onReady);
    });
    return { worker, stopped, loaded: Promise.race([loaded, stopped]) };
  });
  return { workers, ready: Promise.all(workers.map((w) => w.loaded)).then(() => undefined) };
}

/** Stop a pool's workers (idempotent). */
export async function closeIntakePool(pool: IntakePool): Promise<void> {
  await Promise.all(pool.workers.map((w) => w.worker.terminate()));
}

/**
 * Intake every file, calling `onResult` as each one completes (for progress). `pool` is a started
 * pool or a thread count (a pool is then started and closed here); with one thread, or fewer than
 * MIN_PARALLEL_FILES files, everything runs on this thread.
 */
export async function intakeAll(
  files: readonly string[],
  ctx: ValidationContext,
  pool: IntakePool | number,
  onResult?: (done: number, result: IntakeResult, byWorker: boolean) => void,
): Promise<IntakeResult[]> {
  const parallel = files.length >= MIN_PARALLEL_FILES;
  const p = typeof pool === "number" ? startIntakePool(parallel ? pool : 1) : pool;
  try {
    return await intakeWith(files, ctx, parallel ? p.workers : [], onResult);
  } finally {
    if (p !== pool) await closeIntakePool(p);
  }
}

async function intakeWith(
  files: readonly string[],
  ctx: ValidationContext,
  workers: readonly PoolWorker[],
  onResult?: (done: number, result: IntakeResult, byWorker: boolean) => void,
): Promise<IntakeResult[]> {
  const results: (IntakeResult | undefined)[] = new Array(files.length);
  let done = 0;
  const settle = (i: number, r: IntakeResult, byWorker = false): void => {
    if (results[i]) return;
    results[i] = r;
    onResult?.(++done, r, byWorker);
  };
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const raws: Record<number, Uint8Array> = {};
  for (let i = 0; i < files.length && workers.length > 0; i++) {
    const raw = rawPathOf(files[i]);
    if (raw) raws[i] = raw;
  }
  const finished = workers.map(({ worker, stopped }) => {
    // A worker that fails or stops early ends its part; what it claimed is read again below.
    const answered = new Promise<void>((resolve) => {
      const onMessage = (m: IntakeReply): void => {
        if ("ready" in m) return;
        if ("done" in m) {
          worker.off("message", onMessage);
          return resolve();
        }
        for (const [i, r] of m.results) settle(i, "error" in r ? failedIntake(files[i], r.error) : r, true);
      };
      worker.on("message", onMessage);
    });
    const job: IntakeJob = { ctx, counter, files, raws };
    worker.postMessage(job);
    return Promise.race([answered, stopped]);
  });
  for (const [start, end] of claims(counter, files.length)) {
    for (let i = start; i < end; i++) settle(i, await intakeFile(files[i], ctx));
    // Let the workers' replies in between claims (progress counts them as they come).
    if (workers.length > 0) await new Promise((r) => setImmediate(r));
  }
  await Promise.all(finished);
  for (let i = 0; i < files.length; i++) if (!results[i]) settle(i, await intakeFile(files[i], ctx));
  return results as IntakeResult[];
}
