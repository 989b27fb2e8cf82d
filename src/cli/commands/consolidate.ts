// `cchc consolidate --plan P <files or folders>... -o rollup.xlsx [--previous last.xlsx] [--dry-run] [--json]`
// Exit 0: all merged; 1: some file rejected, conflicting or for another period; 2: usage error or
// unreadable plan, output or previous rollup, or the output locked by another run (an unreadable
// agency file is a rejection, exit 1).
import { stat } from "node:fs/promises";
import * as path from "node:path";
import type { Command } from "commander";
import type { ReturnMark } from "../../domain/consolidation/mergeRules";
import { parsePeriod, type Period } from "../../domain/period";
import { parseVnDate } from "../../domain/text/vnDate";
import { CliError, EXIT, periodError } from "../errors";
import { printJson } from "../output";

interface Options {
  plan: string;
  output?: string;
  previous?: string;
  period?: string;
  unit?: string;
  deadline?: string;
  return: string[];
  dryRun?: boolean;
  json?: boolean;
  csv?: string;
  workers: string;
}

const collect = (value: string, prev: string[]) => [...prev, value];

/** Options, help and action of `cchc consolidate` on `cmd` (named and described from specs.ts). */
export function register(cmd: Command, program: Command): void {
  cmd
    .requiredOption("--plan <plan.xlsx>", "tệp kế hoạch / plan workbook")
    .option(
      "-o, --output <rollup.xlsx>",
      "bảng tổng hợp (có sẵn thì tổng hợp tiếp vào) / rollup (merged into if it exists)",
    )
    .option(
      "--previous <last.xlsx>",
      "bảng tổng hợp cùng kỳ năm trước / last year's rollup, for year-on-year change",
    )
    .option("--period <period>", "kỳ tổng hợp, ví dụ 2023, 2023-Q2 / period (default: from the files)")
    .option(
      "--unit <code>",
      "mã đơn vị tổng hợp (mặc định: tỉnh) / consolidating unit (default: the province)",
    )
    .option(
      "--deadline <dd/mm/yyyy>",
      "hạn gửi báo cáo (mặc định ngày 20 tháng cuối kỳ) / reporting deadline (default the 20th of the last month)",
    )
    .option(
      "--return <AGENCY=lý do>",
      "trả lại báo cáo của cơ quan kèm lý do (lặp lại được) / return a submission with a reason",
      collect,
      [],
    )
    .option(
      "--dry-run",
      "chỉ báo cáo sẽ thêm/thay thế/giữ nguyên/từ chối gì, không ghi tệp / report only, write nothing",
    )
    .option("--json", "in kết quả dạng JSON / print JSON")
    .option(
      "--csv <folder>",
      "ghi thêm hai bảng dữ liệu dài dạng CSV cho Power BI, ô văn bản bắt đầu bằng = + - @ được vô hiệu hóa bằng dấu ' / also write the long tables as CSV for Power BI, formula-like text neutralised with a leading '",
    )
    .option(
      "--workers <n>",
      "số luồng đọc tệp song song; auto: ít hơn số lõi CPU một luồng, tối đa 4, và 1 trên máy 2 lõi / threads reading files; auto: one fewer than the CPU cores, at most 4, and 1 on two cores",
      "auto",
    )
    .argument("<files-or-folders...>", "tệp báo cáo hoặc thư mục chứa chúng / report files or folders")
    .addHelpText(
      "after",
      `
Mã thoát / Exit codes: 0 tổng hợp hết / all merged; 1 có tệp bị từ chối, xung đột hoặc sai kỳ / some file rejected,
conflicting or for another period; 2 sai tham số, tệp kế hoạch hoặc tệp kết quả không đọc được, hoặc tệp kết quả
đang bị một lần tổng hợp khác khóa (tệp .lock bên cạnh) / usage error, or the output is locked by another run.

Ví dụ / Examples:
  cchc consolidate --plan examples/plan-2023.xlsx bao-cao/ -o tong-hop-2023.xlsx
  cchc consolidate --plan examples/plan-2023.xlsx bao-cao/ -o tong-hop-2023.xlsx --dry-run
  cchc consolidate --plan examples/plan-2023.xlsx SNV-lan-2.xlsx -o tong-hop-2023.xlsx --previous tong-hop-2022.xlsx
  cchc consolidate --plan examples/plan-2023.xlsx -o tong-hop-2023.xlsx --return "SXD=Thiếu minh chứng nhiệm vụ III.2" bao-cao/
  cchc consolidate --plan examples/plan-2023.xlsx --unit H_BINHMINH xa/ -o tong-hop-binh-minh.xlsx   (cấp huyện, rồi gửi lên tỉnh)`,
    )
    .action(async (inputs: string[], opts: Options) => {
      if (!opts.output && !opts.dryRun) {
        throw new CliError(
          "Thiếu tệp kết quả: dùng -o tong-hop.xlsx (hoặc --dry-run).",
          "No output: pass -o rollup.xlsx (or --dry-run).",
        );
      }
      // A folder gets its own message (outputTarget.ts); anything else must be named .xlsx.
      const isFolder = opts.output
        ? await stat(opts.output).then(
            (st) => st.isDirectory(),
            () => false,
          )
        : false;
      if (opts.output && !isFolder && !/\.xlsx$/i.test(opts.output)) {
        throw new CliError(
          `Tệp kết quả "${opts.output}" phải có đuôi .xlsx (bảng tổng hợp là sổ tính Excel .xlsx, không có macro).`,
          `The output "${opts.output}" must end in .xlsx (the rollup is an Excel .xlsx workbook, without macros).`,
        );
      }
      let period: Period | undefined;
      if (opts.period) {
        const p = parsePeriod(opts.period);
        if (!p.ok) throw await periodError(p);
        period = p.period;
      }
      const reportingDeadline = opts.deadline ? parseVnDate(opts.deadline) : undefined;
      if (opts.deadline && !reportingDeadline) {
        throw new CliError(
          `Hạn gửi "${opts.deadline}" không hợp lệ; ghi dd/mm/yyyy.`,
          `Deadline "${opts.deadline}" is not a date; use dd/mm/yyyy.`,
        );
      }
      const returns: ReturnMark[] = opts.return.map((r) => {
        const m = /^([A-Za-z0-9_]+)\s*=\s*(.+)$/s.exec(r.trim());
        if (!m)
          throw new CliError(
            `--return "${r}": ghi dạng MÃ_CƠ_QUAN=lý do.`,
            `--return "${r}": use AGENCY=reason.`,
          );
        return { agency: m[1].toUpperCase(), reason: m[2].trim() };
      });
      const { autoThreads, closeIntakePool, MIN_PARALLEL_FILES, startIntakePool } =
        await import("../consolidate/parallelIntake");
      const threads = opts.workers.trim().toLowerCase() === "auto" ? autoThreads() : Number(opts.workers);
      if (!Number.isInteger(threads) || threads < 1 || threads > 64)
        throw new CliError(
          `--workers "${opts.workers}": ghi auto hoặc một số nguyên từ 1 đến 64.`,
          `--workers "${opts.workers}": use auto or a whole number from 1 to 64.`,
        );
      // Loaded here, not at start-up: `cchc --help` and usage errors need neither ExcelJS nor zod.
      const { holdsAtLeast } = await import("../consolidate/discover");
      const { requirePlan } = await import("../workbookFiles");
      const { ensureOutputDir, ensureOutputFolder } = await import("../outputFile");
      const { runConsolidation } = await import("../consolidate/run");
      const { progressFor } = await import("../consolidate/progress");
      const { hasMergeProblems, outcomeTable, skippedText, summaryJson, summaryText } =
        await import("../consolidate/summary");
      // Workers start now, so their module loading overlaps reading the plan; a handful of files is
      // read on this thread alone (a worker's start-up would cost more than it saves).
      const few = threads === 1 || !(await holdsAtLeast(inputs, MIN_PARALLEL_FILES));
      const pool = startIntakePool(few ? 1 : threads);
      let outcome: Awaited<ReturnType<typeof runConsolidation>>;
      try {
        const bundle = await requirePlan(opts.plan);
        if (opts.output && !opts.dryRun) await ensureOutputFolder(opts.output);
        // The CSV folder too, before anything is written: a file there or no permission is exit 2.
        if (opts.csv && !opts.dryRun) await ensureOutputDir(opts.csv);
        outcome = await runConsolidation({
          bundle,
          inputs,
          output: opts.output,
          planFile: opts.plan,
          previous: opts.previous,
          period,
          unit: opts.unit,
          reportingDeadline,
          returns,
          dryRun: opts.dryRun,
          workers: pool,
          progress: progressFor(process.stderr, !opts.json),
        });
      } finally {
        await closeIntakePool(pool);
      }
      const r = outcome.rollup;
      if (opts.csv && !opts.dryRun) {
        const { longTablesCsv } = await import("../../domain/consolidation/csvExport");
        const { writeFileAtomic } = await import("../../workbook/xlsx/atomicWrite");
        const { outputWriteError } = await import("../consolidate/outputTarget");
        for (const f of longTablesCsv(r)) {
          const file = path.join(opts.csv, f.name);
          try {
            await writeFileAtomic(file, Buffer.from(f.text, "utf8"));
          } catch (e) {
            throw outputWriteError(file, e) ?? e;
          }
        }
      }
      if (opts.json) {
        printJson(
          summaryJson(r, {
            dryRun: !!opts.dryRun,
            output: outcome.written,
            files: outcome.files,
            skipped: outcome.skipped,
          }),
        );
      } else {
        const lang = program.opts().lang === "en" ? "en" : "vi";
        console.log(outcomeTable(r, lang));
        if (outcome.skipped.length) console.log(`\n${skippedText(outcome.skipped, lang)}`);
        console.log("");
        if (!opts.dryRun) console.log(summaryText(r, lang));
        const merged = outcome.mergedIntoExisting;
        console.log(
          opts.dryRun
            ? "Chạy thử (--dry-run): không ghi tệp nào. / Dry run: nothing written."
            : lang === "en"
              ? `Wrote ${outcome.written}${merged ? " (merged into the existing rollup)" : ""}.`
              : `Đã ghi ${outcome.written}${merged ? " (tổng hợp tiếp vào bảng có sẵn)" : ""}.`,
        );
      }
      process.exitCode = hasMergeProblems(r) ? EXIT.problems : EXIT.ok;
    });
}
