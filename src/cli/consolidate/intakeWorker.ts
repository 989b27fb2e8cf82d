// Worker thread body for parallel intake: receives the validation context once, then file paths one
// at a time, and answers each with its compact IntakeResult (the workbook never leaves the worker).
import { parentPort, workerData } from "node:worker_threads";
import type { ValidationContext } from "../../domain/validation/context";
import { intakeFile } from "./intake";
import { rememberRawPath } from "./rawPaths";

export interface IntakeRequest {
  index: number;
  file: string;
  /** The path's bytes when its name is not UTF-8 (rawPaths.ts). */
  raw?: Uint8Array;
}

const ctx = workerData as ValidationContext;
const port = parentPort;
if (port) {
  port.on("message", (req: IntakeRequest) => {
    if (req.raw) rememberRawPath(req.file, req.raw);
    intakeFile(req.file, ctx).then(
      (result) => port.postMessage({ index: req.index, result }),
      (e: unknown) => port.postMessage({ index: req.index, error: e instanceof Error ? e.stack : String(e) }),
    );
  });
}
