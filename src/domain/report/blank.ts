// Whether a workbook is a report template nobody has filled in yet: the only existing file
// `cchc template -o` may replace. Anything typed into it (a task's status, date, evidence or note, a
// figure, the preparer, the submission date) makes it someone's work, never overwritten.
import { isBlank, type Grid } from "../cell";
import { REPORT_FORM_KIND } from "./layout";
import { readReport } from "./read";

/** A CCHC report (all three sheets found, its kind stated) with nothing typed in by an agency. */
export function isBlankReport(grids: ReadonlyMap<string, Grid>): boolean {
  const { report } = readReport(grids);
  const { sheets, info, tasks, figures } = report;
  if (!sheets.info || !sheets.tasks || !sheets.figures || info.fields.formKind?.text !== REPORT_FORM_KIND)
    return false;
  if (info.submittedAt || info.fields.submittedAt?.text || info.fields.preparer?.text) return false;
  const typedTask = tasks.some(
    (t) => t.statusText !== "" || !isBlank(t.doneDateRaw) || t.evidence !== "" || t.note !== "",
  );
  return !typedTask && figures.every((f) => isBlank(f.raw));
}
