import { ExternalLink } from './ExternalLink.tsx';
import styles from './HandoffLink.module.css';

interface Handoff {
  /** A checked official address (the content schemas allow only https under public domains). */
  url: string;
  /** Who runs it, in words: 「地方税お支払サイト」「ぴったりサービス」. */
  name: string;
}

/**
 * The way out of the portal to another official site: the destination's domain is shown before
 * leaving, and nothing is added to the address (no eL番号, no answers, nothing personal). On the
 * kiosk it is a QR code to continue on one's own phone.
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
