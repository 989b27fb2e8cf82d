// Report templates (biểu mẫu) for one or all agencies and a period, as .xlsx bytes made in the
// browser with the .xlsx adapter — downloaded (several at once as a .zip) or opened in Excel.
//
// Inside Excel a download is not always possible: `<a download>` does nothing in Excel for Mac's
// webview, and opening one new workbook per agency is stopped by the web's popup blocking after
// the first. So inside Excel one agency opens as a new workbook (Excel.createWorkbook, ExcelApi 1.8),
// several go as a .zip where the pane can download (Windows, the web) and otherwise open as ONE new
// workbook holding every agency's sheets (see deliverTemplates).
import type { Agency } from "../../domain/agencies";
import { assignedAgencies } from "../../domain/assignment";
import { periodCode, type Period } from "../../domain/period";
import { buildReportTemplate } from "../../domain/report/template";
import type { SheetSpec } from "../../domain/sheetSpec";
import { XLSX_MIME, ZIP_MIME, type TaskpaneOps } from "../ops";
import type { PlanBundle } from "../../domain/consolidation/intake";

/** Agencies the plan assigns tasks to, in registry order. */
export function agenciesWithTasks(bundle: PlanBundle): Agency[] {
  const assigned = assignedAgencies(bundle.plan);
  return bundle.registry.agencies.filter((a) => assigned.has(a.code));
}

export const templateFileName = (agency: Pick<Agency, "code">, period: Period): string =>
  `${agency.code}-${periodCode(period)}.xlsx`;

/** One agency's report workbook as .xlsx bytes. */
export async function templateBytes(bundle: PlanBundle, agency: Agency, period: Period): Promise<Uint8Array> {
  return workbookBytes(
    buildReportTemplate({ plan: bundle.plan, agency, period, catalogue: bundle.catalogue }),
  );
}

/** Several files in one .zip (stored: .xlsx files are already compressed). */
export async function zipFiles(files: readonly { name: string; bytes: Uint8Array }[]): Promise<Uint8Array> {
  const { default: JSZip } = await import("jszip"); // on demand, like ExcelJS
  const zip = new JSZip();
  for (const f of files) zip.file(f.name, f.bytes);
  return zip.generateAsync({ type: "uint8array", compression: "STORE" });
}

/** Excel's limit on a sheet name. */
const MAX_SHEET_NAME = 31;

/** Every agency's template sheets in one workbook: "SNV · Nhiệm vụ", … after a contents sheet. */
export function combinedTemplateSpecs(
  bundle: PlanBundle,
  agencies: readonly Agency[],
  period: Period,
): SheetSpec[] {
  const contents: SheetSpec = {
    name: "Danh sách",
    rows: [["Mã cơ quan", "Tên cơ quan", "Các sheet"]],
    headerRows: 1,
    columns: [{ width: 12 }, { width: 40 }, { width: 60 }],
  };
  const out: SheetSpec[] = [contents];
  for (const agency of agencies) {
    const specs = buildReportTemplate({ plan: bundle.plan, agency, period, catalogue: bundle.catalogue });
    const names = specs.map((s) => `${agency.code} · ${s.name}`.slice(0, MAX_SHEET_NAME));
    contents.rows.push([agency.code, agency.name, names.join("; ")]);
    specs.forEach((s, i) => out.push({ ...s, name: names[i] }));
  }
  return out;
}

/** How templates reached the user. */
export type Delivery = "downloaded" | "opened" | "openedCombined";

export interface TemplateFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * Hand templates to the user in the way that works where the pane runs (see the top of this file).
 * `target` is the button pressed; `combined` makes the one-workbook form of several agencies.
 */
export async function deliverTemplates(
  ops: Pick<TaskpaneOps, "download" | "openAsNewWorkbook" | "canDownload">,
  files: readonly TemplateFile[],
  zipName: string,
  target: "download" | "workbook",
  combined: () => Promise<Uint8Array>,
): Promise<Delivery> {
  const open = ops.openAsNewWorkbook;
  const canDownload = ops.canDownload !== false;
  if (files.length === 1) {
    if (open) {
      await open(files[0].name, files[0].bytes);
      return "opened";
    }
    ops.download(files[0].name, files[0].bytes, XLSX_MIME);
    return "downloaded";
  }
  if (open && (target === "workbook" || !canDownload)) {
    await open(zipName.replace(/\.zip$/, ".xlsx"), await combined());
    return "openedCombined";
  }
  ops.download(zipName, await zipFiles(files), ZIP_MIME);
  return "downloaded";
}

/** Bytes of a workbook from sheet specs. */
export async function workbookBytes(specs: readonly SheetSpec[]): Promise<Uint8Array> {
  const { XlsxWorkbook } = await import("../../workbook/xlsx/xlsxWorkbook"); // ExcelJS on demand
  const wb = XlsxWorkbook.create();
  await wb.writeSheets(specs);
  return new Uint8Array(await wb.toBuffer());
}
