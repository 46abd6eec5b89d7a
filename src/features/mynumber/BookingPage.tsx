import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiRequestError } from '../../client/api-client.ts';
import { portalContact } from '../../content/city.ts';
import { counter, findVisitKind } from '../../content/counter.ts';
import { formatPhoneNumber } from '../../domain/citizen-fields.ts';
import { formatJapaneseDate, formatTime, parseTime } from '../../domain/japan-time.ts';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { DayPicker } from '../../ui/DayPicker.tsx';
import { Page } from '../../ui/Page.tsx';
import { checkDraft, clearDraft, loadDraft, saveDraft } from './booking-draft.ts';
import { availabilityQuery, createReservation } from './counter-api.ts';

import { DetailsForm } from './DetailsForm.tsx';
import styles from '../../ui/booking.module.css';
import { NotFoundKind } from './NotFoundKind.tsx';
import { saveBooking } from './saved-bookings.ts';
import { TimePicker } from './TimePicker.tsx';
import { VisitChecklist } from './VisitChecklist.tsx';
import { BookingFailure } from '../../ui/BookingStates.tsx';
import { ConfirmActions } from '../../ui/ConfirmActions.tsx';

const STEPS = ['bring', 'date', 'time', 'details', 'confirm'] as const;
type Step = (typeof STEPS)[number];
const STEP_TITLES: Record<Step, string> = {
  bring: '持ち物を確かめる',
  date: '日にちを選ぶ',
  time: '時間を選ぶ',
  details: 'お名前と連絡先',
  confirm: '内容の確認',
};

/**
 * Booking a counter visit, one decision per screen. The step, day and time live in the address
 * (so the back button goes back one step), the typed details in the tab's session storage.
 */
export function BookingPage() {
  const { kindId } = useParams();
  const kind = findVisitKind(kindId);
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const requested = params.get('step') as Step | null;
  const date = params.get('date');
  const time = params.get('time');
  const step: Step = requested && STEPS.includes(requested) ? requested : 'bring';
  const [draft, setDraft] = useState(loadDraft);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  // The details step reads it too: whether the city sends e-mail, so whether to ask for an address.
  const availability = useQuery({ ...availabilityQuery(), enabled: step === 'date' || step === 'time' || step === 'details' });

  const previousStep = useRef(step);
  useEffect(() => {
    if (previousStep.current !== step) stepHeading.current?.focus();
    previousStep.current = step;
  }, [step]);

  if (!kind) return <NotFoundKind />;

  const go = (next: Step, extra: Record<string, string> = {}) => {
    const nextParams = new URLSearchParams(params);
    nextParams.set('step', next);
    for (const [key, value] of Object.entries(extra)) nextParams.set(key, value);
    setParams(nextParams);
  };
  const updateDraft = (next: typeof draft) => {
    setDraft(next);
    saveDraft(next);
  };

  const checked = step === 'confirm' && date && time ? checkDraft(draft, kind.id, { date, time }) : null;
  const booking = checked?.success ? checked.data : null;
  const slotText = date && time ? `${formatJapaneseDate(date)} ${formatTime(parseTime(time) ?? 0)}～${formatTime((parseTime(time) ?? 0) + counter.slotMinutes)}` : '';

  const confirm = async () => {
    if (!booking) return;
    setSending(true);
    setFailure(null);
    try {
      const { reservation, token } = await createReservation(booking, draft.idempotencyKey);
      saveBooking({ code: reservation.code, token, date: reservation.slot.date, time: reservation.slot.time, kindId: reservation.kindId });
      clearDraft();
      await navigate(`/mynumber/reservations/${reservation.code}?new=1`, { replace: true });
    } catch (error) {
      const message = error instanceof ApiRequestError ? error.message : '予約できませんでした。もう一度お試しください。';
      setFailure(error instanceof ApiRequestError && error.code === 'network_error' ? `${message} もう一度押しても、予約が二重になることはありません。` : message);
      if (error instanceof ApiRequestError && (error.code === 'conflict' || error.code === 'unprocessable')) {
        // The slot is gone: the next attempt is a new request with a new time.
        updateDraft({ ...draft, idempotencyKey: crypto.randomUUID() });
      }
    } finally {
      setSending(false);
    }
  };

  const selectedDay = availability.data?.days.find((day) => day.date === date);
  return (
    <Page heading={`予約：${kind.name}`}>
      <p className={styles.progress}>
        手順 {STEPS.indexOf(step) + 1} / {STEPS.length}
      </p>
      <h2 ref={stepHeading} tabIndex={-1}>
        {STEP_TITLES[step]}
      </h2>

      {step === 'bring' && (
        <>
          <p>{kind.summary}</p>
          <VisitChecklist kind={kind} headingLevel="h3" />
          <div className={styles.actions}>
            <Button onClick={() => go('date')}>日にちを選ぶ</Button>
          </div>
        </>
      )}

      {(step === 'date' || step === 'time') && availability.isPending && <p role="status">空き状況を調べています…</p>}
      {(step === 'date' || step === 'time') && availability.isError && (
        <div className={styles.alert} role="alert">
          <p>{availability.error.message}</p>
          <Button onClick={() => void availability.refetch()}>もう一度調べる</Button>
        </div>
      )}
      {step === 'date' && availability.data && (
        <DayPicker days={availability.data.days} selected={date} onSelect={(chosen) => go('time', { date: chosen })} />
      )}
      {step === 'time' && availability.data && (
        selectedDay ? (
          <>
            <p>{formatJapaneseDate(selectedDay.date)}の空き状況です。</p>
            <TimePicker day={selectedDay} slotMinutes={counter.slotMinutes} selected={time} onSelect={(chosen) => go('details', { time: chosen })} />
          </>
        ) : (
          <Button onClick={() => go('date')}>日にちを選び直す</Button>
        )
      )}

      {step === 'details' && date && time && (
        <>
          <p>予約の日時：{slotText}</p>
          <DetailsForm
            draft={draft}
            kindId={kind.id}
            slot={{ date, time }}
            emailReminders={availability.data?.emailReminders === true}
            onChange={updateDraft}
            onValid={() => go('confirm')}
          />
        </>
      )}

      {step === 'confirm' && !booking && (
        <>
          <p>入力した内容をもう一度確かめます。</p>
          <Button onClick={() => go('details')}>お名前と連絡先へ戻る</Button>
        </>
      )}
      {step === 'confirm' && booking && (
        <>
          <dl className={styles.summary}>
            <dt>用件</dt>
            <dd>{kind.name}</dd>
            <dt>日時</dt>
            <dd>{slotText}</dd>
            <dt>場所</dt>
            <dd>{counter.place}</dd>
            <dt>お名前</dt>
            <dd>{booking.nameKana}</dd>
            <dt>電話番号</dt>
            <dd>{formatPhoneNumber(draft.phone)}</dd>
            {booking.email && (
              <>
                <dt>メール</dt>
                <dd>{booking.email}</dd>
              </>
            )}
            <dt>人数</dt>
            <dd>{booking.people}人</dd>
            <dt>来る方</dt>
            <dd>{booking.proxy ? '代理の方' : 'ご本人'}</dd>
          </dl>
          {booking.proxy && <p className={styles.notice}>{kind.proxy}</p>}
          {failure && <BookingFailure message={failure} contact={portalContact} />}
          <ConfirmActions
            confirmLabel="この内容で予約する"
            onConfirm={() => void confirm()}
            sending={sending}
            failed={failure !== null}
            backLabel="入力を直す"
            onBack={() => go('details')}
          />
        </>
      )}

      <ButtonLink to="/mynumber" variant="secondary">
        用件を選び直す
      </ButtonLink>
    </Page>
  );
}
