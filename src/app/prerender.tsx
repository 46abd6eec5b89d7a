import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { matchRoutes, StaticRouter } from 'react-router';
import { facilitiesContent } from '../content/facilities.ts';
import { lifeEventSlug } from '../domain/life-events.ts';
import { LIFE_EVENTS } from '../domain/procedure-codes.ts';
import { procedureSummaries } from '../features/procedures/catalogue.ts';
import { findEntry } from './portal-entries.ts';
import { loadScreensOf, PortalRoutes, routes, type ScreenHandle } from './router.tsx';

/**
 * The build's prerender (run by scripts/prerender.ts after `vite build`): each screen below is
 * rendered to HTML once, so a phone paints its header, heading and content before any script has
 * arrived, and reads it with JavaScript blocked. The browser then hydrates that HTML (src/app/start-app.tsx).
 *
 * Only screens that draw the same thing for everyone are here: their words come from the address and
 * the content pack, never from this device's storage or today's date (so not 払い方, which shows the
 * slip just read). Booking forms, the device's
 * own bookings, the camera and the staff screens start in the browser from the app shell as before.
 */
export function prerenderedPaths(): string[] {
  const procedurePath = findEntry('procedures').path;
  const facilityPath = findEntry('facilities').path;
  const paymentPath = findEntry('payments').path;
  const certificatePath = findEntry('certificates').path;
  const mynumberPath = findEntry('mynumber').path;
  return [
    '/',
    procedurePath,
    `${procedurePath}/life-events`,
    ...LIFE_EVENTS.map((event) => `${procedurePath}/life-events/${lifeEventSlug(event)}`),
    `${procedurePath}/moving`,
    ...procedureSummaries.map((procedure) => `${procedurePath}/${encodeURIComponent(procedure.id)}`),
    facilityPath,
    ...facilitiesContent.facilities.map((facility) => `${facilityPath}/${encodeURIComponent(facility.id)}`),
    paymentPath,
    `${paymentPath}/what-can-be-paid`,
    certificatePath,
    `${certificatePath}/steps`,
    `${certificatePath}/compare`,
    mynumberPath,
    `${mynumberPath}/renewal`,
    findEntry('text-size').path,
    '/accessibility',
  ];
}

export interface PrerenderedScreen {
  /** The markup that goes inside `<div id="root">`. */
  html: string;
  /** The tab title the screen sets (React renders `<title>` into the head; the prerender puts it there). */
  title: string;
  /** Resource hints React writes ahead of the markup (`<link rel="preload">` for images): they belong in the head. */
  hints: string;
  /** The screens' modules (`src/features/…/XPage.tsx`), whose chunks and CSS the page preloads. */
  screens: string[];
}

export async function prerender(path: string): Promise<PrerenderedScreen> {
  const matches = matchRoutes(routes, path);
  if (!matches || matches.at(-1)?.route.path === '*') throw new Error(`${path}: no screen of the router answers it`);
  // The screen's code first, as the browser does before it hydrates: the page holds the screen itself, not a fallback.
  await loadScreensOf(path);
  const markup = renderToString(
    <StrictMode>
      <StaticRouter location={path}>
        <PortalRoutes />
      </StaticRouter>
    </StrictMode>,
  );
  // React writes a screen's <title> where it is rendered when it renders a fragment; it belongs in the head.
  const titles = [...markup.matchAll(/<title>([^<]*)<\/title>/g)];
  const title = titles.at(-1)?.[1];
  if (title === undefined) throw new Error(`${path}: the screen sets no title`);
  const body = markup.replace(/<title>[^<]*<\/title>/g, '');
  const hints = /^(?:<link [^>]*>)*/.exec(body)?.[0] ?? '';
  return {
    html: body.slice(hints.length),
    title,
    hints,
    screens: matches.flatMap((match) => (match.route.handle as ScreenHandle | undefined)?.screen ?? []),
  };
}
