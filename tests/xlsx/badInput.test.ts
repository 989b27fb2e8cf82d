// Every kind of bad file people send gets its own code, never a stack trace from the zip library.
import { promises as fsp } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { crc32 } from "node:zlib";
import fc from "fast-check";
import { WorkbookReadError, type WorkbookReadErrorCode } from "../../src/workbook/xlsx/errors";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { noise } from "../helpers/bytes";

/** A zip with stored (uncompressed) entries, built by hand so fixtures need no zip library. */
function storedZip(entries: Record<string, string>, claimedSize?: number): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text, "utf8");
    const nameBuf = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(claimedSize ?? data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Object.keys(entries).length, 8);
  eocd.writeUInt16LE(Object.keys(entries).length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** A compound-file (OLE) header, optionally naming the stream an encrypted .xlsx carries. */
function cfb(withEncryptionInfo: boolean): Buffer {
  const buf = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  const stream = withEncryptionInfo ? "EncryptionInfo" : "Workbook";
  Buffer.from(stream, "utf16le").copy(buf, 1024);
  return buf;
}

async function validXlsx(): Promise<Buffer> {
  const wb = XlsxWorkbook.create();
  await wb.writeSheets([
    { name: "S", rows: Array.from({ length: 50 }, (_, i) => [`Dòng ${i}`, i, i * 1.5]), headerRows: 1 },
  ]);
  return wb.toBuffer();
}

async function codeOf(p: Promise<unknown>): Promise<WorkbookReadErrorCode | "OK"> {
  try {
    await p;
    return "OK";
  } catch (e) {
    if (!(e instanceof WorkbookReadError)) throw e;
    return e.code;
  }
}

describe("fromBuffer rejects bad input with a code", () => {
  let good: Buffer;
  beforeAll(async () => {
    good = await validXlsx();
  });

  it.each<[string, () => Buffer, WorkbookReadErrorCode]>([
    ["an empty buffer", () => Buffer.alloc(0), "EMPTY_FILE"],
    ["random bytes", () => noise(2048), "NOT_XLSX"],
    ["a PDF renamed to .xlsx", () => Buffer.from("%PDF-1.7\n..."), "NOT_XLSX"],
    [
      "a zip magic followed by garbage",
      () => Buffer.concat([Buffer.from("PK\x03\x04"), noise(1000)]),
      "TRUNCATED",
    ],
    ["a legacy .xls (compound file)", () => cfb(false), "LEGACY_XLS"],
    ["an encrypted .xlsx (compound file with EncryptionInfo)", () => cfb(true), "ENCRYPTED"],
    ["an OpenDocument spreadsheet", () => storedZip({ mimetype: "x", "content.xml": "<x/>" }), "NOT_XLSX"],
    ["a zip that is not a workbook", () => storedZip({ "readme.txt": "hello" }), "NOT_XLSX"],
  ])("%s", async (_label, make, code) => {
    expect(await codeOf(XlsxWorkbook.fromBuffer(make(), { name: "bad.xlsx" }))).toBe(code);
  });

  it("a real workbook cut in half or missing its last bytes is TRUNCATED", async () => {
    expect(await codeOf(XlsxWorkbook.fromBuffer(good.subarray(0, good.length >> 1)))).toBe("TRUNCATED");
    expect(await codeOf(XlsxWorkbook.fromBuffer(good.subarray(0, good.length - 10)))).toBe("TRUNCATED");
  });

  it("a file over the size limit is TOO_LARGE before anything is read", async () => {
    expect(await codeOf(XlsxWorkbook.fromBuffer(good, { maxBytes: good.length - 1 }))).toBe("TOO_LARGE");
    expect(await codeOf(XlsxWorkbook.fromBuffer(good, { maxBytes: good.length }))).toBe("OK");
  });

  it("a zip that claims a huge uncompressed size (zip bomb) is TOO_LARGE", async () => {
    const bomb = storedZip(
      { "[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>" },
      0xfffffff0, // ~4 GB claimed per entry
    );
    expect(await codeOf(XlsxWorkbook.fromBuffer(bomb))).toBe("TOO_LARGE");
    expect(await codeOf(XlsxWorkbook.fromBuffer(good, { maxUncompressedBytes: 1000 }))).toBe("TOO_LARGE");
  });

  it("a well-formed package with broken XML is UNREADABLE, not a crash", async () => {
    const broken = storedZip({
      "[Content_Types].xml": "<Types",
      "xl/workbook.xml": "<workbook><sheets><sheet name=",
    });
    expect(await codeOf(XlsxWorkbook.fromBuffer(broken))).toBe("UNREADABLE");
  });

  it("names the file and says what to do, in Vietnamese and English", async () => {
    const err = await XlsxWorkbook.fromBuffer(cfb(false), { name: "So_Tu_phap.xls" }).catch((e) => e);
    expect(err).toBeInstanceOf(WorkbookReadError);
    expect(err.file).toBe("So_Tu_phap.xls");
    expect(err.message_vi).toContain("So_Tu_phap.xls");
    expect(err.message_vi).toContain(".xlsx");
    expect(err.message_en).toContain("So_Tu_phap.xls");
    expect(err.message).toBe(err.message_vi);
  });

  it("damaged bytes anywhere give a workbook or a WorkbookReadError, nothing else (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), {
          minLength: 1,
          maxLength: 8,
        }),
        async (flips) => {
          const bad = Buffer.from(good);
          for (const { at, byte } of flips) bad[at % bad.length] = byte;
          await codeOf(XlsxWorkbook.fromBuffer(bad)); // rethrows anything that is not a WorkbookReadError
        },
      ),
      { seed: 20231213, numRuns: 60 },
    );
  });
});

describe("open", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), "xlsx-open-"));
  });
  afterAll(async () => {
    await fsp.rm(dir, { recursive: true, force: true });
  });

  it("reads a file, and checks the size limit from the file size", async () => {
    const file = path.join(dir, "ok.xlsx");
    const bytes = await validXlsx();
    await fsp.writeFile(file, bytes);
    const wb = await XlsxWorkbook.open(file);
    expect(wb.name).toBe(file);
    expect((await wb.readSheets(["S"])).get("S")?.[1]).toEqual(["Dòng 1", 1, 1.5]);
    expect(await codeOf(XlsxWorkbook.open(file, { maxBytes: 100 }))).toBe("TOO_LARGE");
  });

  it("reports a missing file as NOT_FOUND and a folder as UNREADABLE, with the path", async () => {
    const missing = path.join(dir, "thiếu.xlsx");
    const err = await XlsxWorkbook.open(missing).catch((e) => e);
    expect(err).toBeInstanceOf(WorkbookReadError);
    expect(err.code).toBe("NOT_FOUND");
    expect(err.message_vi).toContain("Không tìm thấy tệp");
    expect(err.message_vi).not.toContain("lưu lại dưới dạng .xlsx"); // not the damaged-file advice
    expect(err.message_en).toContain("thiếu.xlsx");
    expect(await codeOf(XlsxWorkbook.open(dir))).toBe("UNREADABLE");
  });
});
