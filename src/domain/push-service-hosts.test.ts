import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PUSH_SERVICE_HOSTS,
  isAllowedPushEndpoint,
  isPushEndpointShape,
  MAX_PUSH_ENDPOINT_LENGTH,
  MAX_PUSH_SERVICE_HOSTS,
  parsePushServiceHosts,
} from './push-service-hosts.ts';

describe('the push services a subscription may name', () => {
  it('takes the endpoints the browsers give', () => {
    for (const endpoint of [
      'https://fcm.googleapis.com/wp/cXk1:APA91b',
      'https://fcm.googleapis.com/fcm/send/abc123:APA91b',
      'https://updates.push.services.mozilla.com/wpush/v2/gAAAAABm',
      'https://web.push.apple.com/QGuQyavXutnMH4',
      'https://db5p.notify.windows.com/w/?token=BQYAAAD',
      // https's own port, written out.
      'https://fcm.googleapis.com:443/wp/x',
    ])
      expect(isAllowedPushEndpoint(endpoint, DEFAULT_PUSH_SERVICE_HOSTS), endpoint).toBe(true);
  });

  it('refuses addresses, other hosts, look-alikes, other ports and anything but plain https', () => {
    for (const endpoint of [
      'http://fcm.googleapis.com/wp/x',
      'https://127.0.0.1/push',
      'https://[::1]/push',
      'https://localhost/push',
      'https://intranet/push',
      'https://169.254.169.254/latest/meta-data',
      'https://push.example.jp/send/x',
      // A name that only ends like a push service's, or a domain a wildcard covers only the names under.
      'https://evilfcm.googleapis.com/wp/x',
      'https://fcm.googleapis.com.example.jp/wp/x',
      'https://notify.windows.com/w/x',
      'https://push.apple.com.evil.jp/x',
      'https://fcm.googleapis.com:8443/wp/x',
      'https://user:pw@fcm.googleapis.com/x',
      'https://fcm.googleapis.com/x#y',
      `https://fcm.googleapis.com/${'x'.repeat(MAX_PUSH_ENDPOINT_LENGTH)}`,
      'javascript:alert(1)',
      '',
    ])
      expect(isAllowedPushEndpoint(endpoint, DEFAULT_PUSH_SERVICE_HOSTS), endpoint).toBe(false);
  });

  it('allows a configured host on its own port only, and nothing with an empty list', () => {
    const hosts = ['push.togane.test:8443'];
    expect(isAllowedPushEndpoint('https://push.togane.test:8443/send/x', hosts)).toBe(true);
    expect(isAllowedPushEndpoint('https://push.togane.test/send/x', hosts)).toBe(false);
    expect(isAllowedPushEndpoint('https://push.togane.test:8444/send/x', hosts)).toBe(false);
    expect(isAllowedPushEndpoint('https://fcm.googleapis.com/wp/x', [])).toBe(false);
  });

  it('allows a host only where a list entry names it (property)', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/);
    fc.assert(
      fc.property(fc.array(label, { minLength: 2, maxLength: 4 }), fc.array(label, { minLength: 2, maxLength: 4 }), (a, b) => {
        const [hostA, hostB] = [a.join('.'), b.join('.')];
        expect(isAllowedPushEndpoint(`https://${hostA}/x`, [hostA])).toBe(true);
        // Exact entries: only that very name.
        expect(isAllowedPushEndpoint(`https://${hostB}/x`, [hostA])).toBe(hostA === hostB);
        // A wildcard: every name under the domain, never the domain itself.
        expect(isAllowedPushEndpoint(`https://${hostB}.${hostA}/x`, [`*.${hostA}`])).toBe(true);
        expect(isAllowedPushEndpoint(`https://${hostA}/x`, [`*.${hostA}`])).toBe(false);
        // Any port but https's own needs its entry to name it.
        expect(isAllowedPushEndpoint(`https://${hostA}:8443/x`, [hostA])).toBe(false);
      }),
    );
  });

  it('is never fooled by an address that is not plain https (property)', () => {
    fc.assert(
      fc.property(fc.webUrl({ withFragments: true, withQueryParameters: true }), (url) => {
        const parsed = new URL(url);
        if (parsed.protocol !== 'https:' || parsed.hash !== '' || parsed.username !== '') expect(isPushEndpointShape(url)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('PUSH_ALLOWED_HOSTS', () => {
  it('reads names, wildcards and ports, trimmed and lower-cased', () => {
    expect(parsePushServiceHosts(' Push.City.example.jp:8443 ,*.push.apple.com')).toEqual(['push.city.example.jp:8443', '*.push.apple.com']);
    expect(parsePushServiceHosts(DEFAULT_PUSH_SERVICE_HOSTS.join(','))).toEqual(DEFAULT_PUSH_SERVICE_HOSTS);
  });

  it('refuses addresses, single names, schemes, paths, impossible ports, nothing and too much', () => {
    for (const text of [
      '',
      ' , ',
      '127.0.0.1',
      '10.0.0.1:8443',
      'localhost',
      'intranet',
      'https://push.example.jp',
      'push.example.jp/send',
      'push.example.jp:0',
      'push.example.jp:65536',
      '*.*.example.jp',
      '*.jp.',
      '-push.example.jp',
      `${'a'.repeat(64)}.example.jp`,
      Array.from({ length: MAX_PUSH_SERVICE_HOSTS + 1 }, (_unused, index) => `push${String(index)}.example.jp`).join(','),
    ])
      expect(parsePushServiceHosts(text), text).toBeNull();
  });
});
