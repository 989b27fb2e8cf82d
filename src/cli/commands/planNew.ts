// `cchc plan new --year Y --from last.xlsx -o new.xlsx [--registry current.xlsx]`: last year's plan
// carried into a new year (loaded on demand by commands/plan.ts).
import { loadRegistry } from "../../domain/agencies";
import { newYearPlan, type CurrentPlanData } from "../../domain/planNew";
import { readPlanWorkbook } from "../../domain/planWorkbook";
import { hasErrors } from "../../domain/problem";
import { dataIssueText } from "../../domain/problemCatalogue";
import { XlsxWorkbook } from "../../workbook/xlsx/xlsxWorkbook";
import { CliError, EXIT } from "../errors";
import { currentData } from "../exampleData";
import { resolveOutputTarget } from "../consolidate/outputTarget";
import { refuseForeignOutput, writeOutput } from "../outputFile";
import { formatProblems, printJson, summaryLine, type Lang } from "../output";
import { loadPlanFile, readWorkbookFile, requirePlan } from "../workbookFiles";

interface NewOptions {
  year?: string;
  from?: string;
  output?: string;
  registry?: string;
}

export /** `cchc plan new --year Y --from last.xlsx -o new.xlsx`: last year's tasks carried into year Y. */
async function planNewCommand(opts: { json?: boolean } & NewOptions, lang: Lang): Promise<void> {
  const year = Number(opts.year);
  if (!opts.year || !Number.isInteger(year) || year < 2000 || year > 2100)
    throw new CliError(
      "plan new: ghi --year, ví dụ --year 2027.",
      "plan new: pass --year, e.g. --year 2027.",
    );
  if (!opts.from)
    throw new CliError("plan new: ghi --from <kế hoạch năm trước>.", "plan new: pass --from <last plan>.");
  if (!opts.output) throw new CliError("plan new: ghi -o <tệp mới>.", "plan new: pass -o <new file>.");
  // Never over the plans it reads (identity: symlinks and hard links too), never over a workbook that
  // is not a plan (an agency's report, a rollup); I/O failures writing it are exit 2 with the fix.
  const target = await resolveOutputTarget(
    opts.output,
    [
      { file: opts.from, role_vi: "kế hoạch năm trước (--from)", role_en: "last year's plan (--from)" },
      ...(opts.registry
        ? [
            {
              file: opts.registry,
              role_vi: "tệp danh mục (--registry)",
              role_en: "the registry workbook (--registry)",
            },
          ]
        : []),
    ],
    { vi: `ke-hoach-${year}.xlsx`, en: `plan-${year}.xlsx` },
  );
  if (target.existing)
    await refuseForeignOutput(
      opts.output,
      target.path,
      {
        vi: "một tệp kế hoạch CCHC (có thể là báo cáo của một cơ quan, bảng tổng hợp hoặc tệp khác)",
        en: "a CCHC plan workbook (perhaps an agency's report, a rollup or another file)",
      },
      (grids) => readPlanWorkbook(grids).plan !== null,
    );
  const old = await requirePlan(opts.from);
  const { grids } = await readWorkbookFile(opts.from);
  let current: CurrentPlanData;
  if (opts.registry) {
    const src = await loadPlanFile(opts.registry);
    if (!src.registry || !src.catalogue)
      throw new CliError(
        `Tệp ${opts.registry} thiếu danh mục.`,
        `${opts.registry} has no registry or catalogue.`,
      );
    current = { registry: src.registry, catalogue: src.catalogue, schedule: src.schedule };
  } else current = currentData();
  const loaded = loadRegistry(current.registry);
  if (!loaded.ok) {
    const first = dataIssueText(loaded.issues[0]);
    throw new CliError(`Danh mục cơ quan lỗi: ${first.vi}`, `Registry invalid: ${first.en}`);
  }
  const made = newYearPlan(grids, old.plan.year, year, current, loaded.registry);
  if (!made)
    throw new CliError(`Không đọc được bảng kế hoạch trong ${opts.from}.`, `No plan table in ${opts.from}.`);
  const wb = XlsxWorkbook.create();
  await wb.writeSheets(made.sheets);
  await writeOutput(target.path, (f) => wb.saveAtomic(f));
  const { tasks, problems } = made;
  const summary = {
    file: opts.output,
    fromYear: old.plan.year,
    year,
    tasks,
    flaggedForReview: made.flagged,
    deadlinesShifted: made.shiftedDeadlines,
    agenciesReplaced: made.replacedAgencies,
    problems,
  };
  if (opts.json) printJson(summary);
  else {
    console.log(
      lang === "vi"
        ? `Đã ghi ${opts.output}: kế hoạch năm ${year} từ kế hoạch năm ${old.plan.year}; ${tasks} nhiệm vụ, ${made.shiftedDeadlines} thời hạn đã dời năm, ${made.replacedAgencies} lượt cơ quan thay bằng đơn vị kế thừa, ${made.flagged} dòng cần rà soát (cột "Rà soát khi chuyển năm").`
        : `Wrote ${opts.output}: the ${year} plan from ${old.plan.year}'s; ${tasks} tasks, ${made.shiftedDeadlines} deadlines shifted, ${made.replacedAgencies} agencies replaced by successors, ${made.flagged} rows flagged for review.`,
    );
    console.log(`  ${summaryLine(problems, lang)}`);
    if (problems.length) console.log(formatProblems(problems, lang));
  }
  process.exitCode = hasErrors(problems) ? EXIT.problems : EXIT.ok;
}
