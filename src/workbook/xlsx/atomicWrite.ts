// Replace a file so that readers see either the old bytes or the new ones, never half a workbook:
// write a temp file beside it, fsync, rename over the target. A rollup is never left half-written.
import { promises as fsp, unlinkSync } from "node:fs";
import * as path from "node:path";
import { randomBytes } from "node:crypto";

/** The file operations used, injectable so tests can fail a write midway. */
export interface AtomicFs {
  open(file: string, flags: string): Promise<fsp.FileHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  /** Write all of `data` to the open handle. */
  write(handle: fsp.FileHandle, data: Uint8Array): Promise<void>;
}

export const nodeAtomicFs: AtomicFs = {
  open: (file, flags) => fsp.open(file, flags),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (file) => fsp.unlink(file),
  write: async (handle, data) => {
    await handle.writeFile(data);
  },
};

/** The temp file name used beside `target`; hidden, unique, recognisable if a crash leaves it. */
export function tempPathFor(target: string): string {
  const dir = path.dirname(target);
  const base = path.basename(target);
  return path.join(dir, `.${base}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

// ---------------------------------------------------------------- leftovers
// A kill -9 or a power cut can still leave a temp file; SIGINT (Ctrl+C) and SIGTERM cannot: files
// registered here are removed before the process dies of the signal. What a hard kill left is swept
// on the next write beside the same target, once the process that made it is gone.

const onSignal = new Set<string>();
let signalHandlers = false;

/** Remove `file` if the process is stopped by SIGINT or SIGTERM; call the result to forget it. */
export function removeOnSignal(file: string): () => void {
  if (!signalHandlers) {
    signalHandlers = true;
    for (const sig of ["SIGINT", "SIGTERM"] as const) {
      const handler = (): void => {
        for (const f of onSignal) {
          try {
            unlinkSync(f);
          } catch {
            /* already gone */
          }
        }
        onSignal.clear();
        process.removeListener(sig, handler);
        process.kill(process.pid, sig); // then die of the signal as if never caught
      };
      process.on(sig, handler);
    }
  }
  onSignal.add(file);
  return () => void onSignal.delete(file);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM"; // exists, someone else's
  }
}

/** Remove temp files beside `target` left by processes that have ended; returns what was removed. */
export async function sweepStaleTemps(target: string): Promise<string[]> {
  const dir = path.dirname(target);
  const base = path.basename(target);
  const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`^\\.${escaped}\\.(\\d+)\\.[0-9a-f]{8}\\.tmp$`);
  const removed: string[] = [];
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (!pid || pid === process.pid || processAlive(pid)) continue;
    await fsp.unlink(path.join(dir, name)).then(
      () => removed.push(path.join(dir, name)),
      () => undefined,
    );
  }
  return removed;
}

async function fsyncDir(dir: string): Promise<void> {
  // Makes the rename itself durable; not supported on every platform (Windows), so best effort.
  try {
    const h = await fsp.open(dir, "r");
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  } catch {
    /* best effort */
  }
}

/**
 * Write `data` (or the bytes a producer returns) to `target` atomically. On any failure the temp
 * file is removed, `target` is untouched, and the error is rethrown.
 */
export async function writeFileAtomic(
  target: string,
  data: Uint8Array | (() => Promise<Uint8Array>),
  fs: AtomicFs = nodeAtomicFs,
): Promise<void> {
  const tmp = tempPathFor(target);
  await sweepStaleTemps(target);
  const forget = removeOnSignal(tmp);
  let created = false;
  try {
    const bytes = typeof data === "function" ? await data() : data;
    const mode = await fsp.stat(target).then(
      (st) => st.mode & 0o777,
      () => undefined,
    );
    const handle = await fs.open(tmp, "wx");
    created = true;
    try {
      if (mode !== undefined) await handle.chmod(mode); // keep the old file's permissions
      await fs.write(handle, bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, target);
    created = false;
  } catch (e) {
    if (created) await fs.unlink(tmp).catch(() => undefined);
    throw e;
  } finally {
    forget();
  }
  await fsyncDir(path.dirname(target));
}
