// Worker thread body for parallel intake (parallelIntake.ts): loads the intake code as soon as it
// starts, then takes jobs (the validation context, the file list, the shared counter) and reads the
// files it claims, answering each claim with their compact IntakeResults (the workbook never leaves
// the worker).
import { parentPort } from "node:worker_threads";
import { intakeFile, type IntakeResult } from "./intake";
import { claims, type IntakeJob, type IntakeReply } from "./intakeJob";
import { rememberRawPath } from "./rawPaths";

const port = parentPort;
port?.on("message", async (job: IntakeJob) => {
  for (const [i, raw] of Object.entries(job.raws)) rememberRawPath(job.files[Number(i)], raw);
  for (const [start, end] of claims(job.counter, job.files.length)) {
    const results: [number, IntakeResult | { error: string }][] = [];
    for (let i = start; i < end; i++) {
      try {
        results.push([i, await intakeFile(job.files[i], job.ctx)]);
      } catch (e) {
        // intakeFile never throws; should it, that file alone is rejected (FILE_CHECK_FAILED).
        results.push([i, { error: e instanceof Error ? (e.stack ?? e.message) : String(e) }]);
      }
    }
    port.postMessage({ results } satisfies IntakeReply);
  }
  port.postMessage({ done: true } satisfies IntakeReply);
});
port?.postMessage({ ready: true } satisfies IntakeReply);
