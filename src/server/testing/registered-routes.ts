import type { FastifyInstance } from 'fastify';

/**
 * 'GET /api/v1/x/{code}' for each route the server has, read from Fastify's printed tree (children
 * indented by 4), with path parameters written as OpenAPI and the contracts write them.
 */
export function registeredRoutes(app: FastifyInstance): string[] {
  const parents: string[] = [];
  return app
    .printRoutes({ commonPrefix: false })
    .split('\n')
    .flatMap((line) => {
      const match = /^([\s│]*)[├└]── (\S+) \(([A-Z, ]+)\)$/.exec(line);
      if (!match) return [];
      const depth = (match[1] ?? '').length / 4;
      const path = `${parents[depth - 1] ?? ''}${match[2] ?? ''}`;
      parents[depth] = path;
      return (match[3] ?? '').split(', ').map((method) => `${method} ${path.replace(/:(\w+)/g, '{$1}')}`);
    });
}
