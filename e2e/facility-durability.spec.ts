import { dirname } from 'node:path';
import { expect, test } from '@playwright/test';
import { ownServerPort, startOwnServer } from './support/own-server.ts';

test('a facility booking the API acknowledged survives kill -9 and still holds its block', async ({ request }) => {
  const port = ownServerPort(310, test.info().workerIndex);
  const first = await startOwnServer(port);
  // 和室(2) of the 文化会館: no other test books it.
  const roomPath = '/api/v1/facilities/bunka-kaikan/rooms/washitsu-2/availability';
  const availability = (await (await request.get(`${first.baseUrl}${roomPath}`)).json()) as {
    days: { date: string; blocks: { id: string; bookable: boolean }[] }[];
  };
  const day = availability.days.find((candidate) => candidate.blocks.some((block) => block.id === 'evening' && block.bookable));
  const booking = {
    facilityId: 'bunka-kaikan',
    roomId: 'washitsu-2',
    dates: [day?.date],
    blockIds: ['evening'],
    residency: 'resident',
    group: 'general',
    purpose: 'コーラスの練習',
    headCount: 20,
    groupName: '',
    nameKana: 'トウガネ タロウ',
    phone: '0475501210',
  };
  const created = await request.post(`${first.baseUrl}/api/v1/facilities/bookings`, { data: booking });
  expect(created.status()).toBe(201);
  const { booking: stored, token } = (await created.json()) as { booking: { code: string }; token: string };

  // No graceful shutdown: the process dies at once, as in a power cut.
  await first.kill('SIGKILL');
  const second = await startOwnServer(port, dirname(first.dataDir));
  try {
    const found = await request.get(`${second.baseUrl}/api/v1/facilities/bookings/${stored.code}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(await found.json()).toMatchObject({ booking: { code: stored.code, status: 'provisional' } });
    expect((await request.post(`${second.baseUrl}/api/v1/facilities/bookings`, { data: { ...booking, blockIds: ['all-day'] } })).status()).toBe(409);
  } finally {
    await second.stop();
  }
});
