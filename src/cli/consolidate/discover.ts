// Which files to consolidate: files as given, folders searched (recursively) for spreadsheet files.
// Office's lock files ("~$…") and hidden files are skipped; the list is sorted so runs are repeatable.
// Files in a folder that might be reports but are not taken (no extension, a space or dot after
// ".xlsx"; broken links, linked folders, pipes and devices) are listed with the reason, never dropped
// without a word; a symlinked report is followed.
import { promises as fsp } from "node:fs";
import * as path from "node:path";
import { CliError } from "../errors";
import { fileIdentity, overSource, sameFile, type FileIdentity } from "./outputTarget";
import { isUtf8Name, openablePath, recoverNonUtf8Arg, rememberRawPath } from "./rawPaths";

// Other spreadsheet files (.xls, .xlsm, .xlsb, .ods) are taken too, so that each is rejected with a
// reason ("save it as .xlsx") instead of being silently left out of the rollup.
const SPREADSHEET = /\.(xlsx|xlsm|xls|xlsb|ods)$/i;
const isCandidate = (name: string): boolean =>
  SPREADSHEET.test(name) && !name.startsWith("~$") && !name.startsWith(".");

/** A file found in a folder and not taken, with why (Vietnamese, English). */
export interface SkippedFile {
  readonly file: string;
  readonly vi: string;
  readonly en: string;
}

/** Why a folder entry that is not a candidate may still be a report someone meant to send. */
function skipReason(name: string): { vi: string; en: string } | null {
  if (name.startsWith("~$") || name.startsWith(".")) return null; // Office lock files, hidden files
  if (SPREADSHEET.test(name.replace(/[\s.]+$/u, "")))
    return {
      vi: "tên tệp có dấu cách hoặc dấu chấm sau phần mở rộng; hãy đổi tên thành …xlsx",
      en: "the name has a space or dot after the extension; rename it to …xlsx",
    };
  if (!/\.[^./\\]+$/.test(name))
    return {
      vi: "tệp không có phần mở rộng; nếu là báo cáo, hãy đổi tên thành …xlsx",
      en: "the file has no extension; if it is a report, rename it to …xlsx",
    };
  return null;
}

const NOT_A_FILE = {
  vi: "không phải tệp thông thường (thiết bị, ống dẫn…); không đọc",
  en: "not a regular file (a device, a pipe…); not read",
};
const LINKED_FOLDER = {
  vi: "liên kết (symlink) tới một thư mục: không đi theo; hãy chỉ ra thư mục thật",
  en: "a symbolic link to a folder: not followed; name the real folder",
};
const BROKEN_LINK = {
  vi: "liên kết (symlink) trỏ tới tệp không tồn tại",
  en: "a symbolic link to a file that does not exist",
};

export interface Discovered {
  readonly files: string[];
  readonly skipped: SkippedFile[];
}

export interface DiscoverOptions {
  /** The existing output: found in a folder it is left out (it is the rollup merged into); named
   * as an input it is refused, since writing would overwrite a source. */
  readonly output?: { given: string; identity: FileIdentity | null };
  /** Other files of the run that are not reports (last year's rollup), left out when found. */
  readonly exclude?: readonly string[];
}

/** Expand the command's arguments into a sorted, de-duplicated list of file paths. */
export async function discoverInputs(
  args: readonly string[],
  opts: DiscoverOptions = {},
): Promise<Discovered> {
  const out = new Set<string>();
  const skipped: SkippedFile[] = [];
  const skip = new Set((opts.exclude ?? []).map((f) => path.resolve(f)));
  const excludedIds = (await Promise.all((opts.exclude ?? []).map((f) => fileIdentity(f)))).filter(
    (x): x is FileIdentity => x !== null,
  );
  const outputId = opts.output?.identity ?? null;
  // Identity checks cost a stat per file, so they run only when there is something to compare with.
  const isExcluded = async (f: string): Promise<"output" | "other" | null> => {
    if (skip.has(path.resolve(f))) return "other";
    if (!outputId && excludedIds.length === 0) return null;
    const id = await fileIdentity(openablePath(f));
    if (sameFile(id, outputId)) return "output";
    return excludedIds.some((x) => sameFile(id, x)) ? "other" : null;
  };
  for (const typed of args) {
    let st;
    let arg = typed;
    try {
      st = await fsp.stat(arg);
    } catch {
      // A name in Latin-1 bytes typed on the command line: found through its folder (rawPaths.ts).
      const shown = await recoverNonUtf8Arg(typed);
      st = shown ? await fsp.stat(openablePath(shown)).catch(() => undefined) : undefined;
      if (!shown || !st)
        throw new CliError(`Không tìm thấy tệp hoặc thư mục "${arg}".`, `No such file or folder "${arg}".`);
      arg = shown;
    }
    if (st.isDirectory()) {
      for (const f of await walk(arg, skipped)) if (!(await isExcluded(f))) out.add(f);
    } else if (!st.isFile()) {
      // A pipe or a device never ends (or blocks): listed as not taken, never read.
      skipped.push({ file: arg, ...NOT_A_FILE });
    } else {
      const why = await isExcluded(arg);
      if (why === "output" && opts.output)
        throw overSource(opts.output.given, {
          file: arg,
          role_vi: "một tệp báo cáo đầu vào",
          role_en: "one of the input reports",
        });
      if (!why) out.add(arg);
    }
  }
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files: [...out].sort(), skipped };
}

/** How deep the folder walk goes below a folder given. */
const MAX_DEPTH = 8;

/** Whether the walk goes into a folder of this name (hidden folders are skipped). */
const isWalked = (name: string): boolean => !name.startsWith(".");

async function walk(dir: string, skipped: SkippedFile[], depth = 0, dirBytes?: Buffer): Promise<string[]> {
  if (depth > MAX_DEPTH) return [];
  // Names as bytes: a name that is not UTF-8 (Latin-1 from an old tool) is shown decoded as Latin-1
  // and opened through its bytes (rawPaths.ts), instead of failing with a misleading ENOENT.
  const here = dirBytes ?? Buffer.from(dir, "utf8");
  const entries = await fsp.readdir(here, { withFileTypes: true, encoding: "buffer" });
  const files: string[] = [];
  for (const e of entries) {
    const bytes = e.name as unknown as Buffer;
    const utf8 = isUtf8Name(bytes);
    const name = bytes.toString(utf8 ? "utf8" : "latin1");
    const p = path.join(dir, name);
    const pBytes = Buffer.concat([here, Buffer.from(path.sep), bytes]);
    if (!utf8 || dirBytes) rememberRawPath(p, pBytes);
    // A symbolic link to a report is followed; to a folder it is not (a link to a parent would
    // walk the same files again and again); a broken one, a pipe or a device is listed, not read.
    const target = e.isSymbolicLink() ? await fsp.stat(pBytes).catch(() => null) : null;
    const isFile = e.isFile() || !!target?.isFile();
    if (e.isDirectory() && isWalked(name))
      files.push(...(await walk(p, skipped, depth + 1, utf8 && !dirBytes ? undefined : pBytes)));
    else if (isFile && isCandidate(name)) files.push(p);
    else if (isFile) {
      const why = skipReason(name);
      if (why) skipped.push({ file: p, ...why });
    } else if (isCandidate(name) || (e.isSymbolicLink() && !name.startsWith("."))) {
      skipped.push({
        file: p,
        ...(target?.isDirectory() ? LINKED_FOLDER : e.isSymbolicLink() && !target ? BROKEN_LINK : NOT_A_FILE),
      });
    }
  }
  return files;
}

/**
 * Whether `args` hold at least `n` spreadsheet files, counting names only and stopping at `n`: cheap
 * enough to ask before the plan is read (whether worker threads would pay). Unreadable paths count
 * as nothing; discoverInputs says what is wrong with them.
 */
export async function holdsAtLeast(args: readonly string[], n: number): Promise<boolean> {
  let count = 0;
  // The folder walk's rules (walk above).
  const visit = async (dir: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH) return;
    const entries = await fsp.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (count >= n) return;
      if (e.isDirectory() && isWalked(e.name)) await visit(path.join(dir, e.name), depth + 1);
      else if (!e.isDirectory() && isCandidate(e.name)) count++;
    }
  };
  for (const arg of args) {
    if (count >= n) break;
    const st = await fsp.stat(arg).catch(() => null);
    if (st?.isDirectory()) await visit(arg, 0);
    else if (st && isCandidate(path.basename(arg))) count++;
  }
  return count >= n;
}
