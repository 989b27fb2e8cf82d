// holdsOnly (src/workbook/xlsx/ownParts.ts): a workbook is rewritten from specs without ExcelJS only
// when it holds nothing but those sheets; anything someone added keeps it on the ExcelJS path.
import ExcelJS from "exceljs";
import type { SheetSpec } from "../../src/domain/sheetSpec";
import { LISTS_SHEET } from "../../src/workbook/presentation";
import { freshSheetNames, freshWorkbookBytes } from "../../src/workbook/xlsx/freshWorkbook";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";

const specs: SheetSpec[] = [
  {
    name: "Tổng hợp",
    rows: [
      ["Chỉ tiêu", "Giá trị"],
      ["A", 1],
    ],
    headerRows: 1,
  },
  { name: "Dữ liệu dài", rows: [["x"], ["y"]], headerRows: 1 },
];
const written = freshSheetNames(specs);

async function viaExcelJs(edit: (wb: ExcelJS.Workbook) => void): Promise<XlsxWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(freshWorkbookBytes(specs) as unknown as ExcelJS.Buffer);
  edit(wb);
  return XlsxWorkbook.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
}

describe("a workbook that holds only the sheets being rewritten", () => {
  it("is one written fresh, or by ExcelJS, with those sheets or fewer of them", async () => {
    expect(await (await XlsxWorkbook.fromBuffer(freshWorkbookBytes(specs))).holdsOnly(written)).toBe(true);
    expect(await (await viaExcelJs(() => undefined)).holdsOnly(written)).toBe(true);
    const older = await XlsxWorkbook.fromBuffer(freshWorkbookBytes(specs.slice(0, 1)));
    expect(await older.holdsOnly(written)).toBe(true);
  });

  it("is not one with another sheet, sheets in another order, or a sheet renamed", async () => {
    const extra = await viaExcelJs(
      (wb) => (wb.addWorksheet("Ghi chú riêng").getCell("A1").value = "của tôi"),
    );
    expect(await extra.holdsOnly(written)).toBe(false);
    const reversed = await XlsxWorkbook.fromBuffer(freshWorkbookBytes([...specs].reverse()));
    expect(await reversed.holdsOnly(written)).toBe(false);
    const renamed = await viaExcelJs((wb) => (wb.getWorksheet("Tổng hợp")!.name = "Tổng hợp (sửa)"));
    expect(await renamed.holdsOnly(written)).toBe(false);
  });

  it("is not one with a defined name, a comment or an image someone added", async () => {
    const named = await viaExcelJs((wb) => wb.definedNames.add("'Tổng hợp'!$B$2", "TongSo"));
    expect(await named.holdsOnly(written)).toBe(false);
    const noted = await viaExcelJs(
      (wb) => (wb.getWorksheet("Tổng hợp")!.getCell("B2").note = "kiểm tra lại"),
    );
    expect(await noted.holdsOnly(written)).toBe(false);
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
      "base64",
    );
    const pictured = await viaExcelJs((wb) => {
      const id = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: "png" });
      wb.getWorksheet("Tổng hợp")!.addImage(id, "D2:E4");
    });
    expect(await pictured.holdsOnly(written)).toBe(false);
  });

  it("counts the hidden lists sheet a long dropdown needs among the sheets written", () => {
    const list = Array.from({ length: 40 }, (_, i) => `Lựa chọn khá dài số ${i}`);
    const withList: SheetSpec[] = [
      specs[0],
      { name: "Chọn", rows: [["h"]], headerRows: 1, columns: [{ list }] },
    ];
    expect(freshSheetNames(withList)).toEqual(["Tổng hợp", "Chọn", LISTS_SHEET]);
    expect(freshSheetNames([...specs, { name: "TỔNG HỢP", rows: [] }])).toEqual(["TỔNG HỢP", "Dữ liệu dài"]);
  });

  it("is not one already written to: its content is no longer what was read", async () => {
    const wb = await XlsxWorkbook.fromBuffer(freshWorkbookBytes(specs));
    await wb.writeSheets([{ name: "Tổng hợp", rows: [["mới"]] }]);
    expect(await wb.holdsOnly(written)).toBe(false);
  });
});
