import { bookingPageLines, type CitizenMail, dayBeforeAt, MAIL_SIGNATURE } from './citizen-mail.ts';
import { formatReservationCode } from './citizen-fields.ts';
import { blockText, type FacilitiesContent, type Facility, type Room } from './facilities.ts';
import { formatJapaneseDate, formatShortJapaneseDate, type IsoDate } from './japan-time.ts';

/**
 * The e-mails the city sends about a facility booking, and when. Pure, like counter-mail.ts: the
 * outbox stores what these return, and the mail worker sends it. Nothing personal goes in (no name,
 * no group name, no phone, no purpose): a mail can be read over a shoulder or forwarded.
 */
export interface FacilityMailFacts {
  code: string;
  facility: Facility;
  room: Room;
  dates: readonly string[];
  blockIds: readonly string[];
}

/** A mail sent ahead of a day also says where the booking is found again (never its management link). */
export interface FacilityNoticeFacts extends FacilityMailFacts {
  /** The page of the facility bookings, where the code and phone number open the booking, as a full address. */
  bookingsUrl: string;
}

type MailTimes = FacilitiesContent['mail'];

/**
 * When the reminder goes out: the day before the first day of use at the content's `reminderTime`,
 * Japan time, as the counter's; none (null) for a booking made after that moment.
 */
export function facilityReminderDueAt(firstDate: IsoDate, times: MailTimes, bookedAt: Date): Date | null {
  return dayBeforeAt(firstDate, times.reminderTime, bookedAt);
}

/**
 * When a 仮予約's deadline notice goes out. The 仮予約 lapses at the end of its deadline day (see
 * provisionalDeadline), and the application is made in person, in the facility's opening hours: a
 * notice on the deadline day itself may reach someone already at work with no way to go. So it goes
 * the day before the deadline day, at the content's `deadlineNoticeTime` (the morning), which leaves
 * that day and the deadline day to go. None (null) when that moment has passed at booking (a
 * deadline of tomorrow or today): the booking's page the citizen has just seen says the deadline.
 */
export function deadlineNoticeDueAt(deadline: IsoDate, times: MailTimes, bookedAt: Date): Date | null {
  return dayBeforeAt(deadline, times.deadlineNoticeTime, bookedAt);
}

function bookingLines({ code, facility, room, dates, blockIds }: FacilityMailFacts): string[] {
  const blocks = facility.blocks.filter((block) => blockIds.includes(block.id)).map(blockText);
  return [
    `施設　　${facility.name} ${room.name}`,
    `日にち　${dates.map(formatJapaneseDate).join('、')}`,
    `時間　　${blocks.join('、')}`,
    `予約番号　${formatReservationCode(code)}`,
  ];
}

/** Whom to call, when the facility's own phone is known. */
function askLines(facility: Facility): string[] {
  return facility.phone ? ['わからないことは、', `${facility.name}（電話 ${facility.phone}）に`, 'お問い合わせください。'] : [];
}

/** The day before the first day of use: the room, the days, the blocks, the code, and how to pay. */
export function facilityReminderMail(facts: FacilityNoticeFacts): CitizenMail {
  const first = facts.dates[0] ?? '';
  const { facility } = facts;
  return {
    subject: `【東金市】あした ${formatShortJapaneseDate(first)} ${facility.name}の予約があります`,
    body: [
      `${facility.name}の予約は、あした${facts.dates.length > 1 ? 'から' : ''}です。`,
      '',
      ...bookingLines(facts),
      '',
      '使用料のお支払い',
      facility.payment,
      '',
      '使えなくなったときは、早めに施設へお知らせください。',
      ...askLines(facility),
      ...bookingPageLines('予約の確認や取り消し', facts.bookingsUrl),
      '',
      MAIL_SIGNATURE,
    ].join('\n'),
  };
}

/**
 * A 仮予約 whose in-person application is still to be made: by which day, where, with what, and that
 * without it the 仮予約 ends. `deadline` is the last day to apply (the booking's applyBy).
 */
export function deadlineNoticeMail(facts: FacilityNoticeFacts, deadline: IsoDate): CitizenMail {
  const { facility } = facts;
  const application = facility.inPersonApplication;
  const where = application?.where ?? facility.name;
  return {
    subject: `【東金市】${facility.name}の仮予約は ${formatShortJapaneseDate(deadline)}までに 申し込みが必要です`,
    body: [
      `${facility.name}の仮予約は、まだ決まっていません。`,
      `${formatJapaneseDate(deadline)}までに、`,
      `${where}で申し込みをしてください。`,
      '申し込みがないと、この日が終わったときに、',
      '仮予約は取り消しになります。',
      '',
      ...bookingLines(facts),
      '',
      ...(application ? ['申し込みに持っていくもの', ...application.bring.map((thing) => `・${thing}`), ''] : []),
      '使わなくなったときは、仮予約を取り消してください。',
      ...askLines(facility),
      ...bookingPageLines('予約の確認や取り消し', facts.bookingsUrl),
      '',
      MAIL_SIGNATURE,
    ].join('\n'),
  };
}

/** The facility desk declined a 仮予約, with a reason the citizen should read. */
export function facilityDeclinedMail(facts: FacilityMailFacts, reason: string): CitizenMail {
  const first = facts.dates[0] ?? '';
  return {
    subject: `【東金市】${formatShortJapaneseDate(first)}の ${facts.facility.name}の仮予約を 市が取り消しました`,
    body: [
      'たいへん申し訳ありません。',
      '次の仮予約を、東金市役所が取り消しました。',
      '',
      ...bookingLines(facts),
      '',
      '取り消した理由',
      reason,
      '',
      'この日時に施設を使うことはできません。',
      '予約の画面でも、理由を確かめられます。',
      '予約の画面は、施設の予約のページで',
      '予約番号と電話番号を入れると開きます。',
      ...askLines(facts.facility),
      '',
      MAIL_SIGNATURE,
    ].join('\n'),
  };
}
