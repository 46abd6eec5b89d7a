import { createBrowserRouter, type RouteObject } from 'react-router';
import { Layout } from './Layout.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { findEntry } from './portal-entries.ts';
import { RouteError } from './RouteError.tsx';

/**
 * One route per feature, each loaded only when visited (route-level code splitting keeps the home
 * screen small for old phones). The error element sits inside the layout, so the header and the
 * 文字を大きく switch stay usable when a screen fails.
 */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./HomePage.tsx')).HomePage }) },
          {
            path: findEntry('procedures').path,
            children: [
              { index: true, lazy: async () => ({ Component: (await import('../features/procedures/SearchPage.tsx')).SearchPage }) },
              { path: 'life-events', lazy: async () => ({ Component: (await import('../features/procedures/LifeEventsPage.tsx')).LifeEventsPage }) },
              { path: 'life-events/:event', lazy: async () => ({ Component: (await import('../features/procedures/LifeEventPage.tsx')).LifeEventPage }) },
              { path: 'moving', lazy: async () => ({ Component: (await import('../features/procedures/MovingPage.tsx')).MovingPage }) },
              { path: 'moving/checklist', lazy: async () => ({ Component: (await import('../features/procedures/ChecklistPage.tsx')).ChecklistPage }) },
              { path: ':id', lazy: async () => ({ Component: (await import('../features/procedures/ProcedurePage.tsx')).ProcedurePage }) },
            ],
          },
          {
            path: findEntry('facilities').path,
            children: [
              { index: true, lazy: async () => ({ Component: (await import('../features/facilities/FacilitiesPage.tsx')).FacilitiesPage }) },
              { path: 'bookings', lazy: async () => ({ Component: (await import('../features/facilities/BookingsPage.tsx')).BookingsPage }) },
              { path: 'bookings/:code', lazy: async () => ({ Component: (await import('../features/facilities/BookingPage.tsx')).BookingPage }) },
              { path: ':facilityId', lazy: async () => ({ Component: (await import('../features/facilities/FacilityPage.tsx')).FacilityPage }) },
              { path: ':facilityId/handoff', lazy: async () => ({ Component: (await import('../features/facilities/HandoffPage.tsx')).HandoffPage }) },
              {
                path: ':facilityId/rooms/:roomId/book',
                lazy: async () => ({ Component: (await import('../features/facilities/RoomBookingPage.tsx')).RoomBookingPage }),
              },
            ],
          },
          {
            path: findEntry('payments').path,
            children: [
              { index: true, lazy: async () => ({ Component: (await import('../features/payments/ScanPage.tsx')).ScanPage }) },
              { path: 'number', lazy: async () => ({ Component: (await import('../features/payments/ElNumberPage.tsx')).ElNumberPage }) },
              { path: 'slip', lazy: async () => ({ Component: (await import('../features/payments/SlipPage.tsx')).SlipPage }) },
              { path: 'how-to-pay', lazy: async () => ({ Component: (await import('../features/payments/HowToPayPage.tsx')).HowToPayPage }) },
              { path: 'what-can-be-paid', lazy: async () => ({ Component: (await import('../features/payments/FundsPage.tsx')).FundsPage }) },
            ],
          },
          {
            path: findEntry('certificates').path,
            children: [
              { index: true, lazy: async () => ({ Component: (await import('../features/certificates/CertificatesPage.tsx')).CertificatesPage }) },
              { path: 'check', lazy: async () => ({ Component: (await import('../features/certificates/CheckPage.tsx')).CheckPage }) },
              { path: 'steps', lazy: async () => ({ Component: (await import('../features/certificates/StepsPage.tsx')).StepsPage }) },
              { path: 'practice', lazy: async () => ({ Component: (await import('../features/certificates/PracticePage.tsx')).PracticePage }) },
              { path: 'compare', lazy: async () => ({ Component: (await import('../features/certificates/ComparePage.tsx')).ComparePage }) },
            ],
          },
          {
            path: findEntry('mynumber').path,
            children: [
              { index: true, lazy: async () => ({ Component: (await import('../features/mynumber/MynumberPage.tsx')).MynumberPage }) },
              { path: 'book/:kindId', lazy: async () => ({ Component: (await import('../features/mynumber/BookingPage.tsx')).BookingPage }) },
              { path: 'reservations', lazy: async () => ({ Component: (await import('../features/mynumber/ReservationsPage.tsx')).ReservationsPage }) },
              { path: 'reservations/:code', lazy: async () => ({ Component: (await import('../features/mynumber/ReservationPage.tsx')).ReservationPage }) },
              { path: 'renewal', lazy: async () => ({ Component: (await import('../features/mynumber/RenewalPage.tsx')).RenewalPage }) },
            ],
          },
          // For staff: switches this device into キオスクモード (not linked from the citizens' screens).
          { path: 'kiosk/setup', lazy: async () => ({ Component: (await import('../features/kiosk/KioskSetupPage.tsx')).KioskSetupPage }) },
          {
            path: '/practice',
            children: [
              { index: true, lazy: async () => ({ Component: (await import('../features/practice/PracticePage.tsx')).PracticePage }) },
              { path: 'slip', lazy: async () => ({ Component: (await import('../features/practice/PracticeSlipPage.tsx')).PracticeSlipPage }) },
            ],
          },
          {
            path: findEntry('text-size').path,
            lazy: async () => ({ Component: (await import('../features/settings/SettingsPage.tsx')).SettingsPage }),
          },
          { path: '/accessibility', lazy: async () => ({ Component: (await import('../features/accessibility/AccessibilityPage.tsx')).AccessibilityPage }) },
          // Also shown by RouteError for a 404, so it is part of the shell rather than its own chunk.
          { path: '*', element: <NotFoundPage /> },
        ],
      },
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
    errorElement: <RouteError />,
    children: [{ path: '/staff', lazy: async () => ({ Component: (await import('../features/staff/StaffApp.tsx')).StaffApp }) }],
  },
];

export function createPortalRouter() {
  return createBrowserRouter([...staffRoutes, ...routes]);
}
