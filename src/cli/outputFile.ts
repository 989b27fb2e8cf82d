// A command's output file: its folder is created when missing, and a path the user gave that cannot
// be written (a file where a folder should be, no permission, a full or read-only disk) is a usage
// error (exit 2) with a message, never an internal error (exit 3).
import { promises as fsp } from "node:fs";
import * as path from "node:path";
import { outputWriteError } from "./consolidate/outputTarget";

/** File-system failures caused by the path or the machine the user chose, not by a bug. */
const USER_IO = new Set([
  "EACCES",
  "EPERM",
  "ENOENT",
  "ENOTDIR",
  "EISDIR",
  "EROFS",
  "ENOSPC",
  "EDQUOT",
  "EEXIST",
  "ENAMETOOLONG",
  "ELOOP",
  "EIO",
  "EBUSY",
]);

function asUsageError(file: string, e: unknown): unknown {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (!code || !USER_IO.has(code)) return e;
  // One wording for every output failure: the file, the cause and the fix (outputTarget.ts).
  return outputWriteError(file, e) ?? e;
}

/** Create the folder `file` goes in, if missing. */
export async function ensureOutputFolder(file: string): Promise<void> {
  try {
    await fsp.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  } catch (e) {
    throw asUsageError(file, e);
  }
}

/** Save through `save` (an atomic write) after creating the output's folder. */
export async function writeOutput(file: string, save: (file: string) => Promise<void>): Promise<void> {
  await ensureOutputFolder(file);
  try {
    await save(file);
  } catch (e) {
    throw asUsageError(file, e);
  }
}
