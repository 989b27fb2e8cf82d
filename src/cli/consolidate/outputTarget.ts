// Where a rollup may be written, decided before anything is read or locked: never over a source
// (an agency report, the plan, last year's rollup), never over a folder, and through a symlink only
// to its real target. Files are compared by identity — real path and (device, inode) — so a second
// name for the same file (a symlink, a hard link, "./x/../x.xlsx") is caught too.
import { promises as fsp, type Stats } from "node:fs";
import * as path from "node:path";
import { CliError } from "../errors";

/** A file's identity: its real path and, where the file system has them, device and inode. */
export interface FileIdentity {
  readonly real: string;
  readonly dev: number;
  readonly ino: number;
}

/** The identity of an existing file (symlinks followed), or null when there is none. */
export async function fileIdentity(file: string | Buffer): Promise<FileIdentity | null> {
  let st: Stats;
  try {
    st = await fsp.stat(file);
  } catch {
    return null;
  }
  const real = await fsp.realpath(file).then(
    (r) => r.toString(),
    () => path.resolve(file.toString()),
  );
  return { real, dev: st.dev, ino: st.ino };
}

/** Same file: the same inode on the same device (when known), or the same real path. */
export function sameFile(a: FileIdentity | null, b: FileIdentity | null): boolean {
  if (!a || !b) return false;
  if (a.ino !== 0 && b.ino !== 0) return a.dev === b.dev && a.ino === b.ino;
  return a.real === b.real;
}

export interface OutputTarget {
  /** The output as the user named it, for messages. */
  readonly given: string;
  /** The file actually written: the output's real path (a symlink's target), absolute. */
  readonly path: string;
  /** Its identity when it exists already. */
  readonly existing: FileIdentity | null;
}

/**
 * Resolve `-o`: a folder is refused (exit 2); a symlink is followed so the lock and the atomic rename
 * act on the real file (the link stays a link); a dangling symlink is refused. `sources` are other
 * files of the run (the plan, last year's rollup) the output must not be.
 */
export async function resolveOutputTarget(
  output: string,
  sources: readonly { file: string; role_vi: string; role_en: string }[],
): Promise<OutputTarget> {
  const lst = await fsp.lstat(output).catch(() => null);
  const existing = await fileIdentity(output);
  if (lst?.isSymbolicLink() && !existing) {
    throw new CliError(
      `Tệp kết quả ${output} là liên kết (symlink) trỏ tới tệp không tồn tại. Không ghi gì; hãy chọn một đường dẫn tệp thật.`,
      `The output ${output} is a symbolic link to a file that does not exist. Nothing was written; choose a real file path.`,
    );
  }
  if (existing) {
    const st = await fsp.stat(output);
    if (st.isDirectory()) {
      throw new CliError(
        `Tệp kết quả ${output} là một thư mục, không phải tệp. Không ghi gì; hãy ghi tên tệp, ví dụ -o ${path.join(output, "tong-hop.xlsx")}.`,
        `The output ${output} is a folder, not a file. Nothing was written; name a file, e.g. -o ${path.join(output, "rollup.xlsx")}.`,
      );
    }
    for (const s of sources) {
      if (sameFile(existing, await fileIdentity(s.file))) throw overSource(output, s);
    }
    return { given: output, path: existing.real, existing };
  }
  // Not there yet: the real folder it will be created in (a symlinked folder is fine).
  const dir = await fsp
    .realpath(path.dirname(path.resolve(output)))
    .catch(() => path.dirname(path.resolve(output)));
  return { given: output, path: path.join(dir, path.basename(output)), existing: null };
}

/** The refusal when `-o` names a file the run reads. */
export function overSource(output: string, s: { file: string; role_vi: string; role_en: string }): CliError {
  return new CliError(
    `Tệp kết quả ${output} chính là ${s.role_vi} (${s.file}). Không ghi gì, để không ghi đè lên dữ liệu gốc; hãy chọn một tệp kết quả khác, ví dụ -o tong-hop.xlsx.`,
    `The output ${output} is ${s.role_en} (${s.file}). Nothing was written, so the source is not overwritten; choose another output file, e.g. -o rollup.xlsx.`,
  );
}
