import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { formatReservationCode } from '../../domain/citizen-fields.ts';
import { formatShortJapaneseDate } from '../../domain/japan-time.ts';
import { formatYen } from '../../domain/money.ts';
import type { BookedFacilityBooking, ProvisionalFacilityBooking } from '../../domain/staff-api.ts';
import { FEE_PAYMENT_METHOD_NAMES } from '../../domain/facility-fee.ts';
import { Button } from '../../ui/Button.tsx';
import { Page } from '../../ui/Page.tsx';
import { ActionMessage } from './ActionMessage.tsx';
import { FeePaymentForm } from './FeePaymentForm.tsx';
import { DaySheetPage, type DaySheetChoice } from './DaySheetPage.tsx';
import { DaySheetSection } from './DaySheetSection.tsx';
import { ReasonForm } from './ReasonForm.tsx';
import { RoomBlocksSection } from './RoomBlocksSection.tsx';
import { Code, Instant, StaffTable, Unbroken } from './StaffTable.tsx';
import { UndeliveredMailSection } from './UndeliveredMailSection.tsx';
import { bookedFacilitiesQuery, provisionalQuery } from './staff-api.ts';
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

/** 施設: the 仮予約 waiting for the in-person application, soonest deadline first; each is confirmed or declined with a reason. */
export function FacilityDeskPage(props: StaffScreenProps) {
  const pending = useQuery(provisionalQuery());
  useSignedOutOnFailure(pending.error, props.onSignedOut);
  const { run, message, busy } = useStaffAction(props);
  const [declining, setDeclining] = useState<ProvisionalFacilityBooking | null>(null);
  const booked = useQuery(bookedFacilitiesQuery());
  useSignedOutOnFailure(booked.error, props.onSignedOut);
  const [paying, setPaying] = useState<BookedFacilityBooking | null>(null);
  const [sheet, setSheet] = useState<DaySheetChoice | null>(null);

  if (sheet) return <DaySheetPage choice={sheet} onBack={() => setSheet(null)} onSignedOut={props.onSignedOut} />;

  return (
    <Page heading="仮予約の一覧" section="職員">
      <p>
        窓口で申し込みを受けたら「本予約にする」を押してください。期限までに本予約にしない仮予約は、自動で取り消されます。受けられない仮予約は、理由をつけて「断る」を押してください。部屋はすぐに空き、予約した方には画面とメールで理由が伝わります。
      </p>
      <ActionMessage message={message} />
      {declining && (
        <ReasonForm
          key={declining.code}
          heading={`仮予約 ${formatReservationCode(declining.code)} を断ります`}
          label="断る理由"
          hint="例：市の行事で部屋を使うことになったため"
          missing="断る理由を入力してください。"
          submitLabel="断ることを確定する"
          busy={busy}
          onSubmit={(reason) =>
            run(
              staffContracts.declineFacilityBooking,
              { params: { code: declining.code }, body: { reason } },
              `${formatReservationCode(declining.code)} の仮予約を断りました。`,
            )
          }
          onClose={() => setDeclining(null)}
        />
      )}
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
            <>
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
              <Button variant="secondary" disabled={busy} aria-label={`${formatReservationCode(booking.code)} を断る`} onClick={() => setDeclining(booking)}>
                断る
              </Button>
            </>
          )}
        />
      )}

      <h2>本予約と使用料</h2>
      <p>使用料を受け取ったら「支払い済みにする」を押し、支払いの方法と領収番号を記録してください。</p>
      {paying && <FeePaymentForm key={paying.code} booking={paying} run={run} busy={busy} onDone={() => setPaying(null)} />}
      {booked.isPending && <p role="status">読み込んでいます…</p>}
      {booked.isError && (
        <p className={styles.error} role="alert">
          {booked.error.message}
        </p>
      )}
      {booked.data && (
        <StaffTable
          caption={`今日から先の本予約（${String(booked.data.bookings.length)}件）`}
          rows={booked.data.bookings}
          rowKey={(booking) => booking.code}
          empty="今日から先の本予約はありません。"
          columns={[
            { header: '予約番号', cell: (booking) => <Code>{formatReservationCode(booking.code)}</Code> },
            { header: '施設・部屋', cell: (booking) => `${booking.facilityName} ${booking.roomName}` },
            { header: '使う日', cell: (booking) => <DateList dates={booking.dates} /> },
            { header: '団体名', cell: (booking) => booking.groupName ?? '（削除済み）' },
            { header: '使用料', cell: (booking) => <Unbroken>{formatYen(booking.fee)}</Unbroken> },
            { header: '支払い', cell: (booking) => <FeePaid booking={booking} /> },
          ]}
          actions={(booking) =>
            booking.payment === null &&
            booking.fee > 0 && (
              <Button
                variant="secondary"
                disabled={busy}
                aria-label={`${formatReservationCode(booking.code)} の使用料を支払い済みにする`}
                onClick={() => setPaying(booking)}
              >
                支払い済みにする
              </Button>
            )
          }
        />
      )}

      <DaySheetSection onOpen={setSheet} />

      <RoomBlocksSection run={run} busy={busy} onSignedOut={props.onSignedOut} />

      <UndeliveredMailSection onSignedOut={props.onSignedOut} />
    </Page>
  );
}

/** 未払い, or how it was paid, the receipt number, and who recorded it when. */
function FeePaid({ booking }: { booking: BookedFacilityBooking }) {
  if (booking.fee === 0) return '使用料なし';
  if (!booking.payment) return '未払い';
  return (
    <>
      支払い済み：{FEE_PAYMENT_METHOD_NAMES[booking.payment.method]}（領収番号 <Unbroken>{booking.payment.receiptNumber}</Unbroken>）
      <br />
      記録：{booking.payment.recordedBy} <Instant iso={booking.payment.recordedAt} />
    </>
  );
}
