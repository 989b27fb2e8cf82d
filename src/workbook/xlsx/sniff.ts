// Look at a file's bytes before handing them to ExcelJS: an .xls, an encrypted workbook, a
// half-downloaded file or a zip bomb each get a precise code instead of a JSZip stack trace, and
// nothing large is inflated before we know it fits.
import { WorkbookReadError } from "./errors";

/** Limits checked before any decompression. */
export interface ReadLimits {
  /** Largest accepted file, in bytes. */
  maxBytes: number;
  /** Largest accepted total of uncompressed zip entries (guards against zip bombs). */
  maxUncompressedBytes: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 400 * 1024 * 1024,
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
    let size = u32(buf, at + 24);
    const nameLen = u16(buf, at + 28);
    const extraLen = u16(buf, at + 30);
    const commentLen = u16(buf, at + 32);
    if (at + 46 + nameLen + extraLen > buf.length) return undefined;
    const name = Buffer.from(buf.subarray(at + 46, at + 46 + nameLen)).toString("utf8");
    if (size === 0xffffffff) size = zip64Size(buf, at + 46 + nameLen, extraLen) ?? Number.MAX_SAFE_INTEGER;
    entries.push({ name: name.replace(/^\//, ""), uncompressedSize: size });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function zip64Size(buf: Uint8Array, extraStart: number, extraLen: number): number | undefined {
  let at = extraStart;
  while (at + 4 <= extraStart + extraLen) {
    const id = u16(buf, at);
    const len = u16(buf, at + 2);
    if (id === 0x0001 && len >= 8 && at + 12 <= extraStart + extraLen) return u64(buf, at + 4);
    at += 4 + len;
  }
  return undefined;
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
 * Checks only headers and the zip directory: no decompression happens here.
 */
export function assertXlsxBytes(buf: Uint8Array, limits: ReadLimits, file?: string): void {
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
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total > limits.maxUncompressedBytes) {
    throw new WorkbookReadError("TOO_LARGE", {
      file,
      detail: `${mb(total)} uncompressed > ${mb(limits.maxUncompressedBytes)}`,
    });
  }
}
