import type { Department } from '../domain/city.ts';
import styles from './booking.module.css';
import { BookingFailure } from './BookingStates.tsx';
import { Button } from './Button.tsx';

interface ConfirmActionsProps {
  /** What the main button does: 「この内容で予約する」「この日時に変更する」. */
  confirmLabel: string;
  onConfirm: () => void;
  sending: boolean;
  /** After a failure the main button offers to send again (the request is safe to repeat). */
  failed: boolean;
  /** The way back to the choice before, without sending: 「入力を直す」「時間を選び直す」. */
  backLabel: string;
  onBack: () => void;
}

/**
 * The last step of every booking and change (counter and facilities): nothing is sent until the
 * citizen has seen the summary above and pressed the button that says what happens.
 */
export function ConfirmActions({ confirmLabel, onConfirm, sending, failed, backLabel, onBack }: ConfirmActionsProps) {
  return (
    <div className={styles.actions}>
      <Button onClick={onConfirm} disabled={sending}>
        {sending ? '送っています…' : failed ? 'もう一度送る' : confirmLabel}
      </Button>
      <Button variant="secondary" onClick={onBack}>
        {backLabel}
      </Button>
    </div>
  );
}

interface SendBookingActionsProps {
  confirmLabel: string;
  onConfirm: () => void;
  sending: boolean;
  /** What went wrong on the last try, or null. */
  failure: string | null;
  /** Whom to call when it keeps failing. */
  contact: Department & { phone: string };
  /** Back to the details step, to correct them. */
  onBack: () => void;
}

/** The foot of a booking wizard's confirm step: what went wrong, if anything, then send or correct the details. */
export function SendBookingActions({ confirmLabel, onConfirm, sending, failure, contact, onBack }: SendBookingActionsProps) {
  return (
    <>
      {failure && <BookingFailure message={failure} contact={contact} />}
      <ConfirmActions confirmLabel={confirmLabel} onConfirm={onConfirm} sending={sending} failed={failure !== null} backLabel="入力を直す" onBack={onBack} />
    </>
  );
}
