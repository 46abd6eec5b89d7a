import { createDeviceList, hasStringFields } from '../../client/device-list.ts';

/**
 * The bookings made on this device, so 「予約の確認・変更・取消」 can list them without asking for
 * anything. Only what is needed to open them again: code, secret token, day, time and kind.
 */
export interface SavedBooking {
  code: string;
  token: string;
  date: string;
  time: string;
  kindId: string;
}

const list = createDeviceList(
  'tsunagaru-togane:counter-bookings',
  hasStringFields<SavedBooking>(['code', 'token', 'date', 'time', 'kindId']),
  (booking) => `${booking.date}${booking.time}`,
);

export const saveBooking = list.save;
export const findSavedBooking = list.find;
export const forgetBooking = list.forget;
export const useSavedBookings = list.useAll;
