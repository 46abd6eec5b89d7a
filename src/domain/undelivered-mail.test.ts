import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withoutAddresses } from './undelivered-mail.ts';

describe('withoutAddresses', () => {
  it('hides the recipient in a mail server’s answer and keeps the rest', () => {
    expect(withoutAddresses('550 5.1.1 <taro.togane@example.jp>: Recipient address rejected')).toBe('550 5.1.1 （宛先） Recipient address rejected');
    expect(withoutAddresses('connect ECONNREFUSED 127.0.0.1:2525')).toBe('connect ECONNREFUSED 127.0.0.1:2525');
    expect(withoutAddresses(null)).toBeNull();
  });

  it('never lets an address through, and stays short', () => {
    fc.assert(
      fc.property(fc.string(), fc.emailAddress(), fc.string(), (before, address, after) => {
        const shown = withoutAddresses(`${before} ${address} ${after}`) ?? '';
        expect(shown).not.toContain(address);
        expect(shown.length).toBeLessThanOrEqual(201);
      }),
    );
  });
});
