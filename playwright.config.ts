import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/support/chromium.ts';
import { KIOSK_TEST_PIN_HASH } from './e2e/support/portal.ts';

/**
 * e2e runs the production build (`npm run build`) on the real server with a throw-away database,
 * in Debian's Chromium: at phone size (360×800, touch) and at one desktop size.
 * The temporary DATA_DIR is made once, in the runner, and inherited by the workers.
 */
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'togane-e2e-'));
const port = Number(process.env.E2E_PORT ?? 4319);

export const chromiumLaunchOptions = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS };

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: true,
  timeout: 60_000,
  retries: 0,
  workers: 2,
  // The second reporter gathers the accessibility walk's findings (see e2e/accessibility.spec.ts).
  reporter: [['list'], ['./e2e/support/accessibility-reporter.ts']],
  globalTeardown: './e2e/support/global-teardown.ts',
  use: {
    baseURL: `http://localhost:${String(port)}`,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    launchOptions: chromiumLaunchOptions,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'phone',
      use: { ...devices['Pixel 7'], viewport: { width: 360, height: 800 }, launchOptions: chromiumLaunchOptions },
      // The clerk's keyboard walk is for a counter PC or a tablet with a keyboard, not a phone.
      testIgnore: /staff-keyboard\.spec\.ts$/,
    },
    {
      name: 'desktop',
      // The desktop runs what a desktop changes: the clerk's screens (staff), bookings and search with
      // their dates read on a computer outside Japan, the keyboard, and the shell's wide layout. The rest
      // is the same at any size and would run twice for nothing: the kiosk sets its own 1080×1920 screen,
      // the server's durability, restarts and the service worker do not depend on the screen, and the
      // accessibility walk measures every screen at 360 px and at 1080 px wide itself.
      testMatch: /(staff|staff-keyboard|staff-qr|mynumber|facilities|procedures|keyboard|shell)\.spec\.ts$/,
      // A desktop outside Japan: dates and times must still be Japan time.
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, timezoneId: 'Europe/London', launchOptions: chromiumLaunchOptions },
    },
    {
      name: 'tablet',
      // A tablet at the counter (768×1024, upright): the clerk's day, and the keyboard walk of its list.
      testMatch: /(staff|staff-keyboard)\.spec\.ts$/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 768, height: 1024 }, hasTouch: true, launchOptions: chromiumLaunchOptions },
    },
  ],
  webServer: {
    command: 'node dist/server/main.js',
    url: `http://localhost:${String(port)}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 30_000,
    env: {
      PORT: String(port),
      HOST: 'localhost',
      DATA_DIR: process.env.E2E_DATA_DIR,
      LOG_LEVEL: 'warn',
      // The kiosk staff PIN of e2e (KIOSK_TEST_PIN); the server is given only its hash.
      KIOSK_PIN_HASH: KIOSK_TEST_PIN_HASH,
      // Staff passkeys on the page's own origin: WebAuthn takes localhost (not 127.0.0.1) as a secure origin and rp id.
      STAFF_PASSKEY_ORIGIN: `http://localhost:${String(port)}`,
    },
  },
});
