import type { Facility, TimeBlock } from '../../domain/facilities.ts';
import { formatTime, parseTime } from '../../domain/japan-time.ts';

/** How a facility is booked, in the words the list and the facility page both use. */
export const ROUTE_LABELS: Record<Facility['route']['kind'], string> = {
  portal: 'このアプリで予約できます',
  elsewhere: 'ほかの予約のしくみで予約します',
  phone: '電話で予約します',
};

/** What every screen of a facility marked as a sample says, from its page to its booking. */
export const SAMPLE_NOTICE = '見本の施設です。予約の流れを試せますが、実際には使えません。';

/** The booking of a sample: there is no room to go to. */
export const SAMPLE_BOOKING_NOTICE = '見本の施設の予約です。この施設は実際にはないため、当日行っても使えません。';

/** 午前（9:00～12:00）; a block already named by its times is shown as it is. */
export function blockText(block: TimeBlock): string {
  const times = `${formatTime(parseTime(block.start) ?? 0)}～${formatTime(parseTime(block.end) ?? 0)}`;
  return block.label === times ? times : `${block.label}（${times}）`;
}
