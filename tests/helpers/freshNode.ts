// Run code in a fresh Node process at the repository's root and return what it printed: for tests of
// what a command loads, where the module cache must be Node's own (jest keeps a registry of its own).
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..");

/** `code` run by `node <loader> -e`; its standard output. A non-zero exit throws with its stderr. */
export function inFreshNode(code: string, loader: string[] = ["--require", "tsx/cjs"]): string {
  const r = spawnSync(process.execPath, [...loader, "-e", code], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}
