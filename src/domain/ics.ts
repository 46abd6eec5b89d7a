import ical from 'ical-generator';
import { type IsoDate, japanInstant } from './japan-time.ts';

/**
 * A one-event iCalendar file (RFC 5545), so a booking can be added to the phone's calendar.
 * Times are written in UTC from Japan time, which every calendar app reads the same way.
 * The format's escaping and line folding are ical-generator's; what the event says is ours.
 */
export interface CalendarEvent {
  uid: string;
  date: IsoDate;
  startMinutes: number;
  durationMinutes: number;
  title: string;
  location: string;
  description: string;
  /** When the file was made. */
  stamp: Date;
}

export function buildIcs(event: CalendarEvent): string {
  const calendar = ical({ prodId: { company: 'Togane City', product: 'Tsunagaru Togane', language: 'JA' } });
  calendar.createEvent({
    id: event.uid,
    stamp: event.stamp,
    start: japanInstant(event.date, event.startMinutes),
    end: japanInstant(event.date, event.startMinutes + event.durationMinutes),
    summary: event.title,
    location: event.location,
    description: event.description,
  });
  // RFC 5545 ends every content line with CRLF, the last one too; the library leaves the last one bare.
  return `${calendar.toString()}\r\n`;
}

/**
 * A booking as a calendar file for a download link: a data: address, so it works offline and
 * nothing is sent. Its id is the booking's code, so adding it twice updates the one event.
 */
export function bookingCalendarHref(code: string, event: Omit<CalendarEvent, 'uid' | 'stamp'>): string {
  const ics = buildIcs({ ...event, uid: `${code}@tsunagaru-togane`, stamp: new Date() });
  return `data:text/calendar;charset=utf-8,${encodeURIComponent(ics)}`;
}
