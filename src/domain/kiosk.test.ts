import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KIOSK_COUNTDOWN_SECONDS, KIOSK_DEFAULT_IDLE_SECONDS, KIOSK_IDLE_CHOICES, parseKioskSetting, serializeKioskSetting } from './kiosk.ts';
import { kioskPinSchema } from './kiosk-api.ts';

describe('kiosk setting', () => {
  it('reads back every idle time staff can choose', () => {
    for (const idleSeconds of KIOSK_IDLE_CHOICES) {
      expect(parseKioskSetting(serializeKioskSetting({ idleSeconds }))).toEqual({ idleSeconds });
    }
    expect(KIOSK_IDLE_CHOICES).toContain(KIOSK_DEFAULT_IDLE_SECONDS);
  });

  it('gives at least 20 seconds to answer the question (WCAG 2.2.1)', () => {
    expect(KIOSK_COUNTDOWN_SECONDS).toBeGreaterThanOrEqual(20);
  });

  it('refuses anything else that could be stored', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((value) => JSON.stringify(value)),
        ),
        (raw) => {
          const setting = parseKioskSetting(raw);
          return setting === null || (KIOSK_IDLE_CHOICES as readonly number[]).includes(setting.idleSeconds);
        },
      ),
    );
    expect(parseKioskSetting(null)).toBeNull();
    expect(parseKioskSetting('{"idleSeconds":5}')).toBeNull();
    expect(parseKioskSetting('on')).toBeNull();
  });

  it('accepts a PIN of 6 to 12 digits only, with a Japanese message', () => {
    expect(kioskPinSchema.safeParse({ pin: '123456' }).success).toBe(true);
    expect(kioskPinSchema.safeParse({ pin: '123456789012' }).success).toBe(true);
    const short = kioskPinSchema.safeParse({ pin: '12345' });
    expect(short.success).toBe(false);
    expect(short.error?.issues[0]?.message).toBe('暗証番号は6～12けたの数字で入力してください。');
    expect(kioskPinSchema.safeParse({ pin: '１２３４５６' }).success).toBe(false);
    expect(kioskPinSchema.safeParse({ pin: 123456 }).success).toBe(false);
  });
});
