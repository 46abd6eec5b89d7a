import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readApiError } from '../../domain/api-error.ts';
import { individualNumberCheckDigit, INDIVIDUAL_NUMBER_MESSAGE } from '../../domain/individual-number.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

/**
 * Defect 3 of the hardening issue: a valid 個人番号 written with dots or slashes passed in the
 * facility 使う目的, and a 12-digit number was accepted and kept as the Idempotency-Key.
 */
const first11 = '12345678901';
const number = `${first11}${String(individualNumberCheckDigit(first11))}`;
const spellings = [
  [number.slice(0, 4), number.slice(4, 8), number.slice(8)].join('.'),
  [number.slice(0, 4), number.slice(4, 8), number.slice(8)].join('/'),
  [number.slice(0, 4), number.slice(4, 8), number.slice(8)].join('、'),
  `${number.slice(0, 6)}\n${number.slice(6)}`,
];
const booking = {
  facilityId: 'bunka-kaikan',
  roomId: 'meeting-1',
  dates: ['2026-12-15'],
  blockIds: ['morning'],
  residency: 'resident',
  group: 'general',
  headCount: 5,
  groupName: '',
  nameKana: 'トウガネ ハナコ',
  phone: '0475-50-1210',
};

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ rateLimitPerMinute: 100_000 }, () => new Date('2026-11-24T01:00:00Z'));
});
afterAll(() => server.close());

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.baseUrl}/api/v1${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

describe('a 個人番号 never gets in', () => {
  it.each(spellings)('refuses %j in the 使う目的 with the message, and stores nothing', async (purpose) => {
    const response = await post('/facilities/bookings', { ...booking, purpose: `会議 ${purpose}` });
    expect(response.status).toBe(400);
    expect(readApiError(await response.json())?.fields).toContainEqual({ path: 'purpose', message: INDIVIDUAL_NUMBER_MESSAGE });
  });

  it('refuses a 12-digit number, or anything but a UUID, as the Idempotency-Key', async () => {
    const counter = {
      kindId: 'card-pickup',
      slot: { date: '2026-12-01', time: '09:00' },
      nameKana: 'トウガネ タロウ',
      phone: '0475-50-1210',
      people: 1,
      proxy: false,
    };
    for (const key of [number, 'retry-key-0001', `${crypto.randomUUID()}x`]) {
      const response = await post('/counter/reservations', counter, { 'Idempotency-Key': key });
      expect(response.status).toBe(400);
      expect(readApiError(await response.json())?.message).toContain('操作番号');
    }
    const taken = (await fetch(`${server.baseUrl}/api/v1/counter/availability?from=2026-12-01&to=2026-12-01`).then((r) => r.json())) as {
      days: { slots: { time: string; seatsLeft: number }[] }[];
    };
    expect(taken.days[0]?.slots.find((slot) => slot.time === '09:00')?.seatsLeft).toBe(2);
    expect((await post('/counter/reservations', counter, { 'Idempotency-Key': crypto.randomUUID() })).status).toBe(201);
  });
});
