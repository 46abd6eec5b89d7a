import { type IsoDate, japanInstant } from './japan-time.ts';

/**
 * A one-event iCalendar file (RFC 5545), so a booking can be added to the phone's calendar.
 * Times are written in UTC from Japan time, which every calendar app reads the same way.
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

function utcStamp(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/([,;])/g, '\\$1');
}

/** Lines longer than 75 octets are folded, as the format requires (Japanese takes 3 octets a character). */
const encoder = new TextEncoder();

function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  for (const character of line) {
    if (encoder.encode(current + character).length > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
    }
    current += character;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export function buildIcs(event: CalendarEvent): string {
  const start = japanInstant(event.date, event.startMinutes);
  const end = japanInstant(event.date, event.startMinutes + event.durationMinutes);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Togane City//Tsunagaru Togane//JA',
    'CALSCALE:GREGORIAN',
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${utcStamp(event.stamp)}`,
    `DTSTART:${utcStamp(start)}`,
    `DTEND:${utcStamp(end)}`,
    `SUMMARY:${escapeText(event.title)}`,
    `LOCATION:${escapeText(event.location)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
