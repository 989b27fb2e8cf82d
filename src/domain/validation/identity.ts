// Identity checks (định danh): is this report for a known agency, the right period and plan year?
import { resolveAgency, type Agency } from "../agencies";
import { samePeriod } from "../period";
import { problem, type Problem } from "../problem";
import type { ReportModel } from "../report/read";
import { REPORT_FORM_KIND, REPORT_SCHEMA_VERSION } from "../report/layout";
import { foldKey } from "../text/normalize";
import { DEFAULT_VERSIONS, type ValidationContext } from "./context";
import { compareCivil } from "../civilDate";

export function checkIdentity(
  report: ReportModel,
  ctx: ValidationContext,
): { agency: Agency | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const sheet = report.sheets.info ?? null;
  const f = report.info.fields;

  if (f.formKind?.text && foldKey(f.formKind.text) !== foldKey(REPORT_FORM_KIND)) {
    problems.push(
      problem(
        "NOT_A_REPORT",
        { kind: f.formKind.text, expected: REPORT_FORM_KIND },
        { sheet, cell: f.formKind.cell, value: f.formKind.raw },
      ),
    );
  }
  if (f.schemaVersion?.text && Number(f.schemaVersion.text) > REPORT_SCHEMA_VERSION) {
    problems.push(
      problem(
        "FORM_VERSION_NEWER",
        { version: f.schemaVersion.text, supported: REPORT_SCHEMA_VERSION },
        { sheet, cell: f.schemaVersion.cell, value: f.schemaVersion.raw },
      ),
    );
  }

  let agency: Agency | null = null;
  const codeText = f.agencyCode?.text ?? "";
  const nameText = f.agencyName?.text ?? "";
  if (codeText || nameText) {
    // The code is the identity: a name only stands in when no code was typed.
    const byCode = codeText ? resolveAgency(ctx.registry, codeText) : undefined;
    const byName = nameText ? resolveAgency(ctx.registry, nameText) : undefined;
    agency = codeText ? (byCode ?? null) : (byName ?? null);
    if (!agency) {
      const suggestion = codeText && byName ? byName : null;
      problems.push(
        problem(
          "AGENCY_UNKNOWN",
          suggestion
            ? { text: codeText, suggestion: { code: suggestion.code, name: suggestion.name } }
            : { text: codeText || nameText },
          { sheet, cell: (codeText ? f.agencyCode : f.agencyName)!.cell, value: codeText || nameText },
        ),
      );
    } else if (codeText && nameText && byName?.code !== agency.code) {
      problems.push(
        problem(
          "AGENCY_NAME_MISMATCH",
          { name: nameText, agency: { code: agency.code, name: agency.name } },
          { sheet, cell: f.agencyName!.cell, value: nameText },
        ),
      );
    }
  }

  const period = report.info.period;
  if (period && ctx.expectedPeriod && !samePeriod(period, ctx.expectedPeriod)) {
    problems.push(
      problem(
        "PERIOD_MISMATCH",
        { reported: period, expected: ctx.expectedPeriod },
        { sheet, cell: f.period?.cell ?? null, value: f.period?.raw ?? null },
      ),
    );
  }
  const year = report.info.planYear;
  if (year !== null && year !== ctx.plan.year) {
    problems.push(
      problem(
        "PLAN_YEAR_MISMATCH",
        { year, planYear: ctx.plan.year },
        { sheet, cell: f.planYear?.cell ?? null, value: year },
      ),
    );
  }
  if (period && period.year !== ctx.plan.year) {
    problems.push(
      problem(
        "PERIOD_OUTSIDE_PLAN_YEAR",
        { period, planYear: ctx.plan.year },
        { sheet, cell: f.period?.cell ?? null, value: f.period?.raw ?? null },
      ),
    );
  }
  problems.push(...checkSubmission(report, ctx, sheet));
  return { agency, problems };
}

/** Lần gửi within the policy's range; Ngày gửi not after today (when the shell gives a clock). */
function checkSubmission(report: ReportModel, ctx: ValidationContext, sheet: string | null): Problem[] {
  const out: Problem[] = [];
  const f = report.info.fields;
  const { max, warnAbove } = ctx.versions ?? DEFAULT_VERSIONS;
  const v = report.info.version;
  const at = { sheet, cell: f.version?.cell ?? null, value: f.version?.raw ?? v };
  if (v !== null && (v < 1 || v > max)) out.push(problem("VERSION_OUT_OF_RANGE", { version: v, max }, at));
  else if (v !== null && v > warnAbove) out.push(problem("VERSION_HIGH", { version: v, warnAbove }, at));
  const date = report.info.submittedAt;
  if (date && ctx.today && compareCivil(date, ctx.today) > 0)
    out.push(
      problem(
        "SUBMITTED_IN_FUTURE",
        { date, today: ctx.today },
        { sheet, cell: f.submittedAt?.cell ?? null, value: f.submittedAt?.raw ?? null },
      ),
    );
  return out;
}
