import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseElQr } from './el-qr.ts';
import { isPracticeSlip, PRACTICE_AMOUNT, practiceSlipPayload } from './el-qr-practice.ts';
import { buildElQrPayload } from './el-qr-sample.ts';
import { addDays } from './japan-time.ts';

describe('the practice slip', () => {
  it('is a well-formed eL-QR that reads as a practice slip', () => {
    const result = parseElQr(practiceSlipPayload('2026-11-24'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(isPracticeSlip(result.slip)).toBe(true);
    expect(result.slip).toMatchObject({ amount: PRACTICE_AMOUNT, dueDate: addDays('2026-11-24', 30), lastDate: addDays('2026-11-24', 90) });
  });

  it('is never confused with a slip that has a real 納付番号 or 確認番号', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{20}$/), fc.stringMatching(/^\d{6}$/), (caseKey, confirmationNumber) => {
        fc.pre(caseKey !== '0'.repeat(20) || confirmationNumber !== '000000');
        const result = parseElQr(buildElQrPayload({ amount: 1000, dueDate: '2026-12-25', lastDate: '2027-01-25', caseKey, confirmationNumber }));
        return result.ok && !isPracticeSlip(result.slip);
      }),
    );
  });
});
