// The corpus of the reader's differential test (issue 15, tests/xlsx/readerDifferential.test.ts):
// workbooks as the product writes them (report templates, the demo's reports and rollups, the plan),
// as ExcelJS writes odd cells (rich text, links, shared formulas, errors, dates, inline strings, a
// 1904 workbook, hidden sheets, merges), as openpyxl writes them (scripts/reader_corpus_openpyxl.py),
// and as LibreOffice re-saves them (`soffice --headless --convert-to xlsx`). The hostile set is
// scripts/generate-bad-fixtures.ts. Generated, never committed:
//   npx tsx scripts/generate-reader-corpus.ts      # → tests/fixtures/reader/
import { execFileSync } from "node:child_process";
import { existsSync, promises as fsp } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { loadExampleBundle } from "../src/cli/demo/bundle";
import { runDemo } from "../src/cli/demo/run";
import { EXAMPLE_PLAN_XLSX } from "../src/cli/exampleData";
import { buildReportTemplate } from "../src/domain/report/template";
import { parsePeriod } from "../src/domain/period";
import { XlsxWorkbook } from "../src/workbook/xlsx/xlsxWorkbook";

export const READER_CORPUS_DIR = path.join(__dirname, "..", "tests", "fixtures", "reader");
const PYTHON = "/usr/bin/python3";
const SOFFICE = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p));

export interface ReaderCorpus {
  files: string[];
  /** Parts of the corpus that could not be made here (no openpyxl, no LibreOffice), with why. */
  skipped: string[];
}

/** Odd cells, as ExcelJS writes them: the shapes people's workbooks hold. */
async function exceljsOddities(dir: string): Promise<string[]> {
  const build = (date1904: boolean): ExcelJS.Workbook => {
    const wb = new ExcelJS.Workbook();
    if (date1904) wb.properties.date1904 = true;
    const ws = wb.addWorksheet("Ô lạ");
    ws.getCell("A1").value = { richText: [{ text: "Hà " }, { text: "Nội", font: { bold: true } }] };
    ws.getCell("A2").value = { text: "Cổng dịch vụ công", hyperlink: "https://dichvucong.gov.vn" };
    ws.fillFormula("A3:C3", "1+1", [2, 4, 6]);
    ws.getCell("A4").value = { formula: "B1*2" };
    ws.getCell("A5").value = { error: "#REF!" };
    ws.getCell("A6").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    ws.getCell("A7").value = true;
    ws.getCell("B7").value = false;
    ws.getCell("A8").value = new Date(Date.UTC(2022, 11, 31));
    ws.getCell("A8").numFmt = "dd/mm/yyyy";
    ws.getCell("A9").value = "Thủ tục hành chính".normalize("NFD");
    ws.getCell("A10").value = "";
    ws.getCell("A11").value = new Date(Date.UTC(2023, 0, 1, 12));
    ws.getCell("A11").numFmt = "dd/mm/yyyy hh:mm";
    ws.getCell("A12").value = { formula: "DATE(2022,12,31)", result: new Date(Date.UTC(2022, 11, 31)) };
    ws.getCell("A12").numFmt = "dd/mm/yyyy";
    ws.getCell("A13").value = 44926.75;
    ws.getCell("A13").numFmt = "[$-42A]d mmmm yyyy;@";
    ws.getCell("A14").value = 0.9979;
    ws.getCell("A14").numFmt = '0.00%;"âm"';
    ws.getCell("A15").value = "x\u0001y"; // a control character, which ExcelJS leaves out
    ws.getCell("A16").value = "  khoảng trắng  ";
    ws.getCell("A17").value = "a&b<c>\"'";
    ws.getCell("A18").value = { formula: 'CONCAT("a","b")', result: "ab" };
    ws.getCell("A19").value = { formula: "1=1", result: true };
    ws.mergeCells("B10:D12");
    ws.getCell("B10").value = "gộp";
    ws.mergeCells("F1:G2"); // empty merge
    ws.getCell("Z100").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
    ws.getCell("Y90").value = "";
    const hidden = wb.addWorksheet("Ẩn", { state: "hidden" });
    hidden.getCell("C3").value = 3;
    const very = wb.addWorksheet("Rất ẩn", { state: "veryHidden" });
    very.getCell("A1").value = "bí mật";
    wb.addWorksheet("Trống");
    return wb;
  };
  const out: string[] = [];
  const write = async (name: string, wb: ExcelJS.Workbook, opts: Partial<ExcelJS.XlsxWriteOptions> = {}) => {
    const file = path.join(dir, name);
    await fsp.writeFile(file, Buffer.from(await wb.xlsx.writeBuffer(opts)));
    out.push(file);
  };
  await write("exceljs-oddities.xlsx", build(false));
  await write("exceljs-oddities-inline-strings.xlsx", build(false), { useSharedStrings: false });
  await write("exceljs-oddities-1904.xlsx", build(true));
  return out;
}

async function productFiles(dir: string): Promise<string[]> {
  const bundle = await loadExampleBundle();
  const out: string[] = [];
  const period = parsePeriod("2023-Q2");
  if (!period.ok) throw new Error(`cannot read the period ${period.text}`);
  for (const code of ["SNV", "STP", bundle.registry.agencies.find((a) => a.kind === "district")!.code]) {
    const agency = bundle.registry.agencies.find((a) => a.code === code)!;
    const wb = XlsxWorkbook.create();
    await wb.writeSheets(buildReportTemplate({ ...bundle, agency, period: period.period }));
    const file = path.join(dir, `template-${code}.xlsx`);
    await wb.saveAtomic(file);
    out.push(file);
  }
  const demo = await runDemo(bundle, path.join(dir, "demo"));
  out.push(...demo.reports, demo.rollupFile, demo.previousFile);
  const plan = path.join(dir, "plan-2023.xlsx");
  await fsp.copyFile(EXAMPLE_PLAN_XLSX, plan);
  out.push(plan);
  return out;
}

/** Generate the corpus (emptied first). */
export async function generateReaderCorpus(dir = READER_CORPUS_DIR): Promise<ReaderCorpus> {
  await fsp.rm(dir, { recursive: true, force: true });
  await fsp.mkdir(dir, { recursive: true });
  const files = [...(await productFiles(dir)), ...(await exceljsOddities(dir))];
  const skipped: string[] = [];

  const opx = path.join(dir, "openpyxl");
  try {
    execFileSync(PYTHON, [path.join(__dirname, "reader_corpus_openpyxl.py"), opx], { stdio: "pipe" });
    for (const f of await fsp.readdir(opx)) files.push(path.join(opx, f));
  } catch (e) {
    skipped.push(`openpyxl files: ${PYTHON} with openpyxl is not available (${String(e).slice(0, 80)})`);
  }

  if (SOFFICE) {
    // Re-saved by LibreOffice: its own shared strings, styles, dates and merges.
    const lo = path.join(dir, "libreoffice");
    const sources = files.filter(
      (f) => !/demo[\\/]bao-cao-bo-sung/.test(f) && !f.endsWith("tong-hop-nam-2022.xlsx"),
    );
    const profile = path.join(dir, ".lo-profile");
    try {
      execFileSync(
        SOFFICE,
        [
          `-env:UserInstallation=file://${profile}`,
          "--headless",
          "--convert-to",
          "xlsx",
          "--outdir",
          lo,
          ...sources,
        ],
        { stdio: "pipe", timeout: 180_000 },
      );
      for (const f of await fsp.readdir(lo)) files.push(path.join(lo, f));
    } catch (e) {
      skipped.push(`LibreOffice re-saves: soffice failed (${String(e).slice(0, 80)})`);
    }
    await fsp.rm(profile, { recursive: true, force: true });
  } else {
    skipped.push("LibreOffice re-saves: soffice is not installed");
  }
  return { files: files.filter((f) => f.endsWith(".xlsx")), skipped };
}

if (require.main === module) {
  generateReaderCorpus().then(
    (c) => {
      console.log(`${c.files.length} workbooks in ${path.relative(process.cwd(), READER_CORPUS_DIR)}`);
      for (const s of c.skipped) console.log(`skipped: ${s}`);
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
