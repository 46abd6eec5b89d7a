import { type ReactNode, useState } from 'react';
import { ApiRequestError } from '../client/api-client.ts';
import { portalContact } from '../content/city.ts';
import type { OfferState } from '../domain/waitlist-queue.ts';
import { BookingFailure } from './BookingStates.tsx';
import { Button, ButtonLink } from './Button.tsx';
import { Page } from './Page.tsx';
import styles from './booking.module.css';

/**
 * What the pages of a キャンセル待ち offer share (the counter's, a room's): the secret read from the
 * address's fragment (never sent to the server in an address), the one-tap accept and the decline,
 * and what the page says once the offer is over.
 */

const ENDED: Record<Exclude<OfferState, 'offered'>, string> = {
  accepted: 'この空きは、予約になっています。予約の内容は「予約の確認」で見られます。',
  declined: 'この空きは、お断りいただきました。次に待っている方へお回ししました。',
  expired: 'とっておく時間を過ぎたため、この空きは次に待っている方へお回ししました。',
};

interface OfferActionsProps {
  state: OfferState;
  /** What accepting books, said before the buttons. */
  acceptNote: ReactNode;
  onAccept: () => Promise<void>;
  onDecline: () => Promise<void>;
  /** After a refusal, the offer is read again (it may have lapsed meanwhile). */
  onRefused: () => Promise<unknown>;
  /** Where to go once the offer is over. */
  home: { to: string; label: string };
}

/** 「この時間で予約する」 and 「お断りする」 while the offer holds; what became of it after. */
export function OfferActions({ state, acceptNote, onAccept, onDecline, onRefused, home }: OfferActionsProps) {
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const act = async (run: () => Promise<void>) => {
    setSending(true);
    setFailure(null);
    try {
      await run();
    } catch (error) {
      setFailure(error instanceof ApiRequestError ? error.message : 'うまくいきませんでした。もう一度お試しください。');
      await onRefused();
    } finally {
      setSending(false);
    }
  };
  if (state !== 'offered') {
    return (
      <>
        <p role="status">{ENDED[state]}</p>
        {failure && <BookingFailure message={failure} contact={portalContact} />}
        <ButtonLink to={home.to}>{home.label}</ButtonLink>
      </>
    );
  }
  return (
    <>
      <p>{acceptNote}</p>
      {failure && <BookingFailure message={failure} contact={portalContact} />}
      <div className={styles.actions}>
        <Button onClick={() => void act(onAccept)} disabled={sending}>
          {sending ? '送っています…' : 'この時間で予約する'}
        </Button>
        <Button variant="secondary" onClick={() => void act(onDecline)} disabled={sending}>
          お断りする
        </Button>
      </div>
      <p>行けないときは「お断りする」を押してください。次に待っている方へお回しします。</p>
    </>
  );
}

interface LinkNotReadyProps {
  section: string;
  home: { to: string; label: string };
  notFound: boolean;
  /** The page's heading while it loads. */
  heading: string;
  notFoundHeading: string;
  /** What to do when the link finds nothing. */
  explanation: string;
}

/**
 * The page behind a キャンセル待ち link (an offer, a place in line) while its entry loads, or when
 * the link finds none (cut, altered, or an old one): what to do instead, and the way back.
 */
export function LinkNotReady({ section, home, notFound, heading, notFoundHeading, explanation }: LinkNotReadyProps) {
  if (!notFound) {
    return (
      <Page heading={heading} section={section}>
        <p role="status">読み込んでいます…</p>
      </Page>
    );
  }
  return (
    <Page heading={notFoundHeading} section={section}>
      <p>{explanation}</p>
      <ButtonLink to={home.to}>{home.label}</ButtonLink>
    </Page>
  );
}

/** An offer's page while it loads, or when its mail's link finds none. */
export function OfferNotReady({ section, home, notFound }: { section: string; home: { to: string; label: string }; notFound: boolean }) {
  return (
    <LinkNotReady
      section={section}
      home={home}
      notFound={notFound}
      heading="空きのお知らせ"
      notFoundHeading="空きのお知らせが見つかりません"
      explanation="メールのリンクを、もう一度開いてください。リンクが途中で切れていると開けません。"
    />
  );
}
