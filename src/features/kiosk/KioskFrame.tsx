import type { ReactNode } from 'react';
import { KioskSession } from './KioskSession.tsx';
import { KioskStaffLink } from './KioskStaffLink.tsx';
import { StartOverButton } from './StartOverButton.tsx';

/** What the portal's frame holds on the city's kiosk: 「最初から」 in the header, the staff link in the footer, the idle reset around it all. */
export function KioskFrame({ frame }: { frame: (headerAction: ReactNode, footerExtra: ReactNode) => ReactNode }) {
  return <KioskSession>{frame(<StartOverButton />, <KioskStaffLink />)}</KioskSession>;
}
