// File names that are not UTF-8. A name saved by an old Windows or zip tool as Latin-1 / Windows-1252
// bytes ("B\xe1o c\xe1o.xlsx") cannot be opened through the string Node makes of it (the bytes are
// replaced by U+FFFD: ENOENT), so the folder walk keeps the name's raw bytes here, under the name
// shown to people (decoded as Latin-1: "Báo cáo.xlsx"), and the intake opens the bytes.
import { promises as fsp } from "node:fs";
import * as path from "node:path";

const raw = new Map<string, Buffer>();

/** Remember that `shown` is opened through the path bytes `bytes`. */
export function rememberRawPath(shown: string, bytes: Uint8Array): void {
  raw.set(shown, Buffer.from(bytes));
}

/** What to hand to `fs` for a path from the walk: its raw bytes when its name is not UTF-8. */
export function openablePath(file: string): string | Buffer {
  return raw.get(file) ?? file;
}

/** The raw bytes of `file`'s path when it has them (for a worker thread, which has its own map). */
export function rawPathOf(file: string): Buffer | undefined {
  return raw.get(file);
}

/** Whether a name's bytes are valid UTF-8 (decoding and encoding again gives the same bytes). */
export const isUtf8Name = (name: Buffer): boolean => Buffer.from(name.toString("utf8"), "utf8").equals(name);

/**
 * A path typed on the command line whose file name is not UTF-8: the shell hands over the bytes, Node
 * turns the invalid ones into U+FFFD, and that string names no file. The one entry of its folder
 * whose name decodes to the same string is the file meant: its bytes are remembered and the name is
 * returned as shown to people (Latin-1). Null when `arg` has no U+FFFD, or no single entry matches.
 */
export async function recoverNonUtf8Arg(arg: string): Promise<string | null> {
  if (!arg.includes("\uFFFD")) return null;
  const dir = path.dirname(arg);
  const base = path.basename(arg);
  const names = await fsp.readdir(dir, { encoding: "buffer" }).catch(() => [] as Buffer[]);
  const hits = names.filter((n) => !isUtf8Name(n) && n.toString("utf8") === base);
  if (hits.length !== 1) return null;
  const shown = path.join(dir, hits[0].toString("latin1"));
  rememberRawPath(shown, Buffer.concat([Buffer.from(dir, "utf8"), Buffer.from(path.sep), hits[0]]));
  return shown;
}
