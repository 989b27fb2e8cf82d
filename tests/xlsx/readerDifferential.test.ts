// Issue 15: the one reader (XlsxReader) reads every corpus workbook to the same values as ExcelJS did:
// sheet names, order and visibility; every sheet's grid (dates, shared and inline strings, rich text,
// booleans, errors, formulas' cached results); merged ranges. The corpus is generated: the product's
// own workbooks (templates, the demo's reports and rollups, the plan), ExcelJS odd cells, openpyxl's
// files, LibreOffice re-saves of all of these (scripts/generate-reader-corpus.ts) and the hostile set
// (scripts/generate-bad-fixtures.ts), where both must also refuse the same files with the same code.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { generateBadFixtures, BAD_FIXTURES_DIR } from "../../scripts/generate-bad-fixtures";
import { generateReaderCorpus } from "../../scripts/generate-reader-corpus";
import { XlsxReader } from "../../src/workbook/xlsx/xlsxReader";
import { isWorkbookReadError } from "../../src/workbook/xlsx/errors";
import { assertXlsxBytes, DEFAULT_LIMITS } from "../../src/workbook/xlsx/sniff";
import { scanXlsxParts } from "../../src/workbook/xlsx/scan";
import { excelJsValues, type WorkbookValues } from "../helpers/excelJsGrids";

process.env.TZ = "Asia/Ho_Chi_Minh"; // east of UTC: a date read through local fields would slide

type Outcome = WorkbookValues | { refused: string };

async function viaReader(bytes: Buffer): Promise<Outcome> {
  try {
    const r = await XlsxReader.fromBuffer(bytes);
    const sheets = await r.listSheets();
    const names = sheets.map((s) => s.name);
    const merges = await r.mergedRanges(names);
    return { sheets, grids: await r.readSheets(names), merges };
  } catch (e) {
    if (isWorkbookReadError(e)) return { refused: e.code };
    throw e;
  }
}

/** ExcelJS after the same limits pass the product always ran first (ExcelJS alone would try to
 * build a zip bomb). */
async function viaExcelJs(bytes: Buffer): Promise<Outcome> {
  try {
    const entries = assertXlsxBytes(bytes, DEFAULT_LIMITS);
    await scanXlsxParts(bytes, entries, DEFAULT_LIMITS);
  } catch (e) {
    if (isWorkbookReadError(e)) return { refused: e.code };
    throw e;
  }
  try {
    return await excelJsValues(bytes);
  } catch {
    return { refused: "UNREADABLE" };
  }
}

let files: string[] = [];
let skipped: string[] = [];

beforeAll(async () => {
  const corpus = await generateReaderCorpus();
  const bad = await generateBadFixtures();
  files = [...corpus.files, ...bad.map((f) => path.join(BAD_FIXTURES_DIR, f))];
  skipped = corpus.skipped;
}, 300_000);

it("the corpus has every kind of source", () => {
  for (const s of skipped) console.warn(`reader corpus: ${s}`); // e.g. no LibreOffice on this machine
  const has = (re: RegExp) => files.some((f) => re.test(f));
  expect(has(/template-/)).toBe(true);
  expect(has(/demo[\\/]bao-cao[\\/]/)).toBe(true);
  expect(has(/tong-hop-nam-2023\.xlsx$/)).toBe(true);
  expect(has(/exceljs-oddities-inline-strings/)).toBe(true);
  expect(has(/fixtures[\\/]bad[\\/]/)).toBe(true);
  if (!skipped.some((s) => s.startsWith("openpyxl"))) expect(has(/openpyxl-values/)).toBe(true);
  if (!skipped.some((s) => s.startsWith("LibreOffice"))) expect(has(/libreoffice[\\/]/)).toBe(true);
  expect(files.length).toBeGreaterThan(60);
});

it("reads every corpus workbook to the same sheets, grids and merges as ExcelJS", async () => {
  let compared = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    const [mine, theirs] = [await viaReader(bytes), await viaExcelJs(bytes)];
    expect({ file, ...mine }).toEqual({ file, ...theirs });
    compared += 1;
  }
  expect(compared).toBe(files.length);
}, 300_000);

it("covers the shapes the issue names", async () => {
  const corpus = path.dirname(files.find((f) => /exceljs-oddities\.xlsx$/.test(f))!);
  const odd = (await viaReader(readFileSync(path.join(corpus, "exceljs-oddities.xlsx")))) as WorkbookValues;
  const g = odd.grids.get("Ô lạ")!;
  expect(g[0][0]).toBe("Hà Nội"); // rich text
  expect(g[2]).toEqual(expect.arrayContaining([2, 4, 6])); // shared formula results
  expect(g[4][0]).toBe("#REF!");
  expect(g[6].slice(0, 2)).toEqual([true, false]);
  expect(g[7][0]).toBe(44926); // 31/12/2022 as a serial
  expect(g[8][0]).toBe("Thủ tục hành chính".normalize("NFC"));
  expect(g[14][0]).toBe("xy"); // ExcelJS leaves the control character out when writing
  expect([...odd.merges.get("Ô lạ")!].sort()).toEqual(["B10:D12", "F1:G2"]);
  expect(odd.sheets.map((s) => s.visibility)).toEqual(["visible", "hidden", "veryHidden", "visible"]);
  const inline = (await viaReader(
    readFileSync(path.join(corpus, "exceljs-oddities-inline-strings.xlsx")),
  )) as WorkbookValues;
  expect(inline.grids).toEqual(odd.grids);
  const d1904 = (await viaReader(
    readFileSync(path.join(corpus, "exceljs-oddities-1904.xlsx")),
  )) as WorkbookValues;
  expect(d1904.grids.get("Ô lạ")![7][0]).toBe(44926); // rebased to the 1900 system
});
