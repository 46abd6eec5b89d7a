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

/** Where each kind of booking is managed in the portal. */
const MANAGEMENT_PAGES = {
  counter: '/mynumber/reservations/',
  facility: '/facilities/bookings/',
} as const;

export type BookingPlace = keyof typeof MANAGEMENT_PAGES;

/**
 * A booking's management link: its page, with the token in the fragment, which browsers never send
 * to a server. The booking's QR code carries it, so another phone can open the booking.
 */
export function managementLinkUrl(origin: string, place: BookingPlace, code: string, token: string): string {
  return `${origin}${bookingPagePath(place, code)}#token=${token}`;
}

/** A booking's page without its token: it opens on a device that holds the booking (a push notification's tap). */
export function bookingPagePath(place: BookingPlace, code: string): string {
  return `${MANAGEMENT_PAGES[place]}${code}`;
}

/**
 * The booking code in what a desk's reader or a clerk gave: the code as typed (ABCD-2345), or the
 * booking's QR code, which is its management link. Only the code is taken from a link; its token
 * is dropped here and never sent, so a scan opens nothing but the check-in. Returns the text that
 * stands for the code, to check as a code, or a refusal when the link is not a booking of `place`.
 */
export function codeFromScan(text: string, place: BookingPlace): { code: string } | { refusal: string } {
  const trimmed = text.trim();
  if (!/^https?:\/\//i.test(trimmed)) return { code: trimmed };
  let path: string;
  try {
    path = new URL(trimmed).pathname;
  } catch {
    return { refusal: 'QRコードを読み取れませんでした。予約番号を入力してください。' };
  }
  for (const [other, page] of Object.entries(MANAGEMENT_PAGES)) {
    if (!path.startsWith(page)) continue;
    if (other !== place) return { refusal: other === 'facility' ? 'これは施設の予約のQRコードです。' : 'これはマイナンバーカードの窓口の予約のQRコードです。' };
    return { code: decodeURIComponent(path.slice(page.length)) };
  }
  return { refusal: 'この予約のQRコードではありません。予約番号を入力してください。' };
}
