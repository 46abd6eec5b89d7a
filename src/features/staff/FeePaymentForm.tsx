import { type FormEvent, useEffect, useRef, useState } from 'react';
import { formatReservationCode } from '../../domain/citizen-fields.ts';
import {
  FEE_PAYMENT_METHOD_NAMES,
  FEE_PAYMENT_METHODS,
  type FeePaymentMethod,
  MAX_RECEIPT_NUMBER_LENGTH,
  receiptNumberSchema,
} from '../../domain/facility-fee.ts';
import { formatYen } from '../../domain/money.ts';
import type { BookedFacilityBooking } from '../../domain/staff-api.ts';
import { staffContracts } from '../../domain/staff-contracts.ts';
import { Button } from '../../ui/Button.tsx';
import { SelectField, TextField } from '../../ui/Fields.tsx';
import styles from './staff.module.css';
import type { useStaffAction } from './use-staff-action.ts';

type Run = ReturnType<typeof useStaffAction>['run'];

/** 支払い済みにする: how the fee was paid and the receipt's number, checked here as the server checks it. */
export function FeePaymentForm({ booking, run, busy, onDone }: { booking: BookedFacilityBooking; run: Run; busy: boolean; onDone: () => void }) {
  const [method, setMethod] = useState<FeePaymentMethod>('cash');
  const [receiptNumber, setReceiptNumber] = useState('');
  const [receiptError, setReceiptError] = useState<string | undefined>();
  const methodField = useRef<HTMLSelectElement>(null);
  const receiptField = useRef<HTMLInputElement>(null);
  useEffect(() => methodField.current?.focus(), []);
  const code = formatReservationCode(booking.code);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = receiptNumberSchema.safeParse(receiptNumber);
    if (!parsed.success) {
      setReceiptError(parsed.error.issues[0]?.message);
      receiptField.current?.focus();
      return;
    }
    setReceiptError(undefined);
    const body = { method, receiptNumber: parsed.data };
    if (await run(staffContracts.recordFeePayment, { params: { code: booking.code }, body }, `${code} の使用料を支払い済みにしました。`)) onDone();
  };

  return (
    <form className={styles.panel} onSubmit={(event) => void submit(event)} noValidate>
      <h2>
        予約 {code} の使用料（{formatYen(booking.fee)}）を支払い済みにします
      </h2>
      <p>記録したあとは変えられません。領収書の番号を確かめてから記録してください。</p>
      <SelectField ref={methodField} label="支払いの方法" value={method} onChange={(event) => setMethod(event.target.value as FeePaymentMethod)}>
        {FEE_PAYMENT_METHODS.map((candidate) => (
          <option key={candidate} value={candidate}>
            {FEE_PAYMENT_METHOD_NAMES[candidate]}
          </option>
        ))}
      </SelectField>
      <TextField
        ref={receiptField}
        label="領収番号"
        hint={`領収書または振込の控えの番号。半角の英数字とハイフンで${String(MAX_RECEIPT_NUMBER_LENGTH)}文字まで（例：R06-001234）`}
        autoComplete="off"
        spellCheck={false}
        value={receiptNumber}
        error={receiptError}
        maxLength={MAX_RECEIPT_NUMBER_LENGTH * 2}
        onChange={(event) => setReceiptNumber(event.target.value)}
      />
      <div className={styles.actions}>
        <Button type="submit" disabled={busy}>
          支払い済みにする
        </Button>
        <Button variant="secondary" onClick={onDone}>
          やめる
        </Button>
      </div>
    </form>
  );
}
