// One consolidation at a time per output file. Merging reads the existing rollup, merges and writes it
// back; two runs doing that at once would each write a rollup missing the other's files (a lost
// update), even though each write is atomic. An exclusive lock file beside the output, created with
// open(…, "wx"), makes the second run stop with a message instead.
import { promises as fsp } from "node:fs";
import * as os from "node:os";
import { removeOnSignal } from "../../workbook/xlsx/atomicWrite";
import { CliError } from "../errors";
import { writeFailureReason } from "./outputTarget";

/** A lock older than this is stale whatever its owner: no consolidation runs for hours. */
export const LOCK_STALE_MS = 2 * 60 * 60 * 1000;
/** A lock file still without content after this long was left by a crash between create and write. */
const EMPTY_LOCK_GRACE_MS = 60 * 1000;
/** How long to wait for a new lock's content, at most FILL_WAITS × FILL_WAIT_MS. */
const FILL_WAITS = 40;
const FILL_WAIT_MS = 25;

export interface OutputLock {
  readonly path: string;
  release(): Promise<void>;
}

interface LockInfo {
  pid: number;
  host: string;
  started: string;
}

/** The lock file used for `output`. */
export const lockPathFor = (output: string): string => `${output}.lock`;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function readLock(file: string): Promise<{ info: LockInfo | null; ageMs: number } | null> {
  try {
    const [text, st] = await Promise.all([fsp.readFile(file, "utf8"), fsp.stat(file)]);
    let info: LockInfo | null = null;
    try {
      const j = JSON.parse(text) as Partial<LockInfo>;
      if (typeof j.pid === "number" && typeof j.host === "string" && typeof j.started === "string") {
        info = { pid: j.pid, host: j.host, started: j.started };
      }
    } catch {
      info = null;
    }
    return { info, ageMs: Date.now() - st.mtimeMs };
  } catch {
    return null; // gone meanwhile
  }
}

/** Stale: its process is gone (same machine), it is very old, or it stayed empty after a crash. */
function isStale(lock: { info: LockInfo | null; ageMs: number }): boolean {
  if (lock.ageMs > LOCK_STALE_MS) return true;
  if (!lock.info) return lock.ageMs > EMPTY_LOCK_GRACE_MS;
  return lock.info.host === os.hostname() && !processAlive(lock.info.pid);
}

/**
 * Take the lock on `output`, or throw a CliError (exit 2) naming the run that holds it. A stale lock
 * (its process has ended on this machine, or it is older than {@link LOCK_STALE_MS}) is removed and
 * taken over once.
 */
export async function acquireOutputLock(output: string): Promise<OutputLock> {
  const file = lockPathFor(output);
  const info: LockInfo = { pid: process.pid, host: os.hostname(), started: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const h = await fsp.open(file, "wx");
      try {
        await h.writeFile(JSON.stringify(info));
      } catch (e) {
        // Created but not filled (disk full, quota): ours, so never left behind as an empty lock.
        await h.close().catch(() => undefined);
        await fsp.unlink(file).catch(() => undefined);
        throw e;
      }
      await h.close();
      let released = false;
      const forget = removeOnSignal(file); // Ctrl+C or SIGTERM: the lock goes with the process
      return {
        path: file,
        release: async () => {
          if (released) return;
          released = true;
          forget();
          await fsp.unlink(file).catch(() => undefined);
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") {
        const code = (e as NodeJS.ErrnoException).code ?? String(e);
        const why = writeFailureReason(code);
        throw new CliError(
          `Không tạo được tệp khóa ${file} bên cạnh tệp kết quả: ${why.vi} (${code}). Không ghi gì.`,
          `Cannot create the lock file ${file} beside the output: ${why.en} (${code}). Nothing was written.`,
        );
      }
      let held = await readLock(file);
      // Created a moment ago by a run that has not written its name in yet: wait for it a little, so
      // the message can say which process holds the output.
      for (
        let wait = 0;
        held && !held.info && held.ageMs < EMPTY_LOCK_GRACE_MS && wait < FILL_WAITS;
        wait++
      ) {
        await new Promise((r) => setTimeout(r, FILL_WAIT_MS));
        held = await readLock(file);
      }
      if (held && isStale(held) && attempt === 0) {
        await fsp.unlink(file).catch(() => undefined);
        continue;
      }
      if (!held && attempt === 0) continue; // released between our open and our read
      const who = held?.info
        ? {
            vi: `tiến trình ${held.info.pid} trên máy ${held.info.host}, bắt đầu ${held.info.started}`,
            en: `process ${held.info.pid} on ${held.info.host}, started ${held.info.started}`,
          }
        : { vi: "một lần chạy khác", en: "another run" };
      throw new CliError(
        `Tệp kết quả ${output} đang được một lần tổng hợp khác ghi (${who.vi}). Không ghi gì; hãy đợi lần đó xong rồi chạy lại. Nếu chắc chắn không còn lần nào đang chạy, hãy xóa tệp ${file}.`,
        `The output ${output} is being written by another consolidation (${who.en}). Nothing was written; wait for it to finish and run again. If you are sure none is running, delete ${file}.`,
      );
    }
  }
  // Both attempts found a lock: the second always throws above.
  throw new Error("unreachable: output lock attempts exhausted");
}
