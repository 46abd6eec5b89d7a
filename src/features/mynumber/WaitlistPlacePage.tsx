import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ApiRequestError } from '../../client/api-client.ts';
import { portalContact } from '../../content/city.ts';
import { formatHoldTime } from '../../domain/waitlist-queue.ts';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { BookingFailure } from '../../ui/BookingStates.tsx';
import { AskBeforeSection } from '../../ui/ChangeOrCancel.tsx';
import { Page } from '../../ui/Page.tsx';
import styles from '../../ui/booking.module.css';
import { useFragmentToken } from '../../ui/useFragmentToken.ts';
import { leaveWaitlist, waitlistPlaceQuery } from './counter-api.ts';
import { WaitlistSlotSummary } from './WaitlistParts.tsx';
import { LinkNotReady } from '../../ui/WaitlistOffer.tsx';

const SECTION = 'マイナンバーカードの窓口';

/**
 * The page of a キャンセル待ち entry before a seat is offered (`/mynumber/waitlist/place#token=…`,
 * linked from the screen that confirmed joining; the secret stays in the fragment): the time, the
 * place in line, how long a seat will be held, and leaving the queue after a question. Once a seat
 * is offered, the offer's mail has its own link and this one finds nothing.
 */
export function WaitlistPlacePage() {
  const token = useFragmentToken();
  const entry = useQuery({ ...waitlistPlaceQuery(token ?? ''), enabled: token !== null });
  const [asking, setAsking] = useState(false);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [left, setLeft] = useState(false);
  const leftHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (left) leftHeading.current?.focus();
  }, [left]);

  if (left) {
    return (
      <Page heading="キャンセル待ちをやめました" section={SECTION}>
        <h2 ref={leftHeading} tabIndex={-1}>
          順番と、入力したお名前・電話番号・メールアドレスを消しました
        </h2>
        <p>空きが出ても、お知らせは届きません。また待つときは、もう一度キャンセル待ちに登録してください。</p>
        <ButtonLink to="/mynumber">マイナンバーカードの窓口へ</ButtonLink>
      </Page>
    );
  }
  if (token === null || !entry.data) {
    return (
      <LinkNotReady
        section={SECTION}
        home={{ to: '/mynumber', label: 'マイナンバーカードの窓口へ' }}
        notFound={token === null || entry.isError}
        heading="キャンセル待ちの順番"
        notFoundHeading="キャンセル待ちが見つかりません"
        explanation="キャンセル待ちをやめたか、空きが出てお知らせのメールをお送りしたあとです。空きのお知らせは、メールのリンクから開いてください。リンクが途中で切れていると開けません。"
      />
    );
  }

  const current = entry.data;
  const leave = async () => {
    setSending(true);
    setFailure(null);
    try {
      await leaveWaitlist(token);
      setLeft(true);
    } catch (error) {
      setFailure(error instanceof ApiRequestError ? error.message : 'うまくいきませんでした。もう一度お試しください。');
      await entry.refetch();
    } finally {
      setSending(false);
    }
  };

  return (
    <Page heading="キャンセル待ちの順番" section={SECTION}>
      <p>
        <strong>{current.place}番目</strong>にお待ちです。
      </p>
      <WaitlistSlotSummary slot={current.slot} kindId={current.kindId} people={current.people} proxy={current.proxy}>
        <dt>待っている順番</dt>
        <dd>{current.place}番目</dd>
      </WaitlistSlotSummary>
      <p>
        空きが出たら、メールでお知らせします。お知らせから{formatHoldTime(current.holdMinutes)}
        のあいだ（予約の受付が終わる時刻まで）、あなたのために席をとっておきます。
      </p>
      {failure && <BookingFailure message={failure} contact={portalContact} />}
      {asking ? (
        <AskBeforeSection
          heading="キャンセル待ちをやめますか"
          explanation="やめると、順番はなくなり、入力したお名前・電話番号・メールアドレスも消します。あとで、もう一度登録することはできます（そのときは、いちばんうしろの順番になります）。"
          confirmLabel="キャンセル待ちをやめる"
          onConfirm={() => void leave()}
          sending={sending}
          backLabel="やめずに戻る"
          onBack={() => setAsking(false)}
        />
      ) : (
        <div className={styles.actions}>
          <Button variant="secondary" onClick={() => setAsking(true)}>
            キャンセル待ちをやめる
          </Button>
        </div>
      )}
    </Page>
  );
}
