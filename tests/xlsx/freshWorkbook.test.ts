// A new workbook written as OOXML directly (src/workbook/xlsx/freshWorkbook.ts, what `cchc
// consolidate` writes for a new rollup) must hold what the ExcelJS writer (writeSheet.ts) writes for
// the same specs: values, cell styles, widths, frozen headers, dropdowns, protection, hidden sheets,
// the active tab. Both files are read back with ExcelJS and compared cell by cell. Validity against
// the ECMA-376 schemas and openpyxl is tests/ooxml's (the `cchc consolidate` rollup is one of its kinds).
import ExcelJS from "exceljs";
import type { CellValue } from "../../src/domain/cell";
import { planWorkbookSheets } from "../../src/domain/planWorkbook";
import type { SheetSpec } from "../../src/domain/sheetSpec";
import { NASTY_CELLS } from "../helpers/nastyCells";
import { examplePlanInput } from "../../src/cli/exampleData";
import { LISTS_SHEET } from "../../src/workbook/presentation";
import { freshWorkbookBytes, freshWorkbookBytesSoon } from "../../src/workbook/xlsx/freshWorkbook";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";

const nasty: CellValue[] = [...NASTY_CELLS, Number.NaN, "_x0041_ trông như mã thoát"];

const longList = Array.from({ length: 40 }, (_, i) => `Lựa chọn dài số ${i + 1}`);

const specs: SheetSpec[] = [
  { name: "Danh mục ẩn", rows: [["ẩn"], ["x"]], hidden: true },
  {
    name: "Bảng chính",
    headerRows: 2,
    protectHeaders: true,
    rows: [
      ["Mã", "Tên", "Số", "Tỷ lệ", "Ngày", null, "Chọn", "Chọn dài"],
      [null, "phụ đề", null, null, null, null, null, null],
      ["A", "Một", 1234, 0.5, 45000, "x", "Có", longList[3]],
      ["B", null, 5678.25, 0.75, null, null, "Không", null],
      ...Array.from({ length: 30 }, (_, r) => nasty.map((v, c) => (c % 3 === r % 3 ? v : `ô ${r}-${c}`))),
    ],
    columns: [
      { width: 8 },
      { width: 30, wrap: true },
      { width: 14, format: "count" },
      { width: 10, format: "percent" },
      { width: 12, format: "date" },
      { format: "text" },
      { width: 10, list: ["Có", "Không"] },
      { width: 24, list: longList },
      {},
      { width: 9, format: "amount", wrap: true },
    ],
    highlightRows: [1, 3, 7, 999, -1],
    // Per-cell number formats: on a data cell with a value, an empty one, one past its row's end, a
    // header cell, a highlighted one, a cell named twice (the later wins), and ones off the sheet.
    cellFormats: [
      { row: 2, col: 2, format: "percent" },
      { row: 3, col: 1, format: "percent" },
      { row: 2, col: 9, format: "count" },
      { row: 0, col: 3, format: "amount" },
      { row: 3, col: 3, format: "count" },
      { row: 7, col: 4, format: "percent" },
      { row: 5, col: 0, format: "count" },
      { row: 5, col: 0, format: "text" },
      { row: 999, col: 0, format: "percent" },
      { row: 2, col: 99, format: "percent" },
      { row: -1, col: 0, format: "percent" },
    ],
  },
  {
    name: "Thứ hai",
    rows: [
      ["h1", "h2"],
      [1, "một"],
    ],
    headerRows: 1,
    columns: [{ list: longList }, { list: [...longList, "thêm"] }, { list: longList }],
  },
];

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

async function viaExcelJs(list: readonly SheetSpec[]): Promise<ExcelJS.Workbook> {
  const wb = XlsxWorkbook.create();
  await wb.writeSheets(list);
  return load(await wb.toBuffer());
}

/** What a cell looks like to someone using the workbook (fonts: only bold is ours to set). */
function look(cell: ExcelJS.Cell): unknown {
  const s = cell.style;
  const fill = s.fill?.type === "pattern" && s.fill.pattern === "solid" ? s.fill.fgColor?.argb : undefined;
  return {
    value: cell.value,
    numFmt: s.numFmt ?? "General",
    bold: !!s.font?.bold,
    fill,
    wrap: !!s.alignment?.wrapText,
    vertical: s.alignment?.vertical,
    locked: s.protection?.locked !== false,
  };
}

interface Internals {
  sheetProtection?: Record<string, unknown>;
  dataValidations: { model: Record<string, unknown> };
}

async function expectSameWorkbook(list: readonly SheetSpec[]): Promise<number> {
  const [a, b] = [await viaExcelJs(list), await load(freshWorkbookBytes(list))];
  const shape = (wb: ExcelJS.Workbook) => wb.worksheets.map((ws) => [ws.name, ws.state ?? "visible"]);
  expect(shape(b)).toEqual(shape(a));
  expect(b.views?.[0]?.activeTab ?? 0).toBe(a.views?.[0]?.activeTab ?? 0);
  let cells = 0;
  for (const wa of a.worksheets) {
    const wb = b.getWorksheet(wa.name)!;
    expect([wa.name, wb.dimensions.toString()]).toEqual([wa.name, wa.dimensions.toString()]);
    expect([wa.name, wb.views]).toEqual([wa.name, wa.views]);
    expect([wa.name, (wb as unknown as Internals).sheetProtection]).toEqual([
      wa.name,
      (wa as unknown as Internals).sheetProtection,
    ]);
    expect([wa.name, (wb as unknown as Internals).dataValidations.model]).toEqual([
      wa.name,
      (wa as unknown as Internals).dataValidations.model,
    ]);
    for (let c = 1; c <= Math.max(wa.columnCount, wb.columnCount); c++) {
      const [ca, cb] = [wa.getColumn(c), wb.getColumn(c)];
      expect([wa.name, c, cb.width, look(cb as unknown as ExcelJS.Cell)]).toEqual([
        wa.name,
        c,
        ca.width,
        look(ca as unknown as ExcelJS.Cell),
      ]);
    }
    for (let r = 1; r <= Math.max(wa.rowCount, wb.rowCount); r++) {
      for (let c = 1; c <= Math.max(wa.columnCount, wb.columnCount); c++) {
        cells += 1;
        expect([wa.name, r, c, look(wb.getCell(r, c))]).toEqual([wa.name, r, c, look(wa.getCell(r, c))]);
      }
    }
  }
  return cells;
}

describe("a new workbook written as OOXML directly", () => {
  it("holds what the ExcelJS writer writes: values, styles, widths, views, dropdowns, protection", async () => {
    expect(await expectSameWorkbook(specs)).toBeGreaterThan(400);
  });

  it("gives cells their own number formats as the ExcelJS writer does, and as the specs say", async () => {
    const wb = await load(freshWorkbookBytes(specs));
    const ws = wb.getWorksheet("Bảng chính")!;
    const expected = [
      ["C3", "0.00%"],
      ["B4", "0.00%"],
      ["J3", "#,##0"],
      ["D1", "#,##0.00"],
      ["D4", "#,##0"],
      ["E8", "0.00%"],
      ["A6", "@"],
    ];
    expect(expected.map(([ref]) => [ref, ws.getCell(ref).numFmt])).toEqual(expected);
    // The cell's other styling stays: the header's bold and fill, the highlight's fill.
    expect(ws.getCell("D1").font?.bold).toBe(true);
    expect((ws.getCell("E8").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFCE4D6");
  });

  it("holds what the ExcelJS writer writes for a long sheet with per-cell formats in its data rows", async () => {
    const long: SheetSpec = {
      name: "Dài",
      headerRows: 1,
      rows: [["Mã", "Giá trị"], ...Array.from({ length: 1000 }, (_, i) => [`M${i}`, i / 1000])],
      columns: [{ width: 8 }, { format: "amount" }],
      cellFormats: [
        { row: 10, col: 1, format: "percent" },
        { row: 900, col: 1, format: "percent" },
      ],
    };
    expect(await expectSameWorkbook([long])).toBeGreaterThan(2000);
    const ws = (await viaExcelJs([long])).getWorksheet("Dài")!;
    expect([ws.getCell("B11").numFmt, ws.getCell("B901").numFmt, ws.getCell("B12").numFmt]).toEqual([
      "0.00%",
      "0.00%",
      "#,##0.00",
    ]);
  });

  it("puts long dropdown lists on the hidden lists sheet, identical lists sharing a column", async () => {
    const wb = await load(freshWorkbookBytes(specs));
    const lists = wb.getWorksheet(LISTS_SHEET)!;
    expect(lists.state).toBe("hidden");
    expect(lists.columnCount).toBe(2);
    expect(wb.getWorksheet("Thứ hai")!.getCell("C2").dataValidation?.formulae).toEqual([
      `'${LISTS_SHEET}'!$A$1:$A$40`,
    ]);
  });

  it("holds what the ExcelJS writer writes for the example plan workbook", async () => {
    expect(await expectSameWorkbook(planWorkbookSheets(examplePlanInput()))).toBeGreaterThan(100);
  });

  it("reads back as the specs' rows through the product's reader", async () => {
    const read = await XlsxWorkbook.fromBuffer(freshWorkbookBytes(specs));
    const grid = (await read.readSheets(["Bảng chính"])).get("Bảng chính")!;
    expect(grid[2].slice(0, 8)).toEqual(["A", "Một", 1234, 0.5, 45000, "x", "Có", longList[3]]);
    expect(grid.flat()).toEqual(expect.arrayContaining(["=1+1", "  leading space", `a&b<c>"'`, "#NUM!"]));
    expect((await read.listSheets()).map((s) => [s.name, s.visibility])).toEqual([
      ["Danh mục ẩn", "hidden"],
      ["Bảng chính", "visible"],
      [LISTS_SHEET, "hidden"],
      ["Thứ hai", "visible"],
    ]);
  });

  it("replaces a sheet named twice (compared as Excel does) in its place", async () => {
    const twice: SheetSpec[] = [
      { name: "Một", rows: [["a"]] },
      { name: "Hai", rows: [["b"]] },
      { name: "MỘT", rows: [["thay thế"], [1]], headerRows: 1 },
    ];
    expect(await expectSameWorkbook(twice)).toBeGreaterThan(1);
    const read = await XlsxWorkbook.fromBuffer(freshWorkbookBytes(twice));
    expect((await read.listSheets()).map((s) => s.name)).toEqual(["MỘT", "Hai"]);
  });

  it("gives the same bytes when each sheet is deflated on the thread pool as it is made", async () => {
    const now = new Date("2026-12-01T00:00:00Z");
    const plan = planWorkbookSheets(examplePlanInput());
    for (const list of [specs, plan]) {
      for (const level of [1, 4, 6]) {
        const soon = await freshWorkbookBytesSoon(list, { level, now });
        expect(soon.equals(freshWorkbookBytes(list, { level, now }))).toBe(true);
      }
    }
  });
});
