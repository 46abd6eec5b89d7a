import { Button } from '../../ui/Button.tsx';
import styles from './kiosk.module.css';
import { startOver } from './session.ts';

/** In the kiosk's header, on every screen: ends the visit at once and clears everything. */
export function StartOverButton() {
  return (
    <Button className={styles.startOver} onClick={() => startOver()}>
      最初から
    </Button>
  );
}
