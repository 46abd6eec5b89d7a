/** What the pages behind a キャンセル待ち link (the place in line, the offer) show of the entry. */
import type { ReactNode } from 'react';
import { counter, findVisitKind } from '../../content/counter.ts';
import { formatJapaneseDate, formatTime, parseTime } from '../../domain/japan-time.ts';
import styles from '../../ui/booking.module.css';

interface WaitlistSlotSummaryProps {
  slot: { date: string; time: string };
  kindId: string;
  people: number;
  proxy: boolean;
  /** Rows of the page's own (the place in line, until when an offer is held). */
  children?: ReactNode;
}

/** What a キャンセル待ち entry is for, as its pages show it (the place in line, the offer): nothing personal. */
export function WaitlistSlotSummary({ slot, kindId, people, proxy, children }: WaitlistSlotSummaryProps) {
  const start = parseTime(slot.time) ?? 0;
  return (
    <dl className={styles.summary}>
      <dt>用件</dt>
      <dd>{findVisitKind(kindId)?.name ?? 'マイナンバーカードの手続き'}</dd>
      <dt>日時</dt>
      <dd>{`${formatJapaneseDate(slot.date)} ${formatTime(start)}～${formatTime(start + counter.slotMinutes)}`}</dd>
      <dt>場所</dt>
      <dd>{counter.place}</dd>
      <dt>人数</dt>
      <dd>
        {people}人（{proxy ? '代理の方' : 'ご本人'}）
      </dd>
      {children}
    </dl>
  );
}
