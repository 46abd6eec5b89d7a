import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { formatReservationCode } from '../../domain/citizen-fields.ts';
import { formatShortJapaneseDate } from '../../domain/japan-time.ts';
import { formatYen } from '../../domain/money.ts';
import { Button } from '../../ui/Button.tsx';
import { Page } from '../../ui/Page.tsx';
import { ActionMessage } from './ActionMessage.tsx';
import { Code, Instant, StaffTable, Unbroken } from './StaffTable.tsx';
import { provisionalQuery } from './staff-api.ts';
import styles from './staff.module.css';
import { type StaffScreenProps, useSignedOutOnFailure, useStaffAction } from './use-staff-action.ts';
import { staffContracts } from '../../domain/staff-contracts.ts';

/** 12月1日（火）、12月8日（火）: lines break between the dates, never inside one. */
function DateList({ dates }: { dates: readonly string[] }) {
  return dates.map((date, index) => (
    <Fragment key={date}>
      {index > 0 && '、'}
      <Unbroken>{formatShortJapaneseDate(date)}</Unbroken>
    </Fragment>
  ));
}

/** 施設: the 仮予約 waiting for the in-person application, soonest deadline first. */
export function FacilityDeskPage(props: StaffScreenProps) {
  const pending = useQuery(provisionalQuery());
  useSignedOutOnFailure(pending.error, props.onSignedOut);
  const { run, message, busy } = useStaffAction(props);

  return (
    <Page heading="仮予約の一覧" section="職員">
      <p>窓口で申し込みを受けたら「本予約にする」を押してください。期限までに本予約にしない仮予約は、自動で取り消されます。</p>
      <ActionMessage message={message} />
      {pending.isPending && <p role="status">読み込んでいます…</p>}
      {pending.isError && (
        <p className={styles.error} role="alert">
          {pending.error.message}
        </p>
      )}
      {pending.data && (
        <StaffTable
          caption={`本予約を待っている仮予約（${String(pending.data.bookings.length)}件）`}
          rows={pending.data.bookings}
          rowKey={(booking) => booking.code}
          empty="本予約を待っている仮予約はありません。"
          columns={[
            { header: '予約番号', cell: (booking) => <Code>{formatReservationCode(booking.code)}</Code> },
            { header: '施設・部屋', cell: (booking) => `${booking.facilityName} ${booking.roomName}` },
            { header: '使う日', cell: (booking) => <DateList dates={booking.dates} /> },
            { header: '団体名', cell: (booking) => booking.groupName ?? '（削除済み）' },
            { header: '人数', cell: (booking) => <Unbroken>{booking.headCount}人</Unbroken> },
            { header: '使用料', cell: (booking) => <Unbroken>{formatYen(booking.fee)}</Unbroken> },
            {
              header: '申し込みの期限',
              cell: (booking) => (
                <>
                  <Instant iso={booking.provisionalUntil} />
                  まで
                </>
              ),
            },
          ]}
          actions={(booking) => (
            <Button
              disabled={busy}
              aria-label={`${formatReservationCode(booking.code)} を本予約にする`}
              onClick={() =>
                void run(
                  staffContracts.confirmFacilityBooking,
                  { params: { code: booking.code } },
                  `${formatReservationCode(booking.code)} を本予約にしました。`,
                )
              }
            >
              本予約にする
            </Button>
          )}
        />
      )}
    </Page>
  );
}
