import { z } from 'zod';
import { formatJapaneseDate, formatTime, japanClock } from './japan-time.ts';

/**
 * Where a booking is open: each device holds its own management link (made when booking, or when
 * the booking was found again by code + phone). The citizen sees them and can close all but the
 * one in hand, for example after looking a booking up on a borrowed phone.
 */
export const managementLinkSchema = z.strictObject({
  id: z.number().int(),
  openedBy: z.enum(['booking', 'lookup']),
  /** ISO instant. */
  openedAt: z.string(),
  /** True for the link of the device asking. */
  current: z.boolean(),
});
export type ManagementLink = z.infer<typeof managementLinkSchema>;

/** 「予約した端末（12月1日 10:30）」 — a link as a person reads it. */
export function describeLink(link: ManagementLink): string {
  const clock = japanClock(new Date(link.openedAt));
  const when = `${formatJapaneseDate(clock.date)} ${formatTime(clock.minutes)}`;
  const how = link.openedBy === 'booking' ? '予約した端末' : '予約番号と電話番号で開いた端末';
  return `${how}（${when}）${link.current ? '・この端末' : ''}`;
}
