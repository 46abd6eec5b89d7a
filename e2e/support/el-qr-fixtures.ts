import { writeFileSync } from 'node:fs';
import QRCode from 'qrcode';
import { buildElQrPayload } from '../../src/domain/el-qr-sample.ts';
import { addDays, japanClock } from '../../src/domain/japan-time.ts';

/** yyyy-mm-dd, `days` from today in Japan (the portal's notion of today). */
export function daysFromToday(days: number): string {
  return addDays(japanClock(new Date()).date, days);
}

/** A synthetic slip of Togane relative to today: its payload and the eL番号 it carries. */
export function sampleSlip(amount: number, dueInDays: number, lastInDays: number, caseKey: string) {
  const payload = buildElQrPayload({
    amount,
    dueDate: daysFromToday(dueInDays),
    lastDate: daysFromToday(lastInDays),
    caseKey,
    confirmationNumber: '246810',
    taxItemCode: '021',
  });
  return { payload, elNumber: `12213${caseKey}246810021` };
}

export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { errorCorrectionLevel: 'M', margin: 4, scale: 6 });
}

/**
 * Writes a .y4m video of the QR code on white for Chromium's fake camera
 * (`--use-file-for-fake-video-capture`): a one-line header, then raw 4:2:0 frames.
 */
export function writeQrVideo(text: string, file: string): void {
  const width = 640;
  const height = 480;
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quietZone = 4;
  const scale = Math.floor(440 / (modules.size + 2 * quietZone));
  const left = Math.floor((width - modules.size * scale) / 2);
  const top = Math.floor((height - modules.size * scale) / 2);
  const luma = Buffer.alloc(width * height, 235);
  for (let row = 0; row < modules.size; row += 1) {
    for (let column = 0; column < modules.size; column += 1) {
      if (!modules.get(row, column)) continue;
      for (let y = 0; y < scale; y += 1) {
        luma.fill(16, (top + row * scale + y) * width + left + column * scale, (top + row * scale + y) * width + left + (column + 1) * scale);
      }
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${String(width)} H${String(height)} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(file, Buffer.concat([header, frame, frame, frame]));
}
