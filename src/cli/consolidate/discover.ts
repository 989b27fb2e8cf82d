// Which files to consolidate: files as given, folders searched (recursively) for spreadsheet files.
// Office's lock files ("~$…") and hidden files are skipped; the list is sorted so runs are repeatable.
import { promises as fsp } from "node:fs";
import * as path from "node:path";
import { CliError } from "../errors";

// Other spreadsheet files (.xls, .xlsm, .xlsb, .ods) are taken too, so that each is rejected with a
// reason ("save it as .xlsx") instead of being silently left out of the rollup.
const isCandidate = (name: string): boolean =>
  /\.(xlsx|xlsm|xls|xlsb|ods)$/i.test(name) && !name.startsWith("~$") && !name.startsWith(".");

/** Expand the command's arguments into a sorted, de-duplicated list of file paths. */
export async function discoverInputs(
  args: readonly string[],
  exclude: readonly string[] = [],
): Promise<string[]> {
  const out = new Set<string>();
  const skip = new Set(exclude.map((f) => path.resolve(f)));
  for (const arg of args) {
    let st;
    try {
      st = await fsp.stat(arg);
    } catch {
      throw new CliError(`Không tìm thấy tệp hoặc thư mục "${arg}".`, `No such file or folder "${arg}".`);
    }
    if (st.isDirectory()) {
      for (const f of await walk(arg)) if (!skip.has(path.resolve(f))) out.add(f);
    } else if (!skip.has(path.resolve(arg))) out.add(arg);
  }
  return [...out].sort();
}

async function walk(dir: string, depth = 0): Promise<string[]> {
  if (depth > 8) return [];
  const entries = await fsp.readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && !e.name.startsWith(".")) files.push(...(await walk(p, depth + 1)));
    else if (e.isFile() && isCandidate(e.name)) files.push(p);
  }
  return files;
}
