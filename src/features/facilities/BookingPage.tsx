import { useQuery, useQueryClient } from '@tanstack/react-query';
import { managementLinkUrl } from '../../domain/management-links.ts';
import { useState } from 'react';
import { portalContact } from '../../content/city.ts';
import { findFacility, findRoom } from '../../content/facilities.ts';
import { formatReservationCode } from '../../domain/citizen-fields.ts';
import type { Facility } from '../../domain/facilities.ts';
import { FACILITY_STATUS_LABELS, type FacilityBooking } from '../../domain/facility-booking.ts';
import { bookingCalendarHref } from '../../domain/ics.ts';
import { addDays, formatJapaneseDate, parseTime } from '../../domain/japan-time.ts';
import styles from '../../ui/booking.module.css';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { CancelSection, ChangeDateSection, ChangeOrCancelButtons, useBookingChanges } from '../../ui/ChangeOrCancel.tsx';
import { Page } from '../../ui/Page.tsx';
import { BlockPicker } from './BlockPicker.tsx';
import { bookingQuery, cancelBooking, changeBooking, closeOtherLinks, roomAvailabilityQuery, savedFacilityBookings } from './facility-api.ts';
import { FacilityContact } from './FacilityContact.tsx';
import { formatYen } from '../../domain/money.ts';
import { blockText } from '../../domain/facilities.ts';
import { SAMPLE_BOOKING_NOTICE } from './wording.ts';
import { BookingFailure, BookingNotShown, BookingStateRows, BookingTop, type ElsewhereLink, KeepBooking, useBookedHeading } from '../../ui/BookingStates.tsx';
import { usePracticeMode } from '../../client/practice-mode.ts';
import { closeOtherLinksAndKeep, ManagementLinks } from '../../ui/ManagementLinks.tsx';
import { useManagedBooking } from '../../ui/useManagementToken.ts';

function icsHref(booking: FacilityBooking, facility: Facility, roomName: string): string {
  const blocks = facility.blocks.filter((block) => booking.blockIds.includes(block.id));
  const start = Math.min(...blocks.map((block) => parseTime(block.start) ?? 0));
  const end = Math.max(...blocks.map((block) => parseTime(block.end) ?? 0));
  return bookingCalendarHref(booking.code, {
    date: booking.dates[0] ?? '',
    startMinutes: start,
    durationMinutes: end - start,
    title: `${facility.name} ${roomName}`,
    location: facility.address,
    description: `予約番号 ${formatReservationCode(booking.code)}\n日数 ${String(booking.dates.length)}日\n使用料 ${formatYen(booking.fee)}`,
  });
}

const HEADINGS: Record<FacilityBooking['status'], string> = {
  booked: '予約の内容',
  provisional: '仮予約の内容',
  cancelled: '取り消した予約',
  released: '取り消された仮予約',
};

/** The counter booking pages use the same headings; the tab title tells them apart. */
const SECTION = '施設予約';

const NOT_ON_THIS_DEVICE: ElsewhereLink = {
  explanation: 'この端末には、この予約の情報がありません。予約したときの管理用のリンク（QRコード）から開くか、予約番号と電話番号で探せます。',
  to: '/facilities/bookings',
  linkText: '予約番号で探す',
};

export function BookingPage() {
  const { code, token, answer: booking, justMade } = useManagedBooking((saved) => savedFacilityBookings.find(saved)?.token, bookingQuery);
  const queryClient = useQueryClient();
  const bookedHeading = useBookedHeading(booking.data?.booking.status === 'provisional');
  const { mode, setMode, message, failure, run } = useBookingChanges();
  const [picked, setPicked] = useState<string[]>([]);
  const practice = usePracticeMode();
  const availability = useQuery({
    ...roomAvailabilityQuery(booking.data?.booking.facilityId ?? '', booking.data?.booking.roomId ?? ''),
    enabled: mode === 'change' && booking.data !== undefined,
  });

  if (token === null || booking.isError || !booking.data) {
    return <BookingNotShown missing={token === null || booking.isError} elsewhere={NOT_ON_THIS_DEVICE} section={SECTION} />;
  }

  const current = booking.data.booking;
  const facility = findFacility(current.facilityId);
  const room = findRoom(facility, current.roomId);
  const roomName = room?.name ?? '';
  const active = current.status === 'booked' || current.status === 'provisional';
  const justBooked = justMade && active;
  const heading = justBooked ? bookedHeading : HEADINGS[current.status];
  const managementLink = managementLinkUrl(window.location.origin, 'facility', current.code, token);
  const blocks = facility?.blocks.filter((block) => current.blockIds.includes(block.id)).map(blockText) ?? current.blockIds;

  const settle = (updated: FacilityBooking) => {
    queryClient.setQueryData(bookingQuery(code, token).queryKey, (answer) => answer && { ...answer, booking: updated });
    void queryClient.invalidateQueries({ queryKey: roomAvailabilityQuery(current.facilityId, current.roomId).queryKey });
  };

  return (
    <Page heading={heading} section={SECTION}>
      <BookingTop message={message} code={current.code} active={active} tellAt={facility?.sample ? null : '施設'} />
      {facility?.sample && <p className={styles.notice}>{SAMPLE_BOOKING_NOTICE}</p>}
      <dl className={styles.summary}>
        <dt>施設</dt>
        <dd>
          {facility?.name} {roomName}
        </dd>
        <dt>日にち</dt>
        <dd>{current.dates.map(formatJapaneseDate).join('、')}</dd>
        <dt>時間</dt>
        <dd>{blocks.join('、')}</dd>
        <dt>使用料</dt>
        <dd>{formatYen(current.fee)}</dd>
        <BookingStateRows state={FACILITY_STATUS_LABELS[current.status]} cityCancellationReason={current.cityCancellationReason} />
      </dl>

      {active && facility && (
        <>
          <h2>このあとすること</h2>
          {/* A practice booking has nothing to apply for, tell or pay. */}
          {practice ? null : current.status === 'provisional' && current.applyBy && facility.inPersonApplication ? (
            <>
              <p className={styles.notice}>
                {formatJapaneseDate(current.applyBy)}までに{facility.inPersonApplication.where}
                で申し込んでください。申し込みがないと、仮予約は自動で取り消されます。
              </p>
              <p>持っていくもの：{facility.inPersonApplication.bring.join('、')}</p>
            </>
          ) : (
            !facility.sample && <p>当日、予約番号をお伝えください。</p>
          )}
          {!practice && <p>支払い：{facility.payment}</p>}
          <p>取り消しは{formatJapaneseDate(current.cancelUntil)}まで、この画面からできます。</p>
          <KeepBooking
            calendar={facility.sample ? null : { href: icsHref(current, facility, roomName), fileName: `shisetsu-${current.code}.ics` }}
            managementLink={managementLink}
          />
          <ManagementLinks
            links={booking.data.links ?? []}
            onCloseOthers={() => closeOtherLinksAndKeep(queryClient, bookingQuery(code, token).queryKey, () => closeOtherLinks(code, token))}
          />
          {mode === 'view' && (
            <ChangeOrCancelButtons
              changeLabel={facility.changesAllowed ? '日にちや時間を変更する' : null}
              onChange={() => setMode('change')}
              onCancel={() => setMode('cancel')}
            />
          )}
        </>
      )}

      {failure && <BookingFailure message={failure} contact={portalContact} />}

      {mode === 'change' && active && facility && (
        <ChangeDateSection heading="新しい日にちと時間を選ぶ" availability={availability} onClose={() => setMode('view')}>
          {(changeDay) => (
            <>
              <p>
                {formatJapaneseDate(changeDay.date)}の空き状況です
                {current.dates.length > 1 ? `（${String(current.dates.length)}日間の予約は、この日から続けて変更します）` : ''}。
              </p>
              <BlockPicker facility={facility} day={changeDay} picked={picked} onChange={setPicked} />
              <div className={styles.actions}>
                <Button
                  disabled={picked.length === 0}
                  onClick={() =>
                    void run(
                      async () =>
                        settle(
                          await changeBooking(code, token, { dates: current.dates.map((_date, index) => addDays(changeDay.date, index)), blockIds: picked }),
                        ),
                      '予約を変更しました。',
                    )
                  }
                >
                  この日時に変更する
                </Button>
              </div>
            </>
          )}
        </ChangeDateSection>
      )}

      {mode === 'cancel' && active && (
        <CancelSection
          explanation="取り消すと、この時間はすぐにほかの方が予約できるようになります。"
          onCancel={() => void run(async () => settle(await cancelBooking(code, token)), '予約を取り消しました。')}
          onBack={() => setMode('view')}
        />
      )}

      {facility && <FacilityContact facility={facility} />}
      <ButtonLink to="/facilities/bookings" variant="secondary">
        施設の予約の一覧へ
      </ButtonLink>
    </Page>
  );
}
