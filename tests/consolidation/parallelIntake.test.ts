// Parallel intake (src/cli/consolidate/parallelIntake.ts) reads to exactly what one thread reads, in
// file order, whichever thread took which file; a worker that dies leaves no file unread.
import * as fc from "fast-check";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { PlanBundle } from "../../src/domain/consolidation/intake";
import type { ValidationContext } from "../../src/domain/validation/context";
import type { DemoResult } from "../../src/cli/demo/run";
import { DEMO_PERIOD } from "../../src/cli/demo/generate";
import { discoverInputs, holdsAtLeast } from "../../src/cli/consolidate/discover";
import { CLAIM, claim } from "../../src/cli/consolidate/intakeJob";
import {
  autoThreads,
  closeIntakePool,
  intakeAll,
  MIN_PARALLEL_FILES,
  startIntakePool,
} from "../../src/cli/consolidate/parallelIntake";
import { demoFixture } from "./demoFixture";

let bundle: PlanBundle;
let demo: DemoResult;
let files: string[];
let ctx: ValidationContext;
beforeAll(async () => {
  ({ bundle, demo } = await demoFixture());
  const dir = path.join(demo.dir, "bao-cao");
  // Every report, broken and rejected ones included, twice over: enough files to go parallel.
  const once = readdirSync(dir).map((f) => path.join(dir, f));
  files = [...once, ...once].sort();
  ctx = {
    plan: bundle.plan,
    registry: bundle.registry,
    catalogue: bundle.catalogue,
    expectedPeriod: DEMO_PERIOD,
  };
}, 120_000);

describe("parallel intake", () => {
  it("gives one thread's results, in file order, with progress counting every file once", async () => {
    expect(files.length).toBeGreaterThanOrEqual(MIN_PARALLEL_FILES);
    const alone = await intakeAll(files, ctx, 1);
    const pool = startIntakePool(3);
    await pool.ready; // under ts-jest a worker compiles its code first: let it, so it takes files
    const seen: number[] = [];
    let byWorkers = 0;
    try {
      const shared = await intakeAll(files, ctx, pool, (done, _r, byWorker) => {
        seen.push(done);
        if (byWorker) byWorkers++;
      });
      expect(shared).toEqual(alone);
    } finally {
      await closeIntakePool(pool);
    }
    expect(seen).toEqual(files.map((_, i) => i + 1));
    expect(byWorkers).toBeGreaterThan(0);
    expect(alone.some((r) => r.submissions.some((s) => s.errorCount > 0))).toBe(true);
  }, 120_000);

  it("hands workers the bytes of names that are not UTF-8", async () => {
    // Every report under a Latin-1 name (an old Windows zip's "Báo cáo"), found by the folder walk.
    const dir = mkdtempSync(path.join(os.tmpdir(), "cchc-latin1-"));
    files.forEach((f, i) =>
      writeFileSync(
        Buffer.concat([Buffer.from(`${dir}/`), Buffer.from(`B\xe1o c\xe1o ${i}.xlsx`, "latin1")]),
        readFileSync(f),
      ),
    );
    const { files: found } = await discoverInputs([dir]);
    expect(found).toHaveLength(files.length);
    const pool = startIntakePool(2);
    await pool.ready;
    let byWorker = 0;
    try {
      const results = await intakeAll(found, ctx, pool, (_d, _r, w) => void (w && byWorker++));
      expect(byWorker).toBeGreaterThan(0);
      const unreadable = results.flatMap((r) => r.submissions.flatMap((s) => s.problems.map((p) => p.code)));
      expect(unreadable).not.toContain("FILE_UNREADABLE");
      expect(results.map((r) => r.file)).toEqual(found);
    } finally {
      await closeIntakePool(pool);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("reads again on this thread what a dead worker never answered", async () => {
    const alone = await intakeAll(files, ctx, 1);
    const pool = startIntakePool(2);
    await pool.workers[0].worker.terminate();
    try {
      expect(await intakeAll(files, ctx, pool)).toEqual(alone);
    } finally {
      await closeIntakePool(pool);
    }
  }, 120_000);

  it("claims hand out every file exactly once, however the threads interleave", () => {
    fc.assert(
      fc.property(fc.nat(200), fc.array(fc.nat(3), { maxLength: 400 }), (total, order) => {
        const counter = new Int32Array(new SharedArrayBuffer(4));
        const taken: number[] = [];
        // Threads claim in an arbitrary order; what matters is the union of their claims.
        for (const _ of order) {
          const start = claim(counter, total);
          if (start < 0) break;
          for (let i = start; i < Math.min(start + CLAIM, total); i++) taken.push(i);
        }
        for (let start = claim(counter, total); start >= 0; start = claim(counter, total))
          for (let i = start; i < Math.min(start + CLAIM, total); i++) taken.push(i);
        expect(taken).toEqual(Array.from({ length: total }, (_, i) => i));
      }),
    );
  });

  it("counts spreadsheet names cheaply to decide whether workers pay", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "cchc-count-"));
    try {
      for (const name of ["a.xlsx", "b.XLSX", "~$a.xlsx", ".an.xlsx", "note.txt"])
        writeFileSync(path.join(dir, name), "");
      mkdtempSync(path.join(dir, "sub-"));
      const sub = readdirSync(dir).find((n) => n.startsWith("sub-"))!;
      writeFileSync(path.join(dir, sub, "c.xls"), "");
      expect(await holdsAtLeast([dir], 3)).toBe(true);
      expect(await holdsAtLeast([dir], 4)).toBe(false);
      expect(await holdsAtLeast([dir, path.join(dir, "a.xlsx")], 4)).toBe(true);
      expect(await holdsAtLeast([dir, path.join(dir, "note.txt")], 4)).toBe(false);
      const hidden = path.join(dir, ".cu");
      mkdirSync(hidden);
      writeFileSync(path.join(hidden, "d.xlsx"), "");
      expect(await holdsAtLeast([dir], 4)).toBe(false);
      expect(await holdsAtLeast([path.join(dir, "missing"), path.join(dir, "missing.xlsx")], 1)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("uses more threads only past two cores, one fewer than the cores, at most 4", () => {
    expect([1, 2, 3, 4, 5, 8, 64].map(autoThreads)).toEqual([1, 1, 2, 3, 4, 4, 4]);
    expect(autoThreads()).toBeGreaterThanOrEqual(1);
  });
});
