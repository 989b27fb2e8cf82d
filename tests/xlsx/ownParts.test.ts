// holdsOnly (src/workbook/xlsx/ownParts.ts): a workbook is rewritten from specs without ExcelJS only
// when it holds nothing but those sheets; anything someone added keeps it on the ExcelJS path.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetSpec } from "../../src/domain/sheetSpec";
import { LISTS_SHEET } from "../../src/workbook/presentation";
import {
  freshSheetNames,
  freshWorkbookBytes,
  freshWorkbookBytesSoon,
} from "../../src/workbook/xlsx/freshWorkbook";
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
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** `specs` written fresh, then edited by ExcelJS as someone might. */
async function viaExcelJs(edit: (wb: ExcelJS.Workbook) => void): Promise<XlsxWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(freshWorkbookBytes(specs) as unknown as ExcelJS.Buffer);
  edit(wb);
  return XlsxWorkbook.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
}

/** `specs` written fresh, with one part's text edited. */
async function freshEdited(part: string, edit: (xml: string) => string): Promise<XlsxWorkbook> {
  const zip = await JSZip.loadAsync(freshWorkbookBytes(specs));
  zip.file(part, edit(await zip.file(part)!.async("string")));
  return XlsxWorkbook.fromBuffer(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

describe("a workbook that holds only the sheets being rewritten", () => {
  it("is one written fresh, or by ExcelJS, with those sheets or fewer of them", async () => {
    expect(await (await XlsxWorkbook.fromBuffer(freshWorkbookBytes(specs))).holdsOnly(written)).toBe(true);
    expect(await (await viaExcelJs(() => undefined)).holdsOnly(written)).toBe(true);
    // A theme (Excel writes one; the fresh writer does not) may be someone's: ExcelJS keeps it.
    const zip = await JSZip.loadAsync(freshWorkbookBytes(specs));
    zip.file(
      "xl/theme/theme1.xml",
      '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Riêng"/>',
    );
    const themed = await XlsxWorkbook.fromBuffer(await zip.generateAsync({ type: "nodebuffer" }));
    expect(await themed.holdsOnly(written)).toBe(false);
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

  it("is not one whose application properties name a company or manager; its core properties are carried", async () => {
    const company = await freshEdited("docProps/app.xml", (x) =>
      x.replace("</Properties>", "<Company>Sở Nội vụ</Company></Properties>"),
    );
    expect(await company.holdsOnly(written)).toBe(false);
    const named = await freshEdited("xl/workbook.xml", (x) =>
      x.replace(
        "</sheets>",
        `</sheets><x-m:definedNames xmlns:x-m="${MAIN}"><x-m:definedName name="TongSo">'Tổng hợp'!$B$2</x-m:definedName></x-m:definedNames>`,
      ),
    );
    expect(await named.holdsOnly(written)).toBe(false);
    const titled = await freshEdited("docProps/core.xml", (x) =>
      x.replace(
        "<dc:creator>cchc-reporting</dc:creator>",
        "<dc:title>Tổng hợp CCHC năm 2026</dc:title><dc:creator>Nguyễn Văn A</dc:creator>",
      ),
    );
    expect(await titled.holdsOnly(written)).toBe(true);
    const core = Buffer.from(titled.coreProperties()!).toString("utf8");
    expect(core).toContain("<dc:title>Tổng hợp CCHC năm 2026</dc:title>");
    const now = new Date("2026-12-01T07:00:00Z");
    const rewritten = await freshWorkbookBytesSoon(specs, {
      level: 1,
      now,
      coreProperties: titled.coreProperties(),
    });
    const zip = await JSZip.loadAsync(rewritten);
    const back = await zip.file("docProps/core.xml")!.async("string");
    expect(back).toContain("<dc:title>Tổng hợp CCHC năm 2026</dc:title>");
    expect(back).toContain("<dc:creator>Nguyễn Văn A</dc:creator>");
    expect(back).toMatch(/<dcterms:modified[^>]*>2026-12-01T07:00:00Z<\/dcterms:modified>/);
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
