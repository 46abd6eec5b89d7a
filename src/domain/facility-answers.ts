import { MAX_AVAILABILITY_RANGE_DAYS } from './date-range.ts';
import { dayAvailability } from './day-availability.ts';
import type { Facility, Room } from './facilities.ts';
import type { FacilityChoice, FacilityDay, FacilityQuote } from './facility-booking.ts';
import {
  blockFee,
  blockSegments,
  cancelDeadline,
  checkChoice,
  choiceProblemMessage,
  closedLabel,
  dayRefusal,
  facilityClosedReason,
  provisionalDeadline,
  totalFee,
} from './facility-rules.ts';
import { daysFrom, type IsoDate, type JapanClock } from './japan-time.ts';

/**
 * The answers of the facilities API that follow from content, a clock and the blocks already held:
 * the server computes them over its database, the practice mode over its own practice data.
 */
export const FACILITY_MESSAGES = {
  notFound: '予約が見つかりませんでした。予約番号と、管理用のリンクをお確かめください。',
  roomNotFound: '施設または部屋が見つかりませんでした。',
  sample: (name: string) =>
    `${name}は見本の施設のため、実際には予約できません。予約は行われていません。予約の流れは、スマホ講座の練習モードで最後まで試せます。`,
  notPortal: (name: string) => `${name}は、このアプリでは予約できません。施設のページで予約の方法をご覧ください。`,
  taken: '選んだ時間の一部が、ちょうどほかの方の予約で埋まりました。空き状況を見て、選び直してください。',
  takenField: 'この時間は予約で埋まっています。',
  cancelled: 'この予約は取り消されています。',
  tooManyPeople: (room: string, capacity: number) => `${room}は${String(capacity)}人までです。`,
  noChanges: (name: string) => `${name}の予約は変更できません。取り消してから、あらためて予約してください。`,
  tooLateToChange: '使う日が近いため、このアプリでは変更できません。施設へご連絡ください。',
  tooLateToCancel: '使う日が近いため、このアプリでは取り消せません。施設へご連絡ください。',
} as const;

/**
 * Each day's ○△× and blocks for a room from `first` to `last`; `held` holds the segments taken,
 * as 'YYYY-MM-DDTHH:MM'. Where キャンセル待ち is offered (`waitlist`), a taken block of a day that can
 * be booked says so: whether the city's own use holds it is for joining to say.
 */
export function facilityDays(
  facility: Facility,
  room: Room,
  first: IsoDate,
  last: IsoDate,
  clock: JapanClock,
  held: ReadonlySet<string>,
  waitlist = false,
): FacilityDay[] {
  const result: FacilityDay[] = [];
  for (const date of daysFrom(first, last, MAX_AVAILABILITY_RANGE_DAYS + 1)) {
    const closed = facilityClosedReason(date, facility.closed);
    if (closed) {
      result.push({ date, availability: 'closed', closedReason: closedLabel(closed), blocks: [] });
      continue;
    }
    const inWindow = dayRefusal(date, clock.date, facility, room) === null;
    const blocks = facility.blocks.map((block) => {
      const free = blockSegments(facility.blocks, block).every((segment) => !held.has(`${date}T${segment}`));
      return { id: block.id, free, bookable: inWindow && free, ...(waitlist ? { waitlist: inWindow && !free } : {}) };
    });
    result.push({
      date,
      availability: inWindow
        ? dayAvailability(
            blocks.map((block) => (block.free ? 1 : 0)),
            1,
          )
        : 'closed',
      closedReason: inWindow ? null : '受付期間の外です',
      blocks,
    });
  }
  return result;
}

export type PricedChoice = { ok: true; dates: IsoDate[]; quote: FacilityQuote } | { ok: false; message: string; path: 'dates' | 'blockIds' };

/** Checks a choice against the rules and prices it from content; the client never sends a fee. */
export function priceChoice(choice: FacilityChoice, facility: Facility, room: Room, clock: JapanClock): PricedChoice {
  const problem = checkChoice(choice, facility, room, clock);
  if (problem) {
    return { ok: false, message: choiceProblemMessage(problem), path: problem.kind !== 'day' && problem.kind.includes('block') ? 'blockIds' : 'dates' };
  }
  const dates = [...new Set(choice.dates)].sort();
  const blockIds = facility.blocks.map((block) => block.id).filter((id) => choice.blockIds.includes(id));
  const first = dates[0] ?? clock.date;
  const lines = blockIds.map((blockId) => ({
    blockId,
    label: facility.blocks.find((block) => block.id === blockId)?.label ?? blockId,
    perDay: blockFee(room, blockId, choice.residency, choice.group) ?? 0,
    days: dates.length,
  }));
  const fee = totalFee(room, { dates, blockIds }, choice.residency, choice.group) ?? 0;
  const applyBy = facility.inPersonApplication ? provisionalDeadline(clock, first, facility.inPersonApplication.withinDays).date : null;
  return { ok: true, dates, quote: { fee, lines, provisional: applyBy !== null, applyBy, cancelUntil: cancelDeadline(first, facility) } };
}

/** The segments a choice of days and blocks holds. */
export function choiceSegments(facility: Facility, dates: readonly IsoDate[], blockIds: readonly string[]): { date: IsoDate; segment: string }[] {
  const blocks = facility.blocks.filter((block) => blockIds.includes(block.id));
  return dates.flatMap((date) => blocks.flatMap((block) => blockSegments(facility.blocks, block).map((segment) => ({ date, segment }))));
}
