import { formatReservationCode } from './citizen-fields.ts';
import { blockText, type Facility, type Room } from './facilities.ts';
import { formatJapaneseDate, formatShortJapaneseDate } from './japan-time.ts';

/**
 * The e-mails the city sends about a facility booking. Pure, like counter-mail.ts: the outbox
 * stores what these return, and the mail worker sends it. Nothing personal goes in (no name, no
 * group name, no phone): a mail can be read over a shoulder or forwarded.
 */
export interface FacilityMailFacts {
  code: string;
  facility: Facility;
  room: Room;
  dates: readonly string[];
  blockIds: readonly string[];
}

const SIGNATURE = [
  'このメールは、予約のときにメールアドレスを入力された方へ、',
  '東金市役所がお送りしています。送信専用のため、返信はできません。',
  'お心当たりのないときは、このメールを消してください。',
].join('\n');

function bookingLines({ code, facility, room, dates, blockIds }: FacilityMailFacts): string[] {
  const blocks = facility.blocks.filter((block) => blockIds.includes(block.id)).map(blockText);
  return [
    `施設　　${facility.name} ${room.name}`,
    `日にち　${dates.map(formatJapaneseDate).join('、')}`,
    `時間　　${blocks.join('、')}`,
    `予約番号　${formatReservationCode(code)}`,
  ];
}

/** The facility desk declined a 仮予約, with a reason the citizen should read. */
export function facilityDeclinedMail(facts: FacilityMailFacts, reason: string): { subject: string; body: string } {
  const first = facts.dates[0] ?? '';
  const ask = facts.facility.phone ? [`わからないことは、${facts.facility.name}（電話 ${facts.facility.phone}）にお問い合わせください。`] : [];
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
      '予約したときの管理用のリンク（QRコード）から、この予約の画面でも理由を確かめられます。',
      ...ask,
      '',
      SIGNATURE,
    ].join('\n'),
  };
}
