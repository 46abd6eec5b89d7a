import { type FormEvent, useState } from 'react';
import { ApiRequestError } from '../client/api-client.ts';
import { lookupByPhoneSchema } from '../domain/booking-lookup.ts';
import { firstMessagePerField } from '../domain/validation.ts';
import styles from './booking.module.css';
import { Button } from './Button.tsx';
import { TextField } from './Fields.tsx';
import { focusFirstError } from './focus-first-error.ts';

/**
 * 「予約番号で探す」: the booking's code and the phone number given with it, read by the same rules
 * the server uses (full-width digits, hyphens, lower case), then `open` asks the server, keeps the
 * device's new token and opens the booking's page. The counter's and the facilities' list pages
 * show it under their lists; a refusal is the server's own Japanese, which never says whether the
 * code exists.
 */
export function LookUpByPhone({ open }: { open: (code: string, phone: string) => Promise<void> }) {
  const [code, setCode] = useState('');
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<{ code?: string; phone?: string; form?: string }>({});
  const [sending, setSending] = useState(false);

  const find = async (event: FormEvent) => {
    event.preventDefault();
    const checked = lookupByPhoneSchema.safeParse({ code, phone });
    if (!checked.success) {
      setErrors(firstMessagePerField(checked.error));
      focusFirstError(event);
      return;
    }
    setErrors({});
    setSending(true);
    try {
      await open(checked.data.code, checked.data.phone);
    } catch (error) {
      setErrors({ form: error instanceof ApiRequestError ? error.message : '予約を探せませんでした。' });
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <h2>予約番号で探す</h2>
      <form onSubmit={(event) => void find(event)} noValidate>
        {errors.form && (
          <p className={styles.alert} role="alert">
            {errors.form}
          </p>
        )}
        <TextField
          label="予約番号"
          hint="予約したときの8文字の番号です。例：ABCD-2345"
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={errors.code}
          autoComplete="off"
        />
        <TextField
          label="予約のときの電話番号"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          value={phone}
          onChange={(event) => setPhone(event.target.value)}
          error={errors.phone}
        />
        <Button type="submit" disabled={sending}>
          {sending ? '探しています…' : '予約を探す'}
        </Button>
      </form>
    </>
  );
}
