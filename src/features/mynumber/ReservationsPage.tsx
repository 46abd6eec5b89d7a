import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiRequestError } from '../../client/api-client.ts';
import { findVisitKind } from '../../content/counter.ts';
import { formatReservationCode } from '../../domain/citizen-fields.ts';
import { lookupByPhoneSchema } from '../../domain/counter-reservation.ts';
import { formatJapaneseDate, formatTime, parseTime } from '../../domain/japan-time.ts';
import { firstMessagePerField } from '../../domain/validation.ts';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Fields.tsx';
import { Page } from '../../ui/Page.tsx';
import { NotKeptOnKiosk } from '../../ui/BookingStates.tsx';
import { useKioskMode } from '../../client/kiosk-mode.ts';
import { lookUpReservation } from './counter-api.ts';
import styles from '../../ui/booking.module.css';
import { saveBooking, useSavedBookings } from './saved-bookings.ts';
import { focusFirstError } from '../../ui/focus-first-error.ts';

/** 「予約の確認・変更・取消」: the bookings made on this device, and a search by code and phone. */
export function ReservationsPage() {
  const bookings = useSavedBookings();
  const kiosk = useKioskMode();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<{ code?: string; phone?: string; form?: string }>({});
  const [sending, setSending] = useState(false);

  const find = async (event: FormEvent) => {
    event.preventDefault();
    const checked = lookupByPhoneSchema.safeParse({ code, phone });
    if (!checked.success) {
      setErrors(firstMessagePerField(checked.error));
      focusFirstError(event);
      return;
    }
    setSending(true);
    try {
      const { reservation, token } = await lookUpReservation(checked.data.code, checked.data.phone);
      saveBooking({ code: reservation.code, token, date: reservation.slot.date, time: reservation.slot.time, kindId: reservation.kindId });
      await navigate(`/mynumber/reservations/${reservation.code}`);
    } catch (error) {
      setErrors({ form: error instanceof ApiRequestError ? error.message : '予約を探せませんでした。' });
    } finally {
      setSending(false);
    }
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
      <h2>予約番号で探す</h2>
      <form onSubmit={(event) => void find(event)} noValidate>
        {errors.form && (
          <p className={styles.alert} role="alert">
            {errors.form}
          </p>
        )}
        <TextField
          label="予約番号"
          hint="予約したときの8文字の番号です。例：ABCD-2345"
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={errors.code}
          autoComplete="off"
        />
        <TextField
          label="予約のときの電話番号"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          value={phone}
          onChange={(event) => setPhone(event.target.value)}
          error={errors.phone}
        />
        <Button type="submit" disabled={sending}>
          {sending ? '探しています…' : '予約を探す'}
        </Button>
      </form>
    </Page>
  );
}
