import { type ComponentType, createElement, use } from 'react';
import { matchRoutes, type Params, type RouteObject, useRoutes } from 'react-router';
import { Layout } from './Layout.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { findEntry } from './portal-entries.ts';
import { type Preloadable, preloadable } from './preloadable.ts';
import { ScreenErrorBoundary } from './ScreenErrorBoundary.tsx';

/**
 * The screens, each its own chunk (route-level code splitting keeps the home screen small for old
 * phones). A glob rather than one import() per route, so a route can name its screen's module: the
 * build's prerender (src/app/prerender.tsx) preloads that chunk and its CSS in the route's HTML.
 */
const screenModules = import.meta.glob<Record<string, ComponentType | LoadData>>([
  './HomePage.tsx',
  '../features/*/*Page.tsx',
  '../features/staff/StaffApp.tsx',
  // Parts of StaffApp (the desks, administration, the day sheet), not routes of their own: matched here, a part
  // becomes a chunk the app can reach, shared staff code moves into it, and the citizens' precache gets it.
  '!../features/staff/*Page.tsx',
]);

/**
 * What a screen reads before it draws, by the address's parameters (a procedure's own page): its module
 * exports it as `loadData`, and the app waits for it as for the screen's code before its first render.
 */
type LoadData = (params: Params) => Promise<unknown>;

/** What a route's screen is called in the build manifest (`src/features/…/XPage.tsx`), its code, and its data. */
export interface ScreenHandle {
  screen: string;
  component: Preloadable<ComponentType>;
  loadData: LoadData;
}

/** Draws a screen whose code has arrived, or waits for it (the layout's Suspense keeps the last screen meanwhile). */
function LazyScreen({ component }: { component: Preloadable<ComponentType> }) {
  // The same component object on every render (the module's export, kept once it has arrived).
  return createElement(component.loaded() ?? use(component.load()));
}

/**
 * A route's screen: the module exports a component named as its file (`SearchPage.tsx` → `SearchPage`).
 * A screen that asks the server something (or shows this version's details) comes with the tab's
 * answer cache (QueryRoot), a chunk of its own. Home and the procedure screens, whose content is
 * built into the app, do without: a phone opening a procedure's page fetches and runs no more than it draws.
 */
function screen(module: string, { asksServer = true } = {}): Pick<RouteObject, 'element' | 'handle'> {
  const load = screenModules[module];
  const name = module
    .split('/')
    .at(-1)
    ?.replace(/\.tsx$/, '');
  if (!load || !name) throw new Error(`${module} is not a screen module`);
  const exports = preloadable(load);
  const component = preloadable(async (): Promise<ComponentType> => {
    const [screenExports, answers] = await Promise.all([exports.load(), asksServer ? import('./QueryRoot.tsx') : null]);
    // The export named as the file is the screen's component (loadData, the only other export, is not).
    const Screen = screenExports[name] as ComponentType | undefined;
    if (!Screen) throw new Error(`${module} does not export ${name}`);
    if (!answers) return Screen;
    const { QueryRoot } = answers;
    return function ScreenWithAnswers() {
      return (
        <QueryRoot>
          <Screen />
        </QueryRoot>
      );
    };
  });
  const loadData: LoadData = async (params) => {
    const { loadData: loadScreenData } = await exports.load();
    // Only loadData is called so; a screen without it reads nothing first.
    await (loadScreenData as LoadData | undefined)?.(params);
  };
  const handle: ScreenHandle = { screen: new URL(module, 'file:///src/app/').pathname.slice(1), component, loadData };
  return { handle, element: <LazyScreen component={component} /> };
}

/**
 * One route per screen, each loaded only when visited. The layout catches a screen's failure inside
 * it, so the header and the 文字を大きく switch stay usable when a screen fails.
 */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, ...screen('./HomePage.tsx', { asksServer: false }) },
      {
        path: findEntry('procedures').path,
        children: [
          { index: true, ...screen('../features/procedures/SearchPage.tsx', { asksServer: false }) },
          { path: 'life-events', ...screen('../features/procedures/LifeEventsPage.tsx', { asksServer: false }) },
          { path: 'life-events/:event', ...screen('../features/procedures/LifeEventPage.tsx', { asksServer: false }) },
          { path: 'moving', ...screen('../features/procedures/MovingPage.tsx', { asksServer: false }) },
          { path: 'moving/checklist', ...screen('../features/procedures/ChecklistPage.tsx', { asksServer: false }) },
          { path: ':id', ...screen('../features/procedures/ProcedurePage.tsx', { asksServer: false }) },
        ],
      },
      {
        path: findEntry('facilities').path,
        children: [
          { index: true, ...screen('../features/facilities/FacilitiesPage.tsx') },
          { path: 'bookings', ...screen('../features/facilities/BookingsPage.tsx') },
          { path: 'bookings/:code', ...screen('../features/facilities/BookingPage.tsx') },
          { path: 'waitlist', ...screen('../features/facilities/RoomWaitlistOfferPage.tsx') },
          { path: ':facilityId', ...screen('../features/facilities/FacilityPage.tsx') },
          { path: ':facilityId/handoff', ...screen('../features/facilities/HandoffPage.tsx') },
          {
            path: ':facilityId/rooms/:roomId/book',
            ...screen('../features/facilities/RoomBookingPage.tsx'),
          },
        ],
      },
      {
        path: findEntry('payments').path,
        children: [
          { index: true, ...screen('../features/payments/ScanPage.tsx') },
          { path: 'number', ...screen('../features/payments/ElNumberPage.tsx') },
          { path: 'slip', ...screen('../features/payments/SlipPage.tsx') },
          { path: 'how-to-pay', ...screen('../features/payments/HowToPayPage.tsx') },
          { path: 'what-can-be-paid', ...screen('../features/payments/FundsPage.tsx') },
        ],
      },
      {
        path: findEntry('certificates').path,
        children: [
          { index: true, ...screen('../features/certificates/CertificatesPage.tsx') },
          { path: 'check', ...screen('../features/certificates/CheckPage.tsx') },
          { path: 'steps', ...screen('../features/certificates/StepsPage.tsx') },
          { path: 'practice', ...screen('../features/certificates/PracticePage.tsx') },
          { path: 'compare', ...screen('../features/certificates/ComparePage.tsx') },
        ],
      },
      {
        path: findEntry('mynumber').path,
        children: [
          { index: true, ...screen('../features/mynumber/MynumberPage.tsx') },
          { path: 'book/:kindId', ...screen('../features/mynumber/BookingPage.tsx') },
          { path: 'reservations', ...screen('../features/mynumber/ReservationsPage.tsx') },
          { path: 'reservations/:code', ...screen('../features/mynumber/ReservationPage.tsx') },
          { path: 'renewal', ...screen('../features/mynumber/RenewalPage.tsx') },
          // キャンセル待ち: where an offer's mail links (the secret in the #token= fragment).
          { path: 'waitlist', ...screen('../features/mynumber/WaitlistOfferPage.tsx') },
          // キャンセル待ち before an offer: the place in line and leaving (linked from the screen that confirmed joining).
          { path: 'waitlist/place', ...screen('../features/mynumber/WaitlistPlacePage.tsx') },
        ],
      },
      // For staff: switches this device into キオスクモード (not linked from the citizens' screens).
      { path: 'kiosk/setup', ...screen('../features/kiosk/KioskSetupPage.tsx') },
      {
        path: '/practice',
        children: [
          { index: true, ...screen('../features/practice/PracticePage.tsx') },
          { path: 'slip', ...screen('../features/practice/PracticeSlipPage.tsx') },
        ],
      },
      {
        path: findEntry('text-size').path,
        ...screen('../features/settings/SettingsPage.tsx'),
      },
      { path: '/accessibility', ...screen('../features/accessibility/AccessibilityPage.tsx') },
      // Also shown by RouteError for a 404, so it is part of the shell rather than its own chunk.
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/**
 * The staff screens (/staff: bookings at the desks, administration), not linked from the citizens'
 * screens. Same shell, but not part of the citizens' portal whose accessibility report
 * (/accessibility) the walk of `routes` makes: e2e/staff.spec.ts checks them with axe instead.
 */
export const staffRoutes: RouteObject[] = [
  {
    element: <Layout />,
    children: [{ path: '/staff', ...screen('../features/staff/StaffApp.tsx') }],
  },
];

const portalRoutes = [...staffRoutes, ...routes];

/**
 * Loads the screen of this address and what it reads first (a procedure's own page) before the app's
 * first render, so it draws the screen whole: a prerendered page is taken over as it stands, and the
 * shell never shows an empty frame first. If a chunk cannot be fetched (offline before it was cached),
 * the screen shows the error screen when drawn.
 */
export async function loadScreensOf(pathname: string): Promise<void> {
  const matches = matchRoutes(portalRoutes, pathname) ?? [];
  await Promise.all(
    matches.flatMap(({ route, params }) => {
      const handle = route.handle as ScreenHandle | undefined;
      return handle ? [handle.component.load(), handle.loadData(params)].map((loading) => loading.catch(() => undefined)) : [];
    }),
  );
}

/** The portal's screens at the router's address. The outer boundary catches what fails outside a screen (the layout itself). */
export function PortalRoutes() {
  return <ScreenErrorBoundary>{useRoutes(portalRoutes)}</ScreenErrorBoundary>;
}
