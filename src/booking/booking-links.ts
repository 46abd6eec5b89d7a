import type { ManagementLink } from '../domain/management-links.ts';
import type { BookingKind, LinkStore } from './link-store.ts';
import { hashSecret, newManagementToken } from './secrets.ts';

/**
 * The management links of one kind of booking, for its service: opening a booking with a token,
 * listing where it is open, adding a link for a look-up (never replacing the owner's), and closing
 * the others.
 */
export function bookingLinks(links: LinkStore, kind: BookingKind, now: () => Date) {
  return {
    /** The id of the link the token opens, or null. */
    async open(code: string, token: string | null): Promise<number | null> {
      if (token === null) return null;
      return (await links.find(kind, code, await hashSecret(token)))?.id ?? null;
    },
    async list(code: string, currentId: number | null): Promise<ManagementLink[]> {
      return (await links.list(kind, code)).map((link) => ({ id: link.id, openedBy: link.openedBy, openedAt: link.createdAt, current: link.id === currentId }));
    },
    /** A new link for a device that found the booking by code + phone; returns its token. */
    async addFound(code: string): Promise<string> {
      const token = newManagementToken();
      await links.addFoundLink(kind, code, await hashSecret(token), now().toISOString());
      return token;
    },
    closeOthers: (code: string, keepId: number) => links.closeOthers(kind, code, keepId),
  };
}
