// The `cchc` command line: a thin shell over the domain, through the .xlsx adapter.
import { Command, CommanderError } from "commander";
import { isWorkbookReadError } from "../workbook/xlsx/errors";
import { register as registerPlan } from "./commands/plan";
import { register as registerTemplate } from "./commands/template";
import { register as registerValidate } from "./commands/validate";
import { register as registerConsolidate } from "./commands/consolidate";
import { register as registerDemo } from "./commands/demo";
import { CliError, EXIT } from "./errors";

export function buildProgram(): Command {
  const program = new Command()
    .name("cchc")
    .description(
      "Báo cáo cải cách hành chính (CCHC): kế hoạch, biểu mẫu, kiểm tra, tổng hợp.\nCCHC reporting: plan, report templates, validation, consolidation.",
    )
    .option("--lang <vi|en>", "ngôn ngữ thông báo / message language", "vi")
    .exitOverride()
    .showHelpAfterError();
  registerPlan(program);
  registerTemplate(program);
  registerValidate(program);
  registerConsolidate(program);
  registerDemo(program);
  program.addHelpText(
    "after",
    `
Ví dụ / Examples:
  cchc plan examples/plan-2023.xlsx --json
  cchc template --plan examples/plan-2023.xlsx --agency SNV --period 2023-Q2 -o out/SNV.xlsx
  cchc validate --plan examples/plan-2023.xlsx out/SNV.xlsx
  cchc consolidate --plan examples/plan-2023.xlsx reports/ -o out/tong-hop.xlsx --dry-run
  cchc demo`,
  );
  return program;
}

/** Run the CLI; resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  process.exitCode = undefined;
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof CliError) {
      const lang = program.opts().lang === "en" ? "en" : "vi";
      process.stderr.write(`cchc: ${lang === "en" ? e.message_en : e.message_vi}\n`);
      return e.exitCode;
    }
    if (isWorkbookReadError(e)) {
      process.stderr.write(`cchc: ${e.message_vi}\n`);
      return EXIT.usage;
    }
    throw e;
  }
}
