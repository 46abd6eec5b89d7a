import type { $ZodConfig } from 'zod/v4/core';

/**
 * zod compiles a fast parser for each object schema with `new Function` when the page allows it, and
 * finds out by trying once, when the first object schema is built. The portal's policy forbids eval
 * (src/server/security.ts), so in the browser that try always fails, and the browser reports it as a
 * policy violation on every screen that builds a schema (Lighthouse's best practices counts it). Told
 * up front that eval is off (`jitless`), zod never tries and parses as it would after the failed try.
 *
 * zod keeps its settings in `globalThis.__zod_globalConfig`, shared by every copy of zod on a page,
 * so they are set here without importing zod: its `config()` would bring 3 KB gzip of zod into the
 * home screen, which builds no schema. src/client/zod-without-eval.test.ts fails if zod stops reading
 * them there. Imported first by src/app/start-app.tsx, before any screen's code is loaded.
 */
declare global {
  var __zod_globalConfig: $ZodConfig | undefined;
}

globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig ?? {}, { jitless: true });
