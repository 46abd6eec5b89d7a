import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, nthBirthdayAfter, validityFromIssue, validityOn } from './card-validity.ts';
import { addDays } from './japan-time.ts';

describe('card and e-certificate validity', () => {
  it('runs an adult card to the 10th birthday after issue and its certificate to the 5th', () => {
    const validity = validityFromIssue('1960-04-15', '2021-06-01', '2026-11-24');
    expect(validity.card.expires).toBe('2031-04-15');
    expect(validity.certificate).toEqual({ expires: '2026-04-15', renewalOpens: '2026-01-15', state: 'expired' });
  });

  it('runs a card issued under 18 to the 5th birthday, and the certificate never past the card', () => {
    const validity = validityFromIssue('2015-08-20', '2022-03-01', '2026-11-24');
    expect(validity.card.expires).toBe('2026-08-20');
    expect(validity.certificate.expires).toBe('2026-08-20');
  });

  it('does not count a birthday on the issue day itself', () => {
    expect(nthBirthdayAfter('1980-06-01', '2024-06-01', 1)).toBe('2025-06-01');
    expect(nthBirthdayAfter('1980-06-01', '2024-05-31', 1)).toBe('2024-06-01');
  });

  it('opens renewal 3 months before expiry', () => {
    expect(validityOn('2027-02-10', '2026-11-09').state).toBe('valid');
    expect(validityOn('2027-02-10', '2026-11-10')).toEqual({ expires: '2027-02-10', renewalOpens: '2026-11-10', state: 'renewable' });
    expect(validityOn('2027-02-10', '2027-02-11').state).toBe('expired');
  });

  it('treats a 29 February birthday as 28 February in other years', () => {
    expect(nthBirthdayAfter('2000-02-29', '2025-01-01', 1)).toBe('2025-02-28');
    expect(nthBirthdayAfter('2000-02-29', '2025-01-01', 3)).toBe('2027-02-28');
    expect(nthBirthdayAfter('2000-02-29', '2025-01-01', 4)).toBe('2028-02-29');
  });

  it('always ends the certificate on or before the card, both after the issue day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 36_000 }), fc.integer({ min: 0, max: 30_000 }), (birthOffset, issueOffset) => {
        const birthDate = addDays('1930-01-01', birthOffset);
        const issueDate = addDays(birthDate, issueOffset);
        const { card, certificate } = validityFromIssue(birthDate, issueDate, '2026-11-24');
        expect(certificate.expires <= card.expires).toBe(true);
        expect(certificate.expires > issueDate).toBe(true);
        expect(ageOn(birthDate, card.expires) - ageOn(birthDate, issueDate)).toBeLessThanOrEqual(10);
      }),
    );
  });
});
