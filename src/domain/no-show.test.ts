import { describe, expect, it } from 'vitest';
import { mayMarkNoShow } from './no-show.ts';

describe('mayMarkNoShow', () => {
  it('waits for the booking’s time in Japan, whatever the machine’s zone', () => {
    // 10:30 in Japan is 01:30 UTC.
    expect(mayMarkNoShow('2027-01-12T10:30', new Date('2027-01-12T01:29:59Z'))).toBe(false);
    expect(mayMarkNoShow('2027-01-12T10:30', new Date('2027-01-12T01:30:00Z'))).toBe(true);
    expect(mayMarkNoShow('2027-01-12T10:30', new Date('2027-01-13T00:00:00Z'))).toBe(true);
  });

  it('refuses a slot it cannot read', () => {
    expect(mayMarkNoShow('2027-01-12T', new Date('2030-01-01T00:00:00Z'))).toBe(false);
  });
});
