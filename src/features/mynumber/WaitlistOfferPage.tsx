import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiRequestError } from '../../client/api-client.ts';
import { portalContact } from '../../content/city.ts';
import { formatJapanInstant, type WaitlistOffer } from '../../domain/counter-waitlist.ts';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { BookingFailure } from '../../ui/BookingStates.tsx';
import { Page } from '../../ui/Page.tsx';
import styles from '../../ui/booking.module.css';
import { useFragmentToken } from '../../ui/useFragmentToken.ts';
import { acceptWaitlistOffer, declineWaitlistOffer, waitlistOfferQuery } from './counter-api.ts';
import { saveBooking } from './saved-bookings.ts';
import { WaitlistLinkLoading, WaitlistLinkNotFound, WaitlistSlotSummary } from './WaitlistParts.tsx';

const SECTION = 'マイナンバーカードの窓口';

const ENDED: Record<Exclude<WaitlistOffer['state'], 'offered'>, string> = {
  accepted: 'この空きは、予約になっています。予約の内容は「予約の確認」で見られます。',
  declined: 'この空きは、お断りいただきました。次に待っている方へお回ししました。',
  expired: 'とっておく時間を過ぎたため、この空きは次に待っている方へお回ししました。',
};

/**
 * The page a キャンセル待ち offer's mail links to (`/mynumber/waitlist#token=…`; the secret stays in
 * the fragment, never in an address the server sees): when, where, until when it is held, and two
 * buttons: book it in one tap with the details given when joining, or decline it for the next person.
 */
export function WaitlistOfferPage() {
  const token = useFragmentToken();
  const offer = useQuery({ ...waitlistOfferQuery(token ?? ''), enabled: token !== null });
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // One key for every retry of this tap, so a lost answer never books twice.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  if (token === null || offer.isError) {
    return (
      <WaitlistLinkNotFound
        heading="空きのお知らせが見つかりません"
        explanation="メールのリンクを、もう一度開いてください。リンクが途中で切れていると開けません。"
      />
    );
  }
  if (!offer.data) return <WaitlistLinkLoading heading="空きのお知らせ" />;

  const current = offer.data;
  const act = async (run: () => Promise<void>) => {
    setSending(true);
    setFailure(null);
    try {
      await run();
    } catch (error) {
      setFailure(error instanceof ApiRequestError ? error.message : 'うまくいきませんでした。もう一度お試しください。');
      await offer.refetch();
    } finally {
      setSending(false);
    }
  };
  const accept = () =>
    act(async () => {
      const { reservation, token: managementToken } = await acceptWaitlistOffer(token, idempotencyKey);
      saveBooking({ code: reservation.code, token: managementToken, date: reservation.slot.date, time: reservation.slot.time, kindId: reservation.kindId });
      await navigate(`/mynumber/reservations/${reservation.code}?new=1`, { replace: true });
    });
  const decline = () =>
    act(async () => {
      queryClient.setQueryData(waitlistOfferQuery(token).queryKey, await declineWaitlistOffer(token));
    });

  return (
    <Page heading={current.state === 'offered' ? 'キャンセル待ちの空きが出ました' : 'キャンセル待ちの空き'} section={SECTION}>
      <WaitlistSlotSummary slot={current.slot} kindId={current.kindId} people={current.people} proxy={current.proxy}>
        {current.state === 'offered' && (
          <>
            <dt>とっておく期限</dt>
            <dd>{formatJapanInstant(new Date(current.heldUntil))}まで</dd>
          </>
        )}
      </WaitlistSlotSummary>
      {current.state === 'offered' ? (
        <>
          <p>この時間で予約するときは、下のボタンを押してください。キャンセル待ちのときに入力したお名前と電話番号で予約します。</p>
          {failure && <BookingFailure message={failure} contact={portalContact} />}
          <div className={styles.actions}>
            <Button onClick={() => void accept()} disabled={sending}>
              {sending ? '送っています…' : 'この時間で予約する'}
            </Button>
            <Button variant="secondary" onClick={() => void decline()} disabled={sending}>
              お断りする
            </Button>
          </div>
          <p>行けないときは「お断りする」を押してください。次に待っている方へお回しします。</p>
        </>
      ) : (
        <>
          <p role="status">{ENDED[current.state]}</p>
          {failure && <BookingFailure message={failure} contact={portalContact} />}
          <ButtonLink to="/mynumber">マイナンバーカードの窓口へ</ButtonLink>
        </>
      )}
    </Page>
  );
}
