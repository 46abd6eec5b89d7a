import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { formatJapaneseDate, isIsoDate } from '../../domain/japan-time.ts';
import { dayDesksSchema } from '../../domain/staff-api.ts';
import { describeProblems } from '../../domain/validation.ts';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Fields.tsx';
import { StaffTable, Unbroken } from './StaffTable.tsx';
import { dayDesksQuery } from './staff-api.ts';
import { type StaffScreenProps, useSignedOutOnFailure, type useStaffAction } from './use-staff-action.ts';
import { staffContracts } from '../../domain/staff-contracts.ts';

type Run = ReturnType<typeof useStaffAction>['run'];

/**
 * 1枠の受付数: more or fewer desks on one day (a clerk on leave, an extra desk before a deadline).
 * Never below what a slot already holds: the server refuses and names those slots.
 */
export function DesksSection({ run, busy, onSignedOut }: { run: Run; busy: boolean; onSignedOut: StaffScreenProps['onSignedOut'] }) {
  const listing = useQuery(dayDesksQuery());
  useSignedOutOnFailure(listing.error, onSignedOut);
  const [date, setDate] = useState('');
  const [desks, setDesks] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const headingId = useId();
  const defaultDesks = listing.data?.defaultDesks;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const typed = desks.normalize('NFKC').trim();
    const parsed = dayDesksSchema.safeParse({ date, desks: /^\d+$/.test(typed) ? Number(typed) : undefined });
    if (!parsed.success) {
      setErrors(Object.fromEntries(describeProblems(parsed.error).map((problem) => [problem.path, problem.message])));
      return;
    }
    setErrors({});
    if (
      await run(
        staffContracts.setDayDesks,
        { body: parsed.data },
        `${formatJapaneseDate(parsed.data.date)}の1枠の受付数を${String(parsed.data.desks)}にしました。`,
      )
    )
      setDesks('');
  };

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>窓口の1枠の受付数</h2>
      <p>ふだんは1枠{defaultDesks === undefined ? '' : `${String(defaultDesks)}件`}までです。窓口の人数が変わる日だけ、その日の受付数を変えてください。</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label="日にち"
          type="date"
          hint={isIsoDate(date) ? `選んだ日：${formatJapaneseDate(date)}` : 'カレンダーから選んでください。'}
          value={date}
          error={errors.date}
          onChange={(event) => setDate(event.target.value)}
        />
        <TextField
          label="1枠の受付数"
          hint="1から20まで"
          inputMode="numeric"
          autoComplete="off"
          value={desks}
          error={errors.desks}
          onChange={(event) => setDesks(event.target.value)}
        />
        <Button type="submit" disabled={busy}>
          この日の受付数にする
        </Button>
      </form>
      {listing.data && (
        <StaffTable
          caption={`受付数を変えた日（今日から先、${String(listing.data.days.length)}件）`}
          rows={listing.data.days}
          rowKey={(day) => day.date}
          empty="受付数を変えた日はありません。"
          columns={[
            { header: '日にち', cell: (day) => <Unbroken>{formatJapaneseDate(day.date)}</Unbroken> },
            { header: '1枠の受付数', cell: (day) => <Unbroken>{day.desks}件</Unbroken> },
          ]}
          actions={(day) => (
            <Button
              variant="secondary"
              disabled={busy}
              aria-label={`${formatJapaneseDate(day.date)}の受付数をふだんの${String(listing.data.defaultDesks)}件に戻す`}
              onClick={() =>
                void run(
                  staffContracts.resetDayDesks,
                  { params: { date: day.date } },
                  `${formatJapaneseDate(day.date)}の受付数をふだんの${String(listing.data.defaultDesks)}件に戻しました。`,
                )
              }
            >
              ふだんの数に戻す
            </Button>
          )}
        />
      )}
    </section>
  );
}
