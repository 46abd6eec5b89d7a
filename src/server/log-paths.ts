/**
 * The path a log line shows. A booking code with a phone number opens the booking, and a token opens
 * it alone, so neither is ever written to a log: the segment after `reservations` or `bookings` (the
 * API's and the screens' booking pages alike) becomes `:code`, and anything shaped like a token
 * (20 or more URL-safe characters with no dot, so never a file name) becomes `:secret`.
 * The query string is dropped whole: it could carry anything.
 */
const CODE_PARENTS = new Set(['reservations', 'bookings']);
const TOKEN_LIKE = /^[A-Za-z0-9_%-]{20,}$/;

export function loggedPath(url: string): string {
  const segments = (url.split('?')[0] ?? '').split('/');
  return segments
    .map((segment, index) => {
      const parent = segments[index - 1] ?? '';
      if (CODE_PARENTS.has(parent) && segment !== '' && segment !== 'lookup') return ':code';
      return TOKEN_LIKE.test(segment) ? ':secret' : segment;
    })
    .join('/');
}
