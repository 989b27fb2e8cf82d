// Shared helpers for the custom function tests: Excel passes ranges (and, for range parameters, even
// single cells) as 2-D arrays, and omitted optional arguments as null.
import type { FunctionError } from "../../src/functions/excelError";

/** A column range as Excel passes it. */
export const col = (...cells: unknown[]): unknown[][] => cells.map((c) => [c]);

/** A single cell passed to a range parameter. */
export const cell = (v: unknown): unknown[][] => [[v]];

/** The only value of a 1×1 spilled result. */
export function only(result: unknown): unknown {
  if (!Array.isArray(result)) return result;
  expect(result).toHaveLength(1);
  expect(result[0]).toHaveLength(1);
  return result[0][0];
}

/** Asserts an Excel error with this code, and a Vietnamese message matching `message` when given. */
export function expectError(v: unknown, code: FunctionError["code"], message?: RegExp): void {
  expect(v).toEqual(expect.objectContaining({ code }));
  if (message) expect((v as FunctionError).message).toMatch(message);
}
