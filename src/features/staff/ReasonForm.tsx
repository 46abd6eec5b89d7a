import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Fields.tsx';
import styles from './staff.module.css';

export interface ReasonFormProps {
  heading: string;
  label: string;
  hint: string;
  /** Said beside the field when it is sent empty. */
  missing: string;
  submitLabel: string;
  busy: boolean;
  /** Sends the reason; true when done, which closes the form. */
  onSubmit: (reason: string) => Promise<boolean>;
  onClose: () => void;
}

/**
 * A change the citizen will read the reason of (取り消す at the counter, 断る at the facility
 * desk): the reason is kept with the booking and shown on the citizen's page, so the form says so.
 */
export function ReasonForm({ heading, label, hint, missing, submitLabel, busy, onSubmit, onClose }: ReasonFormProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setError(missing);
      field.current?.focus();
      return;
    }
    setError(undefined);
    if (await onSubmit(reason)) onClose();
  };

  return (
    <form className={styles.panel} onSubmit={(event) => void submit(event)} noValidate>
      <h2>{heading}</h2>
      <p>理由は予約の記録に残り、予約した方のページにも表示されます。個人的な事情は書かないでください。</p>
      <TextField ref={field} label={label} hint={hint} value={reason} error={error} maxLength={200} onChange={(event) => setReason(event.target.value)} />
      <div className={styles.actions}>
        <Button type="submit" disabled={busy}>
          {submitLabel}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          やめる
        </Button>
      </div>
    </form>
  );
}
