import { useEffect, useRef } from 'react';
import { useKioskMode } from '../client/kiosk-mode.ts';
import { usePracticeMode } from '../client/practice-mode.ts';
import { formatReservationCode } from '../domain/citizen-fields.ts';
import type { Department } from '../domain/city.ts';
import styles from './booking.module.css';
import { Button, ButtonLink } from './Button.tsx';
import { Page } from './Page.tsx';
import { PhoneLink } from './PhoneLink.tsx';
import { QrCode } from './QrCode.tsx';

/**
 * The states and parts every booking screen shares (counter and facilities alike), so they read the
 * same everywhere: a failed action with whom to call, a booking still loading, a booking not on this
 * device, on the city's kiosk that bookings are not kept there, the free days still loading; and the
 * top of a booking's page.
 */
export function BookingFailure({ message, contact }: { message: string; contact: Department & { phone: string } }) {
  return (
    <div className={styles.alert} role="alert">
      <p>{message}</p>
      <p>
        うまくいかないときは、{contact.name}（電話 <PhoneLink phone={contact.phone} />
        ）へお問い合わせください。
      </p>
    </div>
  );
}

interface AvailabilityStatusProps {
  availability: { isPending: boolean; isError: boolean; error: Error | null; refetch: () => unknown };
}

/** While the free days and times load, or when they could not be loaded, with a way to try again. */
export function AvailabilityStatus({ availability }: AvailabilityStatusProps) {
  if (availability.isPending) return <p role="status">空き状況を調べています…</p>;
  if (!availability.isError) return null;
  return (
    <div className={styles.alert} role="alert">
      <p>{availability.error?.message}</p>
      <Button onClick={() => void availability.refetch()}>もう一度調べる</Button>
    </div>
  );
}

/** Where a citizen can find a booking this device does not know: a page and its link's words. */
export interface ElsewhereLink {
  explanation: string;
  to: string;
  linkText: string;
}

/**
 * A booking's page before the booking can be shown: this device has no way to open it (or the
 * server does not know it), or it is on its way.
 */
export function BookingNotShown({ missing, elsewhere, section }: { missing: boolean; elsewhere: ElsewhereLink; section: string }) {
  return missing ? (
    <Page heading="予約が見つかりません" section={section}>
      <p>{elsewhere.explanation}</p>
      <ButtonLink to={elsewhere.to}>{elsewhere.linkText}</ButtonLink>
    </Page>
  ) : (
    <Page heading="予約の内容" section={section}>
      <p role="status">予約を読み込んでいます…</p>
    </Page>
  );
}

/** Shown only on the city's kiosk, where no booking is remembered: says so, and how to open it later. */
export function NotKeptOnKiosk({ howToOpen }: { howToOpen: string }) {
  const kiosk = useKioskMode();
  if (!kiosk) return null;
  return (
    <p className={styles.notice}>
      <strong>この端末（市役所の窓口の端末）には、予約を残しません。</strong>
      {howToOpen}
    </p>
  );
}

/** The heading of the page right after booking. In the smartphone class's practice mode it says so plainly. */
export function useBookedHeading(provisional: boolean): string {
  const practice = usePracticeMode();
  if (practice) return provisional ? '練習の仮予約ができました' : '練習の予約ができました';
  return provisional ? '仮予約しました' : '予約しました';
}

interface BookingTopProps {
  /** What the last button did (「予約を取り消しました。」), or nothing. */
  message: string | null;
  code: string;
  /** Booked or provisional: the number is still to be told where the visit happens. */
  active: boolean;
  /** Where the number is told: 「窓口」「施設」; null when there is nowhere to go (a sample facility). */
  tellAt: string | null;
}

/**
 * The top of a booking's page. What the last button did comes first and takes the focus, so it is
 * seen and read even when the button was far down the page. The number is to be told only while the
 * booking stands, and never in practice.
 */
export function BookingTop({ message, code, active, tellAt }: BookingTopProps) {
  const practice = usePracticeMode();
  const messageRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);
  const label = practice ? '予約番号（練習の予約です）' : active && tellAt ? `予約番号（${tellAt}でお伝えください）` : '予約番号';
  return (
    <>
      {message && (
        <p ref={messageRef} tabIndex={-1} className={styles.notice} role="status">
          {message}
        </p>
      )}
      {practice && active && (
        <p className={styles.notice}>
          <strong>これは練習です。</strong>本当の予約ではありません。{tellAt && `${tellAt}に行く必要はありません。`}
        </p>
      )}
      <p>{label}</p>
      <p className={styles.code}>{formatReservationCode(code)}</p>
    </>
  );
}

interface KeepBookingProps {
  /** The booking as a calendar file (a data: address) and its file name; null when it is no real visit (a sample). */
  calendar: { href: string; fileName: string } | null;
  /** The management link, with its secret after #token=. */
  managementLink: string;
}

/**
 * How to keep a booking: a calendar file, printing, and the QR code of its management link. No
 * calendar file on the kiosk (it would stay in the downloads). In practice none of them, only what a
 * real booking would offer: a learner could put a visit that does not exist in their real calendar.
 */
export function KeepBooking({ calendar, managementLink }: KeepBookingProps) {
  const kiosk = useKioskMode();
  const practice = usePracticeMode();
  if (practice) {
    // A practice booking lives in this tab only: a QR code would open nothing on another phone.
    return <p>本当の予約では、ここに「カレンダーに追加する」「印刷する」のボタンと、ほかのスマートフォンで予約を開けるQRコードが出ます。</p>;
  }
  return (
    <>
      <div className={styles.actions}>
        {!kiosk && calendar && (
          <a className={styles.time} href={calendar.href} download={calendar.fileName}>
            カレンダーに追加する
          </a>
        )}
        <Button variant="secondary" onClick={() => window.print()}>
          印刷する
        </Button>
      </div>
      <QrCode value={managementLink} label="読み取ると、ほかのスマートフォンでこの予約を開けます" />
      <NotKeptOnKiosk howToOpen="あとで見るときは、このQRコードをお手持ちのスマートフォンで読み取るか、印刷してお持ち帰りください。" />
    </>
  );
}

/**
 * The 状態 rows of a booking's summary (a <dl>): its state, or, when the city cancelled it (a
 * counter clerk, or the facility desk declining a 仮予約), that the city did and the reason it gave.
 */
export function BookingStateRows({ state, cityCancellationReason }: { state: string; cityCancellationReason: string | null }) {
  return (
    <>
      <dt>状態</dt>
      <dd>{cityCancellationReason ? '市役所が取り消しました' : state}</dd>
      {cityCancellationReason && (
        <>
          <dt>取り消した理由</dt>
          <dd>{cityCancellationReason}</dd>
        </>
      )}
    </>
  );
}
