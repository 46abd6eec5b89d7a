import { type ReactNode, useEffect, useRef, useState } from 'react';
import { ApiRequestError } from '../client/api-client.ts';
import styles from './booking.module.css';
import { Button } from './Button.tsx';
import { type CalendarDay, DayPicker } from './DayPicker.tsx';

/**
 * Changing or cancelling a booking from its page (counter and facilities alike): the two buttons,
 * the section that picks a new day, the section that asks before cancelling, and what the last
 * change or cancellation did.
 */
export function useBookingChanges() {
  const [mode, setMode] = useState<'view' | 'change' | 'cancel'>('view');
  const [sending, setSending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  /** Sends a change or a cancellation; when it worked, the page shows the booking again with `done` on top. */
  const run = async (action: () => Promise<void>, done: string) => {
    setSending(true);
    try {
      await action();
      setMode('view');
      setFailure(null);
      setMessage(done);
    } catch (error) {
      setFailure(error instanceof ApiRequestError ? error.message : 'うまくいきませんでした。もう一度お試しください。');
    } finally {
      setSending(false);
    }
  };

  return { mode, setMode, sending, message, failure, setFailure, run };
}

interface ChangeOrCancelButtonsProps {
  /** 「日時を変更する」; null where the booking cannot be changed in the portal. */
  changeLabel: string | null;
  onChange: () => void;
  onCancel: () => void;
}

export function ChangeOrCancelButtons({ changeLabel, onChange, onCancel }: ChangeOrCancelButtonsProps) {
  return (
    <div className={styles.actions}>
      {changeLabel && (
        <Button variant="secondary" onClick={onChange}>
          {changeLabel}
        </Button>
      )}
      <Button variant="secondary" onClick={onCancel}>
        予約を取り消す
      </Button>
    </div>
  );
}

interface ChangeDateSectionProps<Day extends CalendarDay> {
  heading: string;
  availability: { isPending: boolean; data: Day[] | undefined };
  /** What to choose on the new day, and the button that changes the booking. */
  children: (day: Day) => ReactNode;
  onClose: () => void;
}

/**
 * Picking the new day of a booking. The day is kept here: closing the section forgets it, and
 * choosing the day again drops what was chosen on the old one (the children are drawn anew).
 */
export function ChangeDateSection<Day extends CalendarDay>({ heading, availability, children, onClose }: ChangeDateSectionProps<Day>) {
  const [newDate, setNewDate] = useState<string | null>(null);
  const day = availability.data?.find((candidate) => candidate.date === newDate);
  return (
    <section aria-labelledby="change-heading">
      <h2 id="change-heading">{heading}</h2>
      {availability.isPending && <p role="status">空き状況を調べています…</p>}
      {availability.data && !newDate && <DayPicker days={availability.data} selected={null} onSelect={setNewDate} />}
      {day && children(day)}
      <div className={styles.actions}>
        {newDate && (
          <Button variant="secondary" onClick={() => setNewDate(null)}>
            日にちを選び直す
          </Button>
        )}
        <Button variant="secondary" onClick={onClose}>
          変更しないで戻る
        </Button>
      </div>
    </section>
  );
}

interface CancelSectionProps {
  /** What cancelling does to the time, in the booking's own words. */
  explanation: string;
  onCancel: () => void;
  onBack: () => void;
}

export function CancelSection({ explanation, onCancel, onBack }: CancelSectionProps) {
  return (
    <AskBeforeSection
      heading="この予約を取り消しますか"
      explanation={explanation}
      confirmLabel="予約を取り消す"
      onConfirm={onCancel}
      backLabel="取り消さずに戻る"
      onBack={onBack}
    />
  );
}

interface AskBeforeSectionProps {
  /** The question: 「この予約を取り消しますか」. */
  heading: string;
  /** What the step does and what cannot be undone. */
  explanation: string;
  confirmLabel: string;
  onConfirm: () => void;
  /** The way back without doing it: 「取り消さずに戻る」. */
  backLabel: string;
  onBack: () => void;
  sending?: boolean;
}

/**
 * Asks before a step that cannot be undone (cancelling a booking, leaving キャンセル待ち): what it
 * does, then do it or go back. The question takes the focus when it appears, as the button that
 * opened it is gone: a screen reader reads the question next, and Tab reaches its buttons.
 */
export function AskBeforeSection({ heading, explanation, confirmLabel, onConfirm, backLabel, onBack, sending = false }: AskBeforeSectionProps) {
  const question = useRef<HTMLHeadingElement>(null);
  useEffect(() => question.current?.focus(), []);
  return (
    <section aria-labelledby="ask-before-heading">
      <h2 id="ask-before-heading" ref={question} tabIndex={-1}>
        {heading}
      </h2>
      <p>{explanation}</p>
      <div className={styles.actions}>
        <Button onClick={onConfirm} disabled={sending}>
          {sending ? '送っています…' : confirmLabel}
        </Button>
        <Button variant="secondary" onClick={onBack}>
          {backLabel}
        </Button>
      </div>
    </section>
  );
}
