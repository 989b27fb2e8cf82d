// The benchmark at a tiny size: it runs end to end (generation, the child measurements, worker
// threads, functions, sync counts) and prints every row of its table. No timing is asserted.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";

const ROOT = path.resolve(__dirname, "..", "..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

test("npm run bench -- --n 3 prints the whole table, all files accepted, docs untouched", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cchc-bench-"));
  const docsBefore = readFileSync(path.join(ROOT, "docs", "PERFORMANCE.md"), "utf8");
  try {
    const { stdout } = await promisify(execFile)(
      TSX,
      [
        "scripts/bench.ts",
        ...[
          "--n",
          "3",
          "--no-docs",
          "--fn-ms",
          "20",
          "--workers",
          "2",
          "--rounds",
          "1",
          "--no-build",
          "--dir",
          dir,
        ],
      ],
      { cwd: ROOT, timeout: 240_000 },
    );
    for (const label of [
      "`cchc consolidate`, whole process, s",
      "`cchc consolidate --workers 2`, two reading threads, s",
      "`cchc consolidate` again, into the rollup it wrote (a re-run), s",
      "script ÷ `cchc --workers 2`, wall / CPU",
      "Python openpyxl script, whole process, s",
      "**script ÷ cchc**, best wall time of each",
      "script ÷ cchc, CPU time",
      "totals of the two rollups",
      "peak RSS, cchc / script, MB",
      "minor page faults, cchc / script (best run)",
      "floor: read every file's bytes, s",
      "floor: unzip every part + scan its XML, s (CPU s)",
      "read, check, validate one workbook: CPU ms (intake phase ÷ N)",
      "floor per workbook: CPU ms",
      "**per-workbook CPU ÷ floor**",
      "marginal per-workbook CPU ÷ floor (warm-up left out of both)",
      "(a) ExcelJS load alone (the reader before issue 15), for reference, s",
      "(b) validate + consolidate + write rollup, 1 thread, s",
      "(b) with 2 threads (this one and 1 worker), s",
      "(c) peak RSS (a), MB",
      "(c) peak RSS (b), 1 thread, MB",
      "(c) peak RSS (b), 2 threads, MB",
      "(a) CPU time, s",
      "(b) CPU time, 1 thread, s",
      "(d) time per workbook (b), 1 thread, ms",
      "(d) time per workbook (b), 2 threads, ms",
      "| (e) RATE |",
      "| (e) ONTIME |",
      "validate a report: read its sheets (one batch)",
      "write the figures rollup sheet",
      "write the long-format rollup sheet (agency, period, indicator, value)",
      "write the long-format sheet with provenance columns",
    ]) {
      expect(stdout).toContain(label);
    }
    // With GNU time, the page faults are counted (not left as NaN).
    if (existsSync("/usr/bin/time"))
      expect(stdout).toMatch(/minor page faults, cchc \/ script \(best run\) \| [\d,]+ \//);
    // Each runtime's start-up on this machine is printed beside the ratios it bounds.
    expect(stdout).toMatch(/Start-up here, best of five: `node -e 0` \d+ ms/);
    expect(stdout).toMatch(/\| files valid \/ read \| 3 \/ 3 \|/);
    expect(stdout).toMatch(/\| agencies in the rollup \| 3 \|/);
    // The openpyxl script, where this machine has it, sums the same totals.
    expect(stdout).toMatch(/totals of the two rollups \| (identical \(96 indicators, 3 agencies\)|— )/);
    // The fake context's counts are deterministic: equal at both sizes while the data fit one request.
    // Reading: one sync while the response fits; 50,000 task rows of Vietnamese text are over 5 MB
    // in UTF-8 and are read in byte-sized bands (issue 13).
    expect(stdout).toMatch(/read its sheets \(one batch\) \| 1 \| \d+ \| no \|/);
    expect(stdout).toMatch(/write the figures rollup sheet \| 3 \| 3 \| yes \|/);
    expect(readFileSync(path.join(ROOT, "docs", "PERFORMANCE.md"), "utf8")).toBe(docsBefore);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 300_000);
