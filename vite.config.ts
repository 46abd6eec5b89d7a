/// <reference types="vitest/config" />
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { contentPlugin } from './scripts/content-plugin.ts';
import { procedureCataloguePlugin } from './scripts/procedure-catalogue-plugin.ts';
import { webAppManifest } from './scripts/web-app-manifest.ts';

/** Chunks left out of the precache: fetched, then cached, when a visitor first needs them. */
const OPTIONAL_ASSETS = ['**/zxing_reader-*.wasm', '**/zxing-decoder-*.js', '**/practice-*.js'];

/**
 * The staff console (/staff, one chunk with its passkey library): used on the city's PCs, on line,
 * never by a citizen offline. In the precache it would cost every citizen's first visit 16 KB as brotli.
 */
const STAFF_CONSOLE = '**/StaffApp-*.js';

/**
 * Each procedure's own page (scripts/procedure-catalogue-plugin.ts): 500 files of 1–4 KB. Precached they
 * would cost every first visit 360 KB as brotli (small files compress badly one by one), so the precache
 * holds one copy of every page in one file instead (≈ 70 KB), which a page reads only when its own chunk
 * cannot be fetched; a page's own chunk is kept once fetched.
 */
const PROCEDURE_PAGES = '**/procedure-page-*.js';

function appVersion(): string {
  const { version } = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as {
    version: string;
  };
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'] });
    return `${version}+${commit.toString().trim()}`;
  } catch {
    return version;
  }
}

/**
 * `npm run dev:mock` serves MSW's worker script straight from the package, so it never lands in
 * `public/`, in a production build or in the PWA's precache; and the page starts from
 * mocks/dev-entry.ts, which starts the mock API before the app (src/ never imports mocks/).
 */
function serveMockServiceWorker(): Plugin {
  return {
    name: 'togane-serve-mock-service-worker',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace('/src/app/main.tsx', '/mocks/dev-entry.ts'),
    configureServer(server) {
      server.middlewares.use('/mockServiceWorker.js', (_request, response) => {
        response.setHeader('Content-Type', 'text/javascript');
        response.end(readFileSync(resolve(import.meta.dirname, 'node_modules/msw/lib/mockServiceWorker.js')));
      });
    },
  };
}

export default defineConfig(({ mode, isSsrBuild }): UserConfig => {
  const define = { __APP_VERSION__: JSON.stringify(appVersion()) };

  // `vite build --ssr --mode prerender`: the citizens' screens for Node, which scripts/prerender.ts
  // renders to HTML at build time. The same plugins as the app, so every screen renders as it would
  // in the browser (CSS module class names are derived the same way in both builds).
  if (isSsrBuild && mode === 'prerender') {
    return {
      define,
      // The PWA plugin off: no service worker on the server, but its virtual modules resolve (as in dev:mock).
      plugins: [contentPlugin(), procedureCataloguePlugin(), react(), VitePWA({ disable: true })],
      build: { outDir: 'dist/prerender', target: 'node20', emptyOutDir: true, rollupOptions: { input: { prerender: 'src/app/prerender.tsx' } } },
    };
  }

  // `vite build --ssr`: the Node server, the staff accounts command and db:copy, bundled with their migrations and content.
  if (isSsrBuild) {
    return {
      define,
      plugins: [contentPlugin()],
      build: {
        outDir: 'dist/server',
        target: 'node20',
        emptyOutDir: true,
        sourcemap: true,
        rollupOptions: { input: { main: 'src/server/main.ts', 'staff-cli': 'src/server/staff/staff-cli.ts', 'db-copy': 'src/server/store/db-copy-cli.ts' } },
      },
    };
  }

  const mockMode = mode === 'mock';
  return {
    define,
    plugins: [
      contentPlugin(),
      procedureCataloguePlugin(),
      react(),
      ...(mockMode ? [serveMockServiceWorker()] : []),
      VitePWA({
        // MSW's worker and the PWA worker cannot share scope `/`: in mock mode there is no PWA worker.
        disable: mockMode,
        registerType: 'prompt',
        injectRegister: false,
        filename: 'sw.js',
        manifestFilename: 'manifest.webmanifest',
        manifest: webAppManifest,
        // The files of public/ (favicon, display-settings.js, the icons) are in dist/client, where
        // globPatterns finds them; the plugin adds manifest.webmanifest itself. Listing them again
        // (includeAssets, the manifest's icons) put each twice in the precache list.
        includeManifestIcons: false,
        workbox: {
          globPatterns: ['**/*.{js,css,html,svg,png,woff2,wasm}'],
          // The precache budget (README, `npm run size`): what every visitor downloads on the first
          // visit. The barcode decoder (only phones without a native reader, and only when they scan)
          // and the practice mode (only the スマホ講座) are cached on first use instead.
          // The prerendered pages are for a first visit's first paint; offline, the shell draws every screen.
          globIgnores: [...OPTIONAL_ASSETS, PROCEDURE_PAGES, STAFF_CONSOLE, 'prerendered/**'],
          runtimeCaching: [
            {
              // The staff console, fetched from the network when /staff opens, and kept in a cache of its own
              // so it never pushes a citizen's decoder out of on-first-use. Its hashed name never changes, so the
              // copy is right for the version that asked for it: a page or a reload still run by the previous
              // worker (the update waits for 「更新する」) finds its console here after a deploy removed the file
              // from the server. Two versions' worth.
              urlPattern: ({ url }) => /^\/assets\/StaffApp-[^/]+\.js$/.test(url.pathname),
              handler: 'CacheFirst',
              options: { cacheName: 'staff-console', expiration: { maxEntries: 2 } },
            },
            {
              // A procedure's page, once opened, opens from here; more room than the catalogue has pages.
              urlPattern: ({ url }) => url.pathname.startsWith('/assets/procedure-page-'),
              handler: 'CacheFirst',
              options: { cacheName: 'procedure-pages', expiration: { maxEntries: 2000 } },
            },
            {
              // Hashed file names never change: once fetched, the cached copy is right for good.
              urlPattern: ({ url }) => url.pathname.startsWith('/assets/'),
              handler: 'CacheFirst',
              options: { cacheName: 'on-first-use', expiration: { maxEntries: 32 } },
            },
          ],
          navigateFallback: '/index.html',
          navigateFallbackDenylist: [/^\/api\//],
          cleanupOutdatedCaches: true,
        },
      }),
    ],
    // One stylesheet for every screen (41 KB raw, 7 KB gzip): render-blocking requests cost a slow phone a
    // round trip each, so one small file paints sooner than the four to eight a page would need split.
    build: { outDir: 'dist/client', emptyOutDir: true, manifest: true, target: 'es2022', cssCodeSplit: false },
    // `npm run dev` talks to a server started with `npm start`; dev:mock needs none.
    server: mockMode ? {} : { proxy: { '/api': 'http://localhost:8080' } },
    test: {
      // Many tests start a real server on a real database, and jsdom role queries over long tables take
      // seconds: on a busy 2-core machine (CI, or a run beside other work) 5 s is not enough to tell slow
      // from stuck. A wait that never ends still fails, and nothing is retried.
      testTimeout: 30_000,
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            environment: 'node',
            include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
            // A throw-away PostgreSQL cluster, started in the background: only files that use it wait.
            globalSetup: ['./src/server/testing/postgres-cluster.global-setup.ts'],
            // Not Japan: every date rule must give Japan-time answers whatever the machine's zone.
            env: { TZ: 'America/Los_Angeles' },
          },
        },
        {
          extends: true,
          test: {
            name: 'components',
            environment: 'jsdom',
            include: ['src/**/*.test.tsx'],
            setupFiles: ['./vitest.setup.ts'],
          },
        },
      ],
    },
  };
});
