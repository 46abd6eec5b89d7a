import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { errorBody } from '../domain/api-error.ts';

/** Files whose names carry a content hash (Vite's `assets/`) never change: cache them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html, sw.js, the manifest, icons) is checked with the server every time. */
const REVALIDATE = 'no-cache';

/** A path that names a file (`/icons/a.png`), as opposed to an app route (`/procedures/123`). */
function looksLikeFile(path: string): boolean {
  return /\.[a-z0-9]+$/i.test(path);
}

/**
 * Serves the built PWA, and answers every unknown path: JSON 404 for `/api`, `index.html` for app
 * routes (the router shows its own 「ページが見つかりません」), plain 404 for missing files.
 */
export async function installStaticFiles(app: FastifyInstance, staticDir: string | null): Promise<void> {
  const hasApp = staticDir !== null && existsSync(join(staticDir, 'index.html'));
  if (hasApp) {
    await app.register(fastifyStatic, {
      root: staticDir,
      wildcard: true,
      index: ['index.html'],
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
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const wantsApp = request.method === 'GET' || request.method === 'HEAD';
    if (path === '/api' || path.startsWith('/api/') || !hasApp || !wantsApp || looksLikeFile(path)) {
      return reply.status(404).send(errorBody('not_found'));
    }
    return reply.header('Cache-Control', REVALIDATE).sendFile('index.html');
  });
}
