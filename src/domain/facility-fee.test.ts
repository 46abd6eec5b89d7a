import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feePaymentLabel, feePaymentRefusal, feePaymentSchema, MAX_RECEIPT_NUMBER_LENGTH, receiptNumberSchema } from './facility-fee.ts';

describe('receiptNumberSchema', () => {
  it('takes a receipt number as typed: full-width, lower case and spaces are made plain', () => {
    expect(receiptNumberSchema.parse('R06-001234')).toBe('R06-001234');
    expect(receiptNumberSchema.parse('ｒ０６－００１２３４')).toBe('R06-001234');
    expect(receiptNumberSchema.parse(' 12 34 ')).toBe('1234');
  });

  it('refuses an empty, too long or strange one with a Japanese message', () => {
    for (const typed of ['', '   ', '-123', '123-', 'R06_001', '領収1', 'A'.repeat(MAX_RECEIPT_NUMBER_LENGTH + 1), '<script>']) {
      const parsed = receiptNumberSchema.safeParse(typed);
      expect([typed, parsed.success]).toEqual([typed, false]);
      expect(parsed.error?.issues[0]?.message).toMatch(/領収番号/);
    }
    expect(receiptNumberSchema.safeParse(42).success).toBe(false);
  });

  it('whatever is typed, what it accepts is half-width letters, digits and hyphens, at most 20', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (typed) => {
        const parsed = receiptNumberSchema.safeParse(typed);
        if (parsed.success) expect(parsed.data).toMatch(/^[0-9A-Z-]{1,20}$/);
      }),
    );
  });
});

describe('feePaymentSchema', () => {
  it('takes one of the closed list of methods and nothing else', () => {
    expect(feePaymentSchema.parse({ method: 'cash', receiptNumber: 'r-1' })).toEqual({ method: 'cash', receiptNumber: 'R-1' });
    expect(feePaymentSchema.safeParse({ method: 'bitcoin', receiptNumber: '1' }).success).toBe(false);
    expect(feePaymentSchema.safeParse({ method: 'cash', receiptNumber: '1', paidBy: 'x' }).success).toBe(false);
  });
});

describe('feePaymentRefusal', () => {
  it('records only a confirmed booking with a fee, once', () => {
    expect(feePaymentRefusal({ status: 'booked', fee: 1400, paid: false })).toBeNull();
    expect(feePaymentRefusal({ status: 'provisional', fee: 1400, paid: false })).toContain('本予約にしてください');
    expect(feePaymentRefusal({ status: 'cancelled', fee: 1400, paid: false })).toContain('取り消された');
    expect(feePaymentRefusal({ status: 'released', fee: 1400, paid: false })).toContain('取り消された');
    expect(feePaymentRefusal({ status: 'booked', fee: 0, paid: false })).toContain('0円');
    expect(feePaymentRefusal({ status: 'booked', fee: 1400, paid: true })).toContain('支払い済み');
  });
});

describe('feePaymentLabel', () => {
  it('says the method and the receipt number', () => {
    expect(feePaymentLabel({ method: 'bank-transfer', receiptNumber: 'R06-001234' })).toBe('口座振込（領収番号 R06-001234）');
  });
});
