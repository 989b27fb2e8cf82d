// The benchmark (SPEC §7, issue 8): N generated agency workbooks, measured in child processes so
// each figure has its own peak RSS.
//   (a) parse only: every file loaded with ExcelJS (`new Workbook().xlsx.load(bytes)`, one at a time)
//   (b) the real pipeline: runConsolidation = read + validate + consolidate + write the rollup,
//       on one thread and with worker threads
//   (c) peak RSS of each child   (d) (b) per workbook
//   (e) rate custom functions, evaluations per second   (f) context.sync() counts (fake context)
//
//   npm run bench                      # N = 200
//   npm run bench -- --n 200,1000,2000 # several sizes (the flat-memory check)
//   npm run bench -- --n 3 --no-docs   # quick check; leaves docs/PERFORMANCE.md alone
import { fork } from "node:child_process";
import { existsSync, promises as fsp, readFileSync } from "node:fs";
import os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import * as prettier from "prettier";
import { benchBundle, BENCH_PERIOD, ensureWorkload } from "../src/cli/bench/workload";
import { runConsolidation } from "../src/cli/consolidate/run";
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

/** The ratio for the workbooks added between the smallest and the largest size: what each further
 * workbook costs, without the fixed costs (start-up, JIT warm-up, writing the rollup). */
function marginal(sizes: SizeResult[]): string[] {
  if (sizes.length < 2) return [];
  const [lo, hi] = [sizes[0], sizes[sizes.length - 1]];
  const ratio = (b: (r: SizeResult) => number | undefined) => {
    const bh = b(hi);
    const bl = b(lo);
    if (bh === undefined || bl === undefined) return "—";
    return ((bh - bl) / (hi.parse.ms - lo.parse.ms)).toFixed(2);
  };
  const label = `N = ${fmtInt(lo.n)} → ${fmtInt(hi.n)}`;
  return [
    `| (b)/(a) for the workbooks added, ${label}, 1 thread | ${sizes.map((r) => (r === hi ? ratio((x) => x.one.ms) : "")).join(" | ")} |`,
    `| (b)/(a) for the workbooks added, ${label}, worker threads | ${sizes.map((r) => (r === hi ? ratio((x) => x.multi?.ms) : "")).join(" | ")} |`,
  ];
}

export function renderReport(
  sizes: SizeResult[],
  funcs: { name: string; input: string; rate: number }[],
  syncs: SyncRow[],
  workers: number,
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
  const lines = [
    `Machine: ${os.cpus().length} cores (\`nproc\`), ${cpuModel()}, Node ${process.version}, ${os.type()} ${os.release()}; ` +
      `load average before the run ${os.loadavg()[0].toFixed(2)}; measured ${new Date().toISOString().slice(0, 10)}.`,
    "",
    head,
    rule,
    row("(a) parse only, ExcelJS load, s", (r) => s(r.parse.ms)),
    row("(b) validate + consolidate + write rollup, 1 thread, s", (r) => s(r.one.ms)),
    row("(b)/(a), 1 thread", (r) => (r.one.ms / r.parse.ms).toFixed(2)),
    row("(b) 1 thread: read, check, validate the inputs, s (CPU s)", phase("intake")),
    row("(b) 1 thread: merge, s (CPU s)", phase("merge")),
    row("(b) 1 thread: write the rollup, s (CPU s)", phase("write")),
    row(
      `(b) with ${workers} worker threads, s`,
      multi((m) => s(m.ms)),
    ),
    row(
      `(b)/(a), ${workers} worker threads`,
      multi((m, r) => (m.ms / r.parse.ms).toFixed(2)),
    ),
    row("(c) peak RSS (a), MB", (r) => mb(r.parse.maxRssMb)),
    row("(c) peak RSS (b), 1 thread, MB", (r) => mb(r.one.maxRssMb)),
    row(
      `(c) peak RSS (b), ${workers} worker threads, MB`,
      multi((m) => mb(m.maxRssMb)),
    ),
    row("(a) CPU time, s", (r) => s(r.parse.cpuMs)),
    row("(b) CPU time, 1 thread, s", (r) => s(r.one.cpuMs)),
    row("(b)/(a) by CPU time, 1 thread", (r) => (r.one.cpuMs / r.parse.cpuMs).toFixed(2)),
    row("(d) time per workbook (b), 1 thread, ms", (r) => (r.one.ms / r.n).toFixed(1)),
    row(
      `(d) time per workbook (b), ${workers} worker threads, ms`,
      multi((m, r) => (m.ms / r.n).toFixed(1)),
    ),
    row("files valid / read", (r) => `${r.one.valid ?? 0} / ${r.one.files}`),
    row("agencies in the rollup", (r) => String(r.one.agencies ?? 0)),
    ...marginal(sizes),
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
    const r = mode === "parse" ? await childParse(dir) : await childConsolidate(dir, Number(w));
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

  const bundle = benchBundle(ROOT);
  const results: SizeResult[] = [];
  for (const n of sizes) {
    const dir = path.join(work, `n${n}`);
    log(`N = ${n}: generating workbooks in ${dir} (reused when present) …`);
    await ensureWorkload(bundle, dir, n);
    log(`N = ${n}: (a) parse only …`);
    const parse = await inChild(["parse", dir]);
    log(`N = ${n}: (b) consolidate, 1 thread …`);
    const one = await inChild(["consolidate", dir, "1"]);
    let multi: ChildResult | null = null;
    if (workers > 1) {
      log(`N = ${n}: (b) consolidate, ${workers} worker threads …`);
      multi = await inChild(["consolidate", dir, String(workers)]);
    }
    results.push({ n, parse, one, multi });
  }
  log("(e) rate functions …");
  const funcs = measureFunctions(fnMs);
  log("(f) context.sync() counts …");
  const syncs = await measureSyncs();
  const report = renderReport(results, funcs, syncs, workers);
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
