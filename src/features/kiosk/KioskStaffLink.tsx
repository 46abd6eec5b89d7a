import { Link } from 'react-router';
import styles from './kiosk.module.css';

/** The one way for staff to reach the setup screen on a kiosk (there is no address bar). */
export function KioskStaffLink() {
  return (
    <p className={styles.staff}>
      <Link to="/kiosk/setup">職員の方へ（端末の設定）</Link>
    </p>
  );
}
