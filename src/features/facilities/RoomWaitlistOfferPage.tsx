import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { findFacility, findRoom } from '../../content/facilities.ts';
import { blockText } from '../../domain/facilities.ts';
import { formatJapaneseDate } from '../../domain/japan-time.ts';
import { formatJapanInstant } from '../../domain/waitlist-queue.ts';
import { Page } from '../../ui/Page.tsx';
import { useFragmentToken } from '../../ui/useFragmentToken.ts';
import { OfferActions, OfferNotReady } from '../../ui/WaitlistOffer.tsx';
import styles from '../../ui/booking.module.css';
import { acceptRoomWaitlistOffer, declineRoomWaitlistOffer, roomWaitlistOfferQuery, savedFacilityBookings } from './facility-api.ts';

const SECTION = '施設予約';
const HOME = { to: '/facilities', label: '施設の予約へ' };

/**
 * The page a room's キャンセル待ち offer links to (`/facilities/waitlist#token=…`, the secret in the
 * fragment): the room, the day, the blocks, until when they are held; book them in one tap with the
 * details given when joining (a 仮予約 where the facility asks for an application), or decline.
 */
export function RoomWaitlistOfferPage() {
  const token = useFragmentToken();
  const offer = useQuery({ ...roomWaitlistOfferQuery(token ?? ''), enabled: token !== null });
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // One key for every retry of this tap, so a lost answer never books twice.
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  if (token === null || !offer.data) return <OfferNotReady section={SECTION} home={HOME} notFound={token === null || offer.isError} />;

  const current = offer.data;
  const facility = findFacility(current.facilityId);
  const room = findRoom(facility, current.roomId);
  const blocks = facility?.blocks.filter((block) => current.blockIds.includes(block.id)).map(blockText) ?? [];
  const accept = async () => {
    const { booking, token: managementToken } = await acceptRoomWaitlistOffer(token, idempotencyKey);
    savedFacilityBookings.save({
      code: booking.code,
      token: managementToken,
      facilityId: booking.facilityId,
      roomId: booking.roomId,
      firstDate: booking.dates[0] ?? '',
    });
    await navigate(`/facilities/bookings/${booking.code}?new=1`, { replace: true });
  };
  const decline = async () => {
    queryClient.setQueryData(roomWaitlistOfferQuery(token).queryKey, await declineRoomWaitlistOffer(token));
  };

  return (
    <Page heading={current.state === 'offered' ? 'キャンセル待ちの空きが出ました' : 'キャンセル待ちの空き'} section={SECTION}>
      <dl className={styles.summary}>
        <dt>施設</dt>
        <dd>
          {facility?.name ?? current.facilityId} {room?.name ?? ''}
        </dd>
        <dt>日にち</dt>
        <dd>{formatJapaneseDate(current.date)}</dd>
        <dt>時間</dt>
        <dd>{blocks.join('、')}</dd>
        <dt>人数</dt>
        <dd>{current.headCount}人</dd>
        {current.state === 'offered' && (
          <>
            <dt>とっておく期限</dt>
            <dd>{formatJapanInstant(new Date(current.heldUntil))}まで</dd>
          </>
        )}
      </dl>
      <OfferActions
        state={current.state}
        acceptNote={
          facility?.inPersonApplication
            ? `この時間で予約するときは、下のボタンを押してください。キャンセル待ちのときに入力した内容で仮予約します。仮予約のあと、${facility.inPersonApplication.where}で申し込んでください。`
            : 'この時間で予約するときは、下のボタンを押してください。キャンセル待ちのときに入力した内容で予約します。'
        }
        onAccept={accept}
        onDecline={decline}
        onRefused={() => offer.refetch()}
        home={HOME}
      />
    </Page>
  );
}
