import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { portalContact } from '../../content/city.ts';
import { counter, findVisitKind } from '../../content/counter.ts';
import { formatPhoneNumber } from '../../domain/citizen-fields.ts';
import type { WaitlistJoined } from '../../domain/counter-waitlist.ts';
import { formatHoldTime } from '../../domain/waitlist-queue.ts';
import { useKioskMode } from '../../client/kiosk-mode.ts';
import { formatJapaneseDate, formatTime, parseTime } from '../../domain/japan-time.ts';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { DayPicker } from '../../ui/DayPicker.tsx';
import { Page } from '../../ui/Page.tsx';
import { checkDraft, clearDraft, loadDraft, saveDraft } from './booking-draft.ts';
import { availabilityQuery, createReservation, joinWaitlist } from './counter-api.ts';

import { DetailsForm } from './DetailsForm.tsx';
import styles from '../../ui/booking.module.css';
import { NotFoundKind } from './NotFoundKind.tsx';
import { saveBooking } from './saved-bookings.ts';
import { TimePicker } from './TimePicker.tsx';
import { VisitChecklist } from './VisitChecklist.tsx';
import { AvailabilityStatus } from '../../ui/BookingStates.tsx';
import { StepHeading, useBookingSteps } from '../../ui/BookingSteps.tsx';
import { SendBookingActions } from '../../ui/ConfirmActions.tsx';
import { useSendBooking } from '../../ui/useSendBooking.ts';

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
  const navigate = useNavigate();
  const { step, go, params, headingRef } = useBookingSteps(STEPS);
  const date = params.get('date');
  const time = params.get('time');
  // A full time chosen to wait for (キャンセル待ち): the same steps, and joining the queue at the end.
  const waiting = params.get('wait') === '1';
  const kiosk = useKioskMode();
  const [joined, setJoined] = useState<WaitlistJoined | null>(null);
  const joinedHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (joined) joinedHeading.current?.focus();
  }, [joined]);
  const [draft, setDraft] = useState(loadDraft);
  const updateDraft = (next: typeof draft) => {
    setDraft(next);
    saveDraft(next);
  };
  // The key lives in the draft, so a retry after a reload is still the same request.
  const { sending, failure, send } = useSendBooking(() => updateDraft({ ...draft, idempotencyKey: crypto.randomUUID() }));
  // The details step reads it too: whether the city sends e-mail, so whether to ask for an address.
  const availability = useQuery({ ...availabilityQuery(), enabled: step === 'date' || step === 'time' || step === 'details' });

  if (!kind) return <NotFoundKind />;

  const checked = step === 'confirm' && date && time ? checkDraft(draft, kind.id, { date, time }, waiting) : null;
  const booking = checked?.success ? checked.data : null;
  const slotText =
    date && time ? `${formatJapaneseDate(date)} ${formatTime(parseTime(time) ?? 0)}～${formatTime((parseTime(time) ?? 0) + counter.slotMinutes)}` : '';

  const confirm = async () => {
    if (!booking) return;
    if (waiting) {
      await send(async () => {
        setJoined(await joinWaitlist({ ...booking, email: booking.email ?? '' }));
        clearDraft();
      });
      return;
    }
    await send(async () => {
      const { reservation, token } = await createReservation(booking, draft.idempotencyKey);
      saveBooking({ code: reservation.code, token, date: reservation.slot.date, time: reservation.slot.time, kindId: reservation.kindId });
      clearDraft();
      await navigate(`/mynumber/reservations/${reservation.code}?new=1`, { replace: true });
    });
  };

  const selectedDay = availability.data?.days.find((day) => day.date === date);
  if (joined) {
    return (
      <Page heading={`予約：${kind.name}`}>
        <h2 ref={joinedHeading} tabIndex={-1}>
          キャンセル待ちに登録しました
        </h2>
        <dl className={styles.summary}>
          <dt>日時</dt>
          <dd>{slotText}</dd>
          <dt>待っている順番</dt>
          <dd>{joined.position}番目</dd>
        </dl>
        <p>
          空きが出たら、メールでお知らせします。お知らせから{formatHoldTime(counter.waitlist.holdMinutes)}
          のあいだ（予約の受付が終わる時刻まで）、あなたのために席をとっておきます。
        </p>
        <p>メールのリンクを開いて「この時間で予約する」を押すと、予約になります。空きが出なかったときは、メールは届きません。</p>
        <p>
          いまの順番は、次のページで見られます。行けなくなったときも、そのページでキャンセル待ちをやめられます。このページは、登録した方だけが開けるので、ブックマークに入れておいてください。
        </p>
        <div className={styles.actions}>
          <ButtonLink to={`/mynumber/waitlist/place#token=${joined.token}`}>順番を見る・キャンセル待ちをやめる</ButtonLink>
          <ButtonLink to="/mynumber" variant="secondary">
            マイナンバーカードの窓口へ戻る
          </ButtonLink>
        </div>
      </Page>
    );
  }
  return (
    <Page heading={`予約：${kind.name}`}>
      <StepHeading steps={STEPS} step={step} titles={STEP_TITLES} headingRef={headingRef} />

      {step === 'bring' && (
        <>
          <p>{kind.summary}</p>
          <VisitChecklist kind={kind} headingLevel="h3" />
          <div className={styles.actions}>
            <Button onClick={() => go('date')}>日にちを選ぶ</Button>
          </div>
        </>
      )}

      {(step === 'date' || step === 'time') && <AvailabilityStatus availability={availability} />}
      {step === 'date' && availability.data && <DayPicker days={availability.data.days} selected={date} onSelect={(chosen) => go('time', { date: chosen })} />}
      {step === 'time' &&
        availability.data &&
        (selectedDay ? (
          <>
            <p>{formatJapaneseDate(selectedDay.date)}の空き状況です。</p>
            <TimePicker
              day={selectedDay}
              slotMinutes={counter.slotMinutes}
              selected={time}
              offerWaitlist={!kiosk}
              onSelect={(chosen, wait) => go('details', { time: chosen, wait: wait ? '1' : '0' })}
            />
          </>
        ) : (
          <Button onClick={() => go('date')}>日にちを選び直す</Button>
        ))}

      {step === 'details' && date && time && (
        <>
          <p>予約の日時：{slotText}</p>
          {waiting && (
            <p className={styles.notice}>
              この時間は満員です。キャンセル待ちに登録すると、空きが出たときにメールでお知らせします。順番が来たら、
              {formatHoldTime(counter.waitlist.holdMinutes)}のあいだ席をとっておきます。
            </p>
          )}
          <DetailsForm
            waitlist={waiting}
            draft={draft}
            kindId={kind.id}
            slot={{ date, time }}
            emailReminders={availability.data?.emailReminders === true}
            pushPublicKey={availability.data?.pushPublicKey ?? null}
            pushServiceHosts={availability.data?.pushServiceHosts ?? []}
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
            {booking.pushSubscription && (
              <>
                <dt>お知らせ</dt>
                <dd>この携帯電話に表示します</dd>
              </>
            )}
            <dt>人数</dt>
            <dd>{booking.people}人</dd>
            <dt>来る方</dt>
            <dd>{booking.proxy ? '代理の方' : 'ご本人'}</dd>
          </dl>
          {booking.proxy && <p className={styles.notice}>{kind.proxy}</p>}
          {waiting && <p className={styles.notice}>まだ予約ではありません。キャンセル待ちに登録します。</p>}
          <SendBookingActions
            confirmLabel={waiting ? 'キャンセル待ちに登録する' : 'この内容で予約する'}
            onConfirm={() => void confirm()}
            sending={sending}
            failure={failure}
            contact={portalContact}
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
