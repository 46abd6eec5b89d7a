import type { ElQrSlip } from './el-qr.ts';
import { buildElQrPayload } from './el-qr-sample.ts';
import { addDays, type IsoDate } from './japan-time.ts';

/**
 * The practice slip of the スマホ講座: a well-formed eL-QR (right length, tags and CRC) whose 納付番号
 * and 確認番号 are all zeros, which no real slip carries. The portal reads it like a slip in practice
 * mode, and outside practice mode tells it apart instead of treating it as a bill.
 */
export const PRACTICE_CASE_KEY = '0'.repeat(20);
export const PRACTICE_CONFIRMATION_NUMBER = '000000';
export const PRACTICE_AMOUNT = 3000;

/** The payload printed on the practice slip: due in 30 days from `today`, usable for 90. */
export function practiceSlipPayload(today: IsoDate): string {
  return buildElQrPayload({
    amount: PRACTICE_AMOUNT,
    dueDate: addDays(today, 30),
    lastDate: addDays(today, 90),
    caseKey: PRACTICE_CASE_KEY,
    confirmationNumber: PRACTICE_CONFIRMATION_NUMBER,
    taxItemCode: '021',
  });
}

export function isPracticeSlip(slip: Pick<ElQrSlip, 'caseKey' | 'confirmationNumber'>): boolean {
  return slip.caseKey === PRACTICE_CASE_KEY && slip.confirmationNumber === PRACTICE_CONFIRMATION_NUMBER;
}
