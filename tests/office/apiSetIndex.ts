// Which ExcelApi requirement set each Excel JavaScript API member belongs to, read from the
// `[Api set: ExcelApi 1.N]` remarks of @types/office-js (Microsoft's own reference text). Used to hold
// the add-in to the minimum its manifest declares: a call newer than that must ask isSetSupported.
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The newest ExcelApi minor version a member name needs at the least (over every class that has a
 * member of that name); Infinity when it is only in sets outside ExcelApi (preview, online-only). */
export type ApiSetIndex = ReadonlyMap<string, number>;

export function excelApiSetIndex(
  dts = readFileSync(join(__dirname, "../../node_modules/@types/office-js/index.d.ts"), "utf8"),
): ApiSetIndex {
  const lines = dts.split("\n");
  const start = lines.findIndex((l) => /^declare namespace Excel \{/.test(l));
  if (start < 0) throw new Error("no Excel namespace in @types/office-js");
  const index = new Map<string, number>();
  let remark: string | null = null;
  for (let i = start + 1; i < lines.length && !/^\}/.test(lines[i]); i++) {
    const line = lines[i];
    const set = /\[Api set: ([^\]]+)\]/.exec(line);
    if (set) {
      remark = set[1];
      continue;
    }
    // A class member (8 spaces in) or a namespace-level function such as Excel.createWorkbook.
    const member =
      /^ {8}(?:readonly )?([A-Za-z_]\w*)\??\s*[(:<]/.exec(line) ?? /^ {4}function ([A-Za-z_]\w*)/.exec(line);
    if (member) {
      const version = remark === null ? 1 : Number(/^ExcelApi 1\.(\d+)/.exec(remark)?.[1] ?? Infinity);
      index.set(member[1], Math.min(index.get(member[1]) ?? Infinity, version));
      remark = null;
    } else if (/^ {4}\S/.test(line)) remark = null; // a class, interface or enum starts
  }
  return index;
}

/** Names JavaScript's own objects have (a `.split(` is String's, whatever Excel calls `split`). */
const BUILTIN = new Set(
  [String, Array, Object, Map, Set, Promise, Number, Function, Uint8Array, Date, RegExp].flatMap((c) =>
    Object.getOwnPropertyNames(c.prototype),
  ),
);

/** Members used in `source` (`.name` accesses, comments ignored) that need more than `minMinor`. */
export function newerThan(
  source: string,
  minMinor: number,
  index: ApiSetIndex,
): { member: string; version: string }[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
  const found = new Map<string, number>();
  for (const m of code.matchAll(/\.([A-Za-z_]\w*)\b/g)) {
    const v = index.get(m[1]);
    if (v !== undefined && v > minMinor && !BUILTIN.has(m[1])) found.set(m[1], v);
  }
  return [...found].map(([member, v]) => ({
    member,
    version: Number.isFinite(v) ? `1.${v}` : "outside ExcelApi",
  }));
}
