import { useSyncExternalStore } from 'react';

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

const KEY = 'tsunagaru-togane:counter-bookings';
const listeners = new Set<() => void>();
let cache: { raw: string | null; value: SavedBooking[] } = { raw: null, value: [] };

function isSavedBooking(value: unknown): value is SavedBooking {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return ['code', 'token', 'date', 'time', 'kindId'].every((field) => typeof record[field] === 'string');
}

function readRaw(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function savedBookings(): SavedBooking[] {
  const raw = readRaw();
  if (raw === cache.raw) return cache.value;
  let value: SavedBooking[] = [];
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    value = Array.isArray(parsed) ? parsed.filter(isSavedBooking) : [];
  } catch {
    value = [];
  }
  cache = { raw, value };
  return value;
}

function write(bookings: SavedBooking[]): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(bookings));
  } catch {
    // Storage switched off: the booking still exists; the code and phone find it again.
  }
  listeners.forEach((listener) => listener());
}

export function saveBooking(booking: SavedBooking): void {
  write([...savedBookings().filter((saved) => saved.code !== booking.code), booking].sort((a, b) => `${a.date}${a.time}`.localeCompare(`${b.date}${b.time}`)));
}

export function forgetBooking(code: string): void {
  write(savedBookings().filter((saved) => saved.code !== code));
}

export function findSavedBooking(code: string): SavedBooking | undefined {
  return savedBookings().find((saved) => saved.code === code);
}

export function useSavedBookings(): SavedBooking[] {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, savedBookings);
}
