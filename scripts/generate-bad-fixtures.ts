// Generates tests/fixtures/bad/: every kind of hostile or broken workbook people send (issue 7),
// built from bytes and ExcelJS, never hand-made binaries. Deterministic: the same bytes on every run.
//
//   npx tsx scripts/generate-bad-fixtures.ts [folder]      # default tests/fixtures/bad
//
// The corpus test (tests/hostile/corpus.test.ts) calls generateBadFixtures() in its beforeAll, so CI
// builds the folder itself; it is git-ignored.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { constants as Z, crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import { parsePeriod, type Period } from "../src/domain/period";
import { EXCEL_ERRORS, type Grid } from "../src/domain/cell";
import { consolidate } from "../src/domain/consolidation/model";
import { rollupSheets } from "../src/domain/consolidation/sheets";
import { toSubmission } from "../src/domain/consolidation/submission";
import type { SheetSpec } from "../src/domain/sheetSpec";
import { unicodeToLegacy } from "../src/domain/text/legacyEncoding";
import { validateReport } from "../src/domain/validation/validateReport";
import { readZipDirectory } from "../src/workbook/xlsx/sniff";
import { XlsxWorkbook } from "../src/workbook/xlsx/xlsxWorkbook";
import { examplePlan, filledReport, gridsOf, rowOf } from "../tests/helpers/fixtures";
import { noise } from "../tests/helpers/bytes";

export const BAD_FIXTURES_DIR = path.join(__dirname, "..", "tests", "fixtures", "bad");

/** The period and agency every readable fixture reports (Sở Tư pháp, Q2 2023). */
export const FIXTURE_PERIOD = "2023-Q2";
export const FIXTURE_AGENCY = "STP";

const period = (code: string): Period => {
  const p = parsePeriod(code);
  if (!p.ok) throw new Error(`bad period ${code}`);
  return p.period;
};

// ------------------------------------------------------------------------------------------ zip

export interface Part {
  name: string;
  /** Uncompressed content (deflated here unless `raw` is given). */
  data?: Buffer;
  /** Already-deflated content, its true uncompressed size and CRC. */
  raw?: { deflated: Buffer; size: number; crc: number };
  /** The uncompressed size to write in the headers, when it should lie. */
  declaredSize?: number;
}

/** A zip file from parts (deflate, no data descriptors): enough to build any .xlsx by hand. */
function zip(parts: readonly Part[]): Buffer {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    const deflated = p.raw ? p.raw.deflated : deflateRawSync(p.data ?? Buffer.alloc(0));
    const size = p.declaredSize ?? (p.raw ? p.raw.size : (p.data?.length ?? 0));
    const crc = p.raw ? p.raw.crc : crc32(p.data ?? Buffer.alloc(0));
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(deflated.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    out.push(local, name, deflated);
    central.push(cd, name);
    offset += local.length + name.length + deflated.length;
  }
  const cd = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(parts.length, 8);
  eocd.writeUInt16LE(parts.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, cd, eocd]);
}

/** The parts of a zip written by ExcelJS, inflated, in order. */
function unzip(buf: Buffer): Part[] {
  const entries = readZipDirectory(buf);
  if (!entries) throw new Error("not a zip");
  return entries.map((e) => {
    const at = e.localOffset;
    const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
    const data = buf.subarray(start, start + e.compressedSize);
    return { name: e.name, data: e.method === 0 ? Buffer.from(data) : inflateRawSync(data) };
  });
}

/** Replace (or add) parts of a workbook's zip. */
export function withParts(xlsx: Buffer, replace: readonly Part[]): Buffer {
  const parts = unzip(xlsx);
  for (const r of replace) {
    const i = parts.findIndex((p) => p.name === r.name);
    if (i >= 0) parts[i] = r;
    else parts.push(r);
  }
  return zip(parts);
}

/**
 * `prefix`, then `unit` repeated at least `count` times, then `suffix`, deflated by repeating one
 * full-flushed block: each block is self-contained, so N copies of it inflate to N copies of the
 * text. A gigabyte costs a few milliseconds to build and about a megabyte on disk.
 */
function repeatedDeflate(
  prefix: string,
  unit: string,
  count: number,
  suffix = "",
): { deflated: Buffer; size: number; crc: number; count: number } {
  const perBlock = Math.max(1, Math.floor((1024 * 1024) / unit.length));
  const block = Buffer.from(unit.repeat(perBlock), "latin1");
  const blocks = Math.ceil(count / perBlock);
  const head = Buffer.from(prefix, "latin1");
  const tail = Buffer.from(suffix, "latin1");
  const flush = { finishFlush: Z.Z_FULL_FLUSH };
  const body = deflateRawSync(block, flush);
  let crc = crc32(head);
  for (let i = 0; i < blocks; i++) crc = crc32(block, crc);
  crc = crc32(tail, crc);
  return {
    deflated: Buffer.concat([
      deflateRawSync(head, flush),
      ...new Array<Buffer>(blocks).fill(body),
      deflateRawSync(tail),
    ]),
    size: head.length + blocks * block.length + tail.length,
    crc,
    count: blocks * perBlock,
  };
}

// ------------------------------------------------------------------------------ compound file

const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

/**
 * An OLE compound file (CFB v3, 512-byte sectors) holding the given streams in the root storage:
 * the container of .xls files and of password-encrypted .xlsx files. Streams are padded to 4096
 * bytes so they live in the regular FAT (no mini stream), which keeps the writer short.
 */
function compoundFile(streams: { name: string; data: Buffer }[]): Buffer {
  const SECTOR = 512;
  const padded = streams.map((s) => {
    const size = Math.max(4096, Math.ceil(s.data.length / SECTOR) * SECTOR);
    const data = Buffer.alloc(size);
    s.data.copy(data);
    return { name: s.name, data, size: Math.max(4096, s.data.length) };
  });
  // Sector 0: FAT; sector 1: directory; then the streams.
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FATSECT, 0);
  fat.writeUInt32LE(ENDOFCHAIN, 4);
  let next = 2;
  const starts: number[] = [];
  for (const s of padded) {
    const n = s.data.length / SECTOR;
    starts.push(next);
    for (let i = 0; i < n; i++) fat.writeUInt32LE(i === n - 1 ? ENDOFCHAIN : next + i + 1, (next + i) * 4);
    next += n;
  }
  if (next > SECTOR / 4) throw new Error("compound file too large for one FAT sector");

  const dir = Buffer.alloc(SECTOR * Math.ceil(((streams.length + 1) * 128) / SECTOR));
  const entry = (
    i: number,
    name: string,
    type: number,
    color: number,
    left: number,
    right: number,
    child: number,
    start: number,
    size: number,
  ) => {
    const at = i * 128;
    Buffer.from(name + "\0", "utf16le").copy(dir, at);
    dir.writeUInt16LE((name.length + 1) * 2, at + 64);
    dir.writeUInt8(type, at + 66);
    dir.writeUInt8(color, at + 67);
    dir.writeUInt32LE(left, at + 68);
    dir.writeUInt32LE(right, at + 72);
    dir.writeUInt32LE(child, at + 76);
    dir.writeUInt32LE(start, at + 116);
    dir.writeUInt32LE(size, at + 120);
  };
  for (let i = streams.length + 1; i < dir.length / 128; i++) {
    dir.writeUInt32LE(NOSTREAM, i * 128 + 68);
    dir.writeUInt32LE(NOSTREAM, i * 128 + 72);
    dir.writeUInt32LE(NOSTREAM, i * 128 + 76);
  }
  // Siblings form a red-black tree ordered by (name length, upper-cased name); callers pass them
  // in that order, so a right-leaning chain of red nodes under a black first node is valid.
  entry(0, "Root Entry", 5, 1, NOSTREAM, NOSTREAM, 1, ENDOFCHAIN, 0);
  padded.forEach((s, i) =>
    entry(
      i + 1,
      s.name,
      2,
      i === 0 ? 1 : 0,
      NOSTREAM,
      i + 1 < padded.length ? i + 2 : NOSTREAM,
      NOSTREAM,
      starts[i],
      s.size,
    ),
  );

  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // 512-byte sectors
  header.writeUInt16LE(6, 32); // 64-byte mini sectors
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(ENDOFCHAIN, 60); // no mini FAT
  header.writeUInt32LE(0, 64);
  header.writeUInt32LE(ENDOFCHAIN, 68); // no extra DIFAT sectors
  header.writeUInt32LE(0, 72);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREESECT, 76 + i * 4);
  // The directory may take more than one sector: chain them in the FAT.
  const dirSectors = dir.length / SECTOR;
  if (dirSectors > 1) throw new Error("keep the directory to one sector");
  return Buffer.concat([header, fat, dir, ...padded.map((s) => s.data)]);
}

/** A BIFF record: type, length, payload. */
function biff(type: number, payload: Buffer = Buffer.alloc(0)): Buffer {
  const h = Buffer.alloc(4);
  h.writeUInt16LE(type, 0);
  h.writeUInt16LE(payload.length, 2);
  return Buffer.concat([h, payload]);
}

/** A minimal BIFF8 workbook stream: globals (BOF, CODEPAGE, BOUNDSHEET, EOF) and one sheet with one
 * label cell, as Excel 97–2003 saves it. */
function biff8Workbook(): Buffer {
  const bof = (kind: number) => {
    const p = Buffer.alloc(16);
    p.writeUInt16LE(0x0600, 0); // BIFF8
    p.writeUInt16LE(kind, 2); // 0x0005 globals, 0x0010 worksheet
    p.writeUInt16LE(0x0dbb, 4);
    p.writeUInt16LE(0x07cc, 6);
    return biff(0x0809, p);
  };
  const codepage = biff(0x0042, Buffer.from([0xb0, 0x04])); // 1200 = UTF-16
  const sheetName = Buffer.from("Sheet1", "latin1");
  const boundsheetLen = 8 + sheetName.length;
  const globalsLen = 20 + codepage.length + (4 + boundsheetLen) + 4;
  const bs = Buffer.alloc(boundsheetLen);
  bs.writeUInt32LE(globalsLen, 0); // offset of the sheet's BOF in the stream
  bs.writeUInt8(sheetName.length, 6);
  bs.writeUInt8(0, 7); // compressed (8-bit) characters
  sheetName.copy(bs, 8);
  const dims = Buffer.alloc(14);
  dims.writeUInt32LE(0, 0);
  dims.writeUInt32LE(1, 4);
  dims.writeUInt16LE(0, 8);
  dims.writeUInt16LE(1, 10);
  const text = Buffer.from("Bao cao CCHC", "latin1");
  const label = Buffer.alloc(6 + 3 + text.length);
  label.writeUInt16LE(0, 0); // row
  label.writeUInt16LE(0, 2); // column
  label.writeUInt16LE(0x0f, 4); // XF
  label.writeUInt16LE(text.length, 6);
  label.writeUInt8(0, 8);
  text.copy(label, 9);
  const globals = Buffer.concat([bof(0x0005), codepage, biff(0x0085, bs), biff(0x000a)]);
  if (globals.length !== globalsLen) throw new Error("BIFF offsets");
  return Buffer.concat([globals, bof(0x0010), biff(0x0200, dims), biff(0x0204, label), biff(0x000a)]);
}

/** An Agile-encryption descriptor as Excel writes it into the EncryptionInfo stream (version 4.4). */
function encryptionInfo(): Buffer {
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" ' +
    'xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    '<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" ' +
    'cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="' +
    noise(16, 7).toString("base64") +
    '"/><keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    '<p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" ' +
    'cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"/>' +
    "</keyEncryptor></keyEncryptors></encryption>";
  const head = Buffer.alloc(8);
  head.writeUInt16LE(4, 0);
  head.writeUInt16LE(4, 2);
  head.writeUInt32LE(0x40, 4);
  return Buffer.concat([head, Buffer.from(xml, "utf8")]);
}

// ----------------------------------------------------------------------------- report workbooks

const Q2 = period(FIXTURE_PERIOD);

/** A correctly filled report's sheets (Sở Tư pháp, Q2 2023), to be spoiled by each fixture. */
const report = (agency = FIXTURE_AGENCY, p: Period = Q2): SheetSpec[] => filledReport(agency, p);

const sheet = (specs: SheetSpec[], name: string): SheetSpec => specs.find((s) => s.name === name)!;
const INFO = "Thông tin";
const TASKS = "Nhiệm vụ";
const FIGURES = "Số liệu";

/** Write sheets through the product's own adapter, then let `tweak` reach into ExcelJS. */
async function xlsx(specs: readonly SheetSpec[], tweak?: (wb: XlsxWorkbook) => void): Promise<Buffer> {
  const wb = XlsxWorkbook.create();
  await wb.writeSheets(specs);
  tweak?.(wb);
  // Fixed document dates, and re-zipped without entry timestamps: the same bytes on every run.
  wb.exceljs.created = wb.exceljs.modified = new Date(Date.UTC(2023, 5, 20, 8, 0, 0));
  return zip(unzip(await wb.toBuffer()));
}

/** Rows of a task sheet that are done (have a completion date). */
const doneRows = (g: Grid) => g.slice(1).filter((r) => typeof r[6] === "number");

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

/** A sheet of at least `rows` rows × 3 cells, written as XML text and deflated block by block,
 * never built as an ExcelJS object. Rows and cells without `r` attributes are numbered in order
 * (ECMA-376 §18.3.1.73), which keeps the text repetitive and the file small. */
function millionRowSheet(rows: number, withDimension: boolean) {
  const dim = withDimension ? `<dimension ref="A1:C${rows}"/>` : "";
  const unit = "<row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>";
  const perBlock = Math.floor((1024 * 1024) / unit.length);
  // Exactly `rows` rows: whole blocks only, so round the count to a multiple of a block.
  const count = Math.ceil(rows / perBlock) * perBlock;
  return repeatedDeflate(
    `${SHEET_HEAD}${dim.replace(String(rows), String(count))}<sheetData>`,
    unit,
    count,
    "</sheetData></worksheet>",
  );
}

/** The part name ExcelJS gives the n-th sheet (1-based). */
const sheetPart = (n: number) => `xl/worksheets/sheet${n}.xml`;

/** Every fixture: file name → bytes. Order is the order of the table in the corpus test. */
async function buildFixtures(): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const good = await xlsx(report());

  // Files that are not readable workbooks.
  files.set("empty-file.xlsx", Buffer.alloc(0));
  files.set("random-bytes.xlsx", noise(4096));
  files.set("pdf-renamed.xlsx", Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"));
  files.set("truncated.xlsx", good.subarray(0, Math.floor(good.length * 0.6)));
  const xls = compoundFile([{ name: "Workbook", data: biff8Workbook() }]);
  files.set("old-format.xls", xls);
  files.set("old-format-renamed.xlsx", xls);
  files.set(
    "encrypted.xlsx",
    compoundFile([
      { name: "EncryptionInfo", data: encryptionInfo() },
      {
        name: "EncryptedPackage",
        data: Buffer.concat([Buffer.from([0, 0x40, 0, 0, 0, 0, 0, 0]), noise(16384, 11)]),
      },
    ]),
  );

  // Limits: a zip bomb (honest and lying sizes), a million rows (with and without <dimension>),
  // too many sheets.
  const bomb = repeatedDeflate(`${SHEET_HEAD}<sheetData>`, " ", 1024 * 1024 * 1024);
  files.set("zip-bomb.xlsx", withParts(good, [{ name: sheetPart(3), raw: bomb }]));
  files.set("zip-bomb-lying.xlsx", withParts(good, [{ name: sheetPart(3), raw: bomb, declaredSize: 4096 }]));
  const withExtra = await xlsx([...report(), { name: "Dữ liệu", rows: [["x"]] }]);
  files.set(
    "million-rows.xlsx",
    withParts(withExtra, [{ name: sheetPart(4), raw: millionRowSheet(1_000_000, true) }]),
  );
  files.set(
    "million-rows-no-dimension.xlsx",
    withParts(withExtra, [{ name: sheetPart(4), raw: millionRowSheet(1_000_000, false) }]),
  );
  files.set(
    "too-many-sheets.xlsx",
    await xlsx([
      ...report(),
      ...Array.from({ length: 300 }, (_, i) => ({ name: `Trang ${i + 1}`, rows: [[i]] })),
    ]),
  );

  // Structure.
  {
    const specs = report();
    const tasks = sheet(specs, TASKS);
    const width = 10_000;
    tasks.rows[0] = [...tasks.rows[0], ...Array.from({ length: width }, (_, i) => `Cột thêm ${i + 1}`)];
    tasks.rows[1] = [...tasks.rows[1], ...Array.from({ length: width }, (_, i) => i)];
    files.set("wide-10000-columns.xlsx", await xlsx(specs));
  }
  files.set(
    "merged-header.xlsx",
    await xlsx(report(), (wb) => wb.exceljs.getWorksheet(TASKS)!.mergeCells("F1:G1")),
  );
  files.set(
    "hidden-sheets.xlsx",
    await xlsx([...report(), { name: "Nháp", rows: [["ghi chú riêng", "=1+1"]], hidden: true }], (wb) => {
      wb.exceljs.getWorksheet(FIGURES)!.state = "hidden";
      wb.exceljs.getWorksheet("Nháp")!.state = "veryHidden";
    }),
  );
  {
    const specs = report();
    sheet(specs, INFO).name = "THONG TIN";
    sheet(specs, TASKS).name = "nhiem vu";
    sheet(specs, FIGURES).name = "Số liệu".normalize("NFD");
    files.set("renamed-sheets.xlsx", await xlsx(specs));
  }
  {
    const specs = report();
    sheet(specs, FIGURES).name = "Sheet3";
    files.set("renamed-sheet-unknown.xlsx", await xlsx(specs));
  }
  {
    const specs = report();
    const h = sheet(specs, TASKS).rows[0];
    h[0] = "MÃ NHIỆM VỤ";
    h[5] = "Tình trạg"; // typo
    h[6] = "  Ngày   hoàn  thành ";
    h[7] = String(h[7]).normalize("NFD");
    sheet(specs, FIGURES).rows[0] = sheet(specs, FIGURES).rows[0].map((x) =>
      String(x).toUpperCase().normalize("NFD"),
    );
    files.set("header-variants.xlsx", await xlsx(specs));
  }

  // Values.
  {
    const specs = report();
    const g = sheet(specs, FIGURES).rows;
    rowOf(g, "HS_TIEP_NHAN")[3] = "605.859";
    rowOf(g, "TTHC_DANG_AP_DUNG")[3] = "1 724";
    rowOf(g, "TL_MOT_CUA")[3] = "95,8%";
    rowOf(g, "CHI_PHI_TIET_KIEM")[3] = "1.250.000.000";
    rowOf(g, "CBCCVC_TONG")[3] = "26.362";
    files.set("numbers-as-text-vi.xlsx", await xlsx(specs));
  }
  {
    const specs = report();
    const g = sheet(specs, FIGURES).rows;
    rowOf(g, "CHI_PHI_TIET_KIEM")[3] = "1,250,000,000";
    rowOf(g, "TL_DUNG_HAN")[3] = "99.79%";
    rowOf(g, "HS_TIEP_NHAN")[3] = "605,859"; // English thousands, Vietnamese decimal: reported, not guessed
    files.set("numbers-as-text-en.xlsx", await xlsx(specs));
  }
  {
    const specs = report();
    const done = doneRows(sheet(specs, TASKS).rows);
    const forms = [
      (d: string, m: string, y: string) => `${d}/${m}/${y}`,
      (d: string, m: string, y: string) => `ngày ${d} tháng ${m} năm ${y}`,
      (d: string, m: string, y: string) => `${y}-${m}-${d}`,
    ];
    done.forEach((row, i) => {
      if (i % 4 === 3) return; // every fourth stays an Excel serial
      const serial = row[6] as number;
      const dt = new Date(Date.UTC(1899, 11, 30) + serial * 86400000);
      const [y, m, d] = [dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()].map((n) =>
        String(n).padStart(2, "0"),
      );
      row[6] = forms[i % 3](d, m, y);
    });
    files.set("dates-as-text.xlsx", await xlsx(specs));
  }
  {
    const specs = report();
    const done = doneRows(sheet(specs, TASKS).rows);
    done[0][6] = "31/02/2023";
    done[1][6] = "hôm qua";
    files.set("dates-invalid.xlsx", await xlsx(specs));
  }
  {
    const specs = report();
    files.set(
      "excel-errors.xlsx",
      await xlsx(specs, (wb) => {
        const ws = wb.exceljs.getWorksheet(FIGURES)!;
        EXCEL_ERRORS.forEach((err, i) => {
          const cell = ws.getCell(i + 2, 4);
          // Half as typed error values, half as formulas whose cached result is the error.
          cell.value = (
            i % 2 === 0 ? { error: err } : { formula: "1/0", result: { error: err } }
          ) as import("exceljs").CellValue;
        });
      }),
    );
  }
  {
    const specs = report();
    const info = sheet(specs, INFO).rows;
    rowOf(info, "Người lập")[1] = unicodeToLegacy("Nguyễn Thị Hồng Nhung", "tcvn3");
    const tasks = sheet(specs, TASKS).rows;
    tasks[1][8] = unicodeToLegacy("Đã hoàn thành đúng tiến độ được giao", "tcvn3");
    files.set("legacy-tcvn3.xlsx", await xlsx(specs));
  }
  {
    const specs = report();
    const info = sheet(specs, INFO).rows;
    rowOf(info, "Người lập")[1] = unicodeToLegacy("Trần Văn Phước", "vni");
    sheet(specs, TASKS).rows[1][8] = unicodeToLegacy("Đã triển khai thực hiện theo kế hoạch", "vni");
    files.set("legacy-vni.xlsx", await xlsx(specs));
  }
  {
    const specs = report();
    const tasks = sheet(specs, TASKS).rows;
    const done = doneRows(tasks);
    done[0][7] = '=HYPERLINK("http://example.invalid","2621/QĐ-UBND")';
    done[1][8] = "+ Đã gửi báo cáo";
    done[2][8] = "-Chưa có ý kiến";
    done[3][8] = "@Sở Nội vụ";
    rowOf(sheet(specs, INFO).rows, "Người lập")[1] = "=1+1";
    rowOf(sheet(specs, FIGURES).rows, "HS_TIEP_NHAN")[4] = "=SUM(D2:D3)";
    files.set("formula-like-text.xlsx", await xlsx(specs));
  }
  {
    // Real formulas in the figures: their cached results are read, and only values go into a rollup.
    const specs = report();
    files.set(
      "formula-cells.xlsx",
      await xlsx(specs, (wb) => {
        const ws = wb.exceljs.getWorksheet(FIGURES)!;
        for (let r = 2; r <= 6; r++) {
          const v = ws.getCell(r, 4).value as number;
          ws.getCell(r, 4).value = { formula: `${v}+0`, result: v };
        }
      }),
    );
  }
  {
    const specs = report();
    const tasks = sheet(specs, TASKS).rows;
    tasks.push([...tasks[1]]);
    files.set("duplicate-task-rows.xlsx", await xlsx(specs));
  }
  {
    // Duplicate submissions: the same file twice, and two different files claiming the same version.
    const copy = await xlsx(report("SNV"));
    files.set("duplicate-copy-1.xlsx", copy);
    files.set("duplicate-copy-2.xlsx", copy);
    const other = report("SNV");
    rowOf(sheet(other, FIGURES).rows, "PHONG_CAT_GIAM")[3] = 4;
    files.set("conflict-same-version.xlsx", await xlsx(other));
  }

  // Identity.
  files.set("wrong-period.xlsx", await xlsx(report(FIXTURE_AGENCY, period("2023-Q3"))));
  {
    const specs = report();
    const info = sheet(specs, INFO).rows;
    rowOf(info, "Mã cơ quan")[1] = "SMT";
    rowOf(info, "Tên cơ quan")[1] = "Sở Mặt Trăng";
    files.set("unknown-agency.xlsx", await xlsx(specs));
  }
  files.set("empty-workbook.xlsx", await xlsx([{ name: "Sheet1", rows: [] }]));
  {
    // A rollup sent instead of a report: built by the product's own consolidation.
    const { plan, registry, catalogue } = examplePlan();
    const v = validateReport({ grids: gridsOf(report()) }, { plan, registry, catalogue });
    const sub = toSubmission(v, { file: "STP.xlsx", hash: "0".repeat(64) });
    const rollup = consolidate(plan, [sub], {
      registry,
      catalogue,
      period: Q2,
      mergedAt: "2023-06-20T08:00:00.000Z",
    });
    files.set("rollup-not-report.xlsx", await xlsx(rollupSheets(rollup)));
  }
  {
    const specs = report();
    // Excel's own cell limit is 32,767 characters; a cell at the limit, mixed Vietnamese text.
    const text = "Báo cáo chi tiết kết quả thực hiện nhiệm vụ cải cách hành chính. "
      .repeat(600)
      .slice(0, 32_767);
    sheet(specs, TASKS).rows[1][8] = text;
    files.set("long-text.xlsx", await xlsx(specs));
  }
  {
    // A real macro-enabled workbook: the VBA project part and its content type. Refused, as
    // docs/LIMITS.md says (macros never run here; figures they compute could be stale).
    const buf = await xlsx(report());
    const ct = unzip(buf).find((p) => p.name === "[Content_Types].xml")!;
    const types = ct
      .data!.toString("utf8")
      .replace("spreadsheetml.sheet.main+xml", () => "sheet.macroEnabled.main+xml")
      .replace(
        "</Types>",
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
      );
    files.set(
      "macro-enabled.xlsm",
      withParts(buf, [
        { name: ct.name, data: Buffer.from(types, "utf8") },
        { name: "xl/vbaProject.bin", data: compoundFile([{ name: "VBA", data: Buffer.alloc(512, 1) }]) },
      ]),
    );
  }
  // Issue 16: values no one could have meant.
  {
    const specs = report();
    const g = sheet(specs, FIGURES).rows;
    rowOf(g, "HS_KY_TRUOC")[3] = 1e308; // overflowed any total to #NUM!
    rowOf(g, "VB_QPPL_BAN_HANH")[3] = "12345678901234567890"; // stored as …567000 without a word
    rowOf(g, "PHONG_CAT_GIAM")[3] = 2_000_000; // past the catalogue's ceiling
    files.set("absurd-figures.xlsx", await xlsx(specs));
  }
  {
    const specs = report();
    rowOf(sheet(specs, FIGURES).rows, "BIEN_CHE_TINH_GIAN")[3] = 999_999_999; // of 26.362 staff
    files.set("staff-cut-exceeds-staff.xlsx", await xlsx(specs));
  }
  {
    const specs = report();
    rowOf(sheet(specs, INFO).rows, "Lần gửi")[1] = 20231215; // a date typed as the submission number
    files.set("version-a-date.xlsx", await xlsx(specs));
  }
  {
    const specs = report();
    rowOf(sheet(specs, INFO).rows, "Lần gửi")[1] = 0;
    files.set("version-zero.xlsx", await xlsx(specs));
  }
  {
    const specs = report();
    const info = sheet(specs, INFO).rows;
    rowOf(info, "Lần gửi")[1] = 25; // allowed, but odd
    const row = info.find((r) => r[0] === "Ngày gửi");
    if (row)
      row[1] = "31/12/2099"; // a submission date in the future
    else info.push(["Ngày gửi", "31/12/2099"]);
    files.set("version-high-future-date.xlsx", await xlsx(specs));
  }
  // Issue 16: text no writer may store as it came. Typed through a placeholder, then the shared
  // string is rewritten in the XML, since the product's own writer would already repair it.
  const withSharedString = async (specs: SheetSpec[], placeholder: string, xml: string) => {
    const buf = await xlsx(specs);
    const sst = unzip(buf).find((p) => p.name === "xl/sharedStrings.xml")!;
    const text = sst.data!.toString("utf8");
    if (!text.includes(placeholder)) throw new Error(`placeholder ${placeholder} not found`);
    return withParts(buf, [
      {
        name: sst.name,
        data: Buffer.from(
          text.replace(placeholder, () => xml),
          "utf8",
        ),
      },
    ]);
  };
  {
    // OOXML escapes for characters XML 1.0 forbids: readers decode them; no writer may write them.
    const specs = report();
    sheet(specs, TASKS).rows[1][7] = "XML_ESCAPES_HERE"; // evidence, copied into the rollup
    files.set(
      "xml-forbidden-escapes.xlsx",
      await withSharedString(specs, "XML_ESCAPES_HERE", "Minh chứng _xFFFE_ và _xFFFF_ và _x0001_ kèm theo"),
    );
  }
  {
    // A 4 MB cell holding a Latin-1 letter: once crashed the legacy-encoding check (stack overflow).
    const specs = report();
    sheet(specs, TASKS).rows[1][7] = "HUGE_CELL_HERE"; // evidence, copied into the rollup
    files.set(
      "huge-cell-latin1.xlsx",
      await withSharedString(specs, "HUGE_CELL_HERE", "Kết quả ú " + "kÕt".repeat(1_300_000)),
    );
  }
  {
    // Past Excel's 32,767-character cell limit: cut with a marker and a warning, never copied whole.
    const specs = report();
    sheet(specs, TASKS).rows[1][7] = "LONG_CELL_HERE"; // evidence, copied into the rollup
    files.set(
      "text-40000.xlsx",
      await withSharedString(
        specs,
        "LONG_CELL_HERE",
        "Báo cáo chi tiết kết quả thực hiện nhiệm vụ. ".repeat(1000).slice(0, 40_000),
      ),
    );
  }
  return files;
}

/** Write every fixture into `dir` (emptied first); returns the file names. */
export async function generateBadFixtures(dir = BAD_FIXTURES_DIR): Promise<string[]> {
  const files = await buildFixtures();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of files) writeFileSync(path.join(dir, name), bytes);
  return [...files.keys()];
}

if (require.main === module) {
  const dir = process.argv[2] ?? BAD_FIXTURES_DIR;
  const t = Date.now();
  generateBadFixtures(dir).then(
    (names) => console.log(`${names.length} fixtures in ${dir} (${Date.now() - t} ms)`),
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
