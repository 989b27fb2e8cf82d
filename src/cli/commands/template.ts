// `cchc template --plan P --agency A --period Q -o out.xlsx`: an agency's report workbook.
import type { Command } from "commander";
import { z } from "zod";
import { resolveAgency } from "../../domain/agencies";
import { assignmentsFor } from "../../domain/assignment";
import { parsePeriod, periodLabelVi } from "../../domain/period";
import { buildReportTemplate } from "../../domain/report/template";
import { XlsxWorkbook } from "../../workbook/xlsx/xlsxWorkbook";
import { resolveOutputTarget } from "../consolidate/outputTarget";
import { CliError, EXIT } from "../errors";
import { writeOutput } from "../outputFile";
import { requirePlan } from "../workbookFiles";

const Args = z.object({
  plan: z.string().min(1),
  agency: z.string().min(1),
  period: z.string().min(1),
  output: z.string().regex(/\.xlsx$/i, "output must end in .xlsx"),
});

export function register(program: Command): void {
  program
    .command("template")
    .description(
      "Tạo biểu mẫu báo cáo cho một cơ quan, một kỳ / Generate an agency's report workbook for a period",
    )
    .requiredOption("--plan <plan.xlsx>", "tệp kế hoạch / plan workbook")
    .requiredOption("--agency <code|name>", "mã hoặc tên cơ quan / agency code or name")
    .requiredOption("--period <period>", "kỳ báo cáo: 2023, 2023-Q2, 2023-H1, 2023-9M, Quý II/2023 …")
    .requiredOption("-o, --output <report.xlsx>", "tệp biểu mẫu tạo ra / output workbook")
    .addHelpText(
      "after",
      '\nVí dụ / Example:\n  cchc template --plan examples/plan-2023.xlsx --agency SNV --period 2023-Q2 -o out/SNV-2023-Q2.xlsx\n  cchc template --plan examples/plan-2023.xlsx --agency "Sở Tư pháp" --period "6 tháng đầu năm 2023" -o out/STP.xlsx',
    )
    .action(async (raw: Record<string, string>) => {
      const parsed = Args.safeParse(raw);
      if (!parsed.success)
        throw new CliError(
          `Tham số không hợp lệ: ${parsed.error.issues[0].message}`,
          `Invalid arguments: ${parsed.error.issues[0].message}`,
        );
      const args = parsed.data;
      const { plan, registry, catalogue } = await requirePlan(args.plan);
      const agency = resolveAgency(registry, args.agency);
      if (!agency)
        throw new CliError(
          `Không có cơ quan "${args.agency}" trong danh mục cơ quan của kế hoạch.`,
          `Agency "${args.agency}" is not in the plan's agency registry.`,
        );
      const period = parsePeriod(args.period);
      if (!period.ok)
        throw new CliError(
          `Kỳ báo cáo "${args.period}": ${period.reason_vi}`,
          `Period "${args.period}": ${period.reason_en}`,
        );
      const tasks = assignmentsFor(plan, agency.code);
      // Never over the plan it was made from (the same mistake as `consolidate -o` over a source).
      const target = await resolveOutputTarget(args.output, [
        { file: args.plan, role_vi: "tệp kế hoạch", role_en: "the plan workbook" },
      ]);
      const wb = XlsxWorkbook.create();
      await wb.writeSheets(buildReportTemplate({ plan, agency, period: period.period, catalogue }));
      await writeOutput(target.path, (f) => wb.saveAtomic(f));
      console.log(
        `${args.output}: ${agency.name} — ${periodLabelVi(period.period)} — ${tasks.length} nhiệm vụ (${tasks.filter((t) => t.role === "lead").length} chủ trì), ${catalogue.indicators.length} chỉ tiêu`,
      );
      process.exitCode = EXIT.ok;
    });
}
