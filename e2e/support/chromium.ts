/**
 * Debian's Chromium, as e2e and `npm run lighthouse` start it: no sandbox (root in CI), no GPU, and
 * nothing that calls out to Google's services.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
