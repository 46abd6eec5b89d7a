import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { counter } from '../../content/counter.ts';
import { slotStarts } from '../../domain/counter-calendar.ts';
import { formatJapaneseDate, formatTime, isIsoDate, parseTime, timeKey } from '../../domain/japan-time.ts';
import { newClosureSchema } from '../../domain/staff-api.ts';
import { closureHours, WHOLE_DAY } from '../../domain/staff-closures.ts';
import { describeProblems } from '../../domain/validation.ts';
import { Button } from '../../ui/Button.tsx';
import { ChoiceGroup } from '../../ui/ChoiceList.tsx';
import { SelectField, TextField } from '../../ui/Fields.tsx';
import { StaffTable, Unbroken } from './StaffTable.tsx';
import { closuresQuery } from './staff-api.ts';
import styles from './staff.module.css';
import { type StaffScreenProps, useSignedOutOnFailure, type useStaffAction } from './use-staff-action.ts';
import { staffContracts } from '../../domain/staff-contracts.ts';

const STARTS = slotStarts(counter).map(timeKey);
const ENDS = slotStarts(counter).map((start) => timeKey(start + counter.slotMinutes));
const timeLabel = (time: string) => formatTime(parseTime(time) ?? 0);

type Run = ReturnType<typeof useStaffAction>['run'];

interface ClosureChanges {
  run: Run;
  busy: boolean;
}

/**
 * 窓口の休み: the closures from today on. The administrator closes the counter for a day or some
 * hours (system maintenance, training) and reopens it (`changes`); the server refuses while bookings
 * are held there and names them, so no citizen's booking is dropped unseen. The clerk's day list
 * shows the same list without the form, to answer a citizen who asks why a day is closed.
 */
export function ClosuresSection({ changes, onSignedOut }: { changes?: ClosureChanges; onSignedOut: StaffScreenProps['onSignedOut'] }) {
  const closures = useQuery(closuresQuery());
  useSignedOutOnFailure(closures.error, onSignedOut);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>窓口の休み</h2>
      {changes ? <CloseCounterForm {...changes} /> : <p>休みにする・取り消すのは管理者です。</p>}
      {closures.data && (
        <StaffTable
          caption={`今日から先の休み（${String(closures.data.closures.length)}件）`}
          rows={closures.data.closures}
          rowKey={(closure) => String(closure.id)}
          empty="今日から先の休みはありません。"
          columns={[
            { header: '日にち', cell: (closure) => <Unbroken>{formatJapaneseDate(closure.date)}</Unbroken> },
            { header: '時間', cell: (closure) => <Unbroken>{closureHours(closure.startTime, closure.endTime)}</Unbroken> },
            { header: '理由', cell: (closure) => closure.reason },
          ]}
          actions={
            changes &&
            ((closure) => (
              <Button
                variant="secondary"
                disabled={changes.busy}
                aria-label={`${formatJapaneseDate(closure.date)} ${closureHours(closure.startTime, closure.endTime)}の休みを取り消す`}
                onClick={() =>
                  void changes.run(
                    staffContracts.reopenCounter,
                    { params: { id: String(closure.id) } },
                    `${formatJapaneseDate(closure.date)}の休みを取り消しました。`,
                  )
                }
              >
                休みを取り消す
              </Button>
            ))
          }
        />
      )}
    </section>
  );
}

function CloseCounterForm({ run, busy }: ClosureChanges) {
  const [date, setDate] = useState('');
  const [span, setSpan] = useState<'day' | 'hours'>('day');
  const [startTime, setStartTime] = useState(STARTS[0] ?? '09:00');
  const [endTime, setEndTime] = useState(ENDS.at(-1) ?? '17:00');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const hours = span === 'day' ? WHOLE_DAY : { startTime, endTime };
    const parsed = newClosureSchema.safeParse({ date, ...hours, reason });
    if (!parsed.success) {
      setErrors(Object.fromEntries(describeProblems(parsed.error).map((problem) => [problem.path, problem.message])));
      return;
    }
    setErrors({});
    if (
      await run(
        staffContracts.closeCounter,
        { body: parsed.data },
        `${formatJapaneseDate(parsed.data.date)} ${closureHours(parsed.data.startTime, parsed.data.endTime)}を休みにしました。`,
      )
    )
      setReason('');
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      {/* The browser draws the date box in its own locale's order (mm/dd/yyyy in an English one): the chosen day is also said in Japanese. */}
      <TextField
        label="休みにする日"
        type="date"
        hint={isIsoDate(date) ? `選んだ日：${formatJapaneseDate(date)}` : 'カレンダーから選んでください。'}
        value={date}
        error={errors.date}
        onChange={(event) => setDate(event.target.value)}
      />
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
      <TextField
        label="理由"
        hint="例：システムの点検のため"
        value={reason}
        error={errors.reason}
        maxLength={100}
        onChange={(event) => setReason(event.target.value)}
      />
      <Button type="submit" disabled={busy}>
        休みにする
      </Button>
    </form>
  );
}
