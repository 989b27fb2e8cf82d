// File names that are not UTF-8. A name saved by an old Windows or zip tool as Latin-1 / Windows-1252
// bytes ("B\xe1o c\xe1o.xlsx") cannot be opened through the string Node makes of it (the bytes are
// replaced by U+FFFD: ENOENT), so the folder walk keeps the name's raw bytes here, under the name
// shown to people (decoded as Latin-1: "Báo cáo.xlsx"), and the intake opens the bytes.
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
