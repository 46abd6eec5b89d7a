import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { counter } from '../../content/counter.ts';
import { slotStarts } from '../../domain/counter-calendar.ts';
import { formatJapaneseDate, formatTime, parseTime, timeKey } from '../../domain/japan-time.ts';
import { newClosureSchema } from '../../domain/staff-api.ts';
import { closureHours, WHOLE_DAY } from '../../domain/staff-closures.ts';
import { describeProblems } from '../../domain/validation.ts';
import { Button } from '../../ui/Button.tsx';
import { ChoiceGroup } from '../../ui/ChoiceList.tsx';
import { SelectField, TextField } from '../../ui/Fields.tsx';
import { closuresQuery } from './staff-api.ts';
import styles from './staff.module.css';
import { type StaffScreenProps, useSignedOutOnFailure, type useStaffAction } from './use-staff-action.ts';

const STARTS = slotStarts(counter).map(timeKey);
const ENDS = slotStarts(counter).map((start) => timeKey(start + counter.slotMinutes));
const timeLabel = (time: string) => formatTime(parseTime(time) ?? 0);

type Run = ReturnType<typeof useStaffAction>['run'];

/**
 * 窓口の休み: close the counter for a day or some hours (system maintenance, training). The server
 * refuses while bookings are held there and names them, so no citizen's booking is dropped unseen.
 */
export function ClosuresSection({ run, busy, onSignedOut }: { run: Run; busy: boolean; onSignedOut: StaffScreenProps['onSignedOut'] }) {
  const closures = useQuery(closuresQuery());
  useSignedOutOnFailure(closures.error, onSignedOut);
  const [date, setDate] = useState('');
  const [span, setSpan] = useState<'day' | 'hours'>('day');
  const [startTime, setStartTime] = useState(STARTS[0] ?? '09:00');
  const [endTime, setEndTime] = useState(ENDS.at(-1) ?? '17:00');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const tableId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const hours = span === 'day' ? WHOLE_DAY : { startTime, endTime };
    const parsed = newClosureSchema.safeParse({ date, ...hours, reason });
    if (!parsed.success) {
      setErrors(Object.fromEntries(describeProblems(parsed.error).map((problem) => [problem.path, problem.message])));
      return;
    }
    setErrors({});
    if (await run('POST', '/counter/closures', parsed.data, `${formatJapaneseDate(parsed.data.date)} ${closureHours(parsed.data.startTime, parsed.data.endTime)}を休みにしました。`)) setReason('');
  };

  return (
    <section aria-labelledby={`${tableId}-heading`}>
      <h2 id={`${tableId}-heading`}>窓口の休み</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField label="休みにする日" type="date" value={date} error={errors.date} onChange={(event) => setDate(event.target.value)} />
        <ChoiceGroup
          legend="時間"
          name="closure-span"
          value={span}
          onChange={setSpan}
          options={[
            { value: 'day', label: '一日中' },
            { value: 'hours', label: '時間を区切る' },
          ]}
        />
        {span === 'hours' && (
          <div className={styles.inlineForm}>
            <SelectField label="始まり" value={startTime} onChange={(event) => setStartTime(event.target.value)}>
              {STARTS.map((time) => (
                <option key={time} value={time}>
                  {timeLabel(time)}
                </option>
              ))}
            </SelectField>
            <SelectField label="終わり" value={endTime} error={errors.endTime} onChange={(event) => setEndTime(event.target.value)}>
              {ENDS.map((time) => (
                <option key={time} value={time}>
                  {timeLabel(time)}
                </option>
              ))}
            </SelectField>
          </div>
        )}
        <TextField label="理由" hint="例：システムの点検のため" value={reason} error={errors.reason} maxLength={100} onChange={(event) => setReason(event.target.value)} />
        <Button type="submit" disabled={busy}>
          休みにする
        </Button>
      </form>
      {closures.data && (
        <div className={styles.tableRegion} role="region" aria-labelledby={tableId} tabIndex={0}>
          <table className={styles.table}>
            <caption id={tableId}>今日から先の休み（{String(closures.data.closures.length)}件）</caption>
            <thead>
              <tr>
                <th scope="col">日にち</th>
                <th scope="col">時間</th>
                <th scope="col">理由</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {closures.data.closures.map((closure) => (
                <tr key={closure.id}>
                  <td>{formatJapaneseDate(closure.date)}</td>
                  <td>{closureHours(closure.startTime, closure.endTime)}</td>
                  <td>{closure.reason}</td>
                  <td>
                    <Button
                      variant="secondary"
                      disabled={busy}
                      aria-label={`${formatJapaneseDate(closure.date)} ${closureHours(closure.startTime, closure.endTime)}の休みを取り消す`}
                      onClick={() => void run('DELETE', `/counter/closures/${String(closure.id)}`, undefined, `${formatJapaneseDate(closure.date)}の休みを取り消しました。`)}
                    >
                      休みを取り消す
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
