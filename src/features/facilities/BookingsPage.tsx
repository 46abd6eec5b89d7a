import { Link, useNavigate } from 'react-router';
import { findFacility, findRoom } from '../../content/facilities.ts';
import { formatReservationCode } from '../../domain/citizen-fields.ts';
import { formatJapaneseDate } from '../../domain/japan-time.ts';
import styles from '../../ui/booking.module.css';
import { ButtonLink } from '../../ui/Button.tsx';
import { LookUpByPhone } from '../../ui/LookUpByPhone.tsx';
import { Page } from '../../ui/Page.tsx';
import { NotKeptOnKiosk } from '../../ui/BookingStates.tsx';
import { useKioskMode } from '../../client/kiosk-mode.ts';
import { lookUpBooking, savedFacilityBookings } from './facility-api.ts';

/**
 * The facility bookings made on this device, and a search by code and phone for those made
 * elsewhere (another phone, the kiosk, a lost link): the city's mails link here. Each opens its
 * page, where it can be changed or cancelled.
 */
export function BookingsPage() {
  const bookings = savedFacilityBookings.useAll();
  const kiosk = useKioskMode();
  const navigate = useNavigate();

  const open = async (code: string, phone: string) => {
    const { booking, token } = await lookUpBooking(code, phone);
    savedFacilityBookings.save({ code: booking.code, token, facilityId: booking.facilityId, roomId: booking.roomId, firstDate: booking.dates[0] ?? '' });
    await navigate(`/facilities/bookings/${booking.code}`);
  };

  return (
    <Page heading="施設の予約の確認・取消">
      <h2>この端末でした予約</h2>
      <NotKeptOnKiosk howToOpen="予約したときの予約番号と電話番号で、下の「予約番号で探す」から探せます。" />
      {kiosk ? null : bookings.length === 0 ? (
        <p>この端末でした施設の予約はありません。ほかの端末で予約したときは、下の「予約番号で探す」をお使いください。</p>
      ) : (
        <ul className={styles.bookings}>
          {bookings.map((booking) => {
            const facility = findFacility(booking.facilityId);
            return (
              <li key={booking.code}>
                <Link to={`/facilities/bookings/${booking.code}`} className={styles.kind}>
                  <span className={styles.kindName}>{formatJapaneseDate(booking.firstDate)}</span>
                  <span className={styles.kindSummary}>
                    {facility?.name} {findRoom(facility, booking.roomId)?.name}（予約番号 {formatReservationCode(booking.code)}）
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      <LookUpByPhone open={open} />
      <ButtonLink to="/facilities" variant="secondary">
        施設を探す
      </ButtonLink>
    </Page>
  );
}
