import type { ElNumberResult, ElQrProblem } from '../../domain/el-qr.ts';

/** What went wrong with a scanned code, and what to do, in words a citizen can act on. */
export function scanProblemMessage(problem: ElQrProblem): string {
  switch (problem.reason) {
    case 'url':
      return 'ウェブサイトのアドレスが入ったQRコードです。納付書のQRコード（eL-QR）ではないため、開きません。納付書の「地方税統一QRコード」を写してください。';
    case 'bad-crc':
    case 'bad-fields':
      return 'QRコードを正しく読み取れませんでした。納付書の汚れや折れを確かめて、もう一度写してください。';
    case 'empty':
    case 'not-digits':
    case 'wrong-length':
    case 'wrong-header':
      return '納付書のQRコード（eL-QR）ではありません。納付書の「地方税統一QRコード」を写してください。';
  }
}

/** The error shown under the eL番号 field. */
export function elNumberProblemMessage(result: Exclude<ElNumberResult, { ok: true }>): string {
  switch (result.reason) {
    case 'empty':
      return '番号を入力してください。';
    case 'not-digits':
      return '番号は数字で入力してください。空白やハイフン（-）は入れても入れなくてもかまいません。';
    case 'wrong-length':
      return `番号は34けたです。いまは${String(result.length)}けたです。納付書の番号と見比べてください。`;
  }
}
