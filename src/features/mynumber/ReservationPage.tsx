import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useLocation, useParams, useSearchParams } from 'react-router';
import { ApiRequestError } from '../../client/api-client.ts';
import { portalContact } from '../../content/city.ts';
import { counter, findVisitKind } from '../../content/counter.ts';
import { formatReservationCode } from '../../domain/citizen-fields.ts';
import type { CounterReservation } from '../../domain/counter-reservation.ts';
import { buildIcs } from '../../domain/ics.ts';
import { formatJapaneseDate, formatTime, parseTime } from '../../domain/japan-time.ts';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { ConfirmActions } from '../../ui/ConfirmActions.tsx';
import { DayPicker } from '../../ui/DayPicker.tsx';
import { Page } from '../../ui/Page.tsx';
import { availabilityQuery, cancelReservation, changeReservation, closeOtherLinks, reservationQuery } from './counter-api.ts';

import styles from '../../ui/booking.module.css';
import { findSavedBooking, forgetBooking, saveBooking } from './saved-bookings.ts';
import { TimePicker } from './TimePicker.tsx';
import { VisitChecklist } from './VisitChecklist.tsx';
import { BookingFailure, BookingLoading, BookingNotFound, BookingTop, KeepBooking, useBookedHeading } from '../../ui/BookingStates.tsx';
import { ManagementLinks } from '../../ui/ManagementLinks.tsx';

/**
 * The secret comes from the management link's #token= (never sent to the server) or from this
 * device's list. It is read once per booking, so it stays while the page shows a booking that was
 * just cancelled and has left the list.
 */
function useManagementToken(code: string): string | null {
  const { hash } = useLocation();
  const read = () => /^#token=([A-Za-z0-9_-]{20,100})$/.exec(hash)?.[1] ?? findSavedBooking(code)?.token ?? null;
  const [held, setHeld] = useState(() => ({ code, token: read() }));
  if (held.code !== code) {
    const next = { code, token: read() };
    setHeld(next);
    return next.token;
  }
  return held.token;
}

function slotText(reservation: CounterReservation): string {
  const start = parseTime(reservation.slot.time) ?? 0;
  return `${formatJapaneseDate(reservation.slot.date)} ${formatTime(start)}～${formatTime(start + counter.slotMinutes)}`;
}

function icsHref(reservation: CounterReservation, kindName: string, bring: string[]): string {
  const ics = buildIcs({
    uid: `${reservation.code}@tsunagaru-togane`,
    date: reservation.slot.date,
    startMinutes: parseTime(reservation.slot.time) ?? 0,
    durationMinutes: counter.slotMinutes,
    title: `${kindName}（マイナンバーカードの窓口）`,
    location: counter.place,
    description: `予約番号 ${formatReservationCode(reservation.code)}\n持ち物：${bring.join('、')}`,
    stamp: new Date(),
  });
  return `data:text/calendar;charset=utf-8,${encodeURIComponent(ics)}`;
}

/** The facility booking pages use the same headings; the tab title tells them apart. */
const SECTION = 'マイナンバーカードの窓口';

export function ReservationPage() {
  const code = (useParams().code ?? '').toUpperCase();
  const [params] = useSearchParams();
  const token = useManagementToken(code);
  const queryClient = useQueryClient();
  const reservation = useQuery({ ...reservationQuery(code, token ?? ''), enabled: token !== null });
  const [mode, setMode] = useState<'view' | 'change' | 'cancel'>('view');
  const [newDate, setNewDate] = useState<string | null>(null);
  const [newTime, setNewTime] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const availability = useQuery({ ...availabilityQuery(), enabled: mode === 'change' });
  const bookedHeading = useBookedHeading(false);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (newTime) confirmHeading.current?.focus();
  }, [newTime]);

  const settle = (updated: CounterReservation, done: string) => {
    queryClient.setQueryData(reservationQuery(code, token ?? '').queryKey, (answer) => answer && { ...answer, reservation: updated });
    void queryClient.invalidateQueries({ queryKey: availabilityQuery().queryKey });
    // A cancelled visit leaves this device's list; a changed one keeps its place with the new time.
    if (updated.status === 'cancelled') forgetBooking(code);
    else if (token) saveBooking({ code, token, date: updated.slot.date, time: updated.slot.time, kindId: updated.kindId });
    setMode('view');
    setNewDate(null);
    setNewTime(null);
    setFailure(null);
    setMessage(done);
  };
  const attempt = async (action: () => Promise<void>) => {
    setSending(true);
    try {
      await action();
    } catch (error) {
      setFailure(error instanceof ApiRequestError ? error.message : 'うまくいきませんでした。もう一度お試しください。');
    } finally {
      setSending(false);
    }
  };

  if (token === null || reservation.isError) {
    return (
      <BookingNotFound explanation="この端末には、この予約の情報がありません。予約番号と電話番号で探せます。" to="/mynumber/reservations" linkText="予約番号で探す" section={SECTION} />
    );
  }
  if (!reservation.data) {
    return <BookingLoading section={SECTION} />;
  }

  const current = reservation.data.reservation;
  const links = reservation.data.links ?? [];
  const closeOthers = async () => {
    const left = await closeOtherLinks(code, token);
    queryClient.setQueryData(reservationQuery(code, token).queryKey, (answer) => answer && { ...answer, links: left });
  };
  const kind = findVisitKind(current.kindId);
  const kindName = kind?.name ?? '窓口の予約';
  const justBooked = params.get('new') === '1' && current.status === 'booked';
  const managementLink = `${window.location.origin}/mynumber/reservations/${current.code}#token=${token}`;
  const day = availability.data?.days.find((candidate) => candidate.date === newDate);

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
        <dd>{current.people}人（{current.proxy ? '代理の方' : 'ご本人'}）</dd>
        <dt>状態</dt>
        <dd>{current.status === 'booked' ? '予約しています' : current.cityCancellationReason ? '市役所が取り消しました' : '取り消しました'}</dd>
        {current.cityCancellationReason && (
          <>
            <dt>取り消した理由</dt>
            <dd>{current.cityCancellationReason}</dd>
          </>
        )}
      </dl>

      {current.status === 'booked' && mode === 'view' && (
        <>
          <KeepBooking calendar={{ href: icsHref(current, kindName, kind?.bring ?? []), fileName: `madoguchi-${current.code}.ics` }} managementLink={managementLink} />
          <ManagementLinks links={links} onCloseOthers={closeOthers} />
          <div className={styles.actions}>
            <Button variant="secondary" onClick={() => setMode('change')}>
              日時を変更する
            </Button>
            <Button variant="secondary" onClick={() => setMode('cancel')}>
              予約を取り消す
            </Button>
          </div>
          {kind && <VisitChecklist kind={kind} />}
        </>
      )}

      {failure && (
        <BookingFailure message={failure} contact={portalContact} />
      )}

      {mode === 'cancel' && (
        <section aria-labelledby="cancel-heading">
          <h2 id="cancel-heading">この予約を取り消しますか</h2>
          <p>取り消すと、この時間はほかの方が予約できるようになります。</p>
          <div className={styles.actions}>
            <Button onClick={() => void attempt(async () => settle(await cancelReservation(code, token), '予約を取り消しました。'))}>予約を取り消す</Button>
            <Button variant="secondary" onClick={() => setMode('view')}>
              取り消さずに戻る
            </Button>
          </div>
        </section>
      )}

      {mode === 'change' && (
        <section aria-labelledby="change-heading">
          <h2 id="change-heading">新しい日時を選ぶ</h2>
          {availability.isPending && <p role="status">空き状況を調べています…</p>}
          {availability.data && !newDate && <DayPicker days={availability.data.days} selected={null} onSelect={setNewDate} />}
          {day && !newTime && (
            <>
              <p>{formatJapaneseDate(day.date)}の空き状況です。時間を選んでください。変更する前に、もう一度確かめます。</p>
              <TimePicker day={day} slotMinutes={counter.slotMinutes} selected={null} onSelect={setNewTime} />
            </>
          )}
          {day && newTime && (
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
                onConfirm={() => void attempt(async () => settle(await changeReservation(code, token, { date: day.date, time: newTime }), '日時を変更しました。'))}
                sending={sending}
                failed={failure !== null}
                backLabel="時間を選び直す"
                onBack={() => {
                  setNewTime(null);
                  setFailure(null);
                }}
              />
            </>
          )}
          <div className={styles.actions}>
            {newDate && (
              <Button
                variant="secondary"
                onClick={() => {
                  setNewDate(null);
                  setNewTime(null);
                }}
              >
                日にちを選び直す
              </Button>
            )}
            <Button
              variant="secondary"
              onClick={() => {
                setMode('view');
                setNewDate(null);
                setNewTime(null);
              }}
            >
              変更しないで戻る
            </Button>
          </div>
        </section>
      )}

      <ButtonLink to="/mynumber/reservations" variant="secondary">
        予約の一覧へ
      </ButtonLink>
    </Page>
  );
}
