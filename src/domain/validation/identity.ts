// Identity checks (định danh): is this report for a known agency, the right period and plan year?
import { resolveAgency, type Agency } from "../agencies";
import { periodCode, periodLabelVi, samePeriod } from "../period";
import { problem, type Problem } from "../problem";
import type { ReportModel } from "../report/read";
import { REPORT_FORM_KIND, REPORT_SCHEMA_VERSION } from "../report/layout";
import { foldKey } from "../text/normalize";
import type { ValidationContext } from "./context";

export function checkIdentity(
  report: ReportModel,
  ctx: ValidationContext,
): { agency: Agency | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const sheet = report.sheets.info ?? null;
  const f = report.info.fields;

  if (f.formKind?.text && foldKey(f.formKind.text) !== foldKey(REPORT_FORM_KIND)) {
    problems.push(
      problem({
        code: "NOT_A_REPORT",
        severity: "error",
        sheet,
        cell: f.formKind.cell,
        vi: `Tệp này là "${f.formKind.text}", không phải báo cáo của cơ quan ("${REPORT_FORM_KIND}").`,
        en: `This file is "${f.formKind.text}", not an agency report ("${REPORT_FORM_KIND}").`,
        value: f.formKind.raw,
      }),
    );
  }
  if (f.schemaVersion?.text && Number(f.schemaVersion.text) > REPORT_SCHEMA_VERSION) {
    problems.push(
      problem({
        code: "FORM_VERSION_NEWER",
        severity: "error",
        sheet,
        cell: f.schemaVersion.cell,
        vi: `Biểu mẫu phiên bản ${f.schemaVersion.text} mới hơn phần mềm (phiên bản ${REPORT_SCHEMA_VERSION}); hãy cập nhật phần mềm.`,
        en: `Form version ${f.schemaVersion.text} is newer than this software supports (${REPORT_SCHEMA_VERSION}); update it.`,
        value: f.schemaVersion.raw,
      }),
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
        problem({
          code: "AGENCY_UNKNOWN",
          severity: "error",
          sheet,
          cell: (codeText ? f.agencyCode : f.agencyName)!.cell,
          vi:
            `Không có cơ quan "${codeText || nameText}" trong danh mục cơ quan của kế hoạch.` +
            (suggestion ? ` Có phải ${suggestion.code} — ${suggestion.name}?` : "") +
            ` Hãy ghi đúng mã cơ quan như trong danh mục (biểu mẫu do hệ thống tạo đã ghi sẵn).`,
          en:
            `Agency "${codeText || nameText}" is not in the plan's agency registry.` +
            (suggestion ? ` Did you mean ${suggestion.code} — ${suggestion.name}?` : "") +
            ` Type the agency code as in the registry (the generated template fills it in).`,
          value: codeText || nameText,
        }),
      );
    } else if (codeText && nameText && byName?.code !== agency.code) {
      problems.push(
        problem({
          code: "AGENCY_NAME_MISMATCH",
          severity: "warning",
          sheet,
          cell: f.agencyName!.cell,
          vi: `Tên cơ quan "${nameText}" không khớp với mã ${agency.code} (${agency.name}).`,
          en: `Agency name "${nameText}" does not match code ${agency.code} (${agency.name}).`,
          value: nameText,
        }),
      );
    }
  }

  const period = report.info.period;
  if (period && ctx.expectedPeriod && !samePeriod(period, ctx.expectedPeriod)) {
    problems.push(
      problem({
        code: "PERIOD_MISMATCH",
        severity: "error",
        sheet,
        cell: f.period?.cell ?? null,
        vi: `Báo cáo kỳ ${periodLabelVi(period)}, nhưng đang tổng hợp kỳ ${periodLabelVi(ctx.expectedPeriod)}.`,
        en: `The report is for ${periodCode(period)}, but ${periodCode(ctx.expectedPeriod)} is being consolidated.`,
        value: f.period?.raw ?? null,
      }),
    );
  }
  const year = report.info.planYear;
  if (year !== null && year !== ctx.plan.year) {
    problems.push(
      problem({
        code: "PLAN_YEAR_MISMATCH",
        severity: "error",
        sheet,
        cell: f.planYear?.cell ?? null,
        vi: `Báo cáo theo kế hoạch năm ${year}, nhưng kế hoạch đang dùng là năm ${ctx.plan.year}.`,
        en: `The report follows the ${year} plan, but the plan in use is for ${ctx.plan.year}.`,
        value: year,
      }),
    );
  }
  if (period && period.year !== ctx.plan.year) {
    problems.push(
      problem({
        code: "PERIOD_OUTSIDE_PLAN_YEAR",
        severity: "error",
        sheet,
        cell: f.period?.cell ?? null,
        vi: `Kỳ ${periodLabelVi(period)} không thuộc năm kế hoạch ${ctx.plan.year}.`,
        en: `Period ${periodCode(period)} is outside plan year ${ctx.plan.year}.`,
        value: f.period?.raw ?? null,
      }),
    );
  }
  return { agency, problems };
}
