// A pass over the package before anything is built from it. The zip directory can lie (a zip bomb
// declares small sizes) and a sheet of a million rows is small once zipped, so each part is inflated
// with its output bounded by its declared size, and counted: the pass stops at the first limit
// crossed, long before a reader would have built a million rows or run out of memory.
// Two ways to inflate, same checks: a package whose declared total is small (every real report) is
// inflated in one go by native zlib with `maxOutputLength`; a larger one (or a host without native
// zlib, the browser build) is inflated chunk by chunk through a stream. Either way the parts asked
// for (`keep`: the ones the reader needs) are handed back inflated, so nothing is inflated twice.
import * as zlib from "node:zlib";
import { WorkbookReadError } from "./errors";
import { isWorksheetPart, type ReadLimits, type ZipEntry } from "./sniff";
import { nativeZip, type ZipPart } from "./zipWrite";

const ZIP_LOCAL = 0x04034b50;
/** Feed the inflater in slices so a part can be abandoned without inflating all of it. */
const SLICE = 64 * 1024;
/** A tag cut by a chunk boundary is carried over; longer "tags" are junk and dropped. */
const MAX_CARRY = 64 * 1024;
/** Declared total up to which a package is inflated in one go: memory held is at most this much. */
export const ONE_GO_BYTES = 16 * 1024 * 1024;

/** What the pass found, for messages and tests. */
export interface ScanReport {
  /** Bytes actually inflated, all parts together. */
  uncompressedBytes: number;
  /** Cells (`<c>` elements) over all sheets. */
  cells: number;
  sheets: { part: string; name: string; rows: number; columns: number; cells: number }[];
  /** The inflated parts chosen by {@link ScanOptions.keep}. */
  parts?: ZipPart[];
  /** With {@link ScanOptions.defer}: the counting left to the caller (then `cells` and `sheets` leave
   * those parts out). */
  deferred?: DeferredCounts;
}

/** Options for {@link scanXlsxParts}. */
export interface ScanOptions {
  /** Keep these parts' inflated bytes in the report, e.g. to read or repack them. */
  keep?: (part: string) => boolean;
  /**
   * Leave the counting of the kept sheets and shared strings to the caller, who reads them anyway:
   * the pass inflates and checks everything else as usual, and hands back a {@link DeferredCounts}
   * the caller settles with its own counts. The answer is the pass's own, whatever the caller does:
   * any refusal (here or the caller's) first counts the deferred parts the pass's way, so a limit
   * they cross still wins over a later fault, as when the pass counted them in order.
   */
  defer?: boolean;
}

/** Stop reading: a limit is crossed (Vietnamese and English detail for the message). */
class Over extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const fmt = (n: number): string => n.toLocaleString("vi-VN");
const mb = (n: number): string =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

/** Column letters → 1-based number ("A" → 1, "XFD" → 16384). */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const isSpaceByte = (b: number): boolean =>
  b === 0x20 || b === 0x0a || b === 0x09 || b === 0x0d || b === 0x0b || b === 0x0c || b === 0xa0;
const isLetter = (b: number): boolean => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
const isNameStart = (b: number): boolean => isLetter(b) || b === 0x5f;
const isWordByte = (b: number): boolean => isNameStart(b) || (b >= 0x30 && b <= 0x39);
/** Bytes of `[\w.-]` (the name characters the counting expression allows). */
const isNameByte = (b: number): boolean => isWordByte(b) || b === 0x2e || b === 0x2d;

function latin1(buf: Uint8Array, from: number, to: number): string {
  return Buffer.from(buf.buffer, buf.byteOffset + from, to - from).toString("latin1");
}

/**
 * The first `r="…"` in bytes [from, to) starting at a word boundary whose value is digits (a row), or
 * 1–4 letters then digits (`cell`): [column, row], as `\br="(\d+)"` and
 * `\br="([A-Za-z]{1,4})(\d+)"` would find it.
 */
function findR(buf: Uint8Array, from: number, to: number, cell: boolean): [number, number] | undefined {
  for (let p = from; p + 3 < to; p++) {
    if (buf[p] !== 0x72 || buf[p + 1] !== 0x3d || buf[p + 2] !== 0x22) continue;
    if (p > 0 && isWordByte(buf[p - 1])) continue;
    let k = p + 3;
    let col = 0;
    if (cell) {
      const s = k;
      while (k < to && k - s < 5 && isLetter(buf[k])) {
        col = col * 26 + ((buf[k] & 0xdf) - 64);
        k++;
      }
      if (k === s || k - s > 4) continue;
    }
    const d = k;
    let row = 0;
    while (k < to && buf[k] >= 0x30 && buf[k] <= 0x39) {
      row = row * 10 + (buf[k] - 0x30);
      k++;
    }
    if (k === d || k >= to || buf[k] !== 0x22) continue;
    if (k - d > 15) row = Number(latin1(buf, d, k));
    return [col, row];
  }
  return undefined;
}

/** The index of the next "<" at or after `from`, or -1: what `buf.indexOf(0x3c, from)` answers, in a
 * loop rather than a call into the runtime per tag (tags in sheet XML are a few bytes apart). */
function nextLt(buf: Uint8Array, from: number): number {
  const n = buf.length;
  for (let k = from < 0 ? 0 : from; k < n; k++) if (buf[k] === 0x3c) return k;
  return -1;
}

/** `<si>` items in a chunk, as `/<(?:\w+:)?si[\s>]/g` counts them, without decoding it. */
function countSi(buf: Uint8Array): number {
  let count = 0;
  for (let i = nextLt(buf, 0); i >= 0; i = nextLt(buf, i + 1)) {
    let j = i + 1;
    // An optional prefix: word bytes then ":".
    let k = j;
    while (k < buf.length && isWordByte(buf[k])) k++;
    if (k > j && buf[k] === 0x3a) j = k + 1;
    if (buf[j] === 0x73 && buf[j + 1] === 0x69) {
      const b = j + 2 < buf.length ? buf[j + 2] : -1;
      if (b === 0x3e || isSpaceByte(b)) count++;
    }
  }
  return count;
}

/** Counts rows, columns and cells of one sheet's XML, fed in chunks of any size. */
export class SheetCounter {
  rows = 0;
  columns = 0;
  cells = 0;
  private row = 0;
  private col = 0;
  private carry = "";

  constructor(
    private readonly name: string,
    private readonly limits: ReadLimits,
    private readonly onCell: () => void,
  ) {}

  feed(chunk: Buffer): void {
    if (this.carry === "" && chunk.indexOf(0x3c) < 0) return; // no tag starts here: padding or text
    // Tags and their attributes are ASCII; latin1 maps bytes 1:1 and never fails on UTF-8 text.
    let text = this.carry + chunk.toString("latin1");
    const lt = text.lastIndexOf("<");
    if (lt > text.lastIndexOf(">")) {
      this.carry = text.length - lt <= MAX_CARRY ? text.slice(lt) : "";
      text = text.slice(0, lt);
    } else {
      this.carry = "";
    }
    const tag = /<(?:[A-Za-z_][\w.-]*:)?(row|c|dimension)(?=[\s/>])([^>]*)/g;
    for (let m = tag.exec(text); m; m = tag.exec(text)) {
      const attrs = m[2];
      if (m[1] === "row") {
        const r = /\br="(\d+)"/.exec(attrs);
        this.row = r ? Number(r[1]) : this.row + 1;
        this.col = 0;
        this.rows = Math.max(this.rows, this.row);
      } else if (m[1] === "c") {
        const r = /\br="([A-Za-z]{1,4})(\d+)"/.exec(attrs);
        this.countCell(r ? [columnNumber(r[1].toUpperCase()), Number(r[2])] : null);
      } else {
        // <dimension ref="A1:C1000000"/>: the writer's own used range, enough to refuse early.
        // Never trusted to accept: the counts above are.
        const ext = dimensionExtent(attrs);
        if (ext) this.check(ext[0], ext[1]);
      }
    }
    this.check(this.rows, this.columns);
  }

  /**
   * Count a whole inflated sheet at once: the same tags, counts and checks as {@link feed} given the
   * same bytes in {@link SLICE} chunks — each chunk's check runs before the first tag ending past it —
   * read byte by byte, without decoding the sheet to a string or running a regular expression per tag.
   */
  feedWhole(buf: Uint8Array): void {
    const n = buf.length;
    let boundary = SLICE;
    let i = nextLt(buf, 0);
    while (i >= 0) {
      // The tag's name: [prefix:]local, then white space, "/" or ">" (the regular expression's look-ahead).
      let j = i + 1;
      let colon = -1;
      while (j < n) {
        const b = buf[j];
        if (b === 0x3a) {
          if (colon >= 0) break;
          colon = j;
        } else if (!isNameByte(b)) break;
        j++;
      }
      const after = j < n ? buf[j] : -1;
      let kind = 0; // 1 row, 2 c, 3 dimension
      if (after === 0x2f || after === 0x3e || isSpaceByte(after)) {
        const ls = colon >= 0 ? colon + 1 : i + 1;
        const prefixOk = colon < 0 || (colon > i + 1 && isNameStart(buf[i + 1]));
        const len = j - ls;
        if (prefixOk) {
          if (len === 1 && buf[ls] === 0x63) kind = 2;
          else if (len === 3 && buf[ls] === 0x72 && buf[ls + 1] === 0x6f && buf[ls + 2] === 0x77) kind = 1;
          else if (len === 9 && latin1(buf, ls, j) === "dimension") kind = 3;
        }
      }
      if (kind === 0) {
        i = nextLt(buf, i + 1);
        continue;
      }
      let gt = -1;
      for (let k = j; k < n; k++) {
        if (buf[k] === 0x3e) {
          gt = k;
          break;
        }
      }
      const end = gt < 0 ? n : gt;
      while (end >= boundary && boundary < n) {
        this.check(this.rows, this.columns);
        boundary += SLICE;
      }
      if (kind === 1) {
        const r = findR(buf, j, end, false);
        this.row = r ? r[1] : this.row + 1;
        this.col = 0;
        this.rows = Math.max(this.rows, this.row);
      } else if (kind === 2) {
        this.countCell(findR(buf, j, end, true));
      } else {
        const ext = dimensionExtent(latin1(buf, j, end));
        if (ext) this.check(ext[0], ext[1]);
      }
      if (gt < 0) break;
      i = nextLt(buf, gt);
    }
    this.check(this.rows, this.columns);
  }

  /** One `<c>`: its own address when it states one ([column, row]), else the next column. */
  private countCell(at: readonly [number, number] | null | undefined): void {
    if (at) {
      this.col = at[0];
      this.rows = Math.max(this.rows, at[1]);
    } else {
      this.col += 1;
    }
    this.columns = Math.max(this.columns, this.col);
    this.cells += 1;
    this.onCell();
  }

  private check(rows: number, columns: number): void {
    const { maxRows, maxColumns, maxCells } = this.limits;
    const sheet = `"${this.name}"`;
    // Counts are checked per chunk, so they are "at least": the exact figure would cost reading on.
    if (rows > maxRows) {
      throw new Over(
        `trang ${sheet} có dữ liệu quá dòng ${fmt(maxRows)} (ít nhất đến dòng ${fmt(rows)}); tối đa ${fmt(maxRows)} dòng`,
        `sheet ${sheet} goes past row ${maxRows} (at least to row ${rows}); the limit is ${maxRows} rows`,
      );
    }
    if (columns > maxColumns) {
      throw new Over(
        `trang ${sheet} có dữ liệu quá cột thứ ${fmt(maxColumns)} (ít nhất đến cột ${fmt(columns)}); tối đa ${fmt(maxColumns)} cột`,
        `sheet ${sheet} goes past column ${maxColumns} (at least to column ${columns}); the limit is ${maxColumns} columns`,
      );
    }
    if (rows * columns > maxCells) {
      throw new Over(
        `vùng dữ liệu của trang ${sheet} ít nhất ${fmt(rows)} dòng × ${fmt(columns)} cột; tối đa ${fmt(maxCells)} ô`,
        `the used range of sheet ${sheet} is at least ${rows} rows × ${columns} columns; the limit is ${maxCells} cells`,
      );
    }
  }
}

/** Inflate one part chunk by chunk, handing each chunk to `onChunk`; returns the inflated size. */
function inflatePart(
  data: Uint8Array,
  method: number,
  budget: number,
  deadline: number,
  onChunk: (chunk: Buffer) => void,
  declared = budget,
  part = "",
): Promise<number> {
  const over = (): Over =>
    new Over(
      `phần ${part} giải nén ra nhiều hơn ${mb(declared)} đã khai báo, có thể là "bom zip"`,
      `part ${part} inflates past its declared ${mb(declared)}, possibly a zip bomb`,
    );
  if (method === 0) {
    if (data.length > budget) return Promise.reject(over());
    return Promise.resolve().then(() => {
      for (let at = 0; at < data.length; at += SLICE) {
        if (Date.now() > deadline) throw tooLong();
        onChunk(Buffer.from(data.buffer, data.byteOffset + at, Math.min(SLICE, data.length - at)));
      }
      return data.length;
    });
  }
  return new Promise<number>((resolve, reject) => {
    const z = zlib.createInflateRaw();
    let size = 0;
    let done = false;
    const fail = (e: unknown): void => {
      if (done) return;
      done = true;
      try {
        z.destroy(); // stops inflating the rest of the part
      } catch {
        // A browser stream stand-in without destroy: the `done` flag drops whatever still comes.
      }
      reject(e);
    };
    z.on("data", (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      try {
        if (size > budget) throw over();
        if (Date.now() > deadline) throw tooLong();
        onChunk(chunk);
      } catch (e) {
        fail(e);
      }
    });
    z.on("error", (e) => fail(e));
    z.on("end", () => {
      if (done) return;
      done = true;
      resolve(size);
    });
    // Write slice by slice, waiting for the inflater to drain, so an abandoned part stops early.
    let at = 0;
    const pump = (): void => {
      while (!done && at < data.length) {
        const slice = Buffer.from(data.buffer, data.byteOffset + at, Math.min(SLICE, data.length - at));
        at += slice.length;
        if (!z.write(slice)) {
          z.once("drain", pump);
          return;
        }
      }
      if (!done && at >= data.length) z.end();
    };
    pump();
  });
}

/**
 * Inflate one part in one go with native zlib, its output bounded by `budget` (so a bomb stops at
 * the first byte too many, like the stream), then hand it to `onChunk` slice by slice, so the counts
 * stop at the same place. Returns the inflated bytes.
 */
function inflatePartOnce(
  data: Uint8Array,
  method: number,
  budget: number,
  deadline: number,
  onChunk: (chunk: Buffer) => void,
  declared: number,
  part: string,
  /** The output buffer's size: the part's declared size (+1), unless told otherwise. */
  chunk = Math.min(budget, declared) + 1,
): Buffer {
  const over = (): Over =>
    new Over(
      `phần ${part} giải nén ra nhiều hơn ${mb(declared)} đã khai báo, có thể là "bom zip"`,
      `part ${part} inflates past its declared ${mb(declared)}, possibly a zip bomb`,
    );
  if (method === 0 && data.length > budget) throw over();
  let out: Buffer;
  if (method === 0) {
    out = Buffer.from(data.buffer, data.byteOffset, data.length);
  } else {
    try {
      // One output buffer of the declared size (+1, so a part inflating past it is caught), not
      // 16 KB chunks joined at the end.
      out = zlib.inflateRawSync(data, {
        maxOutputLength: budget + 1,
        chunkSize: Math.max(64, Math.min(chunk, ONE_GO_BYTES)),
      });
    } catch (e) {
      if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw over();
      throw e;
    }
    if (out.length > budget) throw over();
  }
  for (const slice of slices(out)) {
    if (Date.now() > deadline) throw tooLong();
    onChunk(slice);
  }
  return out;
}

/** A part inflated earlier (within a larger budget), held to this part's budget as if inflated now
 * (the same zip-bomb refusal); undefined when there is none. Only a part whose chunks nothing counts
 * (workbook.xml and its relationships) is inflated early. */
function reuse(out: Buffer | undefined, budget: number, declared: number, part: string): Buffer | undefined {
  if (out === undefined) return undefined;
  if (out.length > budget)
    throw new Over(
      `phần ${part} giải nén ra nhiều hơn ${mb(declared)} đã khai báo, có thể là "bom zip"`,
      `part ${part} inflates past its declared ${mb(declared)}, possibly a zip bomb`,
    );
  return out;
}

/** The bytes of an entry's data, after its local header; undefined when the header is damaged. */
export function entryData(buf: Uint8Array, e: ZipEntry): Uint8Array | undefined {
  const at = e.localOffset;
  if (at + 30 > buf.length) return undefined;
  if ((buf[at] | (buf[at + 1] << 8) | (buf[at + 2] << 16) | (buf[at + 3] << 24)) >>> 0 !== ZIP_LOCAL) {
    return undefined;
  }
  const start = at + 30 + u16(buf, at + 26) + u16(buf, at + 28);
  if (start + e.compressedSize > buf.length) return undefined;
  return buf.subarray(start, start + e.compressedSize);
}

/** Sheet names by part ("xl/worksheets/sheet1.xml" → "Thông tin"), from workbook.xml and its rels. */
async function sheetNames(
  buf: Uint8Array,
  byName: ReadonlyMap<string, ZipEntry>,
  deadline: number,
  oneGo: boolean,
  inflated: Map<ZipEntry, Buffer>,
): Promise<Map<string, string>> {
  const text = async (part: string): Promise<string> => {
    const e = byName.get(part);
    const data = e && entryData(buf, e);
    if (!e || !data) return "";
    const budget = 8 * 1024 * 1024;
    if (oneGo) {
      const out = inflatePartOnce(
        data,
        e.method,
        budget,
        deadline,
        () => undefined,
        budget,
        part,
        e.uncompressedSize + 1,
      );
      inflated.set(e, out); // the pass below takes it from here instead of inflating it again
      return out.toString("utf8");
    }
    const chunks: Buffer[] = [];
    await inflatePart(data, e.method, budget, deadline, (c) => chunks.push(Buffer.from(c)));
    return Buffer.concat(chunks).toString("utf8");
  };
  const out = new Map<string, string>();
  try {
    const rels = await text("xl/_rels/workbook.xml.rels");
    const targets = new Map<string, string>();
    for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
      const id = /\bId="([^"]+)"/.exec(m[1])?.[1];
      const target = /\bTarget="([^"]+)"/.exec(m[1])?.[1];
      if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, "xl/"));
    }
    const wb = await text("xl/workbook.xml");
    for (const m of wb.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
      const name = /\bname="([^"]*)"/.exec(m[1])?.[1];
      const rid = /\br:id="([^"]+)"/.exec(m[1])?.[1] ?? /\bid="([^"]+)"/.exec(m[1])?.[1];
      const target = rid ? targets.get(rid) : undefined;
      if (name !== undefined && target) out.set(target, unescapeXml(name));
    }
  } catch {
    // Names only make messages nicer; the part name stands in when they cannot be read.
  }
  return out;
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

const SHARED_STRINGS = /^xl\/sharedStrings\.xml$/i;

const tooManyCells = (limits: ReadLimits): Over =>
  new Over(`hơn ${fmt(limits.maxCells)} ô có dữ liệu hoặc định dạng`, `more than ${limits.maxCells} cells`);
const tooManyStrings = (limits: ReadLimits): Over =>
  new Over(`hơn ${fmt(limits.maxCells)} chuỗi văn bản`, `more than ${limits.maxCells} text strings`);
const tooLong = (): Over => new Over("đọc quá lâu", "reading took too long");

/** The pass's refusal for a limit crossed. */
const tooLarge = (e: Over, file?: string): WorkbookReadError =>
  new WorkbookReadError("TOO_LARGE", { file, detail: e.vi, detailEn: e.en, cause: e });

/** A part's bytes in the slices the pass counts a part inflated in one go by. */
function* slices(data: Buffer): Generator<Buffer> {
  for (let at = 0; at < data.length; at += SLICE) yield data.subarray(at, Math.min(data.length, at + SLICE));
}

/**
 * `<dimension ref="…">`'s last cell as [row, column], from the tag's attribute text: the writer's own
 * used range, enough to refuse early (never trusted to accept).
 */
function dimensionExtent(attrs: string): [number, number] | undefined {
  const ref = /\bref="(?:[A-Za-z]+\d+:)?([A-Za-z]{1,4})(\d+)"/.exec(attrs);
  return ref ? [Number(ref[2]), columnNumber(ref[1].toUpperCase())] : undefined;
}

/**
 * The markup of a sheet's XML outside the rows a reader counted itself (decoded text): the extents of
 * its `<dimension>` tags, as the pass reads them; undefined when it holds a row or cell tag (then the
 * reader's counts are not the pass's). A character the decoder replaced may have been a byte the pass
 * takes for white space, so it ends a tag's name here too.
 */
export function restOfSheet(text: string): [number, number][] | undefined {
  const out: [number, number][] = [];
  const tag = /<(?:[A-Za-z_][\w.-]*:)?(row|c|dimension)(?=[\s/>\uFFFD])([^>]*)/g;
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    if (m[1] !== "dimension") return undefined;
    const ext = dimensionExtent(m[2]);
    if (ext) out.push(ext);
  }
  return out;
}

/** `<si>` items in decoded text, counted as the pass counts them (a replaced character ending the
 * name too, so never fewer). */
export function siTags(text: string): number {
  let n = 0;
  const re = /<(?:\w+:)?si[\s>\uFFFD]/g;
  while (re.exec(text)) n++;
  return n;
}

/** What a reader counted in one deferred part, the way the pass counts it ({@link DeferredCounts}). */
export type PartCount =
  | {
      /** A sheet: highest row, highest column, `<c>` elements, and each `<dimension>`'s [row, column]. */
      rows: number;
      columns: number;
      cells: number;
      dimensions: readonly (readonly [number, number])[];
    }
  | {
      /** The shared strings: `<si>` items. */
      items: number;
    };

interface DeferredPart {
  name: string;
  kind: "sheet" | "strings";
  /** Inflated in one go: the whole part. */
  data?: Buffer;
  /** Streamed: the chunks as they came (the pass counted each as it came), so far. */
  chunks?: Buffer[];
}

/**
 * The counting a pass left to its caller ({@link ScanOptions.defer}): the kept sheets and shared
 * strings, in package order. The caller counts them while it reads them and {@link settle}s; when its
 * counts cannot stand for the pass's (a part it did not count, one counted another way, anything
 * near or past a limit) every part is counted here the pass's own way, so the answer — accepted, or
 * refused with which limit — is always the pass's.
 */
export class DeferredCounts {
  private counted: Promise<void> | undefined;

  constructor(
    private readonly parts: readonly DeferredPart[],
    private readonly limits: ReadLimits,
    private readonly names: () => Promise<Map<string, string>>,
    private readonly deadline: number,
    private readonly file?: string,
  ) {}

  /** Count every deferred part as the pass does, in package order; a limit crossed rejects with
   * TOO_LARGE, as the pass would have. Counts once. `deadline`: the count's own time budget when it
   * runs after the reading (the pass counted before it, within the read's budget). */
  exact(deadline = this.deadline): Promise<void> {
    return (this.counted ??= this.countAll(deadline));
  }

  /** Accept the caller's counts (by part name) when they show every part within the limits, else
   * count {@link exact}ly. */
  async settle(counts: ReadonlyMap<string, PartCount>, deadline: number): Promise<void> {
    if (!this.within(counts)) await this.exact(deadline);
  }

  private within(counts: ReadonlyMap<string, PartCount>): boolean {
    const { maxRows, maxColumns, maxCells } = this.limits;
    const fits = (rows: number, columns: number): boolean =>
      rows <= maxRows && columns <= maxColumns && rows * columns <= maxCells;
    const seen = new Set<string>();
    let cells = 0;
    for (const p of this.parts) {
      if (seen.has(p.name)) return false; // two parts by one name: the caller read one of them
      seen.add(p.name);
      const c = counts.get(p.name);
      if (!c) return false;
      if (p.kind === "strings") {
        if (!("items" in c) || c.items > maxCells) return false;
      } else {
        if (!("rows" in c) || !fits(c.rows, c.columns)) return false;
        if (!c.dimensions.every(([rows, columns]) => fits(rows, columns))) return false;
        cells += c.cells;
      }
    }
    return cells <= maxCells;
  }

  private async countAll(deadline: number): Promise<void> {
    if (this.parts.length === 0) return;
    const names = await this.names();
    const { limits } = this;
    let cells = 0;
    try {
      for (const p of this.parts) {
        if (p.kind === "sheet") {
          const counter = new SheetCounter(names.get(p.name) ?? p.name, limits, () => {
            if (++cells > limits.maxCells) throw tooManyCells(limits);
          });
          if (p.chunks) {
            for (const chunk of p.chunks) {
              if (Date.now() > deadline) throw tooLong();
              counter.feed(chunk);
            }
          } else {
            if (Date.now() > deadline) throw tooLong();
            counter.feedWhole(p.data!);
          }
        } else {
          let strings = 0;
          for (const chunk of p.chunks ?? slices(p.data!)) {
            if (Date.now() > deadline) throw tooLong();
            strings += countSi(chunk);
            if (strings > limits.maxCells) throw tooManyStrings(limits);
          }
        }
      }
    } catch (e) {
      if (e instanceof Over) throw tooLarge(e, this.file);
      throw e;
    }
  }
}

/**
 * Inflate every part of an .xlsx that passed {@link assertXlsxBytes}, counting sheet rows, columns
 * and cells, and throw WorkbookReadError (TOO_LARGE, ENCRYPTED, TRUNCATED or UNREADABLE) at the first
 * limit crossed or damage found. Memory stays at one chunk, or at most {@link ONE_GO_BYTES} for a
 * package inflated in one go; time is bounded by `deadline` (epoch ms).
 */
export async function scanXlsxParts(
  buf: Uint8Array,
  entries: readonly ZipEntry[],
  limits: ReadLimits,
  file?: string,
  deadline = Date.now() + limits.maxMillis,
  opts: ScanOptions = {},
): Promise<ScanReport> {
  const report: ScanReport = { uncompressedBytes: 0, cells: 0, sheets: [] };
  // The declared total was checked against the limit; a part may not inflate past its declared size.
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  const oneGo = declared <= ONE_GO_BYTES && nativeZip();
  const kept: ZipPart[] | undefined = opts.keep ? [] : undefined;
  // Parts inflated (in one go) to read the sheet names: within 8 MB, checked again below.
  const early = new Map<ZipEntry, Buffer>();
  const deferring = !!(opts.defer && kept);
  const deferredParts: DeferredPart[] = [];
  // Names only make messages nicer: read first when counting here, when a limit is crossed when not.
  const readNames = (into: Map<ZipEntry, Buffer>): Promise<Map<string, string>> =>
    sheetNames(buf, new Map(entries.map((e) => [e.name, e])), deadline, oneGo, into).catch(
      () => new Map<string, string>(),
    );
  const names = deferring ? new Map<string, string>() : await readNames(early);
  const deferred = new DeferredCounts(deferredParts, limits, () => readNames(new Map()), deadline, file);
  try {
    for (const e of entries) {
      if (e.name.endsWith("/")) continue; // a folder entry
      if (e.flags & 1) throw new WorkbookReadError("ENCRYPTED", { file });
      if (e.method !== 0 && e.method !== 8) {
        throw new WorkbookReadError("UNREADABLE", {
          file,
          detail: `phương thức nén ${e.method} không được hỗ trợ`,
          detailEn: `unsupported compression method ${e.method}`,
        });
      }
      const data = entryData(buf, e);
      if (!data) throw new WorkbookReadError("TRUNCATED", { file });
      // A part may not inflate past what the zip directory declares (checked against the limit
      // already): more is a zip bomb lying about its sizes, or damage. Either way, stop there.
      const budget = Math.min(e.uncompressedSize, limits.maxUncompressedBytes - report.uncompressedBytes);
      const keep = !!kept && opts.keep!(e.name);
      const isSheet = isWorksheetPart(e.name);
      const isStrings = !isSheet && SHARED_STRINGS.test(e.name);
      const defer: DeferredPart | undefined =
        deferring && keep && (isSheet || isStrings)
          ? { name: e.name, kind: isSheet ? "sheet" : "strings" }
          : undefined;
      let onChunk: (chunk: Buffer) => void = () => undefined;
      let counter: SheetCounter | undefined;
      if (defer) {
        // Counted by the caller, or later here ({@link DeferredCounts}).
      } else if (isSheet) {
        const name = names.get(e.name) ?? e.name;
        counter = new SheetCounter(name, limits, () => {
          report.cells += 1;
          if (report.cells > limits.maxCells) throw tooManyCells(limits);
        });
        // Held whole (one go): counted in one pass over the bytes, after it is inflated.
        onChunk = oneGo ? () => undefined : (chunk) => counter!.feed(chunk);
      } else if (isStrings) {
        // Shared strings beyond the cell limit can only be padding: refuse before they are kept.
        let strings = 0;
        onChunk = (chunk) => {
          strings += countSi(chunk);
          if (strings > limits.maxCells) throw tooManyStrings(limits);
        };
      }
      let size: number;
      if (oneGo) {
        const out =
          reuse(early.get(e), budget, e.uncompressedSize, e.name) ??
          inflatePartOnce(data, e.method, budget, deadline, onChunk, e.uncompressedSize, e.name);
        size = out.length;
        if (defer) {
          defer.data = out;
          deferredParts.push(defer);
        }
        if (counter) {
          if (Date.now() > deadline) throw tooLong();
          counter.feedWhole(out);
        }
        if (keep) kept!.push({ name: e.name, data: out });
      } else if (keep) {
        // Streamed (a large package, or no native zlib): a kept part is collected chunk by chunk.
        const chunks: Buffer[] = [];
        if (defer) {
          defer.chunks = chunks;
          deferredParts.push(defer);
        }
        const count = onChunk;
        size = await inflatePart(
          data,
          e.method,
          budget,
          deadline,
          (chunk) => {
            count(chunk);
            chunks.push(Buffer.from(chunk));
          },
          e.uncompressedSize,
          e.name,
        );
        kept!.push({ name: e.name, data: Buffer.concat(chunks) });
      } else {
        size = await inflatePart(data, e.method, budget, deadline, onChunk, e.uncompressedSize, e.name);
      }
      report.uncompressedBytes += size;
      if (size !== e.uncompressedSize) {
        throw new WorkbookReadError("UNREADABLE", {
          file,
          detail: `phần ${e.name} có kích thước khác với khai báo`,
          detailEn: `part ${e.name} does not have its declared size`,
        });
      }
      if (counter) {
        report.sheets.push({
          part: e.name,
          name: names.get(e.name) ?? e.name,
          rows: counter.rows,
          columns: counter.columns,
          cells: counter.cells,
        });
      }
    }
  } catch (e) {
    // A limit the deferred parts cross came first, as when they were counted in order.
    await deferred.exact();
    if (e instanceof WorkbookReadError) throw e;
    if (e instanceof Over) throw tooLarge(e, file);
    const msg = e instanceof Error ? e.message : String(e);
    if (/unexpected end/i.test(msg)) throw new WorkbookReadError("TRUNCATED", { file, cause: e });
    throw new WorkbookReadError("UNREADABLE", { file, detail: msg.slice(0, 120), cause: e });
  }
  if (kept) report.parts = kept;
  if (deferring) report.deferred = deferred;
  return report;
}
