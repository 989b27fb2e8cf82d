// The native-zlib fast paths (zipWrite.ts, scan.ts one-go inflation, read-only loads, bulkRows.ts)
// must read and write exactly what the ExcelJS/JSZip paths do, and keep every limit.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { CellValue } from "../../domain/cell";
import type { SheetSpec } from "../../domain/sheetSpec";
import { NASTY_CELLS } from "../../../tests/helpers/nastyCells";
import { BULK_MIN_ROWS } from "./bulkRows";
import { WorkbookReadError } from "./errors";
import { ONE_GO_BYTES, scanXlsxParts } from "./scan";
import { DEFAULT_LIMITS, assertXlsxBytes, readZipDirectory } from "./sniff";
import { writeSheet } from "./writeSheet";
import { XlsxReader } from "./xlsxReader";
import { XlsxWorkbook } from "./xlsxWorkbook";
import { deflateSoon, nativeZip, storedParts, writeZip } from "./zipWrite";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { randomBytes } from "node:crypto";

/** Change the size a part declares, in its central directory record and its local header. */
function declare(buf: Buffer, part: string, size: number): Buffer {
  const out = Buffer.from(buf);
  const name = Buffer.from(part, "utf8");
  for (let at = out.indexOf("PK\x01\x02"); at >= 0; at = out.indexOf("PK\x01\x02", at + 4)) {
    if (
      out.readUInt16LE(at + 28) !== name.length ||
      !out.subarray(at + 46, at + 46 + name.length).equals(name)
    )
      continue;
    out.writeUInt32LE(size, at + 24);
    out.writeUInt32LE(size, out.readUInt32LE(at + 42) + 22);
    return out;
  }
  throw new Error(`no part ${part}`);
}

async function readError(buf: Buffer): Promise<WorkbookReadError> {
  try {
    await XlsxWorkbook.fromBuffer(buf, { name: "bao-cao.xlsx" });
  } catch (e) {
    if (e instanceof WorkbookReadError) return e;
    throw e;
  }
  throw new Error("read did not fail");
}

const nasty: CellValue[] = [...NASTY_CELLS];

function longSpec(rows: number): SheetSpec {
  const header: CellValue[] = nasty.map((_, c) => `Cột ${c + 1}`);
  return {
    name: "Dữ liệu dài",
    headerRows: 1,
    protectHeaders: true,
    columns: nasty.map((_, c) =>
      c === 6 ? { width: 12, format: "percent" } : c === 1 ? { list: ["Có", "Không"] } : { width: 10 },
    ),
    rows: [
      header,
      ...Array.from({ length: rows }, (_, r) =>
        r % 7 === 3 ? nasty : nasty.map((v, c) => (c === 7 ? r : v)),
      ),
    ],
  } as SheetSpec;
}

describe("native zip", () => {
  it("is available on this Node (≥ 20.15: bounded inflation and crc32)", () => {
    expect(nativeZip()).toBe(true);
  });

  it("writes stored and deflated zips that JSZip reads back with CRC checks on", async () => {
    const parts = [
      { name: "a.txt", data: Buffer.from("xin chào ".repeat(1000)) },
      { name: "thư mục/b.bin", data: Buffer.from([0, 1, 2, 255]) },
      { name: "empty", data: Buffer.alloc(0) },
    ];
    for (const level of [undefined, 1, 6]) {
      const zip = await JSZip.loadAsync(writeZip(parts, { level }), { checkCRC32: true });
      for (const p of parts) expect(await zip.file(p.name)!.async("nodebuffer")).toEqual(p.data);
    }
    expect(storedParts(writeZip(parts)).map((p) => [p.name, Buffer.from(p.data)])).toEqual(
      parts.map((p) => [p.name, p.data]),
    );
  });

  it("deflates on the thread pool in one output chunk the same bytes as in one go, even when they grow", async () => {
    // Random bytes do not compress: the output is larger than the input, the case the chunk's size
    // is bounded for; XML compresses; one byte is below zlib's smallest chunk.
    const inputs = [
      randomBytes(200_000),
      Buffer.from('<c r="A1"><v>1</v></c>'.repeat(5000)),
      Buffer.from([7]),
    ];
    for (const data of inputs) {
      for (const level of [1, 4]) {
        const soon = Buffer.from(await deflateSoon(data, level));
        expect(soon.equals(deflateRawSync(data, { level }))).toBe(true);
        expect(inflateRawSync(soon).equals(data)).toBe(true);
      }
    }
  });
});

describe("one-go inflation keeps the limits", () => {
  let book: Buffer;
  beforeAll(async () => {
    const wb = XlsxWorkbook.create();
    await wb.writeSheets([{ name: "Dữ liệu", rows: Array.from({ length: 50 }, (_, r) => [r, `dòng ${r}`]) }]);
    book = await wb.toBuffer();
  });

  it("is the path taken for a small package, and keeps the parts asked for", async () => {
    const entries = assertXlsxBytes(book, DEFAULT_LIMITS);
    expect(entries.reduce((n, e) => n + e.uncompressedSize, 0)).toBeLessThan(ONE_GO_BYTES);
    const report = await scanXlsxParts(book, entries, DEFAULT_LIMITS, "x", undefined, {
      keep: (p) => p.startsWith("xl/"),
    });
    expect(report.sheets).toEqual([expect.objectContaining({ name: "Dữ liệu", rows: 50, cells: 100 })]);
    expect(report.parts!.map((p) => p.name)).toContain("xl/worksheets/sheet1.xml");
    expect(report.parts!.every((p) => p.name.startsWith("xl/"))).toBe(true);
    const sheet = Buffer.from(report.parts!.find((p) => p.name === "xl/worksheets/sheet1.xml")!.data);
    expect(sheet.toString("utf8")).toContain("<sheetData>");
  });

  it("refuses a part that inflates past its declared size (a lying zip bomb)", async () => {
    const sheet = assertXlsxBytes(book, DEFAULT_LIMITS).find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    const e = await readError(declare(book, sheet.name, sheet.uncompressedSize - 100));
    expect(e.code).toBe("TOO_LARGE");
    expect(e.message_en).toMatch(/zip bomb/);
  });

  it("refuses a part smaller than declared as damaged", async () => {
    const sheet = assertXlsxBytes(book, DEFAULT_LIMITS).find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    const e = await readError(declare(book, sheet.name, sheet.uncompressedSize + 100));
    expect(e.code).toBe("UNREADABLE");
    expect(e.message_en).toMatch(/declared size/);
  });

  it("still counts rows past the limit", async () => {
    await expect(XlsxWorkbook.fromBuffer(book, { maxRows: 49 })).rejects.toMatchObject({ code: "TOO_LARGE" });
    await expect(XlsxWorkbook.fromBuffer(book, { maxRows: 50 })).resolves.toBeDefined();
  });
});

describe("reading a written workbook back", () => {
  it("reads values, merges and hyperlink texts past validations (the reader has no other mode)", async () => {
    const wb = XlsxWorkbook.create();
    await wb.writeSheets([
      longSpec(40),
      {
        name: "Ghi chú",
        rows: [
          ["Tiêu đề", null],
          [1, 2],
        ],
      },
    ]);
    wb.exceljs.getWorksheet("Ghi chú")!.mergeCells("A1:B1");
    wb.exceljs.getWorksheet("Ghi chú")!.getCell("A2").value = { text: "liên kết", hyperlink: "https://a.vn" };
    const bytes = await wb.toBuffer();
    const lean = await XlsxWorkbook.fromBuffer(bytes);
    expect((await lean.listSheets()).map((s) => s.name)).toEqual(["Dữ liệu dài", "Ghi chú"]);
    expect((await lean.readSheets(["Dữ liệu dài"])).get("Dữ liệu dài")).toHaveLength(41);
    expect((await lean.mergedRanges(["Ghi chú"])).get("Ghi chú")).toEqual(["A1:B1"]);
    expect((await lean.readSheets(["Ghi chú"])).get("Ghi chú")![1][0]).toBe("liên kết");
  });
});

describe("long sheets written into the sheet XML", () => {
  const spec = longSpec(BULK_MIN_ROWS + 50);

  it("give the same cells, values and styles as ExcelJS writing every cell", async () => {
    const fast = XlsxWorkbook.create();
    await fast.writeSheets([spec]);
    const plain = new ExcelJS.Workbook();
    expect(await writeSheet(plain, spec)).toBeUndefined(); // no bulk asked: every cell through ExcelJS
    const [a, b] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
    await a.xlsx.load((await fast.toBuffer()) as unknown as ExcelJS.Buffer);
    await b.xlsx.load((await plain.xlsx.writeBuffer()) as ExcelJS.Buffer);
    const [wa, wb] = [a.getWorksheet(spec.name)!, b.getWorksheet(spec.name)!];
    expect(wa.dimensions.toString()).toBe(wb.dimensions.toString());
    let cells = 0;
    wb.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        cells += 1;
        expect([r, c, wa.getCell(r, c).value, wa.getCell(r, c).style]).toEqual([
          r,
          c,
          cell.value,
          cell.style,
        ]);
      }),
    );
    expect(cells).toBeGreaterThan(BULK_MIN_ROWS * 10);
    expect(a.worksheets.length).toBe(b.worksheets.length);
  });

  it("read back as the spec's rows, text never turned into a formula", async () => {
    const wb = XlsxWorkbook.create();
    await wb.writeSheets([spec]);
    const grid = (await (await XlsxWorkbook.fromBuffer(await wb.toBuffer())).readSheets([spec.name])).get(
      spec.name,
    )!;
    // A character XML forbids is replaced by U+FFFD, as on every write path (domain/text/cellSafety.ts).
    const clean = (v: CellValue): CellValue => (typeof v === "string" ? v.split("\u0001").join("\uFFFD") : v);
    expect(grid).toEqual(spec.rows.map((row) => row.map(clean)));
    expect(grid[4][8]).toBe("=1+1");
  });

  it("write texts inline when the workbook has no shared-string table", async () => {
    // No header rows and no other text: ExcelJS writes no xl/sharedStrings.xml to append to.
    const rows = Array.from({ length: BULK_MIN_ROWS + 5 }, (_, r) => [r, ` văn bản ${r} `]);
    const wb = XlsxWorkbook.create();
    await wb.writeSheets([{ name: "Không tiêu đề", rows }]);
    const bytes = await wb.toBuffer();
    expect(readZipDirectory(bytes)!.some((e) => e.name === "xl/sharedStrings.xml")).toBe(false);
    const read = await XlsxWorkbook.fromBuffer(bytes);
    expect((await read.readSheets(["Không tiêu đề"])).get("Không tiêu đề")).toEqual(rows);
  });

  it("are built as ExcelJS cells when the sheet is read before saving", async () => {
    const wb = XlsxWorkbook.create();
    await wb.writeSheets([spec]);
    expect((await wb.readSheets([spec.name])).get(spec.name)).toHaveLength(spec.rows.length);
    expect(wb.exceljs.getWorksheet(spec.name)!.rowCount).toBe(spec.rows.length);
  });

  it("are not used for a sheet with highlighted data rows", async () => {
    const highlighted = { ...spec, highlightRows: [5] };
    expect(await writeSheet(new ExcelJS.Workbook(), highlighted, { bulk: true })).toBeUndefined();
    expect(await writeSheet(new ExcelJS.Workbook(), spec, { bulk: true })).toMatchObject({ firstRow: 2 });
  });
});

describe("the workbook and style parts remembered from the last read", () => {
  it("answer only for the same text and the same parts present", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("A").getCell("A1").value = 1;
    // A date style rounds the serial to the millisecond: 0.1234567891234 of a day reads otherwise.
    const b = wb.addWorksheet("B").getCell("A1");
    b.value = 0.1234567891234;
    b.numFmt = "mm-dd-yy";
    const parts = storedParts(
      Buffer.from((await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } })) as ArrayBuffer),
    );
    const both = writeZip(parts);
    // The same workbook.xml and styles, without the second sheet's part: sheet B is not there.
    const one = writeZip(parts.filter((p) => p.name !== "xl/worksheets/sheet2.xml"));
    // Styles where no cell format is a date.
    const noDates = writeZip(
      parts.map((p) =>
        p.name === "xl/styles.xml"
          ? {
              name: p.name,
              data: Buffer.from(
                Buffer.from(p.data)
                  .toString("utf8")
                  .replace(/numFmtId="14"/g, 'numFmtId="0"'),
              ),
            }
          : p,
      ),
    );
    const names = async (buf: Buffer) =>
      (await (await XlsxReader.fromBuffer(buf)).listSheets()).map((s) => s.name);
    const dateCell = async (buf: Buffer) =>
      (await (await XlsxReader.fromBuffer(buf)).readSheets(["B"])).get("B")![0][0];
    expect(await names(both)).toEqual(["A", "B"]);
    expect(await names(one)).toEqual(["A"]);
    expect(await names(both)).toEqual(["A", "B"]);
    const asDate = Math.round(0.1234567891234 * 86_400_000) / 86_400_000;
    expect(await dateCell(both)).toBeCloseTo(asDate, 15);
    expect(await dateCell(noDates)).toBe(0.1234567891234);
    expect(await dateCell(both)).toBeCloseTo(asDate, 15);
    expect(asDate).not.toBe(0.1234567891234);
  });
});
