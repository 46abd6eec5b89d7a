import { matchRoutes, type RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { SCREENS } from '../../e2e/support/portal.ts';
import { routes } from './router.tsx';

/** Every route that renders a screen of its own (no children), with its full pattern for messages. */
function screenRoutes(tree: RouteObject[], parent = ''): { route: RouteObject; pattern: string }[] {
  return tree.flatMap((route) => {
    const pattern = route.path === undefined ? parent : `${parent.replace(/\/$/, '')}/${route.path.replace(/^\//, '')}`;
    return route.children ? screenRoutes(route.children, pattern) : [{ route, pattern: pattern === '' ? '/' : pattern }];
  });
}

/**
 * The accessibility walk (e2e/accessibility.spec.ts) visits SCREENS. Here the router itself says
 * which route each entry reaches (react-router's own matching, so index routes, `:params` and the
 * `*` catch-all count as they do in the browser), and every route must be reached by one: a route
 * added to the router without an entry in SCREENS fails this test, long before anyone runs e2e.
 */
describe('the accessibility walk', () => {
  const reached = new Set(SCREENS.flatMap((screen) => matchRoutes(routes, screen.path)?.at(-1)?.route ?? []));

  it('reaches every route of the router', () => {
    const missed = screenRoutes(routes).filter(({ route }) => !reached.has(route));
    expect(missed.map(({ pattern }) => pattern)).toEqual([]);
  });

  it('has no entry the router sends to 「ページが見つかりません」, except the one that is meant to', () => {
    const notFound = SCREENS.filter((screen) => matchRoutes(routes, screen.path)?.at(-1)?.route.path === '*');
    expect(notFound.map((screen) => screen.heading)).toEqual(['ページが見つかりません']);
  });

  it('has each screen once', () => {
    const paths = SCREENS.map((screen) => screen.path);
    expect(paths.filter((path, index) => paths.indexOf(path) !== index)).toEqual([]);
  });
});
