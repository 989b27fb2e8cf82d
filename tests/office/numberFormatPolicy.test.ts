// All three writers give every cell the same number format (workbook/presentation.ts decides which
// cells get a format of their own): the Office.js adapter inside Excel, the .xlsx adapter through
// ExcelJS (`cchc template`, the web page) and the direct OOXML writer (`cchc consolidate`'s new
// rollup). An agency's template is the case that matters: its rate rows show percent, not 0.9876.
import ExcelJS from "exceljs";
import { loadExampleBundle } from "../../src/cli/demo/bundle";
import { makePeriod } from "../../src/domain/period";
import { buildReportTemplate } from "../../src/domain/report/template";
import { REPORT_SHEETS } from "../../src/domain/report/layout";
import type { SheetSpec } from "../../src/domain/sheetSpec";
import { OfficeWorkbook } from "../../src/workbook/office";
import { freshWorkbookBytes } from "../../src/workbook/xlsx/freshWorkbook";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { FakeExcel } from "./fakeExcel";

/** Header and highlighted rows, a cell past its row's end, an empty one, and a number as text. */
const edges: SheetSpec = {
  name: "Biên",
  headerRows: 1,
  rows: [
    ["Mã", "Số", "Tỷ lệ", null],
    ["A", 12, 0.5],
    ["B", null, 0.25, "x"],
    ["C", 7, null],
  ],
  columns: [{}, { format: "count" }, { format: "amount" }],
  cellFormats: [
    { row: 0, col: 2, format: "percent" },
    { row: 1, col: 2, format: "percent" },
    { row: 2, col: 1, format: "percent" },
    { row: 2, col: 2, format: "percent" },
    { row: 3, col: 3, format: "percent" },
    { row: 3, col: 0, format: "text" },
    { row: 3, col: 1, format: "text" },
  ],
  highlightRows: [2],
};

/** Sheet → "row,col" (0-based) → format code, over the cells of each spec's rows and width. */
type Formats = Map<string, Map<string, string>>;

const cellsOf = (spec: SheetSpec): [number, number][] => {
  const width = Math.max(spec.columns?.length ?? 0, ...spec.rows.map((r) => r.length));
  return spec.rows.flatMap((_, r) => Array.from({ length: width }, (_, c): [number, number] => [r, c]));
};

async function viaOffice(specs: readonly SheetSpec[]): Promise<Formats> {
  const fx = new FakeExcel();
  await new OfficeWorkbook({ run: fx.run, apiSupport: fx.supportsApi }).writeSheets(specs);
  return new Map(
    specs.map((spec) => {
      const formats = fx.sheet(spec.name)!.numberFormats;
      return [
        spec.name,
        new Map(cellsOf(spec).map(([r, c]) => [`${r},${c}`, formats.get(`${r},${c}`) ?? "General"])),
      ];
    }),
  );
}

async function fromFile(specs: readonly SheetSpec[], bytes: Uint8Array): Promise<Formats> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return new Map(
    specs.map((spec) => {
      const ws = wb.getWorksheet(spec.name)!;
      return [
        spec.name,
        new Map(cellsOf(spec).map(([r, c]) => [`${r},${c}`, ws.getCell(r + 1, c + 1).numFmt ?? "General"])),
      ];
    }),
  );
}

async function viaExcelJs(specs: readonly SheetSpec[]): Promise<Formats> {
  const wb = XlsxWorkbook.create();
  await wb.writeSheets(specs);
  return fromFile(specs, await wb.toBuffer());
}

describe("per-cell number formats are the same in every writer", () => {
  let template: SheetSpec[];
  beforeAll(async () => {
    const bundle = await loadExampleBundle();
    const agency = bundle.registry.agencies.find((a) => a.code === "SNV")!;
    template = buildReportTemplate({
      plan: bundle.plan,
      agency,
      period: makePeriod("quarter", 2023, 2),
      catalogue: bundle.catalogue,
    });
  });

  it("an agency's template: the Office.js adapter, ExcelJS and the direct writer agree", async () => {
    const office = await viaOffice(template);
    expect(await viaExcelJs(template)).toEqual(office);
    expect(await fromFile(template, freshWorkbookBytes(template))).toEqual(office);
    // What they agree on is the spec's: rate rows in percent.
    const figures = template.find((s) => s.name === REPORT_SHEETS.figures)!;
    const percent = (figures.cellFormats ?? []).filter((f) => f.format === "percent");
    expect(percent.length).toBeGreaterThan(0);
    for (const f of percent) expect(office.get(figures.name)!.get(`${f.row},${f.col}`)).toBe("0.00%");
  });

  it("header, highlighted, empty and past-the-row cells", async () => {
    const office = await viaOffice([edges]);
    expect(await viaExcelJs([edges])).toEqual(office);
    expect(await fromFile([edges], freshWorkbookBytes([edges]))).toEqual(office);
    expect(Object.fromEntries(office.get("Biên")!)).toMatchObject({
      "0,1": "General",
      "0,2": "0.00%",
      "1,1": "#,##0",
      "1,2": "0.00%",
      "2,1": "0.00%",
      "3,2": "#,##0.00",
      "3,3": "0.00%",
      "3,0": "@",
      "3,1": "@",
    });
  });
});
