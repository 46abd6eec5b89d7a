import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { counter } from '../content/counter.ts';
import { acceptRefusal, formatHoldTime, MIN_HOLD_MINUTES } from './waitlist-queue.ts';
import { joinRefusal, offerHeldUntil, publicSeatsLeft, settleWaitlist, type WaitlistSlot, waitlistOfferMail } from './counter-waitlist.ts';

type EntryState = 'waiting' | 'offered' | 'accepted' | 'declined' | 'expired';
interface Entry {
  id: number;
  contact: string;
  state: EntryState;
  heldUntil: string | null;
}

/** A slot as a store keeps it, with the queue's rules applied the way the stores apply them. */
class SlotModel {
  seats: number;
  taken = 0;
  bookings = 0;
  entries: Entry[] = [];
  now = Date.parse('2026-12-01T00:00:00Z');
  private nextId = 1;

  constructor(
    seats: number,
    private readonly holdMinutes: number,
    private readonly maxWaiting: number,
  ) {
    this.seats = seats;
  }

  view(): WaitlistSlot {
    const active = this.entries.filter((entry) => entry.state === 'waiting' || entry.state === 'offered');
    return {
      seats: this.seats,
      taken: this.taken,
      entries: active.map(({ id, state, heldUntil }) => ({ id, state: state as 'waiting' | 'offered', heldUntil })),
    };
  }

  settle(): void {
    const step = settleWaitlist(this.view(), new Date(this.now), Number.MAX_SAFE_INTEGER);
    for (const id of step.expire) {
      this.entry(id).state = 'expired';
      this.taken -= 1;
    }
    for (const id of step.offer) {
      Object.assign(this.entry(id), { state: 'offered', heldUntil: new Date(this.now + this.holdMinutes * 60_000).toISOString() });
      this.taken += 1;
    }
  }

  entry(id: number): Entry {
    const found = this.entries.find((entry) => entry.id === id);
    if (!found) throw new Error(`no entry ${String(id)}`);
    return found;
  }

  join(contact: string): void {
    const already = this.entries.some((entry) => entry.contact === contact && (entry.state === 'waiting' || entry.state === 'offered'));
    if (joinRefusal(this.view(), already, this.maxWaiting) === null) this.entries.push({ id: this.nextId++, contact, state: 'waiting', heldUntil: null });
  }

  bookPublic(): void {
    if (publicSeatsLeft(this.view()) > 0) {
      this.taken += 1;
      this.bookings += 1;
    }
  }

  cancelBooking(): void {
    if (this.bookings === 0) return;
    this.bookings -= 1;
    this.taken -= 1;
    this.settle();
  }

  accept(index: number): void {
    const entry = this.entries[index % Math.max(1, this.entries.length)];
    if (!entry || acceptRefusal(entry, new Date(this.now)) !== null) return;
    entry.state = 'accepted';
    this.bookings += 1;
  }

  decline(index: number): void {
    const entry = this.entries[index % Math.max(1, this.entries.length)];
    if (entry?.state !== 'offered') return;
    entry.state = 'declined';
    this.taken -= 1;
    this.settle();
  }

  setSeats(seats: number): void {
    // The city cannot take away a seat that is booked or held (the stores refuse it).
    this.seats = Math.max(seats, this.taken);
    this.settle();
  }

  pass(minutes: number): void {
    this.now += minutes * 60_000;
    this.settle();
  }
}

const operation = fc.oneof(
  fc.record({ op: fc.constant('join' as const), who: fc.integer({ min: 0, max: 12 }) }),
  fc.record({ op: fc.constant('book' as const) }),
  fc.record({ op: fc.constant('cancel' as const) }),
  fc.record({ op: fc.constant('accept' as const), index: fc.nat(30) }),
  fc.record({ op: fc.constant('decline' as const), index: fc.nat(30) }),
  fc.record({ op: fc.constant('seats' as const), seats: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ op: fc.constant('pass' as const), minutes: fc.integer({ min: 1, max: 200 }) }),
);

function run(model: SlotModel, step: { op: string; who?: number; index?: number; seats?: number; minutes?: number }) {
  if (step.op === 'join') model.join(`person${String(step.who)}@example.jp`);
  if (step.op === 'book') model.bookPublic();
  if (step.op === 'cancel') model.cancelBooking();
  if (step.op === 'accept') model.accept(step.index ?? 0);
  if (step.op === 'decline') model.decline(step.index ?? 0);
  if (step.op === 'seats') model.setSeats(step.seats ?? 0);
  if (step.op === 'pass') model.pass(step.minutes ?? 0);
}

describe('the キャンセル待ち queue', () => {
  const scenario = fc.record({ seats: fc.integer({ min: 1, max: 4 }), hold: fc.integer({ min: 15, max: 180 }), steps: fc.array(operation, { maxLength: 60 }) });

  it('never goes over the seats: bookings and held offers together fit, and each seat has one holder', () => {
    fc.assert(
      fc.property(scenario, ({ seats, hold, steps }) => {
        const model = new SlotModel(seats, hold, 10);
        for (const step of steps) {
          run(model, step);
          const offered = model.entries.filter((entry) => entry.state === 'offered').length;
          expect(model.taken).toBe(model.bookings + offered);
          expect(model.taken).toBeLessThanOrEqual(model.seats);
          // One entry per contact while it is in the queue.
          const active = model.entries.filter((entry) => entry.state === 'waiting' || entry.state === 'offered').map((entry) => entry.contact);
          expect(new Set(active).size).toBe(active.length);
          expect(active.length).toBeLessThanOrEqual(10);
        }
      }),
    );
  });

  it('offers seats in the order people joined', () => {
    fc.assert(
      fc.property(scenario, ({ seats, hold, steps }) => {
        const model = new SlotModel(seats, hold, 10);
        for (const step of steps) {
          run(model, step);
          const stillWaiting = model.entries.filter((entry) => entry.state === 'waiting').map((entry) => entry.id);
          const reached = model.entries.filter((entry) => entry.state !== 'waiting').map((entry) => entry.id);
          if (stillWaiting.length > 0 && reached.length > 0) expect(Math.max(...reached)).toBeLessThan(Math.min(...stillWaiting));
        }
      }),
    );
  });

  it('lets no offer outlive its time, and passes a lapsed or declined seat down at once', () => {
    fc.assert(
      fc.property(scenario, ({ seats, hold, steps }) => {
        const model = new SlotModel(seats, hold, 10);
        for (const step of steps) {
          run(model, step);
          for (const entry of model.entries.filter((candidate) => candidate.state === 'offered')) {
            expect(Date.parse(entry.heldUntil ?? '')).toBeGreaterThan(model.now);
          }
          // Nobody waits while a seat is free: a freed seat went to the next in line.
          if (model.entries.some((entry) => entry.state === 'waiting')) expect(model.taken).toBe(model.seats);
        }
      }),
    );
  });

  it('makes no offer when the caller cannot hold a seat (too close to the slot)', () => {
    const slot: WaitlistSlot = { seats: 2, taken: 1, entries: [{ id: 1, state: 'waiting', heldUntil: null }] };
    expect(settleWaitlist(slot, new Date(), 0)).toEqual({ expire: [], offer: [] });
    expect(settleWaitlist(slot, new Date(), 3)).toEqual({ expire: [], offer: [1] });
  });

  it('refuses to queue where a seat can simply be booked, twice for one contact, past its length, or on a closed slot', () => {
    const full: WaitlistSlot = { seats: 2, taken: 2, entries: [] };
    expect(joinRefusal(full, false, 1)).toBeNull();
    expect(joinRefusal({ ...full, taken: 1 }, false, 1)).toBe('seats-free');
    expect(joinRefusal(full, true, 1)).toBe('already-waiting');
    expect(joinRefusal({ ...full, entries: [{ id: 1, state: 'waiting', heldUntil: null }] }, false, 1)).toBe('queue-full');
    expect(joinRefusal({ seats: 0, taken: 0, entries: [] }, false, 1)).toBe('closed');
  });
});

describe('offerHeldUntil', () => {
  it('holds for the content’s time, but never past the slot’s booking cut-off', () => {
    // Slot 2026-12-10 10:00 Japan = 01:00Z; cut-off 60 minutes before = 00:00Z.
    expect(offerHeldUntil(new Date('2026-12-09T00:00:00Z'), '2026-12-10T10:00', counter)?.toISOString()).toBe('2026-12-09T02:00:00.000Z');
    expect(offerHeldUntil(new Date('2026-12-09T23:00:00Z'), '2026-12-10T10:00', counter)?.toISOString()).toBe('2026-12-10T00:00:00.000Z');
  });

  it(`makes no offer with less than ${String(MIN_HOLD_MINUTES)} minutes to hold it`, () => {
    expect(offerHeldUntil(new Date('2026-12-09T23:46:00Z'), '2026-12-10T10:00', counter)).toBeNull();
    expect(offerHeldUntil(new Date('2026-12-09T23:45:00Z'), '2026-12-10T10:00', counter)).not.toBeNull();
  });
});

describe('acceptRefusal', () => {
  it('accepts a held offer until its time, and nothing else', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(acceptRefusal({ state: 'offered', heldUntil: '2026-12-01T00:00:01Z' }, now)).toBeNull();
    expect(acceptRefusal({ state: 'offered', heldUntil: '2026-12-01T00:00:00Z' }, now)).toBe('expired');
    expect(acceptRefusal({ state: 'waiting', heldUntil: null }, now)).toBe('not-offered');
    expect(acceptRefusal({ state: 'accepted', heldUntil: '2026-12-02T00:00:00Z' }, now)).toBe('not-offered');
  });
});

describe('waitlistOfferMail', () => {
  it('says the day, time, place, until when, and the link; nothing personal', () => {
    const mail = waitlistOfferMail({
      slot: '2026-12-10T10:00',
      kindName: 'カードの受け取り',
      counter,
      heldUntil: new Date('2026-12-09T02:00:00Z'),
      acceptUrl: 'https://togane.example.jp/mynumber/waitlist#token=abc',
    });
    expect(mail.subject).toContain('空きが出ました');
    expect(mail.body).toContain('2026年12月10日');
    expect(mail.body).toContain('10:00から');
    expect(mail.body).toContain(counter.place);
    expect(mail.body).toContain('11:00まで');
    expect(mail.body).toContain('https://togane.example.jp/mynumber/waitlist#token=abc');
  });
});

describe('formatHoldTime', () => {
  it('says the hold as a citizen would', () => {
    expect(formatHoldTime(120)).toBe('2時間');
    expect(formatHoldTime(90)).toBe('1時間30分');
    expect(formatHoldTime(45)).toBe('45分');
  });
});
