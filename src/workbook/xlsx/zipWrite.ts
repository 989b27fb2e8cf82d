// A minimal zip writer over Node's native zlib, for two hand-offs where JSZip's JavaScript codecs are
// the slow part: reading (parts already inflated by the limits pass go to ExcelJS stored, so JSZip
// does not inflate them again) and writing (ExcelJS's stored package is deflated natively).
// Node only: `nativeZip()` says whether this host has what it needs (the browser build does not).
import * as zlib from "node:zlib";
import { readZipDirectory } from "./sniff";

/** One part of a package: its name in the zip and its uncompressed bytes. */
export interface ZipPart {
  name: string;
  data: Uint8Array;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const EOCD = 0x06054b50;
/** General-purpose flag bit 11: names are UTF-8. */
const UTF8_NAMES = 0x0800;
/** 1980-01-01 00:00 in DOS date/time: a fixed stamp keeps the output deterministic. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

let native: boolean | undefined;

/**
 * Whether native zlib can bound an inflation (`maxOutputLength`) and compute CRC-32 here. Node ≥ 20.15
 * can; webpack's browserify-zlib stand-in cannot, and callers keep their JavaScript path there.
 */
export function nativeZip(): boolean {
  if (native !== undefined) return native;
  native = false;
  try {
    if (typeof zlib.crc32 !== "function" || typeof zlib.inflateRawSync !== "function") return native;
    // 64 zero bytes, deflated: a bounded inflation must refuse to produce more than 16 of them.
    zlib.inflateRawSync(Buffer.from([99, 96, 160, 12, 0, 0]), { maxOutputLength: 16 });
  } catch (e) {
    native = (e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE";
  }
  return native;
}

/**
 * A zip of `parts`, each stored (method 0) or deflated natively (`level`, method 8), with correct
 * CRC-32s. Requires {@link nativeZip}; sizes must fit 32-bit fields (callers bound them far lower).
 */
export function writeZip(parts: readonly ZipPart[], opts: { level?: number } = {}): Buffer {
  const level = opts.level;
  return assemble(
    parts,
    parts.map((p) => (deflates(p, level) ? zlib.deflateRawSync(p.data, { level }) : p.data)),
    level,
  );
}

/** A part whose deflation may already be under way: started by {@link deflateSoon} as soon as its
 * bytes existed, so it ran beside the work that made the next parts. */
export interface EarlyPart extends ZipPart {
  deflated?: Promise<Uint8Array>;
}

/**
 * Deflate `data` at `level` on libuv's thread pool: this thread goes on meanwhile. In one go: an
 * output buffer of deflate's worst case (`chunkSize`) and the whole input as the last block
 * (`flush: Z_FINISH`). With zlib's default 16 KB chunks every chunk waited for this thread to take it,
 * and while this thread writes the next sheet it does not (a 7 MB sheet took 240 ms to deflate that
 * way beside busy work, 30 ms in one go); without Z_FINISH the end came as a second chunk, copied.
 */
export const deflateSoon = (data: Uint8Array, level: number): Promise<Uint8Array> =>
  new Promise((resolve, reject) =>
    zlib.deflateRaw(
      data,
      { level, chunkSize: deflateBound(data.length), flush: zlib.constants.Z_FINISH },
      (err, out) => (err ? reject(err) : resolve(out)),
    ),
  );

/** At least zlib's deflateBound for `n` bytes, and never below zlib's smallest chunk (64 bytes). */
const deflateBound = (n: number): number => Math.max(64, n + 5 * Math.ceil(n / 16_384) + 64);

/** {@link writeZip}, with the parts deflated on the thread pool, those already started included:
 * the same bytes. */
export async function writeZipSoon(parts: readonly EarlyPart[], opts: { level: number }): Promise<Buffer> {
  const bodies = await Promise.all(
    parts.map((p) =>
      deflates(p, opts.level) ? (p.deflated ?? deflateSoon(p.data, opts.level)) : Promise.resolve(p.data),
    ),
  );
  return assemble(parts, bodies, opts.level);
}

const deflates = (part: ZipPart, level: number | undefined): boolean =>
  level !== undefined && part.data.length > 0;

/** The package: each part's local header and body, then the central directory. */
function assemble(
  parts: readonly ZipPart[],
  bodies: readonly Uint8Array[],
  level: number | undefined,
): Buffer {
  const chunks: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  parts.forEach((part, i) => {
    const name = Buffer.from(part.name, "utf8");
    const crc = zlib.crc32(part.data);
    const body = bodies[i];
    const method = deflates(part, level) ? 8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(part.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(CENTRAL, 0);
    dir.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(UTF8_NAMES, 8);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt16LE(0, 12);
    dir.writeUInt16LE(DOS_DATE, 14);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(part.data.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42); // extra, comment, disk, attributes: 0
    chunks.push(local, name, body);
    central.push(dir, name);
    offset += local.length + name.length + body.length;
  });
  const dirSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}

/**
 * The parts of a stored package a zip library produced (our own output, never user input), in
 * order; folder entries are left out.
 */
export function storedParts(stored: Uint8Array): ZipPart[] {
  const entries = readZipDirectory(stored);
  if (!entries) throw new Error("storedParts: not a zip");
  const parts: ZipPart[] = [];
  for (const e of entries) {
    if (e.name.endsWith("/")) continue; // a folder entry: not a part, and .xlsx readers ignore it
    if (e.method !== 0) throw new Error(`storedParts: ${e.name} is not stored`);
    const at = e.localOffset;
    const start =
      at + 30 + (stored[at + 26] | (stored[at + 27] << 8)) + (stored[at + 28] | (stored[at + 29] << 8));
    parts.push({ name: e.name, data: stored.subarray(start, start + e.compressedSize) });
  }
  return parts;
}
