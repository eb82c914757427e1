// Draws the extension icon (a rounded blue tile with a white shield and keyhole) as PNGs
// at the sizes the stores ask for. Run once; the PNGs are committed under public/icon/.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function pixel(x, y) {
  // Coordinates in 0..1. Rounded square tile.
  const r = 0.2;
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  if (dx * dx + dy * dy > r * r) return [0, 0, 0, 0];
  const tile = [11, 87, 208, 255];
  // Shield: top edge flat, sides curve to a point at the bottom.
  const sx = Math.abs(x - 0.5);
  const top = 0.2,
    bottom = 0.84;
  if (y >= top && y <= bottom) {
    const t = (y - top) / (bottom - top);
    const half = t < 0.5 ? 0.3 : 0.3 * Math.sqrt(Math.max(0, 1 - ((t - 0.5) / 0.5) ** 2));
    if (sx <= half) {
      // Keyhole cut out of the shield.
      const kc = Math.hypot(x - 0.5, y - 0.43) < 0.075;
      const ks = sx < 0.035 && y > 0.43 && y < 0.62;
      if (kc || ks) return tile;
      return [255, 255, 255, 255];
    }
  }
  return tile;
}

function png(size) {
  const ss = 4; // supersampling for smooth edges
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let j = 0; j < ss; j++)
        for (let i = 0; i < ss; i++) {
          const p = pixel((x + (i + 0.5) / ss) / size, (y + (j + 0.5) / ss) / size);
          acc[0] += p[0] * p[3];
          acc[1] += p[1] * p[3];
          acc[2] += p[2] * p[3];
          acc[3] += p[3];
        }
      const a = acc[3] / (ss * ss);
      row.push(
        ...(acc[3] ? [acc[0] / acc[3], acc[1] / acc[3], acc[2] / acc[3]] : [0, 0, 0]).map(Math.round),
        Math.round(a),
      );
    }
    rows.push(Buffer.from(row));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 96, 128]) writeFileSync(`public/icon/${size}.png`, png(size));
console.log('icons written to public/icon/');
