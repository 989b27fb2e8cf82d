// Report templates (biểu mẫu) for one or all agencies and a period, as .xlsx bytes made in the
// browser with the .xlsx adapter — downloaded (several at once as a .zip) or opened in Excel.
import JSZip from "jszip";
import type { Agency } from "../../domain/agencies";
import { assignedAgencies } from "../../domain/assignment";
import { periodCode, type Period } from "../../domain/period";
import { buildReportTemplate } from "../../domain/report/template";
import { XlsxWorkbook } from "../../workbook/xlsx/xlsxWorkbook";
import type { PlanBundle } from "./consolidate";

/** Agencies the plan assigns tasks to, in registry order. */
export function agenciesWithTasks(bundle: PlanBundle): Agency[] {
  const assigned = assignedAgencies(bundle.plan);
  return bundle.registry.agencies.filter((a) => assigned.has(a.code));
}

export const templateFileName = (agency: Pick<Agency, "code">, period: Period): string =>
  `${agency.code}-${periodCode(period)}.xlsx`;

/** One agency's report workbook as .xlsx bytes. */
export async function templateBytes(bundle: PlanBundle, agency: Agency, period: Period): Promise<Uint8Array> {
  const wb = XlsxWorkbook.create();
  await wb.writeSheets(
    buildReportTemplate({ plan: bundle.plan, agency, period, catalogue: bundle.catalogue }),
  );
  return new Uint8Array(await wb.toBuffer());
}

/** Several files in one .zip (stored: .xlsx files are already compressed). */
export async function zipFiles(files: readonly { name: string; bytes: Uint8Array }[]): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const f of files) zip.file(f.name, f.bytes);
  return zip.generateAsync({ type: "uint8array", compression: "STORE" });
}
