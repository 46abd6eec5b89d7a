import { counter } from '../../content/counter.ts';
import { reminderMail } from '../../domain/counter-mail.ts';
import type { VisitKind } from '../../domain/counter.ts';
import { formatTime, parseTime } from '../../domain/japan-time.ts';
import { reminderPush } from '../../domain/push-notification.ts';
import styles from './ReminderPreview.module.css';

interface ReminderPreviewProps {
  code: string;
  /** 'YYYY-MM-DDTHH:MM', Japan time. */
  slot: string;
  kind: VisitKind;
  proxy: boolean;
}

/**
 * Practice mode sends nothing, but the スマホ講座 teaches what a reminder looks like so that a
 * learner recognises the real one: the lock screen's notification and the mail, made by the same
 * functions the server's outbox uses for a real booking, from the practice booking's facts.
 */
export function ReminderPreview({ code, slot, kind, proxy }: ReminderPreviewProps) {
  const facts = { code, slot, kind, proxy, counter };
  const push = reminderPush(facts);
  const mail = reminderMail({ ...facts, bookingsUrl: new URL('/mynumber/reservations', window.location.origin).href });
  const at = formatTime(parseTime(counter.reminderTime) ?? 0);
  return (
    <section aria-labelledby="reminder-preview" className={styles.preview}>
      <h2 id="reminder-preview">お知らせの見本（練習なので届きません）</h2>
      <p>本当の予約で、お知らせを選んだりメールアドレスを入れたりすると、予約の前の日の{at}ごろに、このようなお知らせが届きます。</p>
      <h3>携帯電話の画面に出るお知らせ</h3>
      <div className={styles.notification}>
        <p className={styles.title}>{push.title}</p>
        <p className={styles.text}>{push.body}</p>
      </div>
      <p>押すと、この予約の内容が開きます。</p>
      <h3>メール</h3>
      <div className={styles.mail}>
        <p className={styles.title}>件名：{mail.subject}</p>
        <p className={styles.text}>{mail.body}</p>
      </div>
    </section>
  );
}
