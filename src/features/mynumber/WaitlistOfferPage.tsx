import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { formatJapanInstant } from '../../domain/waitlist-queue.ts';
import { Page } from '../../ui/Page.tsx';
import { useFragmentToken } from '../../ui/useFragmentToken.ts';
import { OfferActions, OfferNotReady } from '../../ui/WaitlistOffer.tsx';
import { WaitlistSlotSummary } from './WaitlistParts.tsx';
import { acceptWaitlistOffer, declineWaitlistOffer, waitlistOfferQuery } from './counter-api.ts';
import { saveBooking } from './saved-bookings.ts';

const SECTION = 'マイナンバーカードの窓口';
const HOME = { to: '/mynumber', label: 'マイナンバーカードの窓口へ' };

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

  if (token === null || !offer.data) return <OfferNotReady section={SECTION} home={HOME} notFound={token === null || offer.isError} />;

  const current = offer.data;
  const accept = async () => {
    const { reservation, token: managementToken } = await acceptWaitlistOffer(token, idempotencyKey);
    saveBooking({ code: reservation.code, token: managementToken, date: reservation.slot.date, time: reservation.slot.time, kindId: reservation.kindId });
    await navigate(`/mynumber/reservations/${reservation.code}?new=1`, { replace: true });
  };
  const decline = async () => {
    queryClient.setQueryData(waitlistOfferQuery(token).queryKey, await declineWaitlistOffer(token));
  };

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
      <OfferActions
        state={current.state}
        acceptNote="この時間で予約するときは、下のボタンを押してください。キャンセル待ちのときに入力したお名前と電話番号で予約します。"
        onAccept={accept}
        onDecline={decline}
        onRefused={() => offer.refetch()}
        home={HOME}
      />
    </Page>
  );
}
