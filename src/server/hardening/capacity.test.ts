import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CounterDay } from '../../domain/counter-reservation.ts';
import { loadContentPack, type ContentPack } from '../content.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

/**
 * Defect 7 of the hardening issue: a slot's capacity was stored the first time it was booked, so a
 * later change of desksPerSlot in the content never reached it.
 */
const clock = () => new Date('2026-11-24T01:00:00Z');
const slot = { date: '2026-12-02', time: '09:30' };
const booking = { kindId: 'card-pickup', slot, nameKana: 'トウガネ タロウ', phone: '0475-50-1210', people: 1, proxy: false };

function withDesks(desksPerSlot: number): ContentPack {
  const content = loadContentPack();
  return { ...content, counter: { ...content.counter, desksPerSlot } };
}

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'togane-capacity-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const start = (desks: number) => startTestServer({ rateLimitPerMinute: 100_000, dataDir }, clock, { content: withDesks(desks) });
const book = (server: TestServer) =>
  fetch(`${server.baseUrl}/api/v1/counter/reservations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(booking),
  }).then((r) => r.status);
async function seatsLeft(server: TestServer): Promise<number | undefined> {
  const answer = (await (await fetch(`${server.baseUrl}/api/v1/counter/availability?from=${slot.date}&to=${slot.date}`)).json()) as { days: CounterDay[] };
  return answer.days[0]?.slots.find((candidate) => candidate.time === slot.time)?.seatsLeft;
}

describe('the counter capacity from the content', () => {
  it('reaches slots booked before it changed', async () => {
    const two = await start(2);
    expect([await book(two), await book(two), await book(two)]).toEqual([201, 201, 409]);
    await two.close();
    const three = await start(3);
    try {
      expect(await seatsLeft(three)).toBe(1);
      expect([await book(three), await book(three)]).toEqual([201, 409]);
    } finally {
      await three.close();
    }
  });

  it('refuses to start with fewer desks than a slot has bookings, naming the slot', async () => {
    const two = await start(2);
    expect([await book(two), await book(two)]).toEqual([201, 201]);
    await two.close();
    await expect(start(1)).rejects.toThrow(/2026-12-02 09:30（2件）/);
    // Nothing changed: with the content as it was, the server starts and the slot is still full.
    const again = await start(2);
    try {
      expect(await seatsLeft(again)).toBe(0);
    } finally {
      await again.close();
    }
  });
});
