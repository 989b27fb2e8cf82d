// `cchc plan <plan.xlsx> [--json]`: the parsed plan and its problems.
import type { Command } from "commander";
import type { AgencyCell } from "../../domain/agencies";
import { isoDate } from "../../domain/civilDate";
import type { Plan } from "../../domain/plan";
import { hasErrors } from "../../domain/problem";
import { EXIT } from "../errors";
import { formatProblems, printJson, summaryLine, type Lang } from "../output";

/** Options of `cchc plan new` (the command itself is loaded on demand from ./planNew). */
interface NewOptions {
  year?: string;
  from?: string;
  output?: string;
  registry?: string;
}

/** Options, help and action of `cchc plan` on `cmd` (named and described from specs.ts). */
export function register(cmd: Command, program: Command): void {
  cmd
    .argument("<plan.xlsx>", 'tệp kế hoạch, hoặc "new" để lập kế hoạch năm mới / plan workbook, or "new"')
    .option("--json", "in kết quả dạng JSON / print JSON")
    .option("--year <yyyy>", "plan new: năm của kế hoạch mới / year of the new plan")
    .option("--from <plan.xlsx>", "plan new: kế hoạch năm trước / last year's plan workbook")
    .option("-o, --output <plan.xlsx>", "plan new: tệp kế hoạch mới / the new plan workbook")
    .option(
      "--registry <plan.xlsx>",
      "plan new: lấy danh mục cơ quan, chỉ tiêu, kỳ báo cáo từ tệp này (mặc định: danh mục kèm theo) / take registry, catalogue and schedule from this workbook (default: the bundled ones)",
    )
    .addHelpText(
      "after",
      "\nVí dụ / Example:\n  cchc plan examples/plan-2023.xlsx\n  cchc plan examples/plan-2023.xlsx --json\n  cchc plan new --year 2027 --from examples/plan-2023.xlsx -o ke-hoach-2027.xlsx",
    )
    .action(async (file: string, opts: { json?: boolean } & NewOptions) => {
      const lang = program.opts().lang as Lang;
      if (file === "new") {
        const { planNewCommand } = await import("./planNew");
        return planNewCommand(opts, lang);
      }
      // Loaded here, not at start-up: `cchc --help` and usage errors need neither ExcelJS nor zod.
      const { loadPlanFile } = await import("../workbookFiles");
      const { planTasks } = await import("../../domain/plan");
      const pw = await loadPlanFile(file);
      const summary = pw.plan ? planSummary(pw.plan, planTasks) : null;
      if (opts.json) {
        printJson({ file, plan: pw.plan ? planJson(pw.plan) : null, summary, problems: pw.problems });
      } else {
        if (pw.plan && summary) {
          console.log(`${file}: ${pw.plan.title || `Kế hoạch năm ${pw.plan.year}`}`);
          for (const s of pw.plan.sections)
            console.log(`  ${s.code.padEnd(5)} ${String(s.tasks.length).padStart(3)}  ${s.title}`);
          console.log(
            lang === "vi"
              ? `  Tổng: ${summary.tasks} nhiệm vụ; thời hạn chưa đọc được: ${summary.deadlinesUnparsed}; cơ quan chưa nhận ra: ${summary.agenciesUnresolved}`
              : `  Total: ${summary.tasks} tasks; unparsed deadlines: ${summary.deadlinesUnparsed}; unresolved agencies: ${summary.agenciesUnresolved}`,
          );
        }
        console.log(`  ${summaryLine(pw.problems, lang)}`);
        if (pw.problems.length) console.log(formatProblems(pw.problems, lang));
      }
      process.exitCode = !pw.plan ? EXIT.usage : hasErrors(pw.problems) ? EXIT.problems : EXIT.ok;
    });
}

function planSummary(plan: Plan, planTasks: typeof import("../../domain/plan").planTasks) {
  const tasks = planTasks(plan);
  return {
    year: plan.year,
    sections: plan.sections.length,
    tasks: tasks.length,
    deadlinesParsed: tasks.filter((t) => t.deadline).length,
    deadlinesUnparsed: tasks.filter((t) => !t.deadline).length,
    agenciesUnresolved: tasks.reduce(
      (n, t) => n + t.lead.unresolved.length + t.coordinators.unresolved.length,
      0,
    ),
  };
}

const cellJson = (c: AgencyCell) => ({
  agencies: c.agencies,
  groups: c.groups.map((g) => ({ phrase: g.phrase, related: g.related, members: g.members })),
  unresolved: c.unresolved,
});

function planJson(plan: Plan) {
  return {
    year: plan.year,
    title: plan.title,
    sheet: plan.sheet,
    sections: plan.sections.map((s) => ({
      code: s.code,
      title: s.title,
      tasks: s.tasks.map((t) => ({
        code: t.code,
        title: t.title,
        product: t.product,
        row: t.row + 1,
        lead: { text: t.leadText, ...cellJson(t.lead) },
        coordinators: { text: t.coordinatorsText, ...cellJson(t.coordinators) },
        deadline: {
          text: t.deadlineText,
          parsed: t.deadline !== null,
          dueDates: t.deadline?.dueDates.map(isoDate) ?? [],
          recurring: t.deadline?.recurring ?? false,
          event: t.deadline?.event ?? null,
        },
      })),
    })),
  };
}
