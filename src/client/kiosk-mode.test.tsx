import { describe, expect, it } from 'vitest';
import { KIOSK_STORAGE_KEY } from '../domain/kiosk.ts';
import { createDeviceList } from './device-list.ts';
import { endKioskMode, isKioskMode, kioskSetting, startKioskMode } from './kiosk-mode.ts';

interface Saved {
  code: string;
  token: string;
}
const isSaved = (value: unknown): value is Saved => typeof value === 'object' && value !== null && 'code' in value;

describe('kiosk mode on this device', () => {
  it('is one localStorage entry with the idle time, and marks the page', () => {
    expect(isKioskMode()).toBe(false);
    startKioskMode({ idleSeconds: 120 });
    expect(window.localStorage.getItem(KIOSK_STORAGE_KEY)).toBe('{"idleSeconds":120}');
    expect(kioskSetting()).toEqual({ idleSeconds: 120 });
    expect(document.documentElement.dataset.kiosk).toBe('');
    endKioskMode();
    expect(isKioskMode()).toBe(false);
    expect(document.documentElement.dataset.kiosk).toBeUndefined();
  });

  it('keeps bookings in memory only for the current person, never in storage', () => {
    const list = createDeviceList('test:bookings', isSaved, (item) => item.code);
    startKioskMode({ idleSeconds: 90 });
    try {
      list.save({ code: 'ABCD2345', token: 'secret-token-of-the-booking' });
      expect(list.find('ABCD2345')?.token).toBe('secret-token-of-the-booking');
      expect(window.localStorage.getItem('test:bookings')).toBeNull();
      expect(Object.keys(window.localStorage)).toEqual([KIOSK_STORAGE_KEY]);
      list.forget('ABCD2345');
      expect(list.find('ABCD2345')).toBeUndefined();
    } finally {
      endKioskMode();
    }
    // Off the kiosk the same list is kept on the device as before.
    list.save({ code: 'EFGH2345', token: 'another-token' });
    expect(window.localStorage.getItem('test:bookings')).toContain('EFGH2345');
  });
});
