import { useRegisterSW } from 'virtual:pwa-register/react';
import { isKioskMode, useKioskMode } from '../client/kiosk-mode.ts';
import { Button } from '../ui/Button.tsx';
import styles from './Banner.module.css';

/**
 * 「新しいバージョンがあります」: a new service worker is waiting. It takes over only when the person
 * presses 更新する, never in the middle of what they are typing. 「あとで」 hides the notice; the new
 * version then starts the next time the portal is opened.
 *
 * On the city's kiosk nobody is asked: the waiting version is switched on by the reset between two
 * people (src/features/kiosk/reset.ts), which then loads the start screen itself.
 */
export function UpdatePrompt() {
  const kiosk = useKioskMode();
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onNeedReload() {
      if (!isKioskMode()) window.location.reload();
    },
  });
  if (!needRefresh || kiosk) return null;
  return (
    <section className={styles.update} aria-labelledby="update-prompt-message">
      <div>
        <p id="update-prompt-message" role="status">
          <strong>新しいバージョンがあります。</strong>入力の途中でなければ、更新してください。
        </p>
        <div className={styles.actions}>
          <Button onClick={() => void updateServiceWorker(true)}>更新する</Button>
          <Button variant="secondary" onClick={() => setNeedRefresh(false)}>
            あとで
          </Button>
        </div>
      </div>
    </section>
  );
}
