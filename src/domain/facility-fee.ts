import { z } from 'zod';
import './validation.ts';

/**
 * The fee of a facility booking, recorded as paid at the facility desk. How it was paid is one of
 * the few ways a city hall's till takes money; the receipt number is the one on the city's receipt
 * (領収書) or the bank's transfer slip, so a payment can be traced in the city's books.
 */
export const FEE_PAYMENT_METHODS = ['cash', 'bank-transfer', 'payment-slip', 'cashless'] as const;
export type FeePaymentMethod = (typeof FEE_PAYMENT_METHODS)[number];

export const FEE_PAYMENT_METHOD_NAMES: Record<FeePaymentMethod, string> = {
  cash: '現金',
  'bank-transfer': '口座振込',
  'payment-slip': '納付書（金融機関・コンビニ）',
  cashless: 'キャッシュレス（カード・電子マネー）',
};

export const MAX_RECEIPT_NUMBER_LENGTH = 20;

/**
 * A receipt number as typed or read from a slip: full-width letters and digits become half-width
 * (NFKC), letters upper case, spaces go; then letters, digits and hyphens only.
 */
export const receiptNumberSchema = z
  .string({ error: '領収番号を入力してください。' })
  .transform((typed) => typed.normalize('NFKC').replace(/\s+/g, '').toUpperCase())
  .pipe(
    z
      .string()
      .min(1, '領収番号を入力してください。')
      .max(MAX_RECEIPT_NUMBER_LENGTH, `領収番号は${String(MAX_RECEIPT_NUMBER_LENGTH)}文字までです。`)
      .regex(/^[0-9A-Z](?:[0-9A-Z-]*[0-9A-Z])?$/, '領収番号は半角の英数字とハイフン（-）で入力してください（例：R06-001234）。'),
  );

export const feePaymentSchema = z.strictObject({
  method: z.enum(FEE_PAYMENT_METHODS, '支払いの方法を選んでください。'),
  receiptNumber: receiptNumberSchema,
});
export type FeePayment = z.infer<typeof feePaymentSchema>;

/**
 * Whether the fee of a booking may be recorded as paid; the refusal in the desk's words, or null.
 * Only a confirmed booking (本予約) with a fee, not yet recorded: a 仮予約 is paid with the
 * in-person application that confirms it, and a cancelled booking owes nothing.
 */
export function feePaymentRefusal(booking: { status: 'booked' | 'provisional' | 'cancelled' | 'released'; fee: number; paid: boolean }): string | null {
  if (booking.status === 'provisional') return '仮予約の使用料は記録できません。先に本予約にしてください。';
  if (booking.status !== 'booked') return '取り消された予約の使用料は記録できません。';
  if (booking.fee === 0) return 'この予約は使用料が0円のため、記録するものがありません。';
  if (booking.paid) return 'この予約の使用料は、もう支払い済みと記録されています。';
  return null;
}

/** How a recorded payment reads in the audit log and on the desk's list: 現金（領収番号 R06-001234）. */
export function feePaymentLabel(payment: FeePayment): string {
  return `${FEE_PAYMENT_METHOD_NAMES[payment.method]}（領収番号 ${payment.receiptNumber}）`;
}
