// Look at a file's bytes before handing them to ExcelJS: an .xls, an encrypted workbook, a
// half-downloaded file or a zip bomb each get a precise code instead of a JSZip stack trace, and
// nothing large is inflated before we know it fits.
import { WorkbookReadError } from "./errors";

/**
 * Limits checked before ExcelJS builds anything (docs/LIMITS.md). The first four are read from the
 * zip directory without inflating; the rest from a streaming pass over the sheet XML (scan.ts) that
 * stops as soon as one is crossed.
 */
export interface ReadLimits {
  /** Largest accepted file, in bytes. */
  maxBytes: number;
  /** Largest accepted total of uncompressed zip entries, declared and actual (guards against zip bombs). */
  maxUncompressedBytes: number;
  /** Most zip entries (parts) in the package. */
  maxEntries: number;
  /** Most worksheets in the workbook. */
  maxSheets: number;
  /** Highest row number used in a sheet. */
  maxRows: number;
  /** Highest column number used in a sheet (Excel's own limit is 16,384, column XFD). */
  maxColumns: number;
  /** Most cells in the workbook, and the largest used range (rows × columns) of one sheet. */
  maxCells: number;
  /** Time budget for reading one file, in milliseconds. */
  maxMillis: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxEntries: 10_000,
  maxSheets: 250,
  maxRows: 200_000,
  maxColumns: 16_384,
  maxCells: 1_000_000,
  maxMillis: 60_000,
};

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_EOCD = 0x06054b50;
const ZIP64_EOCD_LOCATOR = 0x07064b50;

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;

function startsWith(buf: Uint8Array, bytes: readonly number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
}

function u16(buf: Uint8Array, at: number): number {
  return buf[at] | (buf[at + 1] << 8);
}

function u32(buf: Uint8Array, at: number): number {
  return (buf[at] | (buf[at + 1] << 8) | (buf[at + 2] << 16)) + buf[at + 3] * 0x1000000;
}

function asBuffer(buf: Uint8Array): Buffer {
  return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
}

function u64(buf: Uint8Array, at: number): number {
  return Number(asBuffer(buf).readBigUInt64LE(at));
}

/** An OLE compound file holding "EncryptionInfo" is an encrypted OOXML package (Excel's
 * "Encrypt with Password"); any other compound file is treated as a legacy .xls. */
function classifyCfb(buf: Uint8Array, file?: string): WorkbookReadError {
  const bytes = asBuffer(buf);
  const has = (stream: string): boolean => bytes.indexOf(Buffer.from(stream, "utf16le")) >= 0;
  if (has("EncryptionInfo") || has("EncryptedPackage")) {
    return new WorkbookReadError("ENCRYPTED", { file });
  }
  return new WorkbookReadError("LEGACY_XLS", { file });
}

/** A hint for non-zip files people commonly rename to .xlsx. */
function notZipDetail(buf: Uint8Array): string {
  const head = Buffer.from(buf.subarray(0, 512)).toString("latin1").trimStart().toLowerCase();
  if (head.startsWith("%pdf")) return "PDF";
  if (head.startsWith("<?xml") || head.startsWith("<html") || head.startsWith("<!doctype html")) {
    return "XML/HTML";
  }
  return "";
}

export interface ZipEntry {
  name: string;
  uncompressedSize: number;
  compressedSize: number;
  /** 0 stored, 8 deflate; anything else .xlsx readers do not support. */
  method: number;
  /** General-purpose flags; bit 0 means the entry is encrypted. */
  flags: number;
  /** Where the entry's local header starts. */
  localOffset: number;
}

/** Read the zip central directory; undefined when the end-of-directory record is missing or
 * points outside the file, which is what a truncated download looks like. */
export function readZipDirectory(buf: Uint8Array): ZipEntry[] | undefined {
  const minEocd = 22;
  if (buf.length < minEocd) return undefined;
  let eocd = -1;
  const stop = Math.max(0, buf.length - minEocd - 0xffff);
  for (let i = buf.length - minEocd; i >= stop; i--) {
    if (u32(buf, i) === ZIP_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  let count = u16(buf, eocd + 10);
  let cdSize = u32(buf, eocd + 12);
  let cdOffset = u32(buf, eocd + 16);
  if (cdOffset === 0xffffffff || count === 0xffff || cdSize === 0xffffffff) {
    // Zip64: the real values sit in the zip64 end record, found through its locator.
    const loc = eocd - 20;
    if (loc < 0 || u32(buf, loc) !== ZIP64_EOCD_LOCATOR) return undefined;
    const rec = u64(buf, loc + 8);
    if (rec + 56 > buf.length) return undefined;
    count = u64(buf, rec + 32);
    cdSize = u64(buf, rec + 40);
    cdOffset = u64(buf, rec + 48);
  }
  if (cdOffset + cdSize > buf.length) return undefined;
  const entries: ZipEntry[] = [];
  let at = cdOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || u32(buf, at) !== ZIP_CENTRAL) return undefined;
    const nameLen = u16(buf, at + 28);
    const extraLen = u16(buf, at + 30);
    const commentLen = u16(buf, at + 32);
    if (at + 46 + nameLen + extraLen > buf.length) return undefined;
    const name = asBuffer(buf).toString("utf8", at + 46, at + 46 + nameLen);
    const sizes = {
      uncompressedSize: u32(buf, at + 24),
      compressedSize: u32(buf, at + 20),
      localOffset: u32(buf, at + 42),
    };
    const wide =
      sizes.uncompressedSize === 0xffffffff ||
      sizes.compressedSize === 0xffffffff ||
      sizes.localOffset === 0xffffffff
        ? zip64Fields(buf, at + 46 + nameLen, extraLen, sizes)
        : sizes;
    entries.push({
      name: name.charCodeAt(0) === 0x2f ? name.slice(1) : name,
      uncompressedSize: wide.uncompressedSize,
      compressedSize: wide.compressedSize,
      localOffset: wide.localOffset,
      method: u16(buf, at + 10),
      flags: u16(buf, at + 8),
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

interface WideFields {
  uncompressedSize: number;
  compressedSize: number;
  localOffset: number;
}

/** Replace the 32-bit fields saturated at 0xffffffff with their zip64 extra-field values, which
 * appear in this order for exactly the saturated fields; missing values become "huge". */
function zip64Fields(buf: Uint8Array, extraStart: number, extraLen: number, f: WideFields): WideFields {
  const keys = (["uncompressedSize", "compressedSize", "localOffset"] as const).filter(
    (k) => f[k] === 0xffffffff,
  );
  if (keys.length === 0) return f;
  const out = { ...f };
  for (const k of keys) out[k] = Number.MAX_SAFE_INTEGER;
  let at = extraStart;
  while (at + 4 <= extraStart + extraLen) {
    const id = u16(buf, at);
    const len = u16(buf, at + 2);
    if (id === 0x0001) {
      keys.forEach((k, i) => {
        if (8 * (i + 1) <= len && at + 4 + 8 * (i + 1) <= extraStart + extraLen)
          out[k] = u64(buf, at + 4 + 8 * i);
      });
      break;
    }
    at += 4 + len;
  }
  return out;
}

/** What a zip that is not an .xlsx most likely is. */
function otherPackageDetail(names: ReadonlySet<string>): string {
  if (names.has("xl/workbook.bin")) return ".xlsb";
  if (names.has("content.xml") && names.has("mimetype")) return "OpenDocument .ods";
  if (names.has("word/document.xml")) return "Word .docx";
  if (names.has("ppt/presentation.xml")) return "PowerPoint .pptx";
  return "zip";
}

/**
 * Throw a WorkbookReadError unless the bytes look like an .xlsx package within the limits.
 * Checks only headers and the zip directory: no decompression happens here. Returns the directory.
 */
export function assertXlsxBytes(buf: Uint8Array, limits: ReadLimits, file?: string): ZipEntry[] {
  if (buf.length === 0) throw new WorkbookReadError("EMPTY_FILE", { file });
  if (buf.length > limits.maxBytes) {
    throw new WorkbookReadError("TOO_LARGE", { file, detail: `${mb(buf.length)} > ${mb(limits.maxBytes)}` });
  }
  if (startsWith(buf, CFB_MAGIC)) throw classifyCfb(buf, file);
  if (buf.length < 4 || u32(buf, 0) !== ZIP_LOCAL) {
    throw new WorkbookReadError("NOT_XLSX", { file, detail: notZipDetail(buf) });
  }
  let entries: ZipEntry[] | undefined;
  try {
    entries = readZipDirectory(buf);
  } catch {
    entries = undefined; // an offset pointing outside the file: a damaged end of file
  }
  if (!entries) throw new WorkbookReadError("TRUNCATED", { file });
  const names = new Set(entries.map((e) => e.name));
  if (!names.has("xl/workbook.xml") || !names.has("[Content_Types].xml")) {
    throw new WorkbookReadError("NOT_XLSX", { file, detail: otherPackageDetail(names) });
  }
  // A macro-enabled workbook (.xlsm, whatever its name): refused as docs/LIMITS.md says. Reports are
  // values typed into the template; macros are never run here, so figures they would compute could
  // be stale, and a rollup must not pass macro files along.
  if (names.has("xl/vbaProject.bin")) {
    throw new WorkbookReadError("NOT_XLSX", {
      file,
      detail: "sổ tính có macro .xlsm",
      detailEn: "a macro-enabled .xlsm workbook",
    });
  }
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total > limits.maxUncompressedBytes) {
    throw new WorkbookReadError("TOO_LARGE", {
      file,
      detail: `${mb(total)} khi giải nén > ${mb(limits.maxUncompressedBytes)}`,
      detailEn: `${mb(total)} uncompressed > ${mb(limits.maxUncompressedBytes)}`,
    });
  }
  if (entries.length > limits.maxEntries) {
    throw new WorkbookReadError("TOO_LARGE", {
      file,
      detail: `${entries.length} thành phần > ${limits.maxEntries}`,
      detailEn: `${entries.length} package parts > ${limits.maxEntries}`,
    });
  }
  const sheets = entries.filter((e) => isWorksheetPart(e.name)).length;
  if (sheets > limits.maxSheets) {
    throw new WorkbookReadError("TOO_LARGE", {
      file,
      detail: `${sheets} trang tính > ${limits.maxSheets}`,
      detailEn: `${sheets} sheets > ${limits.maxSheets}`,
    });
  }
  return entries;
}

/** A worksheet part of the package (xl/worksheets/sheetN.xml, whatever its name). */
export function isWorksheetPart(name: string): boolean {
  return /^xl\/worksheets\/[^/]+\.xml$/i.test(name);
}
