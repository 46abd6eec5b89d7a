import { encode } from 'uqr';
import styles from './QrCode.module.css';

interface QrCodeProps {
  /** What the code carries, e.g. a management link. */
  value: string;
  /** Said to screen readers, and shown under the code: what scanning it does. */
  label: string;
}

/**
 * A QR code drawn as one SVG path (no canvas, no inline styles), so a phone can carry a link away
 * from a kiosk or a printed page. The quiet zone is part of the drawing.
 */
export function QrCode({ value, label }: QrCodeProps) {
  const { data, size } = encode(value, { ecc: 'M', border: 4 });
  let path = '';
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) path += `M${String(x)} ${String(y)}h1v1h-1z`;
    }),
  );
  return (
    <figure className={styles.figure}>
      <svg className={styles.code} viewBox={`0 0 ${String(size)} ${String(size)}`} role="img" aria-label={label} shapeRendering="crispEdges">
        <rect width={size} height={size} className={styles.light} />
        <path d={path} className={styles.dark} />
      </svg>
      <figcaption>{label}</figcaption>
    </figure>
  );
}
