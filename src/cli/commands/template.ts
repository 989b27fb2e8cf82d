// `cchc template --plan P --agency A --period Q -o out.xlsx`: an agency's report workbook.
import type { Command } from "commander";
import { parsePeriod, periodCode, periodLabelVi } from "../../domain/period";
import { InvalidArgumentError } from "commander";
import { CliError, EXIT, periodError } from "../errors";

/** `-o` must name an .xlsx file: checked while parsing, so the usage error costs no module loading. */
function xlsxPath(value: string): string {
  if (!/\.xlsx$/i.test(value))
    throw new InvalidArgumentError("tên tệp phải có đuôi .xlsx / output must end in .xlsx");
  return value;
}

/** The arguments, as a zod schema (zod is loaded when the command runs, not at start-up). */
const argsSchema = (z: typeof import("zod").z) =>
  z.object({
    plan: z.string().min(1),
    agency: z.string().min(1),
    period: z.string().min(1),
    output: z.string().regex(/\.xlsx$/i, "output must end in .xlsx"),
  });

/** Options, help and action of `cchc template` on `cmd` (named and described from specs.ts). */
export function register(cmd: Command): void {
  cmd
    .requiredOption("--plan <plan.xlsx>", "tệp kế hoạch / plan workbook")
    .requiredOption("--agency <code|name>", "mã hoặc tên cơ quan / agency code or name")
    .requiredOption("--period <period>", "kỳ báo cáo: 2023, 2023-Q2, 2023-H1, 2023-9M, Quý II/2023 …")
    .requiredOption("-o, --output <report.xlsx>", "tệp biểu mẫu tạo ra / output workbook", xlsxPath)
    .addHelpText(
      "after",
      '\nVí dụ / Example:\n  cchc template --plan examples/plan-2023.xlsx --agency SNV --period 2023-Q2 -o out/SNV-2023-Q2.xlsx\n  cchc template --plan examples/plan-2023.xlsx --agency "Sở Tư pháp" --period "6 tháng đầu năm 2023" -o out/STP.xlsx',
    )
    .action(async (raw: Record<string, string>) => {
      const { z } = await import("zod");
      const parsed = argsSchema(z).safeParse(raw);
      if (!parsed.success)
        throw new CliError(
          `Tham số không hợp lệ: ${parsed.error.issues[0].message}`,
          `Invalid arguments: ${parsed.error.issues[0].message}`,
        );
      const args = parsed.data;
      const [{ resolveAgency }, { assignmentsFor }, { buildReportTemplate }, { XlsxWorkbook }] =
        await Promise.all([
          import("../../domain/agencies"),
          import("../../domain/assignment"),
          import("../../domain/report/template"),
          import("../../workbook/xlsx/xlsxWorkbook"),
        ]);
      const { resolveOutputTarget } = await import("../consolidate/outputTarget");
      const { writeOutput } = await import("../outputFile");
      const { requirePlan } = await import("../workbookFiles");
      const { plan, registry, catalogue } = await requirePlan(args.plan);
      const agency = resolveAgency(registry, args.agency);
      if (!agency)
        throw new CliError(
          `Không có cơ quan "${args.agency}" trong danh mục cơ quan của kế hoạch.`,
          `Agency "${args.agency}" is not in the plan's agency registry.`,
        );
      const period = parsePeriod(args.period);
      if (!period.ok) throw await periodError(period);
      const tasks = assignmentsFor(plan, agency.code);
      // Never over the plan it was made from (the same mistake as `consolidate -o` over a source).
      const named = `${agency.code}-${periodCode(period.period)}.xlsx`;
      const target = await resolveOutputTarget(
        args.output,
        [{ file: args.plan, role_vi: "tệp kế hoạch", role_en: "the plan workbook" }],
        { vi: named, en: named },
      );
      // Nor over anything but a blank template: an agency's filled-in report, a rollup or another
      // workbook at that name is refused, nothing written.
      if (target.existing) {
        const { refuseForeignOutput } = await import("../outputFile");
        const { isBlankReport } = await import("../../domain/report/blank");
        await refuseForeignOutput(
          args.output,
          target.path,
          {
            vi: "một biểu mẫu báo cáo còn trống (có thể là báo cáo đã điền của một cơ quan, bảng tổng hợp hoặc tệp khác)",
            en: "a blank report template (perhaps an agency's filled-in report, a rollup or another file)",
          },
          isBlankReport,
        );
      }
      const wb = XlsxWorkbook.create();
      await wb.writeSheets(buildReportTemplate({ plan, agency, period: period.period, catalogue }));
      await writeOutput(target.path, (f) => wb.saveAtomic(f));
      console.log(
        `${args.output}: ${agency.name} — ${periodLabelVi(period.period)} — ${tasks.length} nhiệm vụ (${tasks.filter((t) => t.role === "lead").length} chủ trì), ${catalogue.indicators.length} chỉ tiêu`,
      );
      process.exitCode = EXIT.ok;
    });
}
