// `cchc validate --plan P <report.xlsx>... [--json]`: problems per file.
// Exit 0: no errors; 1: errors found; 2: usage error or an unreadable file.
import type { Command } from "commander";
import { civilOfLocal } from "../../domain/civilDate";
import { parsePeriod, periodCode, type Period } from "../../domain/period";
import type { countBySeverity, Problem } from "../../domain/problem";
import { EXIT, periodError } from "../errors";
import type { Lang } from "../output";

interface FileResult {
  file: string;
  readable: boolean;
  agency: string | null;
  period: string | null;
  counts: ReturnType<typeof countBySeverity>;
  problems: Problem[];
}

/** Options, help and action of `cchc validate` on `cmd` (named and described from specs.ts). */
export function register(cmd: Command, program: Command): void {
  cmd
    .requiredOption("--plan <plan.xlsx>", "tệp kế hoạch / plan workbook")
    .option("--period <period>", "kỳ đang tổng hợp (kiểm tra khớp kỳ) / expected period")
    .option("--json", "in kết quả dạng JSON / print JSON")
    .argument("<report.xlsx...>", "các tệp báo cáo / report workbooks")
    .addHelpText(
      "after",
      "\nMã thoát / Exit codes: 0 không có lỗi / no errors; 1 có lỗi / errors found; 2 sai tham số hoặc tệp không đọc được / usage error or unreadable file\n\nVí dụ / Example:\n  cchc validate --plan examples/plan-2023.xlsx out/SNV-2023-Q2.xlsx\n  cchc validate --plan examples/plan-2023.xlsx --period 2023-Q2 --json reports/*.xlsx",
    )
    .action(async (files: string[], opts: { plan: string; period?: string; json?: boolean }) => {
      const lang = program.opts().lang as Lang;
      let expectedPeriod: Period | undefined;
      if (opts.period) {
        const p = parsePeriod(opts.period);
        if (!p.ok) throw await periodError(p);
        expectedPeriod = p.period;
      }
      // Loaded here, not at start-up: `cchc --help` and usage errors need neither ExcelJS nor zod.
      const { readErrorProblem, readWorkbookFile, requirePlan } = await import("../workbookFiles");
      const { validateReport } = await import("../../domain/validation/validateReport");
      const { countBySeverity, hasErrors } = await import("../../domain/problem");
      const { formatProblems, printJson, summaryLine } = await import("../output");
      const { plan, registry, catalogue } = await requirePlan(opts.plan);
      const results: FileResult[] = [];
      for (const file of files) {
        let result: FileResult;
        try {
          const wb = await readWorkbookFile(file);
          const now = new Date();
          const today = civilOfLocal(now);
          const v = validateReport(wb, { plan, registry, catalogue, expectedPeriod, today });
          result = {
            file,
            readable: true,
            agency: v.agency?.code ?? null,
            period: v.period ? periodCode(v.period) : null,
            counts: countBySeverity(v.problems),
            problems: v.problems,
          };
        } catch (e) {
          const p = readErrorProblem(e);
          if (!p) throw e;
          result = {
            file,
            readable: false,
            agency: null,
            period: null,
            counts: countBySeverity([p]),
            problems: [p],
          };
        }
        results.push(result);
        if (!opts.json) {
          console.log(`${file}: ${summaryLine(result.problems, lang)}`);
          if (result.problems.length) console.log(formatProblems(result.problems, lang));
        }
      }
      if (opts.json) printJson({ plan: opts.plan, files: results });
      process.exitCode = results.some((r) => !r.readable)
        ? EXIT.usage
        : results.some((r) => hasErrors(r.problems))
          ? EXIT.problems
          : EXIT.ok;
    });
}
