import type { PaymentsContent } from '../../domain/payments-content.ts';
import { ExternalLink } from '../../ui/ExternalLink.tsx';
import styles from './payments.module.css';

type Handoff = PaymentsContent['handoffs'][keyof PaymentsContent['handoffs']];

/**
 * The only way out of the portal to a payment route: an address from the city's checked allow-list
 * (go.jp / lg.jp over https), with its domain shown before leaving. Nothing is added to the address,
 * so the eL番号 never travels in it. On the kiosk it is a QR code to continue on one's own phone.
 */
export function HandoffLink({ handoff, label }: { handoff: Handoff; label: string }) {
  const { hostname } = new URL(handoff.url);
  return (
    <div className={styles.handoff}>
      <p>
        行き先：<strong>{hostname}</strong>（{handoff.name}、公式のサイトです）
      </p>
      <ExternalLink className={styles.handoffLink} href={handoff.url} label={label} destination={handoff.name} />
    </div>
  );
}
