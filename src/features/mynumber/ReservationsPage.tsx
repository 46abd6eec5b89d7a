import { Link, useNavigate } from 'react-router';
import { findVisitKind } from '../../content/counter.ts';
import { formatReservationCode } from '../../domain/citizen-fields.ts';
import { formatJapaneseDate, formatTime, parseTime } from '../../domain/japan-time.ts';
import { LookUpByPhone } from '../../ui/LookUpByPhone.tsx';
import { Page } from '../../ui/Page.tsx';
import { NotKeptOnKiosk } from '../../ui/BookingStates.tsx';
import { useKioskMode } from '../../client/kiosk-mode.ts';
import { lookUpReservation } from './counter-api.ts';
import styles from '../../ui/booking.module.css';
import { saveBooking, useSavedBookings } from './saved-bookings.ts';

/** 「予約の確認・変更・取消」: the bookings made on this device, and a search by code and phone. */
export function ReservationsPage() {
  const bookings = useSavedBookings();
  const kiosk = useKioskMode();
  const navigate = useNavigate();

  const open = async (code: string, phone: string) => {
    const { reservation, token } = await lookUpReservation(code, phone);
    saveBooking({ code: reservation.code, token, date: reservation.slot.date, time: reservation.slot.time, kindId: reservation.kindId });
    await navigate(`/mynumber/reservations/${reservation.code}`);
  };

  return (
    <Page heading="予約の確認・変更・取消">
      <h2>この端末でした予約</h2>
      <NotKeptOnKiosk howToOpen="予約したときの予約番号と電話番号で、下の「予約番号で探す」から探せます。" />
      {kiosk ? null : bookings.length === 0 ? (
        <p>この端末でした予約はありません。ほかの端末で予約したときは、下の「予約番号で探す」をお使いください。</p>
      ) : (
        <ul className={styles.bookings}>
          {bookings.map((booking) => (
            <li key={booking.code}>
              <Link to={`/mynumber/reservations/${booking.code}`} className={styles.kind}>
                <span className={styles.kindName}>
                  {formatJapaneseDate(booking.date)} {formatTime(parseTime(booking.time) ?? 0)}
                </span>
                <span className={styles.kindSummary}>
                  {findVisitKind(booking.kindId)?.name ?? '窓口の予約'}（予約番号 {formatReservationCode(booking.code)}）
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <LookUpByPhone open={open} />
    </Page>
  );
}
