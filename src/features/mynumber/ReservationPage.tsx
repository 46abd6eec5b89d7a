import { useQuery, useQueryClient } from '@tanstack/react-query';
import { managementLinkUrl } from '../../domain/management-links.ts';
import { useEffect, useRef, useState } from 'react';
import { portalContact } from '../../content/city.ts';
import { counter, findVisitKind } from '../../content/counter.ts';
import { formatReservationCode } from '../../domain/citizen-fields.ts';
import type { CounterDay, CounterReservation } from '../../domain/counter-reservation.ts';
import { bookingCalendarHref } from '../../domain/ics.ts';
import { formatJapaneseDate, formatTime, parseTime } from '../../domain/japan-time.ts';
import { ButtonLink } from '../../ui/Button.tsx';
import { CancelSection, ChangeDateSection, ChangeOrCancelButtons, useBookingChanges } from '../../ui/ChangeOrCancel.tsx';
import { ConfirmActions } from '../../ui/ConfirmActions.tsx';
import { Page } from '../../ui/Page.tsx';
import { availabilityQuery, cancelReservation, changeReservation, closeOtherLinks, reservationQuery } from './counter-api.ts';

import styles from '../../ui/booking.module.css';
import { findSavedBooking, forgetBooking, saveBooking } from './saved-bookings.ts';
import { TimePicker } from './TimePicker.tsx';
import { VisitChecklist } from './VisitChecklist.tsx';
import { ReminderPreview } from './ReminderPreview.tsx';
import { usePracticeMode } from '../../client/practice-mode.ts';
import { BookingFailure, BookingNotShown, BookingStateRows, BookingTop, type ElsewhereLink, KeepBooking, useBookedHeading } from '../../ui/BookingStates.tsx';
import { closeOtherLinksAndKeep, ManagementLinks } from '../../ui/ManagementLinks.tsx';
import { useManagedBooking } from '../../ui/useManagementToken.ts';

function slotText(reservation: Pick<CounterReservation, 'slot'>): string {
  const start = parseTime(reservation.slot.time) ?? 0;
  return `${formatJapaneseDate(reservation.slot.date)} ${formatTime(start)}～${formatTime(start + counter.slotMinutes)}`;
}

function icsHref(reservation: CounterReservation, kindName: string, bring: string[]): string {
  return bookingCalendarHref(reservation.code, {
    date: reservation.slot.date,
    startMinutes: parseTime(reservation.slot.time) ?? 0,
    durationMinutes: counter.slotMinutes,
    title: `${kindName}（マイナンバーカードの窓口）`,
    location: counter.place,
    description: `予約番号 ${formatReservationCode(reservation.code)}\n持ち物：${bring.join('、')}`,
  });
}

interface ChangeTimeProps {
  current: CounterReservation;
  day: CounterDay;
  sending: boolean;
  failed: boolean;
  /** Changes the booking to this time. */
  onChange: (time: string) => void;
  /** Back to the times, forgetting what went wrong. */
  onBack: () => void;
}

/** The new time on the chosen day, then 「この日時に変更しますか」 before anything is sent. */
function ChangeTime({ current, day, sending, failed, onChange, onBack }: ChangeTimeProps) {
  const [newTime, setNewTime] = useState<string | null>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (newTime) confirmHeading.current?.focus();
  }, [newTime]);

  if (!newTime) {
    return (
      <>
        <p>{formatJapaneseDate(day.date)}の空き状況です。時間を選んでください。変更する前に、もう一度確かめます。</p>
        <TimePicker day={day} slotMinutes={counter.slotMinutes} selected={null} onSelect={setNewTime} />
      </>
    );
  }
  return (
    <>
      <h3 ref={confirmHeading} tabIndex={-1}>
        この日時に変更しますか
      </h3>
      <dl className={styles.summary}>
        <dt>今の日時</dt>
        <dd>{slotText(current)}</dd>
        <dt>新しい日時</dt>
        <dd>{slotText({ ...current, slot: { date: day.date, time: newTime } })}</dd>
      </dl>
      <ConfirmActions
        confirmLabel="この日時に変更する"
        onConfirm={() => onChange(newTime)}
        sending={sending}
        failed={failed}
        backLabel="時間を選び直す"
        onBack={() => {
          setNewTime(null);
          onBack();
        }}
      />
    </>
  );
}

/** The facility booking pages use the same headings; the tab title tells them apart. */
const SECTION = 'マイナンバーカードの窓口';

const NOT_ON_THIS_DEVICE: ElsewhereLink = {
  explanation: 'この端末には、この予約の情報がありません。予約番号と電話番号で探せます。',
  to: '/mynumber/reservations',
  linkText: '予約番号で探す',
};

export function ReservationPage() {
  const { code, token, answer: reservation, justMade } = useManagedBooking((saved) => findSavedBooking(saved)?.token, reservationQuery);
  const queryClient = useQueryClient();
  const { mode, setMode, sending, message, failure, setFailure, run } = useBookingChanges();
  const availability = useQuery({ ...availabilityQuery(), enabled: mode === 'change', select: (answer) => answer.days });
  const bookedHeading = useBookedHeading(false);
  const practice = usePracticeMode();

  const settle = (updated: CounterReservation) => {
    queryClient.setQueryData(reservationQuery(code, token ?? '').queryKey, (answer) => answer && { ...answer, reservation: updated });
    void queryClient.invalidateQueries({ queryKey: availabilityQuery().queryKey });
    // A cancelled visit leaves this device's list; a changed one keeps its place with the new time.
    if (updated.status === 'cancelled') forgetBooking(code);
    else if (token) saveBooking({ code, token, date: updated.slot.date, time: updated.slot.time, kindId: updated.kindId });
  };

  if (token === null || reservation.isError || !reservation.data) {
    return <BookingNotShown missing={token === null || reservation.isError} elsewhere={NOT_ON_THIS_DEVICE} section={SECTION} />;
  }

  const current = reservation.data.reservation;
  const kind = findVisitKind(current.kindId);
  const kindName = kind?.name ?? '窓口の予約';
  const justBooked = justMade && current.status === 'booked';
  const managementLink = managementLinkUrl(window.location.origin, 'counter', current.code, token);

  return (
    <Page heading={justBooked ? bookedHeading : current.status === 'cancelled' ? '取り消した予約' : '予約の内容'} section={SECTION}>
      <BookingTop message={message} code={current.code} active={current.status === 'booked'} tellAt="窓口" />
      <dl className={styles.summary}>
        <dt>用件</dt>
        <dd>{kindName}</dd>
        <dt>日時</dt>
        <dd>{slotText(current)}</dd>
        <dt>場所</dt>
        <dd>{counter.place}</dd>
        <dt>人数</dt>
        <dd>
          {current.people}人（{current.proxy ? '代理の方' : 'ご本人'}）
        </dd>
        <BookingStateRows state={current.status === 'booked' ? '予約しています' : '取り消しました'} cityCancellationReason={current.cityCancellationReason} />
        {current.status === 'booked' && current.cityMovedFrom && (
          <>
            <dt>日時の変更</dt>
            <dd>市役所で日時を変更しました（変更前：{slotText({ slot: current.cityMovedFrom })}）</dd>
          </>
        )}
      </dl>

      {current.status === 'booked' && mode === 'view' && (
        <>
          <KeepBooking
            calendar={{ href: icsHref(current, kindName, kind?.bring ?? []), fileName: `madoguchi-${current.code}.ics` }}
            managementLink={managementLink}
          />
          <ManagementLinks
            links={reservation.data.links ?? []}
            onCloseOthers={() => closeOtherLinksAndKeep(queryClient, reservationQuery(code, token).queryKey, () => closeOtherLinks(code, token))}
          />
          <ChangeOrCancelButtons changeLabel="日時を変更する" onChange={() => setMode('change')} onCancel={() => setMode('cancel')} />
          {kind && <VisitChecklist kind={kind} />}
          {practice && kind && <ReminderPreview code={current.code} slot={`${current.slot.date}T${current.slot.time}`} kind={kind} proxy={current.proxy} />}
        </>
      )}

      {failure && <BookingFailure message={failure} contact={portalContact} />}

      {mode === 'cancel' && (
        <CancelSection
          explanation="取り消すと、この時間はほかの方が予約できるようになります。"
          onCancel={() => void run(async () => settle(await cancelReservation(code, token)), '予約を取り消しました。')}
          onBack={() => setMode('view')}
        />
      )}

      {mode === 'change' && (
        <ChangeDateSection heading="新しい日時を選ぶ" availability={availability} onClose={() => setMode('view')}>
          {(day) => (
            <ChangeTime
              key={day.date}
              current={current}
              day={day}
              sending={sending}
              failed={failure !== null}
              onChange={(time) => void run(async () => settle(await changeReservation(code, token, { date: day.date, time })), '日時を変更しました。')}
              onBack={() => setFailure(null)}
            />
          )}
        </ChangeDateSection>
      )}

      <ButtonLink to="/mynumber/reservations" variant="secondary">
        予約の一覧へ
      </ButtonLink>
    </Page>
  );
}
