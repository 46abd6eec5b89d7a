import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { CounterContent } from '../src/domain/counter.ts';
import { formatReservationCode } from '../src/domain/citizen-fields.ts';
import { reminderPush } from '../src/domain/push-notification.ts';
import { waitForServiceWorkerControl } from './support/portal.ts';

/**
 * What this proves, and what not: a push message of the outbox's shape, delivered to the portal's
 * service worker by Chromium's DevTools protocol (ServiceWorker.deliverPushMessage: the push event
 * as the browser raises it, without a push service or encryption — those are proved by
 * src/server/notify/push-worker.test.ts), is shown as a notification with the reminder's title and
 * text; and the worker's notificationclick handler takes the open portal tab to the booking's page.
 * DevTools cannot tap a notification, so the click is an event dispatched in the worker, not a
 * trusted tap: whether the phone then brings the browser forward is not proved here.
 */
const counter = JSON.parse(readFileSync(new URL('../src/content/mynumber-counter.json', import.meta.url), 'utf8')) as CounterContent;

test('a push shows the reminder, and a tap on it opens the booking on this phone', async ({ page, context, request }) => {
  const availability = (await (await request.get('/api/v1/counter/availability')).json()) as {
    days: { date: string; slots: { time: string; bookable: boolean }[] }[];
  };
  const free = availability.days.flatMap((day) => day.slots.filter((slot) => slot.bookable).map((slot) => ({ date: day.date, time: slot.time })));
  const slot = free[Math.floor(Math.random() * free.length)];
  if (!slot) throw new Error('no free counter slot');
  const booked = await request.post('/api/v1/counter/reservations', {
    headers: { 'Idempotency-Key': crypto.randomUUID() },
    data: { kindId: 'card-pickup', slot, nameKana: 'トウガネ ハナコ', phone: '0475-50-1210', people: 1, proxy: false },
  });
  expect(booked.status()).toBe(201);
  const { reservation } = (await booked.json()) as { reservation: { code: string } };

  // The booking is kept on this phone (found by its code and phone number, as after booking here), and a portal tab is open elsewhere.
  await page.goto('/mynumber/reservations');
  await waitForServiceWorkerControl(page);
  await page.getByLabel('予約番号').fill(reservation.code);
  await page.getByLabel('予約のときの電話番号').fill('0475-50-1210');
  await page.getByRole('button', { name: '予約を探す' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('予約の内容');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('何をしますか');
  await context.grantPermissions(['notifications']);

  const devtools = await context.newCDPSession(page);
  const registration = new Promise<string>((resolve) => {
    devtools.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const found = registrations.find((candidate) => !candidate.isDeleted);
      if (found) resolve(found.registrationId);
    });
  });
  await devtools.send('ServiceWorker.enable');
  const kind = counter.visitKinds.find((candidate) => candidate.id === 'card-pickup');
  if (!kind) throw new Error('no card-pickup kind');
  const message = reminderPush({ code: reservation.code, slot: `${slot.date}T${slot.time}`, kind, proxy: false, counter });
  const origin = new URL(page.url()).origin;
  await devtools.send('ServiceWorker.deliverPushMessage', { origin, registrationId: await registration, data: JSON.stringify(message) });

  const shown = async () =>
    page.evaluate(async () =>
      (await (await navigator.serviceWorker.ready).getNotifications()).map((notification) => ({
        title: notification.title,
        body: notification.body,
        data: notification.data as unknown,
      })),
    );
  await expect.poll(shown).toEqual([{ title: message.title, body: message.body, data: { url: `/mynumber/reservations/${reservation.code}` } }]);
  expect(message.body).toContain(formatReservationCode(reservation.code));

  // The click, dispatched in the worker with the notification it showed.
  const [worker] = context.serviceWorkers();
  if (!worker) throw new Error('no service worker');
  await worker.evaluate(async () => {
    const scope = self as unknown as { registration: ServiceWorkerRegistration; dispatchEvent(event: Event): boolean };
    const [notification] = await scope.registration.getNotifications();
    const click = new Event('notificationclick');
    const pending: Promise<unknown>[] = [];
    Object.assign(click, { notification, waitUntil: (work: Promise<unknown>) => pending.push(work) });
    scope.dispatchEvent(click);
    // A synthetic click may not focus a window (only a real tap may); the navigation is what is checked.
    await Promise.allSettled(pending);
  });
  await expect(page).toHaveURL(new RegExp(`/mynumber/reservations/${reservation.code}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('予約の内容');
  await expect(page.getByText(formatReservationCode(reservation.code)).first()).toBeVisible();
  expect(await shown()).toEqual([]);
});
