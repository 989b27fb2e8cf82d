// Write a SheetSpec through the adapter, read it back, and inspect what Excel would see.
import ExcelJS from "exceljs";
import type { SheetSpec } from "../../src/domain/sheetSpec";
import { civil, civilToSerial } from "../../src/domain/civilDate";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { LISTS_SHEET, SPARE_ROWS } from "../../src/workbook/presentation";

const DEC31 = civilToSerial(civil(2022, 12, 31));
const STATUSES = ["Chưa thực hiện", "Đang thực hiện", "Đã hoàn thành"];
const LONG_LIST = Array.from({ length: 40 }, (_, i) => `Sở, ban, ngành số ${i + 1}`); // commas force a range

const spec: SheetSpec = {
  name: "Nhiệm vụ",
  headerRows: 1,
  protectHeaders: true,
  highlightRows: [2],
  rows: [
    ["Mã", "Nội dung", "Hạn", "Số hồ sơ", "Trạng thái", "Cơ quan"],
    ["=1+1", "@SUM(A1)", DEC31, 1704, "Đã hoàn thành", "Sở, ban, ngành số 3"],
    ["-5 cái", "+84 912", DEC31 + 0.5, 605859.25, null, null],
    ["Nghị định".normalize("NFD"), true, null, 0, "Chưa thực hiện", null],
  ],
  columns: [
    { width: 12 },
    { width: 48, wrap: true },
    { width: 14, format: "date" },
    { format: "count" },
    { list: STATUSES },
    { list: LONG_LIST },
  ],
};

async function writtenBuffer(): Promise<Buffer> {
  const wb = XlsxWorkbook.create();
  await wb.writeSheets([spec, { name: "Danh mục", rows: [["x"]], hidden: true }]);
  return wb.toBuffer();
}

async function loadExcel(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

describe("XlsxWorkbook round trip", () => {
  let buf: Buffer;
  let excel: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    buf = await writtenBuffer();
    excel = await loadExcel(buf);
    ws = excel.getWorksheet("Nhiệm vụ")!;
  });

  it("reads back the values written, formula-looking text as text and strings in NFC", async () => {
    const wb = await XlsxWorkbook.fromBuffer(buf);
    const grid = (await wb.readSheets(["Nhiệm vụ"])).get("Nhiệm vụ");
    expect(grid).toEqual([
      spec.rows[0],
      spec.rows[1],
      spec.rows[2],
      ["Nghị định".normalize("NFC"), true, null, 0, "Chưa thực hiện", null],
    ]);
  });

  it("never stores user text as a formula", () => {
    for (const addr of ["A2", "B2", "A3", "B3"]) {
      expect(ws.getCell(addr).type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell(addr).formula).toBeUndefined();
    }
  });

  it("lists sheets in order with visibility, the long dropdown on a hidden _lists sheet", async () => {
    const wb = await XlsxWorkbook.fromBuffer(buf);
    expect(await wb.listSheets()).toEqual([
      { name: "Nhiệm vụ", visibility: "visible" },
      { name: LISTS_SHEET, visibility: "hidden" },
      { name: "Danh mục", visibility: "hidden" },
    ]);
    const lists = (await wb.readSheets([LISTS_SHEET])).get(LISTS_SHEET)!;
    expect(lists.map((r) => r[0])).toEqual(LONG_LIST);
  });

  it("styles headers bold with a fill, locked, and freezes panes below them", () => {
    const h = ws.getCell("B1");
    expect(h.font?.bold).toBe(true);
    expect(h.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } });
    expect(h.protection?.locked).not.toBe(false);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1, topLeftCell: "A2" });
  });

  it("applies widths, number formats and wrap to data rows only", () => {
    expect(ws.getColumn(2).width).toBe(48);
    expect(ws.getColumn(3).width).toBe(14);
    expect(ws.getCell("C2").numFmt).toBe("dd/mm/yyyy");
    expect(ws.getCell("D3").numFmt).toBe("#,##0");
    expect(ws.getCell("D1").numFmt).toBeUndefined();
    expect(ws.getCell("B2").alignment?.wrapText).toBe(true);
    // A new row typed below the data still gets the column's format.
    expect(ws.getColumn(4).numFmt).toBe("#,##0");
  });

  it("adds dropdowns over the data rows plus spare rows, inline or from _lists", () => {
    const last = spec.rows.length + SPARE_ROWS;
    expect(ws.getCell("E2").dataValidation).toMatchObject({
      type: "list",
      formulae: [`"${STATUSES.join(",")}"`],
    });
    expect(ws.getCell(`E${last}`).dataValidation?.type).toBe("list");
    expect(ws.getCell(`E${last + 1}`).dataValidation).toBeUndefined();
    expect(ws.getCell("E1").dataValidation).toBeUndefined();
    expect(ws.getCell("F5").dataValidation?.formulae).toEqual([
      `'${LISTS_SHEET}'!$A$1:$A$${LONG_LIST.length}`,
    ]);
  });

  it("protects the sheet without a password, data cells unlocked, formatting and sorting allowed", () => {
    const p = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(p).toMatchObject({
      sheet: true,
      formatColumns: true,
      formatRows: true,
      sort: true,
      autoFilter: true,
    });
    expect(p.hashValue).toBeUndefined();
    expect(ws.getCell("B2").protection?.locked).toBe(false);
    expect(ws.getColumn(5).protection?.locked).toBe(false);
  });

  it("fills highlighted rows light orange, and only those", () => {
    expect(ws.getCell("A3").fill).toMatchObject({ fgColor: { argb: "FFFCE4D6" } });
    expect(ws.getCell("F3").fill).toMatchObject({ fgColor: { argb: "FFFCE4D6" } });
    expect((ws.getCell("A2").fill as ExcelJS.FillPattern | undefined)?.fgColor).toBeUndefined();
  });
});

describe("writeSheets replacing sheets", () => {
  it("replaces a sheet of the same name in place and drops its old content", async () => {
    const wb = XlsxWorkbook.create();
    await wb.writeSheets([
      { name: "A", rows: [["a"]] },
      { name: "B", rows: [["old", "old"], ["old"]], columns: [{ list: ["x", "y"] }], headerRows: 1 },
      { name: "C", rows: [["c"]] },
    ]);
    await wb.writeSheets([{ name: "b", rows: [["new"]] }]);
    const bytes = await wb.toBuffer();
    const back = await XlsxWorkbook.fromBuffer(bytes);
    expect((await back.listSheets()).map((s) => s.name)).toEqual(["A", "b", "C"]);
    expect((await back.readSheets(["b"])).get("b")).toEqual([["new"]]);
    const model = new ExcelJS.Workbook();
    await model.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const excel = model.getWorksheet("b")!;
    expect(excel.getCell("A2").dataValidation).toBeUndefined();
    expect(excel.views?.[0]?.state).not.toBe("frozen");
  });

  it("writes into an existing workbook read from bytes, keeping the other sheets", async () => {
    const first = XlsxWorkbook.create();
    await first.writeSheets([{ name: "Kế hoạch", rows: [["KH", 1]] }]);
    const wb = await XlsxWorkbook.fromBuffer(await first.toBuffer());
    await wb.writeSheets([{ name: "Tổng hợp", rows: [["TH", 2]] }]);
    const back = await XlsxWorkbook.fromBuffer(await wb.toBuffer());
    const grids = await back.readSheets(["Kế hoạch", "Tổng hợp"]);
    expect(grids.get("Kế hoạch")).toEqual([["KH", 1]]);
    expect(grids.get("Tổng hợp")).toEqual([["TH", 2]]);
  });

  it("reuses one _lists column for the same long list", async () => {
    const wb = XlsxWorkbook.create();
    const list = Array.from({ length: 30 }, (_, i) => `Giá trị rất dài số ${i} cho danh sách`);
    await wb.writeSheets([
      { name: "X", rows: [["h"]], headerRows: 1, columns: [{ list }] },
      { name: "Y", rows: [["h"]], headerRows: 1, columns: [{ list }, { list: [...list, "thêm"] }] },
    ]);
    expect(wb.exceljs.getWorksheet(LISTS_SHEET)!.columnCount).toBe(2);
    const y = (await loadExcel(await wb.toBuffer())).getWorksheet("Y")!;
    expect(y.getCell("B2").dataValidation?.formulae).toEqual([`'${LISTS_SHEET}'!$B$1:$B$31`]);
  });

  it("makes a visible sheet active when the first sheet is hidden", async () => {
    const wb = XlsxWorkbook.create();
    await wb.writeSheets([
      { name: "Ẩn", rows: [["x"]], hidden: true },
      { name: "Hiện", rows: [["y"]] },
    ]);
    const excel = await loadExcel(await wb.toBuffer());
    expect(excel.views[0]?.activeTab).toBe(1);
  });

  it("writes non-finite numbers as #NUM! instead of corrupting the file", async () => {
    const wb = XlsxWorkbook.create();
    await wb.writeSheets([{ name: "S", rows: [[Number.NaN, Number.POSITIVE_INFINITY, 1]] }]);
    const back = await XlsxWorkbook.fromBuffer(await wb.toBuffer());
    expect((await back.readSheets(["S"])).get("S")).toEqual([["#NUM!", "#NUM!", 1]]);
  });
});
