import { describe, expect, it } from 'vitest';
import { createPracticeStore, memoryStorage } from './practice-store.ts';
import { createPracticeTransport } from './practice-transport.ts';

// Tuesday 24 November 2026, 10:00 in Japan.
const now = () => new Date('2026-11-24T01:00:00Z');
const KEY = 'tsunagaru-togane:practice:data';
const booking = {
  facilityId: 'sample-kominkan',
  roomId: 'meeting',
  dates: ['2026-12-01'],
  blockIds: ['morning'],
  residency: 'resident',
  group: 'general',
  purpose: '練習',
  headCount: 5,
  groupName: '練習の会',
  nameKana: 'れんしゅう',
  phone: '0475-50-1210',
  email: '',
};

function transportOver(storage: ReturnType<typeof memoryStorage>) {
  const answer = createPracticeTransport({ store: createPracticeStore(storage, KEY), now });
  return (method: string, path: string, body?: unknown) =>
    answer(
      new Request(`http://practice.test/api/v1${path}`, {
        method,
        ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
      }),
    );
}

describe('the practice transport', () => {
  it('refuses, in Japanese, what only the server does (staff confirmation, health, kiosk)', async () => {
    const send = transportOver(memoryStorage());
    for (const [method, path] of [
      ['POST', '/facilities/bookings/ABCD2345/confirm'],
      ['GET', '/health'],
      ['POST', '/kiosk/session'],
    ] as const) {
      const response = await send(method, path);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        error: { code: 'not_found', message: '練習モードでは、この操作はできません。練習をおわってから、お試しください。' },
      });
    }
  });

  it('keeps the round in its storage (a reload starts a new transport over it), and forgets it when the key goes', async () => {
    const storage = memoryStorage();
    expect((await transportOver(storage)('POST', '/facilities/bookings', booking)).status).toBe(201);
    const again = await transportOver(storage)('POST', '/facilities/bookings', booking);
    expect(again.status).toBe(409);
    storage.removeItem(KEY);
    expect((await transportOver(storage)('POST', '/facilities/bookings', booking)).status).toBe(201);
  });
});
