// Biểu mẫu báo cáo: the report workbook generated for one agency and one period from the plan.
import type { Agency } from "../agencies";
import { assignmentsFor, ROLE_LABELS } from "../assignment";
import type { Grid } from "../cell";
import type { Catalogue } from "../indicators";
import { periodCode, periodLabelVi, type Period } from "../period";
import type { Plan } from "../plan";
import type { SheetSpec } from "../sheetSpec";
import { tableColumn, tableColumns, tableHeaderRow, tableRow } from "../sheetTable";
import {
  FIGURE_TABLE,
  INFO_FIELDS,
  INFO_TABLE,
  REPORT_FORM_KIND,
  REPORT_SCHEMA_VERSION,
  REPORT_SHEETS,
  TASK_TABLE,
  type InfoField,
} from "./layout";

export interface TemplateInput {
  plan: Plan;
  agency: Pick<Agency, "code" | "name">;
  period: Period;
  catalogue: Catalogue;
}

/** The three sheets of an agency's report for a period: info, tasks (with role), figures. */
export function buildReportTemplate(input: TemplateInput): SheetSpec[] {
  return [infoSheet(input), taskSheet(input), figureSheet(input)];
}

function infoSheet({ plan, agency, period }: TemplateInput): SheetSpec {
  const values: Record<InfoField, string | number | null> = {
    formKind: REPORT_FORM_KIND,
    schemaVersion: REPORT_SCHEMA_VERSION,
    agencyCode: agency.code,
    agencyName: agency.name,
    period: periodCode(period),
    planYear: plan.year,
    preparer: null,
    contact: null,
    version: 1,
    submittedAt: null,
  };
  const guide: Partial<Record<InfoField, string>> = {
    period: `${periodLabelVi(period)} — không sửa / do not edit`,
    preparer: "Họ tên người lập báo cáo / Name of the preparer",
    version: "Tăng lên 1 mỗi lần gửi lại / Increase by 1 on each resubmission",
    submittedAt: "dd/mm/yyyy",
  };
  const rows: Grid = [tableHeaderRow(INFO_TABLE)];
  for (const key of Object.keys(INFO_FIELDS) as InfoField[]) {
    const f = INFO_FIELDS[key];
    rows.push(tableRow(INFO_TABLE, { label: f.label, value: values[key], guide: guide[key] ?? f.en }));
  }
  return {
    name: REPORT_SHEETS.info,
    rows,
    columns: tableColumns(INFO_TABLE),
    headerRows: 1,
    protectHeaders: true,
  };
}

function taskSheet({ plan, agency }: TemplateInput): SheetSpec {
  const rows: Grid = [tableHeaderRow(TASK_TABLE)];
  for (const { task, role } of assignmentsFor(plan, agency.code)) {
    rows.push(
      tableRow(TASK_TABLE, {
        code: task.code,
        title: task.title,
        role: ROLE_LABELS[role].vi,
        lead: task.leadText,
        deadline: task.deadlineText,
      }),
    );
  }
  return {
    name: REPORT_SHEETS.tasks,
    rows,
    columns: tableColumns(TASK_TABLE),
    headerRows: 1,
    protectHeaders: true,
  };
}

function figureSheet({ catalogue }: TemplateInput): SheetSpec {
  const rows: Grid = [tableHeaderRow(FIGURE_TABLE)];
  const col = tableColumn(FIGURE_TABLE, "value");
  const cellFormats: { row: number; col: number; format: "percent" | "count" | "amount" }[] = [];
  for (const ind of catalogue.indicators) {
    rows.push(
      tableRow(FIGURE_TABLE, {
        code: ind.code,
        name: ind.name_vi,
        unit: ind.unit,
        note: ind.kind === "rate" || ind.computed ? "Để trống: tự tính / leave blank: computed" : null,
      }),
    );
    cellFormats.push({
      row: rows.length - 1,
      col,
      format:
        ind.kind === "rate" && ind.share !== false ? "percent" : ind.kind === "count" ? "count" : "amount",
    });
  }
  return {
    name: REPORT_SHEETS.figures,
    rows,
    columns: tableColumns(FIGURE_TABLE),
    cellFormats,
    headerRows: 1,
    protectHeaders: true,
  };
}
