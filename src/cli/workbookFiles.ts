// Reading workbooks from disk for the commands: every sheet as a grid, plus merged ranges.
import type { PlanWorkbook } from "../domain/planWorkbook";
import { readPlanWorkbook } from "../domain/planWorkbook";
import type { Problem } from "../domain/problem";
import { isWorkbookReadError, readErrorProblem as readErrorProblemOf } from "../workbook/xlsx/errors";
import { readWholeWorkbook, type WholeWorkbook } from "../workbook/wholeWorkbook";
import { XlsxReader } from "../workbook/xlsx/xlsxReader";
import { openablePath, recoverNonUtf8Arg } from "./consolidate/rawPaths";
import { CliError } from "./errors";

/** Read every sheet of an .xlsx file (values only, no ExcelJS). Throws WorkbookReadError for
 * unreadable files. */
export async function readWorkbookFile(file: string): Promise<WholeWorkbook> {
  // A file name in Latin-1 bytes typed on the command line is opened through its bytes.
  const shown = (await recoverNonUtf8Arg(file)) ?? file;
  return readWholeWorkbook(await XlsxReader.open(openablePath(shown), { name: shown }));
}

/** A WorkbookReadError as a problem record, so unreadable files are reported like any other. */
export function readErrorProblem(e: unknown): Problem | null {
  if (!isWorkbookReadError(e)) return null;
  return readErrorProblemOf(e);
}

/** Load and parse the plan workbook; a plan that cannot be used is a usage error (exit 2). */
export async function loadPlanFile(file: string): Promise<PlanWorkbook & { file: string }> {
  let loaded: WholeWorkbook;
  try {
    loaded = await readWorkbookFile(file);
  } catch (e) {
    if (isWorkbookReadError(e)) throw new CliError(`Kế hoạch: ${e.message_vi}`, `Plan: ${e.message_en}`);
    throw e;
  }
  return { ...readPlanWorkbook(loaded.grids), file };
}

/** The plan, registry and catalogue, or a usage error naming what is missing. */
export async function requirePlan(file: string) {
  const pw = await loadPlanFile(file);
  if (!pw.plan || !pw.registry || !pw.catalogue) {
    const first = pw.problems.find((p) => p.severity === "error");
    throw new CliError(
      `Không dùng được tệp kế hoạch ${file}: ${first?.message_vi ?? "thiếu dữ liệu"}. Chạy "cchc plan ${file}" để xem chi tiết.`,
      `Cannot use plan workbook ${file}: ${first?.message_en ?? "data missing"}. Run "cchc plan ${file}" for details.`,
    );
  }
  return {
    plan: pw.plan,
    registry: pw.registry,
    catalogue: pw.catalogue,
    schedule: pw.schedule,
    problems: pw.problems,
  };
}
