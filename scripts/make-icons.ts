/**
 * `npm run icons`: draws the portal's icon — three connected points, 「つながる」 — as SVG and as the
 * PNG sizes the manifest needs. No image library: the shapes are few, so each pixel's coverage is
 * computed directly (4×4 samples for smooth edges) and written as a PNG with Node's zlib.
 * The results are committed in public/; run this again only when the design changes.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

const BLUE = [0x0b, 0x4b, 0xa8] as const;
const WHITE = [0xff, 0xff, 0xff] as const;
const points = [
  [0.5, 0.285],
  [0.285, 0.66],
  [0.715, 0.66],
] as const;
const pointRadius = 0.09;
const lineWidth = 0.055;
const cornerRadius = 0.2;

function insideRoundedSquare(x: number, y: number): boolean {
  const dx = Math.max(cornerRadius - x, 0, x - (1 - cornerRadius));
  const dy = Math.max(cornerRadius - y, 0, y - (1 - cornerRadius));
  return dx * dx + dy * dy <= cornerRadius * cornerRadius;
}

function distanceToSegment(x: number, y: number, [ax, ay]: readonly number[], [bx, by]: readonly number[]): number {
  const [ax0, ay0, bx0, by0] = [ax ?? 0, ay ?? 0, bx ?? 0, by ?? 0];
  const t = Math.max(0, Math.min(1, ((x - ax0) * (bx0 - ax0) + (y - ay0) * (by0 - ay0)) / ((bx0 - ax0) ** 2 + (by0 - ay0) ** 2)));
  return Math.hypot(x - (ax0 + t * (bx0 - ax0)), y - (ay0 + t * (by0 - ay0)));
}

function insideMark(x: number, y: number): boolean {
  if (points.some(([px, py]) => Math.hypot(x - px, y - py) <= pointRadius)) return true;
  return points.some((a, i) => distanceToSegment(x, y, a, points[(i + 1) % points.length] ?? a) <= lineWidth / 2);
}

function drawPng(size: number, maskable: boolean): Buffer {
  const samples = 4;
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let px = 0; px < size; px++) {
      let background = 0;
      let mark = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (maskable || insideRoundedSquare(x, y)) {
            background++;
            if (insideMark(x, y)) mark++;
          }
        }
      }
      const total = samples * samples;
      const markShare = background === 0 ? 0 : mark / background;
      const offset = 1 + px * 4;
      for (let channel = 0; channel < 3; channel++) {
        row[offset + channel] = Math.round((BLUE[channel] ?? 0) * (1 - markShare) + (WHITE[channel] ?? 0) * markShare);
      }
      row[offset + 3] = Math.round((255 * background) / total);
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function drawSvg(): string {
  const scale = (value: number) => +(value * 64).toFixed(2);
  const hex = `#${BLUE.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
  const lines = points
    .map((a, i) => {
      const b = points[(i + 1) % points.length] ?? a;
      return `<line x1="${scale(a[0])}" y1="${scale(a[1])}" x2="${scale(b[0])}" y2="${scale(b[1])}"/>`;
    })
    .join('');
  const dots = points.map(([x, y]) => `<circle cx="${scale(x)}" cy="${scale(y)}" r="${scale(pointRadius)}"/>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="${scale(cornerRadius)}" fill="${hex}"/><g stroke="#fff" stroke-width="${scale(lineWidth)}">${lines}</g><g fill="#fff">${dots}</g></svg>\n`;
}

const publicDir = resolve(import.meta.dirname, '../public');
writeFileSync(resolve(publicDir, 'favicon.svg'), drawSvg());
writeFileSync(resolve(publicDir, 'icons/icon-192.png'), drawPng(192, false));
writeFileSync(resolve(publicDir, 'icons/icon-512.png'), drawPng(512, false));
writeFileSync(resolve(publicDir, 'icons/icon-maskable-512.png'), drawPng(512, true));
writeFileSync(resolve(publicDir, 'icons/apple-touch-icon-180.png'), drawPng(180, true));
console.log('public/favicon.svg と public/icons/*.png を書き出しました。');
