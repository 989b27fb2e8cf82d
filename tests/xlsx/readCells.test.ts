// Reading what people's workbooks really hold: rich text, links, formulas, errors, dates, merges.
import ExcelJS from "exceljs";
import fc from "fast-check";
import { civil, civilToSerial, serialToCivil } from "../../src/domain/civilDate";
import { dateToSerial } from "../../src/workbook/xlsx/xlsxReader";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";

// A zone east of UTC, where reading local date fields would slide 31/12 to 30/12.
process.env.TZ = "Asia/Ho_Chi_Minh";

async function bufferOf(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("readSheets on odd cells", () => {
  let grid: unknown[][];
  beforeAll(async () => {
    const buf = await bufferOf((wb) => {
      const ws = wb.addWorksheet("S");
      ws.getCell("A1").value = { richText: [{ text: "Hà " }, { text: "Nội", font: { bold: true } }] };
      ws.getCell("A2").value = { text: "Cổng dịch vụ công", hyperlink: "https://dichvucong.gov.vn" };
      ws.fillFormula("A3:B3", "1+1", [2, 4]); // a shared formula: B3 is its slave
      ws.getCell("A4").value = { formula: "B1*2" };
      ws.getCell("A5").value = { error: "#REF!" };
      ws.getCell("A6").value = { formula: "1/0", result: { error: "#DIV/0!" } };
      ws.getCell("A7").value = true;
      ws.getCell("A8").value = new Date(Date.UTC(2022, 11, 31));
      ws.getCell("A8").numFmt = "dd/mm/yyyy";
      ws.getCell("A9").value = "Thủ tục hành chính".normalize("NFD");
      ws.getCell("A10").value = "";
      ws.getCell("A11").value = new Date(Date.UTC(2023, 0, 1, 12));
      ws.getCell("A11").numFmt = "dd/mm/yyyy hh:mm";
      ws.getCell("A12").value = { formula: "DATE(2022,12,31)", result: new Date(Date.UTC(2022, 11, 31)) };
      ws.getCell("A12").numFmt = "dd/mm/yyyy";
      // Styled but empty cells far away must not widen the grid.
      ws.getCell("Z100").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
      ws.getCell("Y90").value = "";
    });
    const wb = await XlsxWorkbook.fromBuffer(buf);
    grid = (await wb.readSheets(["S"])).get("S")!;
  });

  it("joins rich text and takes hyperlink text", () => {
    expect(grid[0][0]).toBe("Hà Nội");
    expect(grid[1][0]).toBe("Cổng dịch vụ công");
  });

  it("gives formula results, null without a cached result, and error text", () => {
    expect(grid[2][0]).toBe(2);
    expect(grid[2][1]).toBe(4);
    expect(grid[3][0]).toBeNull();
    expect(grid[4][0]).toBe("#REF!");
    expect(grid[5][0]).toBe("#DIV/0!");
  });

  it("keeps booleans, NFC strings, and maps empty strings to null", () => {
    expect(grid[6][0]).toBe(true);
    expect(grid[8][0]).toBe("Thủ tục hành chính".normalize("NFC"));
    expect(grid[9][0]).toBeNull();
  });

  it("gives dates as 1900-system serials, whatever the time zone", () => {
    expect(grid[7][0]).toBe(civilToSerial(civil(2022, 12, 31)));
    expect(grid[10][0]).toBe(civilToSerial(civil(2023, 1, 1)) + 0.5);
    expect(grid[11][0]).toBe(civilToSerial(civil(2022, 12, 31)));
  });

  it("trims trailing empty rows and columns to the used range", () => {
    expect(grid).toHaveLength(12);
    expect(grid.every((r) => r.length === 2)).toBe(true);
  });
});

describe("dates", () => {
  it("agrees with civilToSerial for every day from 1900-03-01 to 9999 (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (serial) => {
        const c = serialToCivil(serial)!;
        const d = new Date(Date.UTC(c.y, c.m - 1, c.d));
        return dateToSerial(d) === civilToSerial(c) && civilToSerial(c) === serial;
      }),
      { seed: 20231213, numRuns: 500 },
    );
  });

  it("rebases 1904-system workbooks to 1900 serials", async () => {
    const buf = await bufferOf((wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet("S");
      ws.getCell("A1").value = new Date(Date.UTC(2022, 11, 31));
      ws.getCell("A1").numFmt = "dd/mm/yyyy";
    });
    const wb = await XlsxWorkbook.fromBuffer(buf);
    expect((await wb.readSheets(["S"])).get("S")).toEqual([[44926]]);
  });
});

describe("merged cells", () => {
  it("keeps the value in the master cell only and lists the ranges", async () => {
    const buf = await bufferOf((wb) => {
      const ws = wb.addWorksheet("Gộp");
      ws.getCell("A1").value = "Kết quả thực hiện";
      ws.mergeCells("A1:C1");
      ws.getCell("A2").value = 1;
      ws.getCell("B2").value = 2;
      ws.getCell("A3").value = "Dọc";
      ws.mergeCells("A3:A5");
    });
    const wb = await XlsxWorkbook.fromBuffer(buf);
    expect((await wb.readSheets(["Gộp"])).get("Gộp")).toEqual([
      ["Kết quả thực hiện", null, null],
      [1, 2, null],
      ["Dọc", null, null],
      // The merge areas stay in the used range, as Excel reports it, with null outside the masters.
      [null, null, null],
      [null, null, null],
    ]);
    const merged = await wb.mergedRanges(["Gộp", "không có"]);
    expect(merged.get("Gộp")!.sort()).toEqual(["A1:C1", "A3:A5"]);
    expect(merged.has("không có")).toBe(false);
  });
});

describe("sheet lookup", () => {
  it("finds sheets case-insensitively like Excel and leaves missing ones out", async () => {
    const buf = await bufferOf((wb) => {
      wb.addWorksheet("Thông tin").getCell("A1").value = "x";
      wb.addWorksheet("Rỗng");
      wb.addWorksheet("Ẩn", { state: "veryHidden" });
    });
    const wb = await XlsxWorkbook.fromBuffer(buf);
    const grids = await wb.readSheets(["thông tin", "Rỗng", "Thiếu"]);
    expect([...grids.keys()]).toEqual(["thông tin", "Rỗng"]);
    expect(grids.get("thông tin")).toEqual([["x"]]);
    expect(grids.get("Rỗng")).toEqual([]);
    expect((await wb.listSheets())[2]).toEqual({ name: "Ẩn", visibility: "veryHidden" });
  });
});

describe("one cell list for every sheet read", () => {
  it("reads a big sheet, then small ones, each to its own cells (the list's room grown and let go)", async () => {
    const buf = await bufferOf((wb) => {
      const big = wb.addWorksheet("Lớn");
      // 300 × 250 = 75,000 cells: past the room the list keeps between sheets.
      for (let r = 1; r <= 300; r++) big.addRow(Array.from({ length: 250 }, (_, c) => r * 1000 + c));
      wb.addWorksheet("Nhỏ").addRow(["a", 2]);
      wb.addWorksheet("Nhỏ 2").getCell("B2").value = "b";
    });
    const wb = await XlsxWorkbook.fromBuffer(buf);
    const grids = await wb.readSheets(["Lớn", "Nhỏ", "Nhỏ 2"]);
    const big = grids.get("Lớn")!;
    expect([big.length, big[0].length]).toEqual([300, 250]);
    expect([big[0][0], big[299][249], big[150][7]]).toEqual([1000, 300249, 151007]);
    expect(grids.get("Nhỏ")).toEqual([["a", 2]]);
    expect(grids.get("Nhỏ 2")).toEqual([
      [null, null],
      [null, "b"],
    ]);
    // A second workbook read after it: nothing left over from the first one's sheets.
    const other = await bufferOf((wb) => {
      wb.addWorksheet("Khác").getCell("A1").value = "c";
    });
    const again = await (await XlsxWorkbook.fromBuffer(other)).readSheets(["Khác"]);
    expect(again.get("Khác")).toEqual([["c"]]);
  });
});
