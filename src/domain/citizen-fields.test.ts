import { describe, expect, it } from 'vitest';
import { formatPhoneNumber, phoneSchema } from './citizen-fields.ts';

describe('phone numbers', () => {
  it('accepts full-width digits, 「ー」 and brackets, and keeps the digits alone', () => {
    expect(phoneSchema.parse('０４７５ー１２ー３４５６')).toBe('0475123456');
    expect(phoneSchema.parse('(0475) 12－3456')).toBe('0475123456');
    expect(phoneSchema.safeParse('0475ー12ー345').success).toBe(false);
  });

  it('shows back what was typed as half-width digits and hyphens, in the groups the citizen chose', () => {
    expect(formatPhoneNumber('０４７５ー１２ー３４５６')).toBe('0475-12-3456');
    expect(formatPhoneNumber('0475 12 3456')).toBe('0475-12-3456');
    expect(formatPhoneNumber('０９０‐１２３４‐５６７８')).toBe('090-1234-5678');
    expect(formatPhoneNumber('（0475）12-3456')).toBe('0475-12-3456');
  });

  it('groups a number typed in one piece the usual way, and never guesses an unknown area code', () => {
    expect(formatPhoneNumber('０４７５１２３４５６')).toBe('0475-12-3456');
    expect(formatPhoneNumber('09012345678')).toBe('090-1234-5678');
    expect(formatPhoneNumber('0120123456')).toBe('0120-123-456');
    expect(formatPhoneNumber('0312345678')).toBe('03-1234-5678');
    expect(formatPhoneNumber('0431234567')).toBe('043-123-4567');
    expect(formatPhoneNumber('0471234567')).toBe('047-123-4567');
    expect(formatPhoneNumber('0412345678')).toBe('04-1234-5678');
    expect(formatPhoneNumber('0551234567')).toBe('0551234567');
  });
});
