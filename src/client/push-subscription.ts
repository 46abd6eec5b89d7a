import { base64UrlBytes, type PushSubscriptionJson, pushSubscriptionSchema } from '../domain/push-notification.ts';
import { isAllowedPushEndpoint } from '../domain/push-service-hosts.ts';

/** Whether this browser can show the city's notifications: a service worker, the Push API and notifications. */
export function pushSupported(): boolean {
  return typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/** Why the phone gave no subscription: the citizen said no to notifications, or the browser's push service failed. */
export type NoSubscription = 'denied' | 'failed';

/**
 * Asks this phone for a push subscription to the city's key: the browser asks the citizen first
 * (so call it from their tap). The portal's own service worker receives the pushes; the
 * subscription is checked with the server's schema and list of push services before it is offered
 * to the booking (a browser whose push service the city does not send to is told so now, not at booking).
 */
export async function subscribeThisPhone(publicKey: string, serviceHosts: readonly string[]): Promise<PushSubscriptionJson | NoSubscription> {
  try {
    if ((await Notification.requestPermission()) !== 'granted') return 'denied';
    const key = base64UrlBytes(publicKey);
    if (!key) return 'failed';
    const registration = await navigator.serviceWorker.ready;
    const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
    const checked = pushSubscriptionSchema.safeParse(subscription.toJSON());
    return checked.success && isAllowedPushEndpoint(checked.data.endpoint, serviceHosts) ? checked.data : 'failed';
  } catch {
    return 'failed';
  }
}
