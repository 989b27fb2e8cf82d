// The benchmark (SPEC §7, issues 8 and 15): N generated agency workbooks.
//   whole process, side by side: `cchc consolidate` against the plain openpyxl script a provincial IT
//       officer would write instead (scripts/consolidate_openpyxl.py), alternating runs, same files,
//       totals checked equal; wall time, CPU time and peak RSS of each process
//   floors: reading the files' bytes; unzipping every part and scanning its XML
//   (b) the pipeline in-process: runConsolidation = read + validate + consolidate + write the
//       rollup, on one thread and with worker threads, split by phase; per-workbook CPU against the floor
//   (a) ExcelJS's load alone (the reader before issue 15), for reference
//   (c) peak RSS of each child   (d) (b) per workbook
//   (e) rate custom functions, evaluations per second   (f) context.sync() counts (fake context)
//
//   npm run bench                      # N = 200
//   npm run bench -- --n 200,1000      # several sizes
//   npm run bench -- --n 3 --no-docs   # quick check; leaves docs/PERFORMANCE.md alone
//   --rounds 3                         # alternating whole-process runs per tool (default 2; the best counts)
//   --no-build                         # use the CLI already built in build/ (default: build it first)
import { execFileSync, fork, spawnSync } from "node:child_process";
import { existsSync, promises as fsp, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import * as prettier from "prettier";
import * as zlib from "node:zlib";
import { benchBundle, BENCH_PERIOD, ensurePlanWorkbook, ensureWorkload } from "../src/cli/bench/workload";
import { periodCode } from "../src/domain/period";
import { readZipDirectory } from "../src/workbook/xlsx/sniff";
import type { runConsolidation as RunConsolidation } from "../src/cli/consolidate/run";
import { onTimeRate, rate } from "../src/functions/rates";
import { measureSyncs, SYNC_SIZES, type SyncRow } from "./benchSyncs";

const ROOT = path.resolve(__dirname, "..");
const DOCS = path.join(ROOT, "docs", "PERFORMANCE.md");
const START = "<!-- bench:start -->";
const END = "<!-- bench:end -->";

interface ChildResult {
  /** Wall-clock time of the measured work. */
  ms: number;
  /** CPU time (user + system, all threads) of the same work: steadier on a shared machine. */
  cpuMs: number;
  maxRssMb: number;
  files: number;
  /** Files that passed validation (merged, replaced or superseded by a later version). */
  valid?: number;
  /** Agencies accepted in the rollup. */
  agencies?: number;
  /** (b) by phase: reading the inputs, merging, writing the rollup. */
  phases?: Record<"intake" | "merge" | "write", { ms: number; cpuMs: number }>;
}

interface SizeResult {
  n: number;
  parse: ChildResult;
  one: ChildResult;
  multi: ChildResult | null;
  whole: WholeResult;
  floor: FloorResult;
}

/** One process run from the outside: wall and CPU seconds, peak RSS, minor page faults. */
interface ProcessRun {
  wallS: number;
  cpuS: number;
  maxRssMb: number;
  /** Pages touched for the first time: on a virtual machine each costs system time. */
  minorFaults: number;
}

/** How fast each runtime starts on this machine, best of five: machines differ here far more than
 * in anything the tools do, so the ratios are read beside it. */
interface Calibration {
  nodeMs: number;
  pythonMs: number | null;
}

interface WholeResult {
  /** `cchc consolidate` as users run it (`--workers auto`: one thread on two cores). */
  cchc: ProcessRun[];
  /** The same with two reading threads (`--workers 2`). */
  cchcTwo: ProcessRun[];
  /** A re-run into the rollup the first run wrote (the consolidator's everyday run: read it, merge). */
  cchcAgain: ProcessRun[];
  /** Null when /usr/bin/python3 has no openpyxl: the comparison is skipped, and the report says so. */
  python: ProcessRun[] | null;
  /** "identical (57 indicators, 199 agencies)" or what differed. */
  totals: string;
}

interface FloorResult {
  /** Reading every file's bytes, ms (wall) and CPU ms. */
  readMs: number;
  readCpuMs: number;
  /** Inflating every part and scanning its XML, ms (wall) and CPU ms. */
  unzipScanMs: number;
  unzipScanCpuMs: number;
}

// ---------------------------------------------------------------- child side

async function childParse(dir: string): Promise<ChildResult> {
  const files = (await fsp.readdir(dir)).filter((f) => f.endsWith(".xlsx")).sort();
  const t = process.hrtime.bigint();
  const c = process.cpuUsage();
  for (const f of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await fsp.readFile(path.join(dir, f))) as unknown as ExcelJS.Buffer);
  }
  return { ms: msSince(t), cpuMs: cpuSince(c), maxRssMb: maxRssMb(), files: files.length };
}

async function childConsolidate(dir: string, workers: number): Promise<ChildResult> {
  const bundle = benchBundle(ROOT);
  const output = path.join(path.dirname(dir), `rollup-${path.basename(dir)}-w${workers}.xlsx`);
  await fsp.rm(output, { force: true });
  const t = process.hrtime.bigint();
  const c = process.cpuUsage();
  // The built CLI's code, as users run it (the bench builds it first); its workers then start from
  // JavaScript, not from TypeScript compiled in each worker.
  const { runConsolidation } = (await import(path.join(ROOT, "build", "cli", "consolidate", "run.js"))) as {
    runConsolidation: typeof RunConsolidation;
  };
  const out = await runConsolidation({ bundle, inputs: [dir], output, period: BENCH_PERIOD, workers });
  const ms = msSince(t);
  const cpuMs = cpuSince(c);
  await fsp.rm(output, { force: true });
  const invalid = new Set(["rejected", "wrong_period"]);
  return {
    ms,
    cpuMs,
    maxRssMb: maxRssMb(),
    files: out.files,
    valid: out.rollup.provenance.filter((p) => !invalid.has(p.outcome)).length,
    agencies: out.rollup.counts.accepted,
    phases: out.phases,
  };
}

const msSince = (t: bigint): number => Number(process.hrtime.bigint() - t) / 1e6;
const cpuSince = (c: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
};
const maxRssMb = (): number => process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB

/** Run one measurement in a fresh process (same loader flags), so its peak RSS is its own. */
function inChild(args: string[]): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ["--child", ...args], { execArgv: process.execArgv, stdio: "pipe" });
    let out = "";
    let err = "";
    child.stdout?.on("data", (d) => (out += d));
    child.stderr?.on("data", (d) => (err += d));
    child.on("exit", (code) => {
      const line = out.trim().split("\n").pop() ?? "";
      if (code === 0 && line.startsWith("{")) resolve(JSON.parse(line) as ChildResult);
      else reject(new Error(`bench child ${args.join(" ")} failed (${code}): ${err.slice(-2000)}`));
    });
  });
}

// ---------------------------------------------------------------- floors

/**
 * The least any reader must do, in one process after a warm-up over 20 files: (1) read every file's
 * bytes; (2) that, plus inflate every part (native zlib, `inflateRawSync`), decode it as UTF-8 and
 * find every tag start ("<", with `indexOf`) — unzipping and scanning the XML, nothing built.
 */
function childFloor(dir: string): FloorResult {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => path.join(dir, f));
  const utf8 = new TextDecoder();
  let sink = 0;
  const scan = (bytes: Buffer): void => {
    for (const e of readZipDirectory(bytes) ?? []) {
      const at = e.localOffset;
      const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
      const data = bytes.subarray(start, start + e.compressedSize);
      const xml = utf8.decode(e.method === 8 ? zlib.inflateRawSync(data) : data);
      for (let i = xml.indexOf("<"); i >= 0; i = xml.indexOf("<", i + 1)) sink++;
    }
  };
  for (const f of files.slice(0, 20)) scan(readFileSync(f));
  let t = process.hrtime.bigint();
  let c = process.cpuUsage();
  for (const f of files) sink += readFileSync(f).length & 1;
  const readMs = msSince(t);
  const readCpuMs = cpuSince(c);
  t = process.hrtime.bigint();
  c = process.cpuUsage();
  for (const f of files) scan(readFileSync(f));
  const unzipScanMs = msSince(t);
  const unzipScanCpuMs = cpuSince(c);
  if (sink < 0) console.log(sink);
  return { readMs, readCpuMs, unzipScanMs, unzipScanCpuMs };
}

// ---------------------------------------------------------------- whole process, side by side

const PYTHON = "/usr/bin/python3";
const TIME = "/usr/bin/time";

function hasOpenpyxl(): boolean {
  return spawnSync(PYTHON, ["-c", "import openpyxl"], { stdio: "ignore" }).status === 0;
}

/** Run a command to completion; wall, CPU and peak RSS from GNU time when present (else wall only). */
function timeProcess(cmd: string, args: string[]): { run: ProcessRun; stdout: string } {
  const gnuTime = existsSync(TIME);
  const t = process.hrtime.bigint();
  const r = gnuTime
    ? spawnSync(TIME, ["-f", "@@time %e %U %S %M %R", cmd, ...args], { encoding: "utf8", maxBuffer: 1 << 28 })
    : spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 1 << 28 });
  const wall = msSince(t) / 1000;
  if (r.status !== 0 && r.status !== 1) {
    throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}): ${String(r.stderr).slice(-2000)}`);
  }
  // Faults are optional: a `time` that does not know %R still gives the rest.
  const m = /@@time ([\d.]+) ([\d.]+) ([\d.]+) (\d+)(?: (\d+))?/.exec(String(r.stderr));
  const run = m
    ? {
        wallS: Number(m[1]),
        cpuS: Number(m[2]) + Number(m[3]),
        maxRssMb: Number(m[4]) / 1024,
        minorFaults: m[5] === undefined ? NaN : Number(m[5]),
      }
    : { wallS: wall, cpuS: NaN, maxRssMb: NaN, minorFaults: NaN };
  return { run, stdout: String(r.stdout) };
}

/** `node -e 0` and `python3 -c "import openpyxl"`, best wall time of five each, ms. */
function calibrate(python: boolean): Calibration {
  // Timed here, to the millisecond (GNU time's wall clock has 10 ms steps).
  const once = (cmd: string, args: string[]): number => {
    const t = process.hrtime.bigint();
    spawnSync(cmd, args, { stdio: "ignore" });
    return msSince(t);
  };
  const bestMs = (cmd: string, args: string[]): number =>
    Math.min(...Array.from({ length: 5 }, () => once(cmd, args)));
  return {
    nodeMs: bestMs(process.execPath, ["-e", "0"]),
    pythonMs: python ? bestMs(PYTHON, ["-c", "import openpyxl"]) : null,
  };
}

/** Indicators cchc computes from the task sheets (plan tasks set/done and their rate): no agency types
 * them, so the script, which sums the figures sheets, has nothing to compare them with. */
function computedCodes(): Set<string> {
  const cat = JSON.parse(
    readFileSync(path.join(__dirname, "..", "examples", "data", "indicators.json"), "utf8"),
  ) as {
    indicators: { code: string; computed?: string; numerator?: string; denominator?: string }[];
  };
  const direct = new Set(cat.indicators.filter((i) => i.computed).map((i) => i.code));
  return new Set(
    cat.indicators
      .filter((i) => direct.has(i.code) || direct.has(i.numerator ?? "") || direct.has(i.denominator ?? ""))
      .map((i) => i.code),
  );
}

/** Compare the totals both tools printed: every indicator an agency types, and the agencies counted. */
function compareTotals(cchc: string, python: string | null): string {
  const a = JSON.parse(cchc) as { totals: Record<string, number | null>; counts: { accepted: number } };
  if (python === null)
    return `— (${Object.keys(a.totals).length} indicators, ${a.counts.accepted} agencies in cchc's rollup)`;
  const b = JSON.parse(python) as { totals: Record<string, number | null>; agencies: number };
  const computed = computedCodes();
  const codes = Object.keys(b.totals).filter((c) => !computed.has(c));
  const same = (x: number | null | undefined, y: number | null | undefined) =>
    x === y || (typeof x === "number" && typeof y === "number" && Math.abs(x - y) <= 1e-12 * Math.abs(y));
  const differ = codes.filter((c) => !same(a.totals[c], b.totals[c]));
  if (
    differ.length === 0 &&
    a.counts.accepted === b.agencies &&
    codes.length === Object.keys(a.totals).filter((c) => !computed.has(c)).length
  )
    return `identical (${codes.length} indicators, ${b.agencies} agencies)`;
  return `DIFFER: ${differ.slice(0, 5).join(", ") || "agency counts"}`;
}

/** `cchc consolidate` (the built CLI) and the openpyxl script on the same files, alternating. */
function wholeProcess(
  dir: string,
  plan: string,
  rounds: number,
  python: boolean,
  log: (m: string) => void,
): WholeResult {
  const cli = path.join(ROOT, "bin", "cchc.js");
  const period = periodCode(BENCH_PERIOD);
  const out = (tool: string) => path.join(path.dirname(dir), `whole-${path.basename(dir)}-${tool}.xlsx`);
  const cchc: ProcessRun[] = [];
  const cchcTwo: ProcessRun[] = [];
  const cchcAgain: ProcessRun[] = [];
  const py: ProcessRun[] = [];
  let cchcJson = "";
  let pyJson: string | null = null;
  for (let i = 0; i < rounds; i++) {
    // Alternate which tool goes first, so neither always meets a warmer (or busier) machine.
    const order = i % 2 === 0 ? ["cchc", "python", "cchc2"] : ["cchc2", "python", "cchc"];
    for (const tool of order) {
      if (tool === "python" && !python) continue;
      rmSync(out(tool), { force: true });
      log(`  whole process, round ${i + 1}: ${tool} …`);
      // Both tools take the same arguments: the same plan, period, folder and output, JSON on stdout.
      const args = ["--plan", plan, "--period", period, dir, "-o", out(tool), "--json"];
      if (tool === "cchc") {
        const r = timeProcess(process.execPath, [cli, "consolidate", ...args]);
        cchc.push(r.run);
        cchcJson = r.stdout;
        log(`  whole process, round ${i + 1}: cchc again, into the rollup it wrote …`);
        cchcAgain.push(timeProcess(process.execPath, [cli, "consolidate", ...args]).run);
      } else if (tool === "cchc2") {
        cchcTwo.push(timeProcess(process.execPath, [cli, "consolidate", ...args, "--workers", "2"]).run);
      } else {
        const r = timeProcess(PYTHON, [path.join(ROOT, "scripts", "consolidate_openpyxl.py"), ...args]);
        py.push(r.run);
        pyJson = r.stdout;
      }
      rmSync(out(tool), { force: true });
    }
  }
  return { cchc, cchcTwo, cchcAgain, python: python ? py : null, totals: compareTotals(cchcJson, pyJson) };
}

// ---------------------------------------------------------------- (e) rate functions

function evalsPerSecond(run: () => unknown, ms: number): number {
  let sink = 0;
  for (let i = 0; i < 20_000; i++) sink += run() === undefined ? 1 : 0;
  let n = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(ms) * 1_000_000n;
  while (process.hrtime.bigint() - start < budget) {
    for (let i = 0; i < 10_000; i++) sink += run() === undefined ? 1 : 0;
    n += 10_000;
  }
  if (sink < 0) console.log(sink);
  return n / (msSince(start) / 1000);
}

function measureFunctions(ms: number): { name: string; input: string; rate: number }[] {
  return [
    { name: "RATE", input: "1652; 1724", rate: evalsPerSecond(() => rate([[1652]], [[1724]], null), ms) },
    {
      name: "ONTIME",
      input: "595634; 596864",
      rate: evalsPerSecond(() => onTimeRate([[595634]], [[596864]]), ms),
    },
  ];
}

// ---------------------------------------------------------------- report

const fmtInt = (x: number): string => Math.round(x).toLocaleString("en-US");
const s = (ms: number): string => (ms / 1000).toFixed(2);
const mb = (x: number): string => fmtInt(x);

function cpuModel(): string {
  return os.cpus()[0]?.model?.trim() || "unknown CPU";
}

export function renderReport(
  sizes: SizeResult[],
  funcs: { name: string; input: string; rate: number }[],
  syncs: SyncRow[],
  workers: number,
  loadBefore: number,
  calibration: Calibration,
): string {
  const head = `| measure | ${sizes.map((r) => `N = ${fmtInt(r.n)}`).join(" | ")} |`;
  const rule = `| --- | ${sizes.map(() => "---:").join(" | ")} |`;
  const row = (label: string, cell: (r: SizeResult) => string) =>
    `| ${label} | ${sizes.map(cell).join(" | ")} |`;
  const multi = (f: (m: ChildResult, r: SizeResult) => string) => (r: SizeResult) =>
    r.multi ? f(r.multi, r) : "—";
  const phase = (k: keyof NonNullable<ChildResult["phases"]>) => (r: SizeResult) => {
    const p = r.one.phases?.[k];
    return p ? `${s(p.ms)} (${s(p.cpuMs)})` : "—";
  };
  const best = (runs: ProcessRun[]) => runs.reduce((a, b) => (b.wallS < a.wallS ? b : a));
  const secs = (runs: ProcessRun[] | null) =>
    runs
      ? `${runs.map((x) => x.wallS.toFixed(2)).join(", ")} (CPU ${best(runs).cpuS.toFixed(2)})`
      : "skipped";
  const ratio = (r: SizeResult, k: "wallS" | "cpuS", runs = r.whole.cchc) =>
    r.whole.python ? `${(best(r.whole.python)[k] / best(runs)[k]).toFixed(1)}×` : "—";
  const perWorkbook = (r: SizeResult) => (r.one.phases ? r.one.phases.intake.cpuMs / r.n : NaN);
  const floorPer = (r: SizeResult) => r.floor.unzipScanCpuMs / r.n;
  // What one more workbook costs: the difference from the smallest N over the difference in files,
  // so the fixed costs of a run (JIT warm-up, the first files' compilation) are left out of both.
  const first = sizes.reduce((a, b) => (b.n < a.n ? b : a));
  const marginal = (r: SizeResult): { intake: number; floor: number } | null => {
    if (r.n <= first.n || !r.one.phases || !first.one.phases) return null;
    const d = r.n - first.n;
    return {
      intake: (r.one.phases.intake.cpuMs - first.one.phases.intake.cpuMs) / d,
      floor: (r.floor.unzipScanCpuMs - first.floor.unzipScanCpuMs) / d,
    };
  };
  const lines = [
    `Machine: ${os.cpus().length} cores (\`nproc\`), ${cpuModel()}, Node ${process.version}, ${os.type()} ${os.release()}; ` +
      `load average before the run ${loadBefore.toFixed(2)}, after ${os.loadavg()[0].toFixed(2)}; measured ${new Date().toISOString().slice(0, 10)}. ` +
      `Start-up here, best of five: \`node -e 0\` ${Math.round(calibration.nodeMs)} ms` +
      (calibration.pythonMs === null
        ? "."
        : `, \`python3 -c "import openpyxl"\` ${Math.round(calibration.pythonMs)} ms.`),
    "",
    head,
    rule,
    row("`cchc consolidate`, whole process, s (CPU s of the best)", (r) => secs(r.whole.cchc)),
    row("`cchc consolidate --workers 2`, two reading threads, s (CPU s of the best)", (r) =>
      secs(r.whole.cchcTwo),
    ),
    row("`cchc consolidate` again, into the rollup it wrote (a re-run), s (CPU s of the best)", (r) =>
      secs(r.whole.cchcAgain),
    ),
    row("Python openpyxl script, whole process, s (CPU s of the best)", (r) => secs(r.whole.python)),
    row("**script ÷ cchc**, best wall time of each", (r) => ratio(r, "wallS")),
    row("script ÷ cchc, CPU time", (r) => ratio(r, "cpuS")),
    row(
      "script ÷ `cchc --workers 2`, wall / CPU",
      (r) => `${ratio(r, "wallS", r.whole.cchcTwo)} / ${ratio(r, "cpuS", r.whole.cchcTwo)}`,
    ),
    row("totals of the two rollups", (r) => r.whole.totals),
    row(
      "peak RSS, cchc / script, MB",
      (r) =>
        `${mb(best(r.whole.cchc).maxRssMb)} / ${r.whole.python ? mb(best(r.whole.python).maxRssMb) : "—"}`,
    ),
    row(
      "minor page faults, cchc / script (best run)",
      (r) =>
        `${fmtInt(best(r.whole.cchc).minorFaults)} / ${r.whole.python ? fmtInt(best(r.whole.python).minorFaults) : "—"}`,
    ),
    row("floor: read every file's bytes, s", (r) => s(r.floor.readMs)),
    row(
      "floor: unzip every part + scan its XML, s (CPU s)",
      (r) => `${s(r.floor.unzipScanMs)} (${s(r.floor.unzipScanCpuMs)})`,
    ),
    row("read, check, validate one workbook: CPU ms (intake phase ÷ N)", (r) => perWorkbook(r).toFixed(2)),
    row("floor per workbook: CPU ms", (r) => floorPer(r).toFixed(2)),
    row("**per-workbook CPU ÷ floor**", (r) => `${(perWorkbook(r) / floorPer(r)).toFixed(1)}×`),
    row("marginal, from the smallest N: CPU ms a workbook, intake / floor", (r) => {
      const m = marginal(r);
      return m ? `${m.intake.toFixed(2)} / ${m.floor.toFixed(2)}` : "—";
    }),
    row("marginal per-workbook CPU ÷ floor (warm-up left out of both)", (r) => {
      const m = marginal(r);
      return m ? `${(m.intake / m.floor).toFixed(1)}×` : "—";
    }),
    "",
    head,
    rule,
    row("(b) validate + consolidate + write rollup, 1 thread, s", (r) => s(r.one.ms)),
    row("(b) 1 thread: read, check, validate the inputs, s (CPU s)", phase("intake")),
    row("(b) 1 thread: merge, s (CPU s)", phase("merge")),
    row("(b) 1 thread: write the rollup, s (CPU s)", phase("write")),
    row(
      `(b) with ${workers} threads (this one and ${workers - 1} worker${workers > 2 ? "s" : ""}), s`,
      multi((m) => s(m.ms)),
    ),
    row("(a) ExcelJS load alone (the reader before issue 15), for reference, s", (r) => s(r.parse.ms)),
    row("(c) peak RSS (a), MB", (r) => mb(r.parse.maxRssMb)),
    row("(c) peak RSS (b), 1 thread, MB", (r) => mb(r.one.maxRssMb)),
    row(
      `(c) peak RSS (b), ${workers} threads, MB`,
      multi((m) => mb(m.maxRssMb)),
    ),
    row("(a) CPU time, s", (r) => s(r.parse.cpuMs)),
    row("(b) CPU time, 1 thread, s", (r) => s(r.one.cpuMs)),
    row("(d) time per workbook (b), 1 thread, ms", (r) => (r.one.ms / r.n).toFixed(1)),
    row(
      `(d) time per workbook (b), ${workers} threads, ms`,
      multi((m, r) => (m.ms / r.n).toFixed(1)),
    ),
    row("files valid / read", (r) => `${r.one.valid ?? 0} / ${r.one.files}`),
    row("agencies in the rollup", (r) => String(r.one.agencies ?? 0)),
    "",
    "| rate function | input | evaluations/s (one core) |",
    "| --- | --- | ---: |",
    ...funcs.map((f) => `| (e) ${f.name} | ${f.input} | ${fmtInt(f.rate)} |`),
    "",
    `| (f) Office.js operation (fake context) | ${SYNC_SIZES.map((n) => `syncs at ${fmtInt(n)} rows`).join(" | ")} | equal |`,
    `| --- | ${SYNC_SIZES.map(() => "---:").join(" | ")} | --- |`,
    ...syncs.map((r) => {
      const counts = SYNC_SIZES.map((n) => r.syncs[n]);
      return `| ${r.operation} | ${counts.join(" | ")} | ${counts.every((c) => c === counts[0]) ? "yes" : "no"} |`;
    }),
  ];
  return lines.join("\n");
}

async function updateDocs(report: string, command: string): Promise<void> {
  const doc = existsSync(DOCS) ? readFileSync(DOCS, "utf8") : "# Performance\n";
  const block = `${START}\n<!-- written by \`${command}\`; edit the text around it, not inside -->\n\n${report}\n\n${END}`;
  const i = doc.indexOf(START);
  const j = doc.indexOf(END);
  const next =
    i >= 0 && j > i ? doc.slice(0, i) + block + doc.slice(j + END.length) : `${doc.trimEnd()}\n\n${block}\n`;
  // Keep the file as `npm run format:check` wants it (aligned tables).
  const options = (await prettier.resolveConfig(DOCS)) ?? {};
  await fsp.writeFile(DOCS, await prettier.format(next, { ...options, filepath: DOCS }));
}

// ---------------------------------------------------------------- main

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  if (i >= 0) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

async function main(): Promise<void> {
  if (process.argv.includes("--child")) {
    const [mode, dir, w] = process.argv.slice(process.argv.indexOf("--child") + 1);
    const r =
      mode === "parse"
        ? await childParse(dir)
        : mode === "floor"
          ? childFloor(dir)
          : await childConsolidate(dir, Number(w));
    console.log(JSON.stringify(r));
    return;
  }
  const sizes = (argValue("--n") ?? "200").split(",").map((x) => Number(x.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error("--n takes sizes like 200 or 200,2000");
  const workers = Number(argValue("--workers") ?? Math.min(2, os.cpus().length));
  const fnMs = Number(argValue("--fn-ms") ?? 500);
  const work = argValue("--dir") ?? path.join(ROOT, "out", "bench");
  const log = (m: string) => process.stderr.write(`${m}\n`);

  const rounds = Number(argValue("--rounds") ?? 2);
  const loadBefore = os.loadavg()[0];
  // The whole-process runs use the built CLI, as users run it; --no-build reuses an existing build.
  const built = existsSync(path.join(ROOT, "build", "cli", "main.js"));
  if (!(built && process.argv.includes("--no-build"))) log("building the CLI (npm run build:cli) …");
  if (!(built && process.argv.includes("--no-build")))
    execFileSync(
      process.execPath,
      [require.resolve("typescript/bin/tsc"), "-p", path.join(ROOT, "tsconfig.build.json")],
      {
        stdio: "inherit",
      },
    );
  const python = hasOpenpyxl();
  if (!python) {
    log(`skipping the Python comparison: ${PYTHON} has no openpyxl (Debian: apt install python3-openpyxl)`);
  }
  const bundle = benchBundle(ROOT);
  const plan = await ensurePlanWorkbook(ROOT, path.join(work, "plan-bench.xlsx"));
  const results: SizeResult[] = [];
  for (const n of sizes) {
    const dir = path.join(work, `n${n}`);
    log(`N = ${n}: generating workbooks in ${dir} (reused when present) …`);
    await ensureWorkload(bundle, dir, n);
    log(`N = ${n}: whole process, cchc and the openpyxl script alternating …`);
    const whole = wholeProcess(dir, plan, rounds, python, log);
    log(`N = ${n}: floors …`);
    const floor = (await inChild(["floor", dir])) as unknown as FloorResult;
    log(`N = ${n}: (a) ExcelJS load alone …`);
    const parse = await inChild(["parse", dir]);
    log(`N = ${n}: (b) consolidate, 1 thread …`);
    const one = await inChild(["consolidate", dir, "1"]);
    let multi: ChildResult | null = null;
    if (workers > 1) {
      log(`N = ${n}: (b) consolidate, ${workers} threads …`);
      multi = await inChild(["consolidate", dir, String(workers)]);
    }
    results.push({ n, parse, one, multi, whole, floor });
  }
  log("(e) rate functions …");
  const funcs = measureFunctions(fnMs);
  log("(f) context.sync() counts …");
  const syncs = await measureSyncs();
  log("start-up of node and python3 on this machine …");
  const calibration = calibrate(python);
  const report = renderReport(results, funcs, syncs, workers, loadBefore, calibration);
  if (!python) log(`(the Python comparison was skipped: ${PYTHON} has no openpyxl)`);
  console.log(report);
  if (!process.argv.includes("--no-docs")) {
    await updateDocs(report, `npm run bench -- --n ${sizes.join(",")}`);
    log(`updated ${path.relative(ROOT, DOCS)}`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
