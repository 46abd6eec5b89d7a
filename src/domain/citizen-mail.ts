import { addDays, type IsoDate, japanInstant, parseTime } from './japan-time.ts';

/**
 * What every mail to a citizen shares, whatever it is about (the counter, a facility): its shape,
 * its closing words and when a mail about a coming day goes out. Pure, like the mails themselves.
 */
export interface CitizenMail {
  subject: string;
  /** Plain text, lines under about 40 characters of Japanese so a phone does not wrap mid-word. */
  body: string;
}

export const MAIL_SIGNATURE = [
  'このメールは、予約のときにメールアドレスを入力された方へ、',
  '東金市役所がお送りしています。送信専用のため、返信はできません。',
  'お心当たりのないときは、このメールを消してください。',
].join('\n');

/**
 * Where the booking is found again: the page of the bookings, where the code and the phone number
 * given at booking open it on any phone (never its management link, which a forwarded mail would
 * hand to whoever reads it). `what` is what the citizen can do there (予約の確認や取り消し).
 */
export function bookingPageLines(what: string, bookingsUrl: string): string[] {
  return [`${what}は、こちらのページで、予約番号と電話番号を入れるとできます。`, bookingsUrl];
}

/**
 * The day before `date` at `time` (the content's 'HH:MM'), Japan time: when a mail about that day
 * goes out. A booking made at or after that moment gets none (null): the citizen has just seen the
 * booking's page with everything on it, and a mail minutes later would only teach people that the
 * city's mails say nothing new.
 */
export function dayBeforeAt(date: IsoDate, time: string, bookedAt: Date): Date | null {
  const due = japanInstant(addDays(date, -1), parseTime(time) ?? 0);
  return bookedAt.getTime() < due.getTime() ? due : null;
}
