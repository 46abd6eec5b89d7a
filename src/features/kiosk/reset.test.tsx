import { describe, expect, it } from 'vitest';
import { KIOSK_STORAGE_KEY } from '../../domain/kiosk.ts';
import { clearWebStorage } from './reset.ts';

describe('the reset between two people', () => {
  it('empties localStorage but the kiosk setting, and sessionStorage entirely', () => {
    window.localStorage.setItem(KIOSK_STORAGE_KEY, '{"idleSeconds":90}');
    window.localStorage.setItem('tsunagaru-togane:text-size', 'standard');
    window.localStorage.setItem('tsunagaru-togane:counter-bookings', '[{"code":"ABCD2345"}]');
    window.localStorage.setItem('something-else', 'x');
    window.sessionStorage.setItem('tsunagaru-togane:counter-draft', '{"nameKana":"トウガネ"}');
    clearWebStorage();
    expect(Object.keys(window.localStorage)).toEqual([KIOSK_STORAGE_KEY]);
    expect(window.sessionStorage.length).toBe(0);
  });
});
