import styles from './staff.module.css';

/** The result of the last change, read out by screen readers as it appears. */
export function ActionMessage({ message }: { message: { text: string; failed: boolean } | null }) {
  return (
    <div role="status" aria-live="polite">
      {message && <p className={message.failed ? styles.error : styles.panel}>{message.text}</p>}
    </div>
  );
}
