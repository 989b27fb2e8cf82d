// A command's output file: its folder is created when missing, and a path the user gave that cannot
// be written (a file where a folder should be, no permission, a full or read-only disk) is a usage
// error (exit 2) with a message, never an internal error (exit 3).
import { promises as fsp } from "node:fs";
import * as path from "node:path";
import type { Grid } from "../domain/cell";
import { outputWriteError } from "./consolidate/outputTarget";
import { CliError } from "./errors";

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
    // mkdir says EEXIST when part of the path is a file: that is what to tell (ENOTDIR).
    const code = (e as NodeJS.ErrnoException | null)?.code;
    throw asUsageError(
      file,
      code === "EEXIST" ? Object.assign(new Error(String(e)), { code: "ENOTDIR" }) : e,
    );
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

/**
 * An existing output the command may replace only when `replaceable` says it is one of its own kind
 * (a blank report template, a plan); anything else — an agency's filled-in report, a rollup, the
 * plan, a file that is not a workbook — is refused (exit 2) before anything is written, so `-o` never
 * overwrites someone's work. `what` names the kind in the message.
 */
export async function refuseForeignOutput(
  given: string,
  real: string,
  what: { vi: string; en: string },
  replaceable: (grids: ReadonlyMap<string, Grid>) => boolean,
): Promise<void> {
  const { readWorkbookFile } = await import("./workbookFiles");
  const grids = await readWorkbookFile(real).then(
    (w) => w.grids,
    () => null,
  );
  if (grids && replaceable(grids)) return;
  throw new CliError(
    `Tệp kết quả ${given} đã có và không phải ${what.vi}. Không ghi gì, để không ghi đè lên tệp đó; hãy chọn tên tệp khác (hoặc tự xóa tệp cũ nếu chắc chắn không cần).`,
    `The output ${given} exists and is not ${what.en}. Nothing was written, so that file is not overwritten; choose another name (or delete the old file yourself if you are sure it is not needed).`,
  );
}

/** Create an output folder (`--csv`, `demo --out`), or say why it cannot be one (exit 2). */
export async function ensureOutputDir(dir: string): Promise<void> {
  const st = await fsp.stat(dir).catch(() => null);
  if (st && !st.isDirectory())
    throw new CliError(
      `Thư mục kết quả ${dir} là một tệp, không phải thư mục. Không ghi gì; hãy chọn một thư mục (có hoặc chưa có).`,
      `The output folder ${dir} is a file, not a folder. Nothing was written; choose a folder (existing or new).`,
    );
  try {
    await fsp.mkdir(dir, { recursive: true });
  } catch (e) {
    throw asUsageError(dir, e);
  }
}
