/**
 * キオスクモード (the city's own touch screen at the counter). It is a setting of the device, switched
 * on by staff with a PIN the server checks; it keeps citizens from leaving the portal or finding the
 * previous person's screens. It is not a lock on any data: the API answers a kiosk like any browser.
 * No zod here: the home screen reads the setting, and zod stays out of its bundle (see kiosk-api.ts).
 */

/**
 * localStorage key of the kiosk setting: the only thing the reset between two people keeps.
 * `public/display-settings.js` reads the same key before the first paint.
 */
export const KIOSK_STORAGE_KEY = 'tsunagaru-togane:kiosk';

/** Seconds without a touch before the 「続けますか」 question; staff choose on the setup screen. */
export const KIOSK_IDLE_CHOICES = [60, 90, 120, 180, 300] as const;
export const KIOSK_DEFAULT_IDLE_SECONDS = 90;

/** The question counts down this long before the reset (WCAG 2.2.1 asks for at least 20 s). */
export const KIOSK_COUNTDOWN_SECONDS = 30;

export interface KioskSetting {
  idleSeconds: number;
}

/** What was stored may be anything (an old version, a hand edit): only a known idle time counts. */
export function parseKioskSetting(raw: unknown): KioskSetting | null {
  if (typeof raw !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || !('idleSeconds' in parsed)) return null;
    const { idleSeconds } = parsed;
    return (KIOSK_IDLE_CHOICES as readonly unknown[]).includes(idleSeconds) ? { idleSeconds: idleSeconds as number } : null;
  } catch {
    return null;
  }
}

export function serializeKioskSetting(setting: KioskSetting): string {
  return JSON.stringify({ idleSeconds: setting.idleSeconds });
}

/** The staff PIN: 6 to 12 digits, the same rule for `npm run kiosk:pin-hash` and the API. */
export const KIOSK_PIN_PATTERN = /^[0-9]{6,12}$/;
export const KIOSK_PIN_MESSAGE = '暗証番号は6～12けたの数字で入力してください。';
