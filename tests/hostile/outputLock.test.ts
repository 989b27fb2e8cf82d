// Two consolidations writing the same rollup at the same time: one wins cleanly, the other stops
// with a message and writes nothing; stale locks are taken over; the rollup is never corrupt.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, promises as fsp } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { lockPathFor } from "../../src/cli/consolidate/outputLock";
import { runConsolidation, type ConsolidationRun } from "../../src/cli/consolidate/run";
import { CliError } from "../../src/cli/errors";
import { EXAMPLE_PLAN_XLSX } from "../../src/cli/exampleData";
import { requirePlan } from "../../src/cli/workbookFiles";
import { readRollup, ROLLUP_STORED_SHEETS } from "../../src/domain/consolidation/readRollup";
import { parsePeriod, type Period } from "../../src/domain/period";
import { nodeAtomicFs } from "../../src/workbook/xlsx/atomicWrite";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { filledReport } from "../helpers/fixtures";
import { runCli } from "../helpers/runCli";

const Q2 = (parsePeriod("2023-Q2") as { ok: true; period: Period }).period;
const sha = async (f: string) =>
  createHash("sha256")
    .update(await fsp.readFile(f))
    .digest("hex");

let dir: string;
let bundle: ConsolidationRun["bundle"];
let stp: string;
let snv: string;

beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), "cchc-lock-"));
  const { plan, registry, catalogue } = await requirePlan(EXAMPLE_PLAN_XLSX);
  bundle = { plan, registry, catalogue };
  const write = async (agency: string) => {
    const wb = XlsxWorkbook.create();
    await wb.writeSheets(filledReport(agency, Q2));
    const f = path.join(dir, `${agency}.xlsx`);
    await wb.saveAtomic(f);
    return f;
  };
  stp = await write("STP");
  snv = await write("SNV");
});

let n = 0;
const freshOutput = () => path.join(dir, `tong-hop-${++n}.xlsx`);
const run = (output: string, inputs: string[], extra: Partial<ConsolidationRun> = {}) =>
  runConsolidation({ bundle, inputs, output, period: Q2, ...extra });

/** Agencies whose contribution the rollup at `file` holds; throws if the file is not a readable rollup. */
async function agenciesIn(file: string): Promise<string[]> {
  const wb = await XlsxWorkbook.open(file);
  const read = readRollup(await wb.readSheets([...ROLLUP_STORED_SHEETS]));
  if (!read.ok) throw new Error(read.problems[0].message_en);
  return read.rollup.prior.contributions.map((c) => c.agency).sort();
}

async function writeLock(output: string, content: string, ageMs = 0): Promise<void> {
  const lock = lockPathFor(output);
  await fsp.writeFile(lock, content);
  if (ageMs) {
    const t = new Date(Date.now() - ageMs);
    await fsp.utimes(lock, t, t);
  }
}

const lockOf = (pid: number, host = os.hostname()) =>
  JSON.stringify({ pid, host, started: new Date().toISOString() });

describe("one consolidation at a time per output", () => {
  it("two runs at once: exactly one writes, the other stops with a message naming the output", async () => {
    const out = freshOutput();
    const results = await Promise.allSettled([run(out, [stp]), run(out, [snv])]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const e = lost[0].reason as CliError;
    expect(e).toBeInstanceOf(CliError);
    expect(e.exitCode).toBe(2);
    expect(e.message_vi).toContain(out);
    expect(e.message_vi).toContain("đang được một lần tổng hợp khác ghi");
    expect(e.message_en).toContain("being written by another consolidation");
    expect(e.message_en).toContain(`process ${process.pid}`);
    // The winner's rollup is whole; the lock is gone.
    expect((await agenciesIn(out)).length).toBe(1);
    expect(existsSync(lockPathFor(out))).toBe(false);
    // The loser runs again afterwards and both contributions are there: nothing was lost.
    await run(out, [stp, snv]);
    expect(await agenciesIn(out)).toEqual(["SNV", "STP"]);
  });

  it("ten runs at once on one output: one wins, nine report, the rollup reads back", async () => {
    const out = freshOutput();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => run(out, [i % 2 ? stp : snv])),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(9);
    expect((await agenciesIn(out)).length).toBe(1);
    expect(
      (await fsp.readdir(dir)).filter((f) => f.includes(path.basename(out)) && f !== path.basename(out)),
    ).toEqual([]);
  });

  it("through the CLI: exit 2, a Vietnamese message naming the output, no stack trace, file untouched", async () => {
    const out = freshOutput();
    await run(out, [stp]);
    const before = await sha(out);
    await writeLock(out, lockOf(process.pid));
    const res = await runCli("consolidate", "--plan", EXAMPLE_PLAN_XLSX, snv, "-o", out);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(out);
    expect(res.stderr).toContain("đang được một lần tổng hợp khác ghi");
    expect(res.stderr).not.toMatch(/\n\s+at /);
    expect(await sha(out)).toBe(before);
    expect(existsSync(lockPathFor(out))).toBe(true); // someone else's lock is left alone
    const dry = await runCli("consolidate", "--plan", EXAMPLE_PLAN_XLSX, snv, "-o", out, "--dry-run");
    expect(dry.code).toBe(0); // a dry run writes nothing and needs no lock
    await fsp.unlink(lockPathFor(out));
  });

  it("a lock left by a process that has ended is stale: taken over, then removed", async () => {
    const dead = spawnSync(process.execPath, ["-e", ""]).pid!;
    const out = freshOutput();
    await writeLock(out, lockOf(dead));
    await run(out, [stp]);
    expect(await agenciesIn(out)).toEqual(["STP"]);
    expect(existsSync(lockPathFor(out))).toBe(false);
  });

  it.each<[string, string, number, "busy" | "taken"]>([
    ["a live process's fresh lock", lockOf(process.pid), 0, "busy"],
    ["another machine's fresh lock", lockOf(1, "may-khac"), 0, "busy"],
    ["an empty lock just created", "", 0, "busy"],
    ["an empty lock left by a crash a while ago", "", 5 * 60 * 1000, "taken"],
    ["any lock older than two hours", lockOf(process.pid), 3 * 60 * 60 * 1000, "taken"],
  ])("%s", async (_label, content, age, expected) => {
    const out = freshOutput();
    await writeLock(out, content, age);
    const result = await run(out, [stp]).then(
      () => "taken" as const,
      (e: unknown) => {
        expect(e).toBeInstanceOf(CliError);
        return "busy" as const;
      },
    );
    expect(result).toBe(expected);
    expect(existsSync(out)).toBe(expected === "taken");
    await fsp.rm(lockPathFor(out), { force: true });
  });

  it("a lock created a moment ago and filled a little later: the message names its process", async () => {
    // The other run has opened the lock file but not yet written its name in (the window a busy
    // machine widens): the message still says which process holds the output.
    const out = freshOutput();
    await writeLock(out, "");
    const fill = setTimeout(() => void fsp.writeFile(lockPathFor(out), lockOf(process.pid)), 100);
    try {
      const e = (await run(out, [stp]).then(
        () => null,
        (err: unknown) => err,
      )) as CliError;
      expect(e).toBeInstanceOf(CliError);
      expect(e.message_en).toContain(`process ${process.pid}`);
      expect(existsSync(out)).toBe(false);
    } finally {
      clearTimeout(fill);
      await fsp.rm(lockPathFor(out), { force: true });
    }
  });

  it("a write that fails leaves the previous rollup byte-identical and releases the lock", async () => {
    const out = freshOutput();
    await run(out, [stp]);
    const before = await sha(out);
    const failing = {
      ...nodeAtomicFs,
      rename: async () => {
        throw Object.assign(new Error("EIO: i/o error"), { code: "EIO" });
      },
    };
    await expect(run(out, [snv], { fs: failing })).rejects.toThrow("EIO");
    expect(await sha(out)).toBe(before);
    expect(existsSync(lockPathFor(out))).toBe(false);
    expect((await fsp.readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    await run(out, [snv]); // and the next run goes ahead
    expect(await agenciesIn(out)).toEqual(["SNV", "STP"]);
  });
});
