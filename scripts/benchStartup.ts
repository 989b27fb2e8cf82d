// Start-up benchmark (issue 11): how long `cchc` takes to answer when it has little to do, next to
// `node -e 0` measured in the same run. Each case runs the compiled CLI (bin/cchc.js → build/cli, as
// installed) in a fresh process; the cases alternate (round-robin) so machine load affects all alike,
// and each figure is the median of N runs. Goals: --help, --version and usage errors ≤ 1.5 × node -e 0;
// `validate` of one report ≤ 1 s wall.
//
//   npm run bench:startup               # N = 15, prints the table
//   npm run bench:startup -- --n 31     # more runs
//   npm run bench:startup -- --docs     # also writes the table into docs/PERFORMANCE.md ("Start-up")
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const CLI = path.join(ROOT, "bin", "cchc.js");
const PLAN = path.join(ROOT, "examples", "plan-2023.xlsx");
const DOCS = path.join(ROOT, "docs", "PERFORMANCE.md");
const START = "<!-- bench-startup:start -->";
const END = "<!-- bench-startup:end -->";

export interface StartupCase {
  name: string;
  args: readonly string[];
  /** Exit code the case must end with (a wrong one means the benchmark measured the wrong thing). */
  exit: number;
  /** The goal: a multiple of `node -e 0`, or an absolute wall time. */
  goal: { timesNode: number } | { ms: number } | null;
}

export interface StartupRow extends StartupCase {
  medianMs: number;
  /** Median CPU time (user + system) of the process: what the command costs on a quiet machine. */
  cpuMs: number;
  /** medianMs / median of `node -e 0`. */
  ratio: number;
  meetsGoal: boolean | null;
}

export interface StartupResult {
  runs: number;
  nodeMs: number;
  nodeCpuMs: number;
  rows: StartupRow[];
  machine: string;
  when: string;
  loadAverage: string;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function timeRun(
  args: readonly string[],
  want: number,
  preload: readonly string[] = [],
): SpawnSyncReturns<string> & { ms: number } {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...preload, ...args], {
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
  });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== want)
    throw new Error(`${args.join(" ")} exited ${r.status}, expected ${want}: ${r.stderr.slice(0, 300)}`);
  return { ...r, ms };
}

/** A preload that prints the process's CPU time at exit (used in a separate, untimed pass). */
function cpuPreload(): string[] {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "cchc-cpu-")), "cpu.cjs");
  writeFileSync(
    file,
    'process.on("exit", () => { const u = process.cpuUsage(); process.stderr.write(`\\ncpu-us ${u.user + u.system}\\n`); });\n',
  );
  return ["--require", file];
}

function cpuMsOf(stderr: string): number {
  const m = /\ncpu-us (\d+)\n/.exec(stderr);
  return m ? Number(m[1]) / 1000 : NaN;
}

/** The CLI must be built and current: the benchmark measures what `npx cchc` runs. */
function ensureBuilt(): void {
  const main = path.join(ROOT, "build", "cli", "main.js");
  const src = path.join(ROOT, "src", "cli", "main.ts");
  if (!existsSync(main) || statSync(main).mtimeMs < statSync(src).mtimeMs) {
    const tsc = require.resolve("typescript/bin/tsc", { paths: [ROOT] });
    const r = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], {
      cwd: ROOT,
      stdio: "inherit",
    });
    if (r.status !== 0) throw new Error("npm run build:cli failed");
  }
}

/** One report to validate: the template `cchc template` writes for an agency (in a temp folder). */
function oneReport(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cchc-startup-"));
  const file = path.join(dir, "SNV-2023-Q2.xlsx");
  const r = spawnSync(
    process.execPath,
    [CLI, "template", "--plan", PLAN, "--agency", "SNV", "--period", "2023-Q2", "-o", file],
    { encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`cchc template failed: ${r.stderr}`);
  return file;
}

export function startupCases(report: string): StartupCase[] {
  const fast = { timesNode: 1.5 };
  return [
    { name: "cchc --help", args: [CLI, "--help"], exit: 0, goal: fast },
    { name: "cchc --version", args: [CLI, "--version"], exit: 0, goal: fast },
    { name: "cchc validate --help", args: [CLI, "validate", "--help"], exit: 0, goal: fast },
    { name: "usage error: unknown command", args: [CLI, "frobnicate"], exit: 2, goal: fast },
    { name: "usage error: validate without --plan", args: [CLI, "validate", report], exit: 2, goal: fast },
    {
      name: "usage error: consolidate --period bad",
      args: [CLI, "consolidate", "--plan", PLAN, "--period", "Quý V/2023", "x", "-o", "y.xlsx"],
      exit: 2,
      goal: fast,
    },
    {
      name: "usage error: template -o x.txt",
      args: [CLI, "template", "--plan", PLAN, "--agency", "SNV", "--period", "2023", "-o", "x.txt"],
      exit: 2,
      goal: fast,
    },
    {
      name: "cchc validate (one report)",
      args: [CLI, "validate", "--plan", PLAN, report],
      exit: 1,
      goal: { ms: 1000 },
    },
  ];
}

/** Run the benchmark: every case and `node -e 0`, round-robin, `runs` times each. */
export function benchStartup(opts: { runs?: number; log?: (s: string) => void } = {}): StartupResult {
  const runs = opts.runs ?? 15;
  ensureBuilt();
  const cases = startupCases(oneReport());
  const node: StartupCase = { name: "node -e 0", args: ["-e", "0"], exit: 0, goal: null };
  const all = [node, ...cases];
  const times = all.map(() => [] as number[]);
  const cpu = all.map(() => [] as number[]);
  const preload = cpuPreload();
  for (const c of all) timeRun(c.args, c.exit); // warm the file cache once
  for (let r = 0; r < runs; r++) {
    all.forEach((c, i) => times[i].push(timeRun(c.args, c.exit).ms));
    opts.log?.(`run ${r + 1}/${runs}`);
  }
  // CPU time in a separate pass: the preload would add to the wall times above.
  for (let r = 0; r < Math.min(runs, 5); r++)
    all.forEach((c, i) => cpu[i].push(cpuMsOf(timeRun(c.args, c.exit, preload).stderr)));
  const nodeMs = median(times[0]);
  const nodeCpuMs = median(cpu[0]);
  const rows = cases.map((c, i): StartupRow => {
    const medianMs = median(times[i + 1]);
    const cpuMs = median(cpu[i + 1]);
    const ratio = medianMs / nodeMs;
    const meetsGoal =
      c.goal === null ? null : "timesNode" in c.goal ? ratio <= c.goal.timesNode : medianMs <= c.goal.ms;
    return { ...c, medianMs, cpuMs, ratio, meetsGoal };
  });
  const cpus = os.cpus();
  return {
    runs,
    nodeMs,
    nodeCpuMs,
    rows,
    machine: `${cpus.length} × ${cpus[0]?.model.trim() ?? "CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}, ${os.platform()} ${os.release()}`,
    when: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    loadAverage: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(", "),
  };
}

/** The result as a Markdown table. */
export function startupTable(r: StartupResult): string {
  const goal = (row: StartupRow) =>
    row.goal === null
      ? ""
      : "timesNode" in row.goal
        ? `≤ ${row.goal.timesNode} × node`
        : `≤ ${row.goal.ms} ms`;
  const lines = [
    `Median of ${r.runs} alternating runs; ${r.machine}; ${r.when}; load average ${r.loadAverage} at the end.`,
    "",
    "| command | median wall ms | × `node -e 0` | CPU ms (user + sys) | goal | met |",
    "| --- | ---: | ---: | ---: | --- | --- |",
    `| \`node -e 0\` | ${r.nodeMs.toFixed(0)} | 1.00 | ${r.nodeCpuMs.toFixed(0)} | | |`,
    ...r.rows.map(
      (row) =>
        `| \`${row.name}\` | ${row.medianMs.toFixed(0)} | ${row.ratio.toFixed(2)} | ${row.cpuMs.toFixed(0)} | ${goal(row)} | ${row.meetsGoal === null ? "" : row.meetsGoal ? "yes" : "**no**"} |`,
    ),
  ];
  return lines.join("\n");
}

/** Replace the text between the start-up markers in docs/PERFORMANCE.md. */
export function writeStartupDocs(table: string): void {
  const doc = readFileSync(DOCS, "utf8");
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error(`${DOCS}: no ${START} … ${END} markers`);
  writeFileSync(DOCS, `${doc.slice(0, a + START.length)}\n\n${table}\n\n${doc.slice(b)}`);
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const n = args.indexOf("--n");
  const runs = n >= 0 ? Number(args[n + 1]) : 15;
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--n: a whole number ≥ 1");
  const result = benchStartup({ runs, log: (s) => process.stderr.write(`\r${s}`) });
  process.stderr.write("\n");
  const table = startupTable(result);
  console.log(table);
  if (args.includes("--docs")) {
    writeStartupDocs(table);
    console.log(`\nwritten to ${path.relative(process.cwd(), DOCS)}`);
  }
}
