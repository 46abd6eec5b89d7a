import { type FormEvent, useEffect, useRef, useState } from 'react';
import { counter } from '../../content/counter.ts';
import { slotStarts } from '../../domain/counter-calendar.ts';
import { formatReservationCode } from '../../domain/citizen-fields.ts';
import { formatJapaneseDate, formatTime, isIsoDate, parseTime, timeKey } from '../../domain/japan-time.ts';
import type { CounterDeskBooking } from '../../domain/staff-api.ts';
import { Button } from '../../ui/Button.tsx';
import { SelectField, TextField } from '../../ui/Fields.tsx';
import styles from './staff.module.css';
import type { useStaffAction } from './use-staff-action.ts';
import { staffContracts } from '../../domain/staff-contracts.ts';

const STARTS = slotStarts(counter).map(timeKey);
const timeLabel = (time: string) => formatTime(parseTime(time) ?? 0);

type Run = ReturnType<typeof useStaffAction>['run'];

/**
 * 日時を変える: the citizen phoned and asked for another time. The server checks the slot (open
 * day, not started, seats left) and says why not in words the clerk can pass on.
 */
export function MoveBookingForm({
  booking,
  date,
  run,
  busy,
  onDone,
}: {
  booking: CounterDeskBooking;
  date: string;
  run: Run;
  busy: boolean;
  onDone: () => void;
}) {
  const [newDate, setNewDate] = useState(date);
  const [newTime, setNewTime] = useState(booking.time);
  const [dateError, setDateError] = useState<string | undefined>();
  const dateField = useRef<HTMLInputElement>(null);
  useEffect(() => dateField.current?.focus(), []);
  const code = formatReservationCode(booking.code);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!isIsoDate(newDate)) {
      setDateError('新しい日にちを選んでください。');
      dateField.current?.focus();
      return;
    }
    setDateError(undefined);
    const when = `${formatJapaneseDate(newDate)} ${timeLabel(newTime)}`;
    if (
      await run(
        staffContracts.move,
        { params: { code: booking.code }, body: { slot: { date: newDate, time: newTime } } },
        `${code} を ${when}からに移しました。`,
      )
    )
      onDone();
  };

  return (
    <form className={styles.panel} onSubmit={(event) => void submit(event)} noValidate>
      <h2>
        予約 {code} の日時を変えます（いま：{formatJapaneseDate(date)} {timeLabel(booking.time)}）
      </h2>
      <p>予約した方のページに新しい日時と「市役所で日時を変更しました」が表示されます。メールアドレスのある方には、メールでも知らせます。</p>
      <TextField
        ref={dateField}
        label="新しい日にち"
        type="date"
        hint={isIsoDate(newDate) ? `選んだ日：${formatJapaneseDate(newDate)}` : 'カレンダーから選んでください。'}
        value={newDate}
        error={dateError}
        onChange={(event) => setNewDate(event.target.value)}
      />
      <SelectField label="新しい時刻" value={newTime} onChange={(event) => setNewTime(event.target.value)}>
        {STARTS.map((time) => (
          <option key={time} value={time}>
            {timeLabel(time)}
          </option>
        ))}
      </SelectField>
      <div className={styles.actions}>
        <Button type="submit" disabled={busy}>
          この日時に移す
        </Button>
        <Button variant="secondary" onClick={onDone}>
          やめる
        </Button>
      </div>
    </form>
  );
}
