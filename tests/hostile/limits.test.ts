// Each read limit (docs/LIMITS.md) is checked before ExcelJS builds anything, gives TOO_LARGE with a
// bilingual detail, and a file just inside the limit still reads.
import { deflateRawSync } from "node:zlib";
import { withParts } from "../../scripts/generate-bad-fixtures";
import { WorkbookReadError, type WorkbookReadErrorCode } from "../../src/workbook/xlsx/errors";
import { scanXlsxParts } from "../../src/workbook/xlsx/scan";
import { DEFAULT_LIMITS, readZipDirectory, type ReadLimits } from "../../src/workbook/xlsx/sniff";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";

async function book(rows: (string | number)[][], extraSheets = 0): Promise<Buffer> {
  const wb = XlsxWorkbook.create();
  await wb.writeSheets([
    { name: "Dữ liệu", rows },
    ...Array.from({ length: extraSheets }, (_, i) => ({ name: `T${i + 1}`, rows: [[i]] })),
  ]);
  return wb.toBuffer();
}

async function outcome(
  buf: Buffer,
  limits: Partial<ReadLimits>,
): Promise<{ code: WorkbookReadErrorCode | "OK"; vi: string; en: string }> {
  try {
    await XlsxWorkbook.fromBuffer(buf, { name: "bao-cao.xlsx", ...limits });
    return { code: "OK", vi: "", en: "" };
  } catch (e) {
    if (!(e instanceof WorkbookReadError)) throw e;
    return { code: e.code, vi: e.message_vi, en: e.message_en };
  }
}

describe("read limits", () => {
  let grid: Buffer; // 30 rows × 8 columns = 240 cells
  beforeAll(async () => {
    grid = await book(Array.from({ length: 30 }, (_, r) => Array.from({ length: 8 }, (_, c) => r * 8 + c)));
  });

  it("defaults are the documented values", () => {
    expect(DEFAULT_LIMITS).toEqual({
      maxBytes: 50 * 1024 * 1024,
      maxUncompressedBytes: 200 * 1024 * 1024,
      maxEntries: 10_000,
      maxSheets: 250,
      maxRows: 200_000,
      maxColumns: 16_384,
      maxCells: 1_000_000,
      maxMillis: 60_000,
    });
  });

  it.each<[string, Partial<ReadLimits>, Partial<ReadLimits>, RegExp]>([
    ["rows", { maxRows: 29 }, { maxRows: 30 }, /past row 29 \(at least to row 30\); the limit is 29 rows/],
    [
      "columns",
      { maxColumns: 7 },
      { maxColumns: 8 },
      /past column 7 \(at least to column 8\); the limit is 7 columns/,
    ],
    [
      "used range",
      { maxCells: 239 },
      { maxCells: 240 },
      /at least 30 rows × 8 columns; the limit is 239 cells/,
    ],
  ])(
    "%s: one past the limit is TOO_LARGE naming the sheet, at the limit it reads",
    async (_n, over, at, en) => {
      const bad = await outcome(grid, over);
      expect(bad.code).toBe("TOO_LARGE");
      expect(bad.en).toMatch(en);
      expect(bad.en).toContain('"Dữ liệu"');
      expect(bad.vi).toContain("bao-cao.xlsx");
      expect(bad.vi).toContain('trang "Dữ liệu"');
      expect((await outcome(grid, at)).code).toBe("OK");
    },
  );

  it("sheets and package parts are counted from the zip directory", async () => {
    const many = await book([[1]], 5);
    expect((await outcome(many, { maxSheets: 5 })).en).toMatch(/6 sheets > 5/);
    expect((await outcome(many, { maxSheets: 6 })).code).toBe("OK");
    const parts = readZipDirectory(many)!.length;
    expect((await outcome(many, { maxEntries: parts - 1 })).en).toMatch(new RegExp(`${parts} package parts`));
  });

  it("cells are counted over the whole workbook, not only per sheet", async () => {
    const two = await book(
      Array.from({ length: 10 }, (_, r) => [r, r]),
      5,
    ); // 20 cells + 5 one-cell sheets
    expect((await outcome(two, { maxCells: 24 })).en).toMatch(/more than 24 cells/);
    expect((await outcome(two, { maxCells: 25 })).code).toBe("OK");
  });

  it("shared strings past the cell limit are TOO_LARGE (they can only be padding), at the limit it reads", async () => {
    // The grid holds 240 cells; a string table of 241 items, prefixed or not, over 64 KB slices.
    const sst = (count: number, prefix: string): Buffer => {
      const p = prefix ? `${prefix}:` : "";
      const ns = prefix ? `xmlns:${prefix}` : "xmlns";
      const items = Array.from(
        { length: count },
        (_, i) => `<${p}si><${p}t>chuỗi ${i} ${"đ".repeat(200)}</${p}t></${p}si>`,
      );
      return Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><${p}sst ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${count}">${items.join("")}</${p}sst>`,
      );
    };
    for (const prefix of ["", "x"]) {
      const over = withParts(grid, [{ name: "xl/sharedStrings.xml", data: sst(241, prefix) }]);
      expect(over.length).toBeGreaterThan(0);
      const bad = await outcome(over, { maxCells: 240 });
      expect(bad.code).toBe("TOO_LARGE");
      expect(bad.en).toMatch(/more than 240 text strings/);
      expect(bad.vi).toMatch(/hơn 240 chuỗi văn bản/);
      expect(bad.vi).toContain("bao-cao.xlsx");
      const at = withParts(grid, [{ name: "xl/sharedStrings.xml", data: sst(240, prefix) }]);
      expect((await outcome(at, { maxCells: 240 })).code).toBe("OK");
    }
  });

  it("a file past the time budget is answered TOO_LARGE instead of being waited for", async () => {
    const r = await outcome(grid, { maxMillis: 0 });
    expect(r.code).toBe("TOO_LARGE");
    expect(r.en).toMatch(/too long|longer than/);
  });

  it("the scan reports rows, columns and cells of each sheet by its name", async () => {
    const report = await scanXlsxParts(grid, readZipDirectory(grid)!, DEFAULT_LIMITS);
    expect(report.sheets).toEqual([
      { part: "xl/worksheets/sheet1.xml", name: "Dữ liệu", rows: 30, columns: 8, cells: 240 },
    ]);
    expect(report.cells).toBe(240);
  });

  it("rows and cells without r attributes are counted in order, across chunk boundaries", async () => {
    // 300,000 rows of XML without `r` attributes: the counter must number them itself.
    const xml =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      "<row><c><v>1</v></c><c><v>2</v></c></row>".repeat(300_000) +
      "</sheetData></worksheet>";
    const buf = withParts(grid, [{ name: "xl/worksheets/sheet1.xml", data: Buffer.from(xml) }]);
    const t = Date.now();
    const r = await outcome(buf, {});
    expect(r.code).toBe("TOO_LARGE");
    expect(r.en).toMatch(/past row 200000 \(at least to row 2\d{5}\); the limit is 200000 rows/);
    expect(Date.now() - t).toBeLessThan(5_000);
    expect(deflateRawSync(Buffer.from(xml)).length).toBeLessThan(200_000); // small on disk, big inside
  });
});
