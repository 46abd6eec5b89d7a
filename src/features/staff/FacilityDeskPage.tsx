import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { formatReservationCode } from '../../domain/citizen-fields.ts';
import { formatShortJapaneseDate } from '../../domain/japan-time.ts';
import { formatYen } from '../../domain/money.ts';
import { Button } from '../../ui/Button.tsx';
import { Page } from '../../ui/Page.tsx';
import { ActionMessage } from './ActionMessage.tsx';
import { provisionalQuery } from './staff-api.ts';
import styles from './staff.module.css';
import { type StaffScreenProps, useSignedOutOnFailure, useStaffAction } from './use-staff-action.ts';
import { formatInstant } from './words.ts';

/** 施設: the 仮予約 waiting for the in-person application, soonest deadline first. */
export function FacilityDeskPage(props: StaffScreenProps) {
  const pending = useQuery(provisionalQuery());
  useSignedOutOnFailure(pending.error, props.onSignedOut);
  const { run, message, busy } = useStaffAction(props);
  const tableId = useId();

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
        <div className={styles.tableRegion} role="region" aria-labelledby={tableId} tabIndex={0}>
          <table className={styles.table}>
            <caption id={tableId}>本予約を待っている仮予約（{String(pending.data.bookings.length)}件）</caption>
            <thead>
              <tr>
                <th scope="col">予約番号</th>
                <th scope="col">施設・部屋</th>
                <th scope="col">使う日</th>
                <th scope="col">団体名</th>
                <th scope="col">人数</th>
                <th scope="col">使用料</th>
                <th scope="col">申し込みの期限</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {pending.data.bookings.length === 0 && (
                <tr>
                  <td colSpan={8}>本予約を待っている仮予約はありません。</td>
                </tr>
              )}
              {pending.data.bookings.map((booking) => (
                <tr key={booking.code}>
                  <td className={styles.code}>{formatReservationCode(booking.code)}</td>
                  <td>
                    {booking.facilityName} {booking.roomName}
                  </td>
                  <td>{booking.dates.map(formatShortJapaneseDate).join('、')}</td>
                  <td>{booking.groupName ?? '（削除済み）'}</td>
                  <td>{booking.headCount}人</td>
                  <td>{formatYen(booking.fee)}</td>
                  <td>{formatInstant(booking.provisionalUntil)}まで</td>
                  <td>
                    <Button
                      disabled={busy}
                      aria-label={`${formatReservationCode(booking.code)} を本予約にする`}
                      onClick={() => void run('POST', `/facilities/bookings/${booking.code}/confirm`, undefined, `${formatReservationCode(booking.code)} を本予約にしました。`)}
                    >
                      本予約にする
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
