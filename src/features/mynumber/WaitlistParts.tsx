import type { ReactNode } from 'react';
import { counter, findVisitKind } from '../../content/counter.ts';
import { formatJapaneseDate, formatTime, parseTime } from '../../domain/japan-time.ts';
import { ButtonLink } from '../../ui/Button.tsx';
import { Page } from '../../ui/Page.tsx';
import styles from '../../ui/booking.module.css';

/** The parts the pages behind a キャンセル待ち link share (the place in line, the offer). */

const SECTION = 'マイナンバーカードの窓口';

/** The link found nothing (cut short, used up, or never given): what to do instead, and the way back. */
export function WaitlistLinkNotFound({ heading, explanation }: { heading: string; explanation: string }) {
  return (
    <Page heading={heading} section={SECTION}>
      <p>{explanation}</p>
      <ButtonLink to="/mynumber">マイナンバーカードの窓口へ</ButtonLink>
    </Page>
  );
}

/** The page while the link's entry is asked of the server. */
export function WaitlistLinkLoading({ heading }: { heading: string }) {
  return (
    <Page heading={heading} section={SECTION}>
      <p role="status">読み込んでいます…</p>
    </Page>
  );
}

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
