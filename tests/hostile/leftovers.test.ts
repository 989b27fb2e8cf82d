// Issue 16, smaller: SIGTERM / SIGINT during a save leave no hidden `.<out>.xlsx.<pid>.<hex>.tmp` and no
// lock behind; what a hard kill left is swept on the next save once its process is gone.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, promises as fsp } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { sweepStaleTemps, writeFileAtomic } from "../../src/workbook/xlsx/atomicWrite";

let dir: string;
beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), "cchc-leftovers-"));
});
afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

const deadPid = (): number => spawnSync(process.execPath, ["-e", ""]).pid!;

it("temp files of ended processes are swept on the next save; a live process's are left alone", async () => {
  const target = path.join(dir, "tong-hop.xlsx");
  const dead = path.join(dir, `.tong-hop.xlsx.${deadPid()}.0badc0de.tmp`);
  const live = path.join(dir, `.tong-hop.xlsx.${process.ppid}.0badc0de.tmp`);
  const other = path.join(dir, `.khac.xlsx.${deadPid()}.0badc0de.tmp`);
  for (const f of [dead, live, other]) await fsp.writeFile(f, "half a workbook");
  await writeFileAtomic(target, Buffer.from("rollup"));
  expect(existsSync(dead)).toBe(false);
  expect(existsSync(live)).toBe(true); // its process may still be writing
  expect(existsSync(other)).toBe(true); // beside another output: not ours to judge
  expect(await fsp.readFile(target, "utf8")).toBe("rollup");
  expect(await sweepStaleTemps(target)).toEqual([]);
});

it.each(["SIGTERM", "SIGINT"] as const)(
  "%s in the middle of a save removes the temp file and the lock",
  async (signal) => {
    const target = path.join(dir, "tong-hop.xlsx");
    await fsp.writeFile(target, "old rollup");
    const script = `
    const { writeFileAtomic, nodeAtomicFs, removeOnSignal } = require(${JSON.stringify(path.resolve("src/workbook/xlsx/atomicWrite.ts"))});
    const fs = require("node:fs");
    const lock = ${JSON.stringify(`${target}.lock`)};
    fs.writeFileSync(lock, "{}");
    removeOnSignal(lock);
    const hang = { ...nodeAtomicFs, write: () => { process.stdout.write("writing\\n"); return new Promise(() => {}); } };
    writeFileAtomic(${JSON.stringify(target)}, Buffer.from("new rollup"), hang);
    setInterval(() => {}, 1000);
  `;
    const child = spawn(process.execPath, ["--require", "tsx/cjs", "-e", script], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => d.toString().includes("writing") && resolve());
      child.on("exit", (code) => reject(new Error(`child exited early (${code})`)));
    });
    expect((await fsp.readdir(dir)).some((f) => f.endsWith(".tmp"))).toBe(true);
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on("exit", (_c, sig) => resolve(sig)),
    );
    child.kill(signal);
    expect(await exited).toBe(signal); // it still dies of the signal
    expect((await fsp.readdir(dir)).sort()).toEqual(["tong-hop.xlsx"]);
    expect(await fsp.readFile(target, "utf8")).toBe("old rollup");
  },
  60_000,
);
