// Evaluations per second of each CCHC custom function, called the way Excel calls them (range
// parameters get 2-D arrays, omitted optionals null), on one core. Pure computation: no workbook.
//
//   npm run bench:functions              # ~0.5 s per case
//   npm run bench:functions -- --ms=2000 # longer, steadier runs
import os from "node:os";
import { due, overdue, periodEnd, periodStart } from "../src/functions/dates";
import { progress, statusLabel } from "../src/functions/progress";
import { checkRate, onTimeRate, rate, yoy } from "../src/functions/rates";
import { vnNum, vnText } from "../src/functions/vnText";

interface Case {
  name: string;
  input: string;
  run: () => unknown;
}

const STATUSES = [
  "Hoàn thành",
  "Hoàn thành trễ hạn",
  "Đang thực hiện",
  "Chưa thực hiện",
  "Không phát sinh",
  "Hoàn thành",
  "Hoàn thành",
  "Đang thực hiện",
  "Hoàn thành",
  "Chưa thực hiện",
].map((s) => [s]);

const CASES: Case[] = [
  { name: "ONTIME", input: "595634; 596864", run: () => onTimeRate([[595634]], [[596864]]) },
  {
    name: "ONTIME",
    input: '"595.634"; "596.864" (text)',
    run: () => onTimeRate([["595.634"]], [["596.864"]]),
  },
  { name: "RATE", input: "1652; 1724", run: () => rate([[1652]], [[1724]], null) },
  { name: "RATE", input: "1652; 1724; 3", run: () => rate([[1652]], [[1724]], 3) },
  { name: "YOY", input: "605859; 894521", run: () => yoy([[605859]], [[894521]]) },
  {
    name: "CHECKRATE",
    input: '"99,79%"; 595634; 596864',
    run: () => checkRate([["99,79%"]], [[595634]], [[596864]]),
  },
  { name: "DUE", input: '"Quý IV năm 2022"', run: () => due([["Quý IV năm 2022"]], null) },
  {
    name: "OVERDUE",
    input: '"Quý IV năm 2022"; ; 44939',
    run: () => overdue([["Quý IV năm 2022"]], [[null]], [[44939]], null),
  },
  { name: "PERIODSTART", input: '"2023-Q2"', run: () => periodStart([["2023-Q2"]], null) },
  { name: "PERIODEND", input: '"Quý II/2023"', run: () => periodEnd([["Quý II/2023"]], null) },
  { name: "PROGRESS", input: "10 status cells", run: () => progress(STATUSES) },
  { name: "STATUS", input: '"hoan thanh tre han"', run: () => statusLabel([["hoan thanh tre han"]], null) },
  { name: "VNNUM", input: '"605.859"', run: () => vnNum([["605.859"]]) },
  { name: "VNTEXT", input: "0,9979; ; TRUE", run: () => vnText([[0.9979]], null, true, null) },
];

function measure(run: () => unknown, ms: number): number {
  let sink = 0;
  // Warm up so the JIT has compiled the path before timing.
  for (let i = 0; i < 20_000; i++) sink += run() === undefined ? 1 : 0;
  let n = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(ms) * 1_000_000n;
  let elapsed = 0n;
  while (elapsed < budget) {
    for (let i = 0; i < 10_000; i++) sink += run() === undefined ? 1 : 0;
    n += 10_000;
    elapsed = process.hrtime.bigint() - start;
  }
  if (sink < 0) console.log(sink); // keeps the calls observable
  return n / (Number(elapsed) / 1e9);
}

const msArg = process.argv.find((a) => a.startsWith("--ms="));
const ms = msArg ? Number(msArg.slice(5)) : 500;
const fmt = (x: number): string => Math.round(x).toLocaleString("en-US");

console.log(`CCHC custom functions — evaluations per second, one core (${ms} ms per case)`);
console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores\n`);
console.log("| function | input | evaluations/s |");
console.log("|---|---|---:|");
for (const c of CASES) console.log(`| ${c.name} | ${c.input} | ${fmt(measure(c.run, ms))} |`);
