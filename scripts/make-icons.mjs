// Draws Politely's mark (a white envelope on a teal tile, with an amber badge holding a check) at every size
// the manifest declares, and writes them as PNGs to assets/. Pure Node: shapes are signed-distance functions
// sampled 4×4 per pixel for anti-aliasing, and the PNG is encoded with node:zlib, so no image tool is needed.
//
//   node scripts/make-icons.mjs            writes assets/icon-<size>.png
//   node scripts/make-icons.mjs --check    exits 1 when a committed icon differs from what this script draws
import { deflateSync } from 'node:zlib';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ICON_SIZES = [16, 25, 32, 48, 64, 80, 128];

const TILE = [14, 122, 109]; // teal
const PAPER = [255, 255, 255];
const BADGE = [245, 166, 35]; // amber
const INK = [14, 122, 109];

/** Signed distance to a rounded rectangle centred at (cx, cy) with half sizes (hx, hy) and corner radius r. */
function roundedBox(x, y, cx, cy, hx, hy, r) {
  const qx = Math.abs(x - cx) - hx + r;
  const qy = Math.abs(y - cy) - hy + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Distance from (x, y) to the segment a→b. */
function segment(x, y, ax, ay, bx, by) {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - t * dx, py - t * dy);
}

/**
 * The mark as layers painted back to front; each layer says whether a point in the unit square is inside it.
 * Strokes get a minimum width of about one pixel so the 16 px icon still shows the flap and the check.
 */
function layers(size) {
  const px = 1 / size;
  const flapWidth = Math.max(0.055, 1.1 * px) / 2;
  const checkWidth = Math.max(0.06, 1.2 * px) / 2;
  return [
    { color: TILE, inside: (x, y) => roundedBox(x, y, 0.5, 0.5, 0.5, 0.5, 0.2) <= 0 },
    { color: PAPER, inside: (x, y) => roundedBox(x, y, 0.46, 0.47, 0.32, 0.22, 0.05) <= 0 },
    {
      color: TILE,
      inside: (x, y) =>
        segment(x, y, 0.17, 0.29, 0.46, 0.52) <= flapWidth ||
        segment(x, y, 0.46, 0.52, 0.75, 0.29) <= flapWidth,
    },
    { color: TILE, inside: (x, y) => Math.hypot(x - 0.75, y - 0.74) <= 0.235 },
    { color: BADGE, inside: (x, y) => Math.hypot(x - 0.75, y - 0.74) <= 0.2 },
    {
      color: INK,
      inside: (x, y) =>
        segment(x, y, 0.655, 0.745, 0.725, 0.815) <= checkWidth ||
        segment(x, y, 0.725, 0.815, 0.85, 0.665) <= checkWidth,
    },
  ];
}

/** Renders the mark into straight (non-premultiplied) RGBA bytes, row-major, size × size. */
export function drawPolitelyMark(size) {
  const samples = 4;
  const rgba = new Uint8Array(size * size * 4);
  const paint = layers(size);
  for (let row = 0; row < size; row += 1) {
    for (let col = 0; col < size; col += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const x = (col + (sx + 0.5) / samples) / size;
          const y = (row + (sy + 0.5) / samples) / size;
          let color = null;
          for (const layer of paint) if (layer.inside(x, y)) color = layer.color;
          if (color) {
            r += color[0];
            g += color[1];
            b += color[2];
            a += 1;
          }
        }
      }
      const offset = (row * size + col) * 4;
      if (a > 0) {
        rgba[offset] = Math.round(r / a);
        rgba[offset + 1] = Math.round(g / a);
        rgba[offset + 2] = Math.round(b / a);
        rgba[offset + 3] = Math.round((255 * a) / (samples * samples));
      }
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA bytes as an 8-bit truecolour-with-alpha PNG (no filtering; zlib does the work). */
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let row = 0; row < height; row += 1) {
    raw[row * (stride + 1)] = 0; // filter type: none
    Buffer.from(rgba.buffer, rgba.byteOffset + row * stride, stride).copy(raw, row * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function iconPath(assetsDir, size) {
  return join(assetsDir, `icon-${size}.png`);
}

function main() {
  const assetsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');
  const check = process.argv.includes('--check');
  const stale = [];
  mkdirSync(assetsDir, { recursive: true });
  for (const size of ICON_SIZES) {
    const png = encodePng(size, size, drawPolitelyMark(size));
    const path = iconPath(assetsDir, size);
    if (check) {
      let committed = null;
      try {
        committed = readFileSync(path);
      } catch {
        // a missing icon is stale too
      }
      if (!committed || !committed.equals(png)) stale.push(path);
    } else {
      writeFileSync(path, png);
      console.log(`wrote ${path} (${png.length} bytes)`);
    }
  }
  if (check && stale.length > 0) {
    console.error(
      `Icons differ from scripts/make-icons.mjs: ${stale.join(', ')}. Run: node scripts/make-icons.mjs`,
    );
    process.exitCode = 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
