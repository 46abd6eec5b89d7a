import { elQrCrcDigits } from './el-qr.ts';

export interface SampleSlipFields {
  amount: number;
  /** yyyy-mm-dd */
  dueDate: string;
  /** yyyy-mm-dd */
  lastDate: string;
  institutionCode?: string;
  taxItemCode?: string;
  caseKey?: string;
  confirmationNumber?: string;
  assessmentYear?: number;
  installment?: number;
}

function digits(value: number | string, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * Writes a synthetic eL-QR payload with a valid CRC, laid out as `parseElQr` reads it. It makes the
 * test vectors (unit and e2e) and suits a practice slip; its keys are fake and it pays nothing.
 */
export function buildElQrPayload(fields: SampleSlipFields): string {
  const amount = digits(fields.amount, 11);
  const block = [
    '00', // check digit 1 (algorithm unknown)
    digits(0, 11),
    amount,
    '2',
    '13800',
    '0',
    fields.taxItemCode ?? '999',
    '00000',
    '00', // check digit 2 (algorithm unknown)
    fields.caseKey ?? '9'.repeat(20),
    fields.confirmationNumber ?? '999999',
    '0',
    fields.institutionCode ?? '12213',
    '000',
    '0000000',
  ].join('');
  const year = fields.assessmentYear ?? Number(fields.dueDate.slice(0, 4));
  const additional = [
    digits(year, 4),
    digits(year, 4),
    digits(fields.installment ?? 1, 2),
    fields.dueDate.replaceAll('-', ''),
    fields.lastDate.replaceAll('-', ''),
  ].join('');
  const withoutCrc = `00020101021227960005138000183${block}5411${amount}6226${additional}8085${'0'.repeat(85)}6305`;
  return withoutCrc + elQrCrcDigits(withoutCrc);
}
