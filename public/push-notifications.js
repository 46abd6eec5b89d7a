/*
 * Web Push in the portal's service worker (README, "Web Push"): imported by the generated sw.js
 * (vite.config.ts, workbox.importScripts). A push carries one message as the server's outbox wrote
 * it (src/domain/push-notification.ts: title, body, the booking's page, a tag per booking); the
 * worker shows it, and a tap opens that page — in a portal tab already open when there is one.
 * Plain JavaScript: it runs as it is, without the app's bundle.
 */
const PORTAL_PATH = /^\/[A-Za-z0-9/_-]*$/;
const FALLBACK = { title: '東金市からのお知らせ', body: '予約の確認のページで、くわしく見られます。', url: '/mynumber/reservations', tag: 'togane' };

/** The message in a push, or the fallback when it is not one of ours (a browser must show something for every push). */
function readMessage(data) {
  try {
    const message = data ? data.json() : null;
    const text = (value, max) => typeof value === 'string' && value.length > 0 && value.length <= max;
    if (
      message &&
      text(message.title, 80) &&
      text(message.body, 300) &&
      text(message.url, 200) &&
      PORTAL_PATH.test(message.url) &&
      typeof message.tag === 'string'
    ) {
      return message;
    }
  } catch {
    // Not JSON: the fallback.
  }
  return FALLBACK;
}

self.addEventListener('push', (event) => {
  const message = readMessage(event.data);
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: message.body,
      tag: message.tag,
      lang: 'ja',
      icon: '/icons/icon-192.png',
      data: { url: message.url },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const path = event.notification.data && PORTAL_PATH.test(event.notification.data.url) ? event.notification.data.url : FALLBACK.url;
  const target = new URL(path, self.location.origin).href;
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const same = windows.find((client) => client.url === target);
      if (same) return same.focus();
      // A portal tab this worker controls is brought forward and taken to the booking.
      const portal = windows.find((client) => new URL(client.url).origin === self.location.origin && 'navigate' in client);
      if (portal) {
        const navigated = await portal.navigate(target);
        return (navigated ?? portal).focus();
      }
      return self.clients.openWindow(target);
    })(),
  );
});
