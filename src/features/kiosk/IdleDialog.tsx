import { useEffect, useRef } from 'react';
import { Button } from '../../ui/Button.tsx';
import styles from './kiosk.module.css';

interface IdleDialogProps {
  secondsLeft: number;
  onContinue: () => void;
  onStartOver: () => void;
}

/**
 * 「まだお使いですか」: a modal alert dialog (the rest of the screen is inert), focus on 「続ける」.
 * Escape also means 続ける. The seconds are shown, not announced every second: the question and
 * the time are read once when it opens.
 */
export function IdleDialog({ secondsLeft, onContinue, onStartOver }: IdleDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const continueButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (!element.open) element.showModal();
    continueButton.current?.focus();
    return () => element.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="kiosk-idle-title"
      aria-describedby="kiosk-idle-text"
      className={styles.dialog}
      onCancel={(event) => {
        event.preventDefault();
        onContinue();
      }}
    >
      <h2 id="kiosk-idle-title">まだお使いですか</h2>
      <p id="kiosk-idle-text">
        しばらく操作がありませんでした。続けるときは「続ける」を押してください。押さないと、入力した内容を消して、最初の画面に戻ります。
      </p>
      <p className={styles.countdown}>
        最初の画面に戻るまで あと<span className={styles.seconds}>{secondsLeft}</span>秒
      </p>
      <div className={styles.dialogActions}>
        <Button ref={continueButton} className={styles.continue} onClick={onContinue}>
          続ける
        </Button>
        <Button variant="secondary" onClick={onStartOver}>
          終わる（最初の画面へ）
        </Button>
      </div>
    </dialog>
  );
}
