import { useState } from 'react';
import { useNavigate } from 'react-router';
import { endPractice, usePracticeMode } from '../../client/practice-mode.ts';
import { Button } from '../../ui/Button.tsx';
import styles from './practice.module.css';

/**
 * Shown on every screen while practice mode is on, so no learner takes practice for the real
 * thing. Ending asks once more, because it throws away the round's practice bookings.
 */
export function PracticeBanner() {
  const practising = usePracticeMode();
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  if (!practising) return null;
  return (
    <aside className={styles.banner} aria-label="練習モード">
      <div>
        <p>練習モードです。予約や支払いは実際には行われません。</p>
        {asking ? (
          <>
            <p>練習でした予約は消えます。練習をおわりますか？</p>
            <div className={styles.actions}>
              <Button
                onClick={() => {
                  setAsking(false);
                  // Leave the practice screen first, so nothing on it asks the server about practice data.
                  void Promise.resolve(navigate('/practice', { state: { ended: true } })).then(endPractice);
                }}
              >
                おわる
              </Button>
              <Button variant="secondary" onClick={() => setAsking(false)}>
                練習を続ける
              </Button>
            </div>
          </>
        ) : (
          <Button variant="secondary" onClick={() => setAsking(true)}>
            練習をおわる
          </Button>
        )}
      </div>
    </aside>
  );
}
