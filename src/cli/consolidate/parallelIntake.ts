// Take files in, on this thread or across worker threads. Parsing a workbook is CPU-bound and each
// file is independent, so with several cores a pool of workers each reading one file at a time
// scales the intake; results come back in file order whatever finished first. Memory stays flat:
// each worker holds one workbook at a time, and only compact submissions cross back.
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import { failedIntake } from "../../domain/consolidation/intake";
import type { ValidationContext } from "../../domain/validation/context";
import { intakeFile, type IntakeResult } from "./intake";
import type { IntakeRequest } from "./intakeWorker";
import { rawPathOf } from "./rawPaths";

type Reply = { index: number; result: IntakeResult } | { index: number; error: string };

/** A worker running the script beside this file: .js in the built CLI; under tsx (the bench, the
 * scripts) the .ts source, loaded through tsx's require hook since workers do not inherit it. */
function startWorker(ctx: ValidationContext): Worker {
  const script = path.join(__dirname, `intakeWorker${path.extname(__filename)}`);
  if (script.endsWith(".js")) return new Worker(script, { workerData: ctx });
  const boot = `require("tsx/cjs"); require(${JSON.stringify(script)});`;
  return new Worker(boot, { eval: true, workerData: ctx });
}

/**
 * Intake every file, calling `onResult` as each one completes (for progress). With `workers` ≤ 1,
 * or fewer than two files, everything runs on this thread.
 */
export async function intakeAll(
  files: readonly string[],
  ctx: ValidationContext,
  workers: number,
  onResult?: (done: number, result: IntakeResult) => void,
): Promise<IntakeResult[]> {
  const results: IntakeResult[] = new Array(files.length);
  let done = 0;
  const n = Math.min(Math.floor(workers), files.length);
  if (n <= 1) {
    for (const [i, file] of files.entries()) {
      results[i] = await intakeFile(file, ctx);
      onResult?.(++done, results[i]);
    }
    return results;
  }
  let next = 0;
  const pool = Array.from({ length: n }, () => startWorker(ctx));
  try {
    await Promise.all(
      pool.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const feed = (): void => {
              if (next >= files.length) return resolve();
              const raw = rawPathOf(files[next]);
              const req: IntakeRequest = { index: next, file: files[next], ...(raw ? { raw } : {}) };
              next++;
              w.postMessage(req);
            };
            w.on("message", (m: Reply) => {
              // intakeFile never throws; should a worker still answer with an error, that file alone
              // is rejected (FILE_CHECK_FAILED) and the run goes on, as on one thread.
              results[m.index] = "error" in m ? failedIntake(files[m.index], m.error) : m.result;
              onResult?.(++done, results[m.index]);
              feed();
            });
            w.on("error", reject);
            w.on("exit", (code) => {
              if (code !== 0) reject(new Error(`intake worker exited with code ${code}`));
            });
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}
