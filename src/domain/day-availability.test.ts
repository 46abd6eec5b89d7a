import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partlyClosedReasons } from './day-availability.ts';

describe('partlyClosedReasons', () => {
  it('names each reason once, in the order of the day', () => {
    const slots = [
      { closedReason: null },
      { closedReason: '庁舎の清掃のため' },
      { closedReason: '庁舎の清掃のため' },
      { closedReason: null },
      { closedReason: 'システムの点検のため' },
    ];
    expect(partlyClosedReasons(slots)).toBe('庁舎の清掃のため、システムの点検のため');
  });

  it('is null for a day the city closed no time of, and for an answer without times', () => {
    expect(partlyClosedReasons([{ closedReason: null }, { closedReason: null }])).toBeNull();
    expect(partlyClosedReasons([])).toBeNull();
    expect(partlyClosedReasons(undefined)).toBeNull();
  });

  it('is null exactly when no time has a reason, and then names every reason', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.constantFrom('点検', '清掃', '研修'), { nil: null })), (reasons) => {
        const named = partlyClosedReasons(reasons.map((closedReason) => ({ closedReason })));
        const given = reasons.filter((reason) => reason !== null);
        if (given.length === 0) expect(named).toBeNull();
        else expect(named?.split('、').sort()).toEqual([...new Set(given)].sort());
      }),
    );
  });
});
