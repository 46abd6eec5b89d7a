/**
 * Where the server may send a push: only to the browsers' own push services. A subscription is
 * whatever a browser (or anyone posting to the API) hands over, and the server later makes an HTTPS
 * request to its endpoint; an allow-list of the push services' host names keeps that request from
 * being pointed at any other machine (the city's intranet, a cloud's metadata address, a stranger's
 * site). Pure: the server checks a booking's subscription with it, the browser before it offers one.
 *
 * An entry is a host name (`fcm.googleapis.com`), or `*.` and a domain for any name under it (not the
 * domain itself). Without a port only https's own (443) is allowed; `host:port` allows that port,
 * for a push service of the tests or of a private deployment (PUSH_ALLOWED_HOSTS).
 */

/**
 * The push services of the browsers people use, from each vendor's documentation:
 * - Chrome, Edge on Android, Samsung Internet … (Firebase Cloud Messaging): `fcm.googleapis.com`, the endpoint
 *   Chromium hands out (components/push_messaging/push_messaging_constants.cc, kPushMessagingWebpushEndpoint
 *   "https://fcm.googleapis.com/wp/").
 * - Firefox (Mozilla autopush): `updates.push.services.mozilla.com` (autopush's HTTP API,
 *   https://autopush.readthedocs.io/en/latest/http.html; Mozilla's push configuration names that serverHost),
 *   and names under push.services.mozilla.com, Mozilla's push domain (autopush-rs README: wss://push.services.mozilla.com/).
 * - Safari on iPhone, iPad and Mac (Apple Push Notification service): `web.push.apple.com` and names under
 *   push.apple.com ("Sending web push notifications in web apps and browsers",
 *   https://developer.apple.com/documentation/usernotifications/sending-web-push-notifications-in-web-apps-and-browsers:
 *   allow URLs from *.push.apple.com).
 * - Edge on Windows (Windows Push Notification Services): channel URIs under notify.windows.com
 *   ("Windows Push Notification Services (WNS) overview", https://learn.microsoft.com/windows/apps/develop/notifications/push-notifications/wns-overview).
 */
export const DEFAULT_PUSH_SERVICE_HOSTS: readonly string[] = [
  'fcm.googleapis.com',
  'updates.push.services.mozilla.com',
  '*.push.services.mozilla.com',
  'web.push.apple.com',
  '*.push.apple.com',
  '*.notify.windows.com',
];

/** The push service's address: long enough for every push service's (about 200 characters), bounded. */
export const MAX_PUSH_ENDPOINT_LENGTH = 2048;

/** Entries a list may have: the browsers' services are six; a private deployment adds one or two. */
export const MAX_PUSH_SERVICE_HOSTS = 20;

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
// At least two labels, the last not all digits: a name, never an IP address, nor `localhost`.
const ENTRY = new RegExp(`^(\\*\\.)?((?:${LABEL}\\.)+(?=[a-z0-9-]*[a-z])${LABEL})(?::([1-9][0-9]{0,4}))?$`);

interface HostRule {
  wildcard: boolean;
  name: string;
  /** '' for https's own port (as URL writes it). */
  port: string;
}

function ruleOf(entry: string): HostRule | null {
  const match = ENTRY.exec(entry);
  if (!match || entry.length > 260) return null;
  const port = match[3] ?? '';
  if (Number(port) > 65535) return null;
  return { wildcard: match[1] !== undefined, name: match[2] ?? '', port: port === '443' ? '' : port };
}

/**
 * The list as PUSH_ALLOWED_HOSTS writes it (entries separated by commas, spaces around them allowed),
 * or null when an entry is not a host name, a `*.` domain or a `host:port`, or there are none or too many.
 */
export function parsePushServiceHosts(text: string): string[] | null {
  const entries = text
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '');
  if (entries.length === 0 || entries.length > MAX_PUSH_SERVICE_HOSTS) return null;
  return entries.every((entry) => ruleOf(entry) !== null) ? entries : null;
}

function hostAllowed(hostname: string, port: string, rule: HostRule): boolean {
  if (port !== rule.port) return false;
  return rule.wildcard ? hostname.endsWith(`.${rule.name}`) : hostname === rule.name;
}

/**
 * The shape every push endpoint has, whatever the service: an https address without a user, a
 * password or a fragment, of bounded length. The schema of a subscription checks this much.
 */
export function isPushEndpointShape(endpoint: string): boolean {
  if (endpoint.length > MAX_PUSH_ENDPOINT_LENGTH || !URL.canParse(endpoint)) return false;
  const url = new URL(endpoint);
  return url.protocol === 'https:' && url.username === '' && url.password === '' && url.hash === '';
}

/** Whether the server may send to this endpoint: the shape above, on a host (and port) of the list. */
export function isAllowedPushEndpoint(endpoint: string, allowedHosts: readonly string[]): boolean {
  if (!isPushEndpointShape(endpoint)) return false;
  const { hostname, port } = new URL(endpoint);
  return allowedHosts.some((entry) => {
    const rule = ruleOf(entry);
    return rule !== null && hostAllowed(hostname, port, rule);
  });
}
