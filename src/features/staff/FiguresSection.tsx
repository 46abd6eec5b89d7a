import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatJapaneseDate, japanClock } from '../../domain/japan-time.ts';
import { counterTotals, hoursText, occupancyShare, reportMonths } from '../../domain/staff-figures.ts';
import { SelectField } from '../../ui/Fields.tsx';
import { StaffTable, Unbroken } from './StaffTable.tsx';
import { figuresCsvHref, figuresQuery } from './staff-api.ts';
import styles from './staff.module.css';
import { useSignedOutOnFailure } from './use-staff-action.ts';

const monthName = (month: string) => `${month.slice(0, 4)}年${String(Number(month.slice(5)))}月`;

/** 集計: the month's counts for the city's reports (every role sees them; they hold no personal data). */
export function FiguresSection({ onSignedOut }: { onSignedOut: () => void }) {
  const [{ months, thisMonth }] = useState(() => reportMonths(japanClock(new Date()).date));
  const [month, setMonth] = useState(thisMonth);
  const figures = useQuery(figuresQuery(month));
  useSignedOutOnFailure(figures.error, onSignedOut);

  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading">集計</h2>
      <SelectField label="月" value={month} onChange={(event) => setMonth(event.target.value)}>
        {months.map((candidate) => (
          <option key={candidate} value={candidate}>
            {monthName(candidate)}
          </option>
        ))}
      </SelectField>
      <p>
        <a href={figuresCsvHref(month)} download>
          {monthName(month)}の集計を CSV でダウンロード（Excel 用、日ごとの内訳つき）
        </a>
      </p>
      {figures.isPending && <p role="status">読み込んでいます…</p>}
      {figures.isError && (
        <p className={styles.error} role="alert">
          {figures.error.message}
        </p>
      )}
      {figures.data && (
        <>
          <StaffTable
            caption={`${monthName(month)}の窓口の予約（用件ごとの合計）`}
            rows={counterTotals(figures.data.counter)}
            rowKey={(row) => row.kindId}
            empty="この月の窓口の予約はありません。"
            columns={[
              { header: '用件', cell: (row) => row.kindName },
              { header: '予約', cell: (row) => <Unbroken>{row.booked}件</Unbroken> },
              { header: '来庁済み', cell: (row) => <Unbroken>{row.checkedIn}件</Unbroken> },
              { header: '来なかった', cell: (row) => <Unbroken>{row.noShow}件</Unbroken> },
              { header: '取り消し', cell: (row) => <Unbroken>{row.cancelled}件</Unbroken> },
              { header: '人数', cell: (row) => <Unbroken>{row.people}人</Unbroken> },
            ]}
          />
          <StaffTable
            caption={`${monthName(month)}に始まる施設の予約（部屋ごと）`}
            rows={figures.data.rooms}
            rowKey={(row) => `${row.facilityId}/${row.roomId}`}
            empty="この月に始まる施設の予約はありません。"
            columns={[
              { header: '施設・部屋', cell: (row) => row.name },
              { header: '予約', cell: (row) => <Unbroken>{row.booked}件</Unbroken> },
              { header: '仮予約', cell: (row) => <Unbroken>{row.provisional}件</Unbroken> },
              { header: '取り消し', cell: (row) => <Unbroken>{row.cancelled}件</Unbroken> },
              { header: '使う枠（日×区分）', cell: (row) => <Unbroken>{row.blocks}</Unbroken> },
            ]}
          />
          <StaffTable
            caption={`${monthName(month)}の部屋の利用率（予約した時間 ÷ 予約できる時間）`}
            rows={figures.data.occupancy}
            rowKey={(row) => `${row.facilityId}/${row.roomId}`}
            empty="この窓口で予約を受ける部屋はありません。"
            columns={[
              { header: '施設・部屋', cell: (row) => row.name },
              { header: '予約した時間', cell: (row) => <Unbroken>{hoursText(row.bookedMinutes)}時間</Unbroken> },
              { header: '予約できる時間', cell: (row) => <Unbroken>{hoursText(row.bookableMinutes)}時間</Unbroken> },
              { header: '利用率', cell: (row) => <Unbroken>{occupancyShare(row.bookedMinutes, row.bookableMinutes)}</Unbroken> },
            ]}
          />
          <StaffTable
            caption={`${monthName(month)}の日ごとの利用率（予約のあった日）`}
            rows={figures.data.occupancy.flatMap((room) =>
              room.days
                .filter((day) => day.bookedMinutes > 0)
                .map((day) => ({ ...day, key: `${room.facilityId}/${room.roomId}/${day.date}`, name: room.name })),
            )}
            rowKey={(row) => row.key}
            empty="この月に予約のあった日はありません。"
            columns={[
              { header: '日にち', cell: (row) => <Unbroken>{formatJapaneseDate(row.date)}</Unbroken> },
              { header: '施設・部屋', cell: (row) => row.name },
              { header: '予約した時間', cell: (row) => <Unbroken>{hoursText(row.bookedMinutes)}時間</Unbroken> },
              { header: '予約できる時間', cell: (row) => <Unbroken>{hoursText(row.bookableMinutes)}時間</Unbroken> },
              { header: '利用率', cell: (row) => <Unbroken>{occupancyShare(row.bookedMinutes, row.bookableMinutes)}</Unbroken> },
            ]}
          />
        </>
      )}
    </section>
  );
}
