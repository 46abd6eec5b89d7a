import { useKioskMode } from '../client/kiosk-mode.ts';
import styles from './ExternalLink.module.css';
import { QrCode } from './QrCode.tsx';

interface ExternalLinkProps {
  /** An address outside the portal, https only. */
  href: string;
  /** The link's words: what happens, e.g. 「ちば施設予約を開く」. */
  label: string;
  /** Who runs the destination, in the QR code's caption: 「ちば施設予約」. */
  destination: string;
  className?: string;
  /** Open in a new tab (the portal stays open behind it). */
  newTab?: boolean;
  /** Also offer a QR code beside the link (to carry the address to another phone). */
  withQrCode?: boolean;
}

/**
 * The one way the portal links to another site. On a phone it is an ordinary link. On the city's
 * kiosk there is no way out of the portal: the link becomes a QR code to continue on one's own phone,
 * with the full address shown so the citizen can check where it leads.
 */
export function ExternalLink({ href, label, destination, className, newTab = false, withQrCode = false }: ExternalLinkProps) {
  const kiosk = useKioskMode();
  const qrLabel = `読み取ると、お手持ちのスマートフォンで${destination}を開けます`;
  if (kiosk) {
    return (
      <div className={styles.kiosk}>
        <p>
          <strong>この端末では、ほかのサイトは開けません。</strong>
          続きは、お手持ちのスマートフォンでQRコードを読み取ってご覧ください。
        </p>
        <p>
          行き先：<span className={styles.address}>{href}</span>
        </p>
        <QrCode value={href} label={qrLabel} />
      </div>
    );
  }
  const link = (
    <a className={className} href={href} rel="noopener noreferrer" {...(newTab ? { target: '_blank' } : {})}>
      {label}
    </a>
  );
  if (!withQrCode) return link;
  return (
    <div className={styles.withQrCode}>
      {link}
      <QrCode value={href} label={qrLabel} />
    </div>
  );
}
