import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { errorBody } from '../domain/api-error.ts';
import { readPrerenderedPages } from './prerendered-pages.ts';

/** Files whose names carry a content hash (Vite's `assets/`) never change: cache them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html, sw.js, the manifest, icons) is checked with the server every time. */
const REVALIDATE = 'no-cache';

/** A path that names a file (`/icons/a.png`), as opposed to an app route (`/procedures/123`). */
function looksLikeFile(path: string): boolean {
  return /\.[a-z0-9]+$/i.test(path);
}

/**
 * Serves the built PWA, and answers every unknown path: JSON 404 for `/api`; for an app route its
 * prerendered page when the build made one (the screen paints before any script), otherwise the
 * shell `index.html` (the router draws the screen, or its own 「ページが見つかりません」); plain 404
 * for missing files. `/index.html` itself stays the shell: the service worker keeps it for every
 * address offline.
 */
export async function installStaticFiles(app: FastifyInstance, staticDir: string | null): Promise<void> {
  const hasApp = staticDir !== null && existsSync(join(staticDir, 'index.html'));
  const prerendered = hasApp ? readPrerenderedPages(staticDir) : new Map<string, string>();
  const sendAppPage = (reply: FastifyReply, path: string) => reply.header('Cache-Control', REVALIDATE).sendFile(prerendered.get(path) ?? 'index.html');
  if (hasApp) {
    await app.register(fastifyStatic, {
      root: staticDir,
      wildcard: true,
      // `/` is an app route like the others (its own route below): a directory is never listed or indexed.
      index: false,
      cacheControl: false,
      // The build writes FILE.br and FILE.gz (scripts/precompress.ts): sent when the browser accepts them.
      preCompressed: true,
      setHeaders(response, filePath) {
        const inAssets = filePath.startsWith(join(staticDir, 'assets'));
        response.setHeader('Cache-Control', inAssets ? IMMUTABLE : REVALIDATE);
        // The same URL has several encodings: a shared cache must key them apart.
        response.setHeader('Vary', 'Accept-Encoding');
      },
    });
    app.get('/', (_request, reply) => sendAppPage(reply, '/'));
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const wantsApp = request.method === 'GET' || request.method === 'HEAD';
    if (path === '/api' || path.startsWith('/api/') || !hasApp || !wantsApp || looksLikeFile(path)) {
      return reply.status(404).send(errorBody('not_found'));
    }
    return sendAppPage(reply, path);
  });
}
