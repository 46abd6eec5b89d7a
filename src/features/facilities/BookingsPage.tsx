import { Link } from 'react-router';
import { findFacility, findRoom } from '../../content/facilities.ts';
import { formatReservationCode } from '../../domain/citizen-fields.ts';
import { formatJapaneseDate } from '../../domain/japan-time.ts';
import styles from '../../ui/booking.module.css';
import { ButtonLink } from '../../ui/Button.tsx';
import { Page } from '../../ui/Page.tsx';
import { NotKeptOnKiosk } from '../../ui/BookingStates.tsx';
import { useKioskMode } from '../../client/kiosk-mode.ts';
import { savedFacilityBookings } from './facility-api.ts';

/** The facility bookings made on this device; each opens its page, where it can be changed or cancelled. */
export function BookingsPage() {
  const bookings = savedFacilityBookings.useAll();
  const kiosk = useKioskMode();
  return (
    <Page heading="施設の予約の確認・取消">
      <NotKeptOnKiosk howToOpen="予約したときのQRコードや印刷した紙から、お手持ちのスマートフォンで開いてください。" />
      {kiosk ? null : bookings.length === 0 ? (
        <p>この端末でした施設の予約はありません。ほかの端末で予約したときは、予約したときの管理用のリンク（QRコード）から開いてください。</p>
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
      <ButtonLink to="/facilities" variant="secondary">
        施設を探す
      </ButtonLink>
    </Page>
  );
}
