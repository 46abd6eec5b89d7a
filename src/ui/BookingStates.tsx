import { useKioskMode } from '../client/kiosk-mode.ts';
import type { Department } from '../domain/city.ts';
import styles from './booking.module.css';
import { ButtonLink } from './Button.tsx';
import { Page } from './Page.tsx';
import { PhoneLink } from './PhoneLink.tsx';

/**
 * The states every booking screen shares (counter and facilities alike), so they read the same
 * everywhere: a failed action with whom to call, a booking still loading, a booking not on this device,
 * and, on the city's kiosk, that bookings are not kept there.
 */
export function BookingFailure({ message, contact }: { message: string; contact: Department & { phone: string } }) {
  return (
    <div className={styles.alert} role="alert">
      <p>{message}</p>
      <p>
        うまくいかないときは、{contact.name}（電話 <PhoneLink phone={contact.phone} />）へお問い合わせください。
      </p>
    </div>
  );
}

export function BookingLoading({ section }: { section: string }) {
  return (
    <Page heading="予約の内容" section={section}>
      <p role="status">予約を読み込んでいます…</p>
    </Page>
  );
}

export function BookingNotFound({ explanation, to, linkText, section }: { explanation: string; to: string; linkText: string; section: string }) {
  return (
    <Page heading="予約が見つかりません" section={section}>
      <p>{explanation}</p>
      <ButtonLink to={to}>{linkText}</ButtonLink>
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
