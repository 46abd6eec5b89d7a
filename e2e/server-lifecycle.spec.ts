import { dirname } from 'node:path';
import { expect, test } from '@playwright/test';
import { ownServerPort, startOwnServer } from './support/own-server.ts';

test('the server stops cleanly on SIGTERM and starts again on the same database', async ({ request }) => {
  const port = ownServerPort(200, test.info().workerIndex);
  const first = await startOwnServer(port);
  const before = (await (await request.get(`${first.baseUrl}/api/v1/health`)).json()) as { database: unknown; content: unknown };
  expect(await first.kill('SIGTERM')).toBe(0);

  const second = await startOwnServer(port, dirname(first.dataDir));
  try {
    const health = await request.get(`${second.baseUrl}/api/v1/health`);
    expect(health.status()).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: before.database, content: before.content });
  } finally {
    await second.stop();
  }
});
