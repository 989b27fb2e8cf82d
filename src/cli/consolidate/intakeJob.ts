// What the threads of a parallel intake share (parallelIntake.ts, intakeWorker.ts): the job a worker
// is given, its replies, and how a thread claims its next files.
import type { ValidationContext } from "../../domain/validation/context";
import type { IntakeResult } from "./intake";

/** Files a thread claims at a time: few enough to balance the threads' ends, enough that the
 * replies are batched. */
export const CLAIM = 4;

export interface IntakeJob {
  ctx: ValidationContext;
  /** Shared by every thread (a SharedArrayBuffer): the next claim's number. */
  counter: Int32Array;
  files: readonly string[];
  /** Path bytes of files whose names are not UTF-8 (rawPaths.ts), by index. */
  raws: Record<number, Uint8Array>;
}

export type IntakeReply =
  { ready: true } | { results: [number, IntakeResult | { error: string }][] } | { done: true };

/** The first index of the next `CLAIM` files, or -1 when none are left. */
export function claim(counter: Int32Array, total: number): number {
  const start = Atomics.add(counter, 0, 1) * CLAIM;
  return start < total ? start : -1;
}

/** The files a thread claims, one claim at a time, as [start, end) until none are left. */
export function* claims(counter: Int32Array, total: number): Generator<[number, number]> {
  for (let start = claim(counter, total); start >= 0; start = claim(counter, total))
    yield [start, Math.min(start + CLAIM, total)];
}
