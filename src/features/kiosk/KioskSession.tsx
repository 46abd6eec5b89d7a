import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useKioskSetting } from '../../client/kiosk-mode.ts';
import { KIOSK_COUNTDOWN_SECONDS } from '../../domain/kiosk.ts';
import { IdleDialog } from './IdleDialog.tsx';
import styles from './kiosk.module.css';
import { updateIsWaiting } from './reset.ts';
import { startOver, useResetting } from './session.ts';

/** What counts as someone using the kiosk. Moving a mouse does not: a kiosk has none. */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'input', 'wheel', 'scroll'] as const;

/**
 * Wraps the whole screen on the kiosk: watches for inactivity, asks 「まだお使いですか」 with a
 * countdown, and resets for the next person. Renders its children unchanged otherwise.
 */
export function KioskSession({ children }: { children: ReactNode }) {
  const setting = useKioskSetting();
  const resetting = useResetting();
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const lastActivity = useRef(0);
  const touched = useRef(false);
  const asking = useRef<number | null>(null);

  useEffect(() => {
    if (!setting) return;
    lastActivity.current = Date.now();
    const onActivity = () => {
      // While the question is open only 「続ける」 answers it.
      if (asking.current !== null) return;
      touched.current = true;
      lastActivity.current = Date.now();
    };
    for (const type of ACTIVITY_EVENTS) document.addEventListener(type, onActivity, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      const now = Date.now();
      if (asking.current !== null) {
        const left = KIOSK_COUNTDOWN_SECONDS - Math.floor((now - asking.current) / 1000);
        if (left <= 0) {
          asking.current = null;
          startOver();
        } else {
          setSecondsLeft(left);
        }
        return;
      }
      if (now - lastActivity.current < setting.idleSeconds * 1000) return;
      if (!touched.current) {
        // Nobody has used it since the last reset: nothing to ask, but take a waiting new version now.
        lastActivity.current = now;
        void updateIsWaiting().then((waiting) => waiting && startOver());
        return;
      }
      asking.current = now;
      setSecondsLeft(KIOSK_COUNTDOWN_SECONDS);
    }, 1000);
    return () => {
      window.clearInterval(timer);
      for (const type of ACTIVITY_EVENTS) document.removeEventListener(type, onActivity, { capture: true });
    };
  }, [setting]);

  if (resetting) {
    return (
      <div className={styles.resetting} role="status">
        <p>最初の画面に戻っています。しばらくお待ちください。</p>
      </div>
    );
  }
  return (
    <>
      {children}
      {secondsLeft !== null && (
        <IdleDialog
          secondsLeft={secondsLeft}
          onContinue={() => {
            asking.current = null;
            lastActivity.current = Date.now();
            setSecondsLeft(null);
          }}
          onStartOver={() => startOver()}
        />
      )}
    </>
  );
}
