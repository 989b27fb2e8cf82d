// `cchc demo`: the main job end to end on generated data — ~30 agency workbooks from the bundled
// 2023 plan, consolidated into out/demo/tong-hop-nam-2023.xlsx, with a summary printed.
import type { Command } from "commander";
import * as path from "node:path";
import { EXIT } from "../errors";
import { printJson } from "../output";

/** Options, help and action of `cchc demo` on `cmd` (named and described from specs.ts). */
export function register(cmd: Command): void {
  cmd
    .option("--out <dir>", "thư mục kết quả / output folder", path.join("out", "demo"))
    .option("--json", "in kết quả dạng JSON / print JSON")
    .addHelpText(
      "after",
      `
Tạo khoảng 30 báo cáo mẫu (có báo cáo gửi quá hạn, báo cáo lỗi, một báo cáo gửi lại, một cơ quan chưa nộp),
tổng hợp thành bảng tổng hợp và in tóm tắt. / Generates ~30 agency reports (some late, a few invalid,
one revised resubmission, one agency missing), consolidates them and prints a summary.

Ví dụ / Examples:
  npm run demo
  cchc demo --out out/demo
  cchc consolidate --plan examples/plan-2023.xlsx out/demo/bao-cao -o out/demo/thu.xlsx --dry-run`,
    )
    .action(async (opts: { out: string; json?: boolean }) => {
      // Loaded here, not at start-up: `cchc --help` and usage errors need neither ExcelJS nor zod.
      const { progressFor } = await import("../consolidate/progress");
      const { outcomeTable, summaryJson, summaryText } = await import("../consolidate/summary");
      const { loadExampleBundle } = await import("../demo/bundle");
      const { runDemo } = await import("../demo/run");
      const { runMergedDemo } = await import("../demo/merged");
      const { ensureOutputDir } = await import("../outputFile");
      const { outputWriteError } = await import("../consolidate/outputTarget");
      const bundle = await loadExampleBundle();
      // A folder that cannot be written (a file there, read-only, full) is exit 2 naming it, not a bug.
      await ensureOutputDir(opts.out);
      const written = async <T>(work: () => Promise<T>): Promise<T> =>
        work().catch((e: unknown) => {
          throw outputWriteError(opts.out, e) ?? e;
        });
      const result = await written(() => runDemo(bundle, opts.out, progressFor(process.stderr, !opts.json)));
      const merged = await written(() => runMergedDemo(opts.out, progressFor(process.stderr, !opts.json)));
      const r = result.round2.rollup;
      const m = merged.outcome.rollup;
      if (opts.json) {
        printJson({
          ...summaryJson(r, { output: result.rollupFile, reports: result.reports.length }),
          merged: summaryJson(m, {
            output: merged.rollupFile,
            previous: merged.previousFile,
            plan2027: merged.planFile,
            reports: merged.reports,
            comparisonGroups: m.comparison?.length ?? 0,
          }),
        });
      } else {
        console.log(
          `Đã tạo ${result.reports.length} tệp báo cáo trong ${path.dirname(result.reports[0])}/ và bao-cao-bo-sung/`,
        );
        console.log("\nLượt 1 / Round 1:");
        console.log(outcomeTable(result.round1.rollup));
        console.log(
          "\nLượt 2 (gửi bổ sung, tổng hợp tiếp vào bảng có sẵn) / Round 2 (resubmission merged into the rollup):",
        );
        console.log(outcomeTable(r));
        console.log("");
        console.log(summaryText(r));
        console.log(`\nBảng tổng hợp: ${result.rollupFile} (cùng kỳ năm trước: ${result.previousFile})`);
        console.log(
          `\nTỉnh Vĩnh Long mới (từ 01/7/2025) / The merged province: ${merged.reports} báo cáo năm 2026 (sở, ban và 124 xã, phường)`,
        );
        console.log(summaryText(m));
        console.log(
          `\nBảng tổng hợp 2026: ${merged.rollupFile} (cùng kỳ 2025, đơn vị cũ đến 30/6 và mới từ 01/7: ${merged.previousFile})\nKế hoạch 2027: ${merged.planFile}`,
        );
      }
      process.exitCode = EXIT.ok;
    });
}
