// Draws the add-in's icons (assets/icon-<size>.png) with a tiny PNG encoder: a blue rounded
// square with three white report bars and a check mark. Run: npx tsx scripts/make-icons.ts
import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encode RGBA pixels (row-major, 4 bytes each) as a PNG. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    sig,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

type RGBA = [number, number, number, number];
const BLUE: RGBA = [0x1f, 0x5f, 0xa8, 255];
const WHITE: RGBA = [255, 255, 255, 255];
const GREEN: RGBA = [0x7c, 0xd9, 0x92, 255];

/** Coverage of pixel (x, y) by a shape, 4×4 supersampled for smooth edges at small sizes. */
function coverage(x: number, y: number, inside: (u: number, v: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++) if (inside(x + (i + 0.5) / 4, y + (j + 0.5) / 4)) n++;
  return n / 16;
}

/** Draw the icon at `size` pixels; shapes are in unit coordinates (0..1). */
export function drawIcon(size: number): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const r = 0.2;
  const rounded = (u: number, v: number) => {
    const cx = Math.min(Math.max(u, r), 1 - r);
    const cy = Math.min(Math.max(v, r), 1 - r);
    return (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
  };
  const bars = [0.28, 0.44, 0.6].map(
    (y, i) => (u: number, v: number) => u >= 0.2 && u <= 0.8 - i * 0.12 && v >= y && v <= y + 0.08,
  );
  const distToSegment = (u: number, v: number, ax: number, ay: number, bx: number, by: number) => {
    const t = Math.max(
      0,
      Math.min(1, ((u - ax) * (bx - ax) + (v - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
    );
    return Math.hypot(u - (ax + t * (bx - ax)), v - (ay + t * (by - ay)));
  };
  const check = (u: number, v: number) =>
    Math.min(distToSegment(u, v, 0.52, 0.76, 0.62, 0.85), distToSegment(u, v, 0.62, 0.85, 0.82, 0.62)) <=
    0.055;
  const blend = (i: number, c: RGBA, a: number) => {
    for (let k = 0; k < 3; k++) px[i + k] = Math.round(px[i + k] * (1 - a) + c[k] * a);
    px[i + 3] = Math.max(px[i + 3], Math.round(255 * a));
  };
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const at = (f: (u: number, v: number) => boolean) => coverage(x, y, (a, b) => f(a / size, b / size));
      blend(i, BLUE, at(rounded));
      for (const bar of bars) blend(i, WHITE, at(bar));
      blend(i, GREEN, at(check));
    }
  return px;
}

if (require.main === module) {
  const dir = join(__dirname, "..", "assets");
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    writeFileSync(join(dir, `icon-${size}.png`), encodePng(size, size, drawIcon(size)));
    console.log(`assets/icon-${size}.png`);
  }
}
