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
  /** A file name to suggest in the refusals, fit for the command (`cchc template`: the template's). */
  example: { vi: string; en: string } = { vi: "tong-hop.xlsx", en: "rollup.xlsx" },
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
        `Tệp kết quả ${output} là một thư mục, không phải tệp. Không ghi gì; hãy ghi tên tệp, ví dụ -o ${path.join(output, example.vi)}.`,
        `The output ${output} is a folder, not a file. Nothing was written; name a file, e.g. -o ${path.join(output, example.en)}.`,
      );
    }
    for (const s of sources) {
      if (sameFile(existing, await fileIdentity(s.file))) throw overSource(output, s, example);
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
export function overSource(
  output: string,
  s: { file: string; role_vi: string; role_en: string },
  example: { vi: string; en: string } = { vi: "tong-hop.xlsx", en: "rollup.xlsx" },
): CliError {
  return new CliError(
    `Tệp kết quả ${output} chính là ${s.role_vi} (${s.file}). Không ghi gì, để không ghi đè lên dữ liệu gốc; hãy chọn một tệp kết quả khác, ví dụ -o ${example.vi}.`,
    `The output ${output} is ${s.role_en} (${s.file}). Nothing was written, so the source is not overwritten; choose another output file, e.g. -o ${example.en}.`,
  );
}

/** What an I/O failure on the output means and what to do, by errno code (Vietnamese, English). */
const WRITE_FAILURES: Record<string, { vi: string; en: string }> = {
  ENOSPC: {
    vi: "ổ đĩa đã hết chỗ trống; hãy giải phóng dung lượng (xóa hoặc chuyển bớt tệp) rồi chạy lại",
    en: "the disk is full; free some space (delete or move files) and run again",
  },
  EDQUOT: {
    vi: "đã hết hạn mức dung lượng của tài khoản; hãy xóa bớt tệp hoặc xin tăng hạn mức rồi chạy lại",
    en: "the account's disk quota is used up; delete files or ask for more quota and run again",
  },
  EACCES: {
    vi: "không có quyền ghi vào thư mục hoặc tệp này; hãy chọn thư mục khác hoặc xin quyền ghi",
    en: "no permission to write there; choose another folder or ask for write permission",
  },
  EPERM: {
    vi: "không được phép ghi (tệp chỉ đọc, đang mở trong Excel, hoặc thiếu quyền); hãy đóng tệp, bỏ thuộc tính chỉ đọc hoặc chọn thư mục khác",
    en: "writing is not permitted (the file is read-only, open in Excel, or access is denied); close it, clear read-only, or choose another folder",
  },
  EROFS: {
    vi: "ổ đĩa chỉ cho đọc (đĩa CD, USB khóa ghi, thư mục mạng chỉ đọc); hãy ghi ra thư mục trên ổ đĩa ghi được",
    en: "the medium is read-only (a CD, a write-locked USB stick, a read-only share); write to a writable folder",
  },
  EBUSY: {
    vi: "tệp đang được chương trình khác mở (ví dụ Excel); hãy đóng tệp rồi chạy lại",
    en: "the file is open in another program (e.g. Excel); close it and run again",
  },
  ENOENT: {
    vi: "thư mục chứa tệp không tồn tại; hãy tạo thư mục trước hoặc chọn đường dẫn khác",
    en: "the folder does not exist; create it first or choose another path",
  },
  ENOTDIR: {
    vi: "một phần của đường dẫn là tệp, không phải thư mục; hãy kiểm tra đường dẫn",
    en: "part of the path is a file, not a folder; check the path",
  },
  EISDIR: {
    vi: "đường dẫn là một thư mục, không phải tệp; hãy ghi tên tệp .xlsx",
    en: "the path is a folder, not a file; name an .xlsx file",
  },
  ENAMETOOLONG: {
    vi: "đường dẫn quá dài; hãy chọn thư mục nông hơn hoặc tên ngắn hơn",
    en: "the path is too long; choose a shorter folder or name",
  },
  EIO: {
    vi: "thiết bị lưu trữ báo lỗi đọc/ghi; hãy kiểm tra ổ đĩa hoặc USB rồi chạy lại, hoặc ghi ra ổ khác",
    en: "the storage device reported an I/O error; check the disk or USB stick, or write elsewhere",
  },
};
WRITE_FAILURES.EEXIST = WRITE_FAILURES.EBUSY;
WRITE_FAILURES.ETXTBSY = WRITE_FAILURES.EBUSY;
WRITE_FAILURES.EMFILE = {
  vi: "hệ thống đang mở quá nhiều tệp; hãy đóng bớt chương trình rồi chạy lại",
  en: "too many files are open; close some programs and run again",
};
WRITE_FAILURES.ENFILE = WRITE_FAILURES.EMFILE;

/** Why a write failed with this errno code and what to do, in both languages. */
export function writeFailureReason(code: string): { vi: string; en: string } {
  return (
    WRITE_FAILURES[code] ?? {
      vi: "lỗi hệ thống tệp; hãy kiểm tra ổ đĩa và quyền ghi rồi chạy lại, hoặc ghi ra thư mục khác",
      en: "a file-system error; check the disk and permissions and run again, or write elsewhere",
    }
  );
}

/**
 * An I/O failure writing `given` as a CliError (exit 2) naming the file and the fix, or null when
 * `e` is not an I/O failure (a bug: let it surface as exit 3). The atomic save has already removed
 * its temp file and left the previous output as it was.
 */
export function outputWriteError(given: string, e: unknown): CliError | null {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== "string" || !/^E[A-Z]+$/.test(code)) return null;
  const why = writeFailureReason(code);
  return new CliError(
    `Không ghi được tệp kết quả ${given}: ${why.vi} (${code}). Tệp cũ (nếu có) vẫn nguyên vẹn, không có tệp tạm nào bị bỏ lại.`,
    `Cannot write the output ${given}: ${why.en} (${code}). The previous file (if any) is unchanged and no temp file is left.`,
  );
}
