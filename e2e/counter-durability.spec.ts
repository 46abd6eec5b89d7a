import { dirname } from 'node:path';
import { expect, test } from '@playwright/test';
import { ownServerPort, startOwnServer } from './support/own-server.ts';

test('a booking the API acknowledged survives kill -9 and a restart', async ({ request }) => {
  const port = ownServerPort(300, test.info().workerIndex);
  const first = await startOwnServer(port);
  const availability = (await (await request.get(`${first.baseUrl}/api/v1/counter/availability`)).json()) as {
    days: { date: string; slots: { time: string; bookable: boolean }[] }[];
  };
  const day = availability.days.find((candidate) => candidate.slots.some((slot) => slot.bookable));
  const slot = day?.slots.find((candidate) => candidate.bookable);
  const created = await request.post(`${first.baseUrl}/api/v1/counter/reservations`, {
    data: { kindId: 'card-pickup', slot: { date: day?.date, time: slot?.time }, nameKana: 'トウガネ タロウ', phone: '0475501210', people: 1, proxy: false },
  });
  expect(created.status()).toBe(201);
  const { reservation, token } = (await created.json()) as { reservation: { code: string }; token: string };

  // No graceful shutdown: the process dies at once, as in a power cut.
  await first.kill('SIGKILL');
  const second = await startOwnServer(port, dirname(first.dataDir));
  try {
    const found = await request.get(`${second.baseUrl}/api/v1/counter/reservations/${reservation.code}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(found.status()).toBe(200);
    expect(await found.json()).toMatchObject({ reservation: { code: reservation.code, status: 'booked' } });
  } finally {
    await second.stop();
  }
});
