import type { CounterContent, VisitKind } from './counter.ts';
import { formatReservationCode } from './citizen-fields.ts';
import { bookingPageLines, type CitizenMail, dayBeforeAt, MAIL_SIGNATURE as SIGNATURE } from './citizen-mail.ts';
import { formatJapaneseDate, formatShortJapaneseDate, formatTime, parseTime } from './japan-time.ts';

/**
 * The e-mails the city sends about a MyNumber counter booking, and when. Pure: the server's outbox
 * stores what these return, and its worker sends it.
 *
 * A mail says what the citizen needs to come (day, time, place, what to bring, the booking code)
 * and where to see the booking. It never holds the name, the phone number or anything else
 * personal: a mail can be read over a shoulder or forwarded, and the address it goes to is the
 * only personal thing the outbox keeps.
 */

export type CounterMail = CitizenMail;

/** What a mail about one booking says; nothing personal goes in. */
export interface CounterMailFacts {
  code: string;
  /** 'YYYY-MM-DDTHH:MM', Japan time. */
  slot: string;
  kind: VisitKind;
  proxy: boolean;
  counter: CounterContent;
  /** The page where the citizen finds the booking by its code and phone number. */
  bookingsUrl: string;
}

/**
 * When the reminder goes out: the day before the visit at the content's `reminderTime`, Japan time;
 * none (null) for a booking made after that moment (the evening before, or on the day).
 */
export function reminderDueAt(slot: string, reminderTime: string, bookedAt: Date): Date | null {
  return dayBeforeAt(slot.slice(0, 10), reminderTime, bookedAt);
}

function visitLines(facts: CounterMailFacts): string[] {
  const [date, time] = [facts.slot.slice(0, 10), facts.slot.slice(11)];
  return [
    `日にち　${formatJapaneseDate(date)}`,
    `時間　　${formatTime(parseTime(time) ?? 0)}から`,
    `場所　　${facts.counter.place}`,
    `　　　　${facts.counter.counterName}`,
    `用件　　${facts.kind.name}`,
    `予約番号　${formatReservationCode(facts.code)}`,
  ];
}

const when = (slot: string) => `${formatShortJapaneseDate(slot.slice(0, 10))} ${formatTime(parseTime(slot.slice(11)) ?? 0)}`;

/** The day before: come tomorrow, at this time, to this place, with these things. */
export function reminderMail(facts: CounterMailFacts): CounterMail {
  const bring = facts.kind.bring.map((thing) => `・${thing}`);
  const proxy = facts.proxy ? ['', '代理の方が来るとき', facts.kind.proxy] : [];
  return {
    subject: `【東金市】あした ${when(facts.slot)}から マイナンバーカードの窓口の予約があります`,
    body: [
      'マイナンバーカードの窓口の予約は、あしたです。',
      '',
      ...visitLines(facts),
      '',
      '持ってくるもの',
      ...bring,
      ...proxy,
      '',
      '時間に遅れそうなときや、来られなくなったときは、',
      '予約を取り消してください。',
      ...bookingPageLines('予約の確認や取り消し', facts.bookingsUrl),
      '',
      SIGNATURE,
    ].join('\n'),
  };
}

/** The city cancelled the booking (a clerk, with a reason the citizen should read). */
export function cancelledByCityMail(facts: CounterMailFacts, reason: string): CounterMail {
  return {
    subject: `【東金市】${when(facts.slot)}の マイナンバーカードの窓口の予約を 市が取り消しました`,
    body: [
      'たいへん申し訳ありません。',
      '次の予約を、東金市役所が取り消しました。',
      '',
      ...visitLines(facts),
      '',
      '取り消した理由',
      reason,
      '',
      'この時間に窓口へ来ていただく必要はありません。',
      'あらためて予約するときは、アプリからもう一度予約してください。',
      ...bookingPageLines('予約の確認', facts.bookingsUrl),
      '',
      SIGNATURE,
    ].join('\n'),
  };
}

/**
 * The city moved the booking to another time (a clerk, after a phone call). `facts.slot` is the new
 * time; `fromSlot` the old one, said so a citizen who never called sees at once what changed.
 */
export function movedByCityMail(facts: CounterMailFacts, fromSlot: string): CounterMail {
  return {
    subject: `【東金市】マイナンバーカードの窓口の予約を ${when(facts.slot)}に変更しました`,
    body: [
      '東金市役所で、次の予約の日時を変更しました。',
      '',
      `変更前　${when(fromSlot)}から`,
      '',
      '変更後の予約',
      ...visitLines(facts),
      '',
      '変更後の時間に、窓口へお越しください。',
      'お心当たりのないときは、市民課へお電話ください。',
      ...bookingPageLines('予約の確認や取り消し', facts.bookingsUrl),
      '',
      SIGNATURE,
    ].join('\n'),
  };
}

/**
 * How long the outbox waits before trying a failed mail again, by attempts already made: quick at
 * first (a mail server restarting), then longer (a mail server down for hours). After the last
 * the message is failed, so a clerk sees it and can phone the citizen instead.
 */
export const RETRY_DELAYS_MS: readonly number[] = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000, 3 * 60 * 60_000];

/**
 * When to try again after `attemptsMade` failed attempts (1 after the first), or null when the
 * message has had all its attempts and is failed.
 */
export function nextAttemptAt(attemptsMade: number, failedAt: Date, delays: readonly number[] = RETRY_DELAYS_MS): Date | null {
  const delay = delays[attemptsMade - 1];
  return delay === undefined ? null : new Date(failedAt.getTime() + delay);
}
