// The `cchc` command line: a thin shell over the domain, through the .xlsx adapter.
// Start-up stays cheap: only the module of the command being run is loaded (the others are listed from
// commands/specs.ts), and it loads what its action needs (ExcelJS, zod, the domain) when the action
// starts, so `--help`, `--version` and usage errors answer at about the cost of starting Node
// (`npm run bench:startup` measures it).
import { Command, CommanderError } from "commander";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { COMMANDS } from "./commands/specs";
import { CliError, EXIT } from "./errors";
import { zodEnglishOnly } from "./zodLocales";

/** The package's version, from package.json (two folders up from src/cli and build/cli alike). */
function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"));
    return typeof pkg.version === "string" ? pkg.version : "0.0.0";
  } catch {
    return "0.0.0";
  }
}

/** The command `argv` runs (`cchc --lang en validate …` → validate; `cchc help plan` → plan), if any. */
export function commandNamed(argv: readonly string[]): string | undefined {
  const words: string[] = [];
  for (let i = 2; i < argv.length && words.length < 2; i++) {
    const a = argv[i];
    if (a === "--lang")
      i++; // its value
    else if (!a.startsWith("-")) words.push(a);
    if (words.length === 1 && words[0] !== "help") break;
  }
  return words[0] === "help" ? words[1] : words[0];
}

/**
 * The program. With `argv`, only the command it names is loaded in full; every other command is
 * listed (name and description) for `cchc --help` and unknown-command suggestions.
 */
export async function buildProgram(argv?: readonly string[]): Promise<Command> {
  const program = new Command()
    .name("cchc")
    .description(
      "Báo cáo cải cách hành chính (CCHC): kế hoạch, biểu mẫu, kiểm tra, tổng hợp.\nCCHC reporting: plan, report templates, validation, consolidation.",
    )
    .version(packageVersion(), "-V, --version", "phiên bản / version")
    .option("--lang <vi|en>", "ngôn ngữ thông báo / message language", "vi")
    .exitOverride()
    .showHelpAfterError();
  const wanted = argv ? commandNamed(argv) : undefined;
  for (const spec of COMMANDS) {
    const cmd = program.command(spec.name).description(spec.description);
    if (!argv || spec.name === wanted) (await spec.load()).register(cmd, program);
  }
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
  // zod loads with a command's module: its English-only stand-in goes in first. `--help`, `--version`
  // and an unknown command load no command, and skip the ~6 ms that costs.
  const named = commandNamed(argv);
  if (COMMANDS.some((spec) => spec.name === named)) zodEnglishOnly();
  const program = await buildProgram(argv);
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
    // Loaded on the error path only: the problem catalogue is not part of start-up.
    const { isWorkbookReadError } = await import("../workbook/xlsx/errors");
    if (isWorkbookReadError(e)) {
      process.stderr.write(`cchc: ${e.message_vi}\n`);
      return EXIT.usage;
    }
    throw e;
  }
}
