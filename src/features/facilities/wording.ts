import type { Facility } from '../../domain/facilities.ts';

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
