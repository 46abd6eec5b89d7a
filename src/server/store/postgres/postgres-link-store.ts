import type { Pool } from 'pg';
import { type BookingLink, type LinkStore, MAX_LINKS_PER_BOOKING } from '../../../booking/link-store.ts';
import { inTransaction, LOCK_NAMESPACE, lockFor } from './transaction.ts';

interface LinkRow {
  id: number;
  opened_by: 'booking' | 'lookup';
  created_at: string;
}

const toLink = (row: LinkRow): BookingLink => ({ id: row.id, openedBy: row.opened_by, createdAt: row.created_at });

export function postgresLinkStore(pool: Pool): LinkStore {
  return {
    async find(kind, code, tokenHash) {
      const { rows } = await pool.query<LinkRow>(
        'SELECT id, opened_by, created_at FROM booking_links WHERE booking_kind = $1 AND code = $2 AND token_hash = $3',
        [kind, code, tokenHash],
      );
      return rows[0] ? toLink(rows[0]) : null;
    },

    async list(kind, code) {
      const { rows } = await pool.query<LinkRow>('SELECT id, opened_by, created_at FROM booking_links WHERE booking_kind = $1 AND code = $2 ORDER BY id', [
        kind,
        code,
      ]);
      return rows.map(toLink);
    },

    addFoundLink: (kind, code, tokenHash, now) =>
      inTransaction(pool, async (client) => {
        // Look-ups of one booking on two instances at once would each count 4 links and each add one.
        await lockFor(client, LOCK_NAMESPACE.bookingLinks, `${kind}\n${code}`);
        await client.query(
          `DELETE FROM booking_links WHERE id IN (
             SELECT id FROM booking_links WHERE booking_kind = $1 AND code = $2 AND opened_by = 'lookup' ORDER BY id
             LIMIT GREATEST(0, (SELECT count(*) FROM booking_links WHERE booking_kind = $1 AND code = $2) - $3 + 1))`,
          [kind, code, MAX_LINKS_PER_BOOKING],
        );
        await client.query("INSERT INTO booking_links (booking_kind, code, token_hash, opened_by, created_at) VALUES ($1, $2, $3, 'lookup', $4)", [
          kind,
          code,
          tokenHash,
          now,
        ]);
      }),

    async closeOthers(kind, code, keepId) {
      const result = await pool.query('DELETE FROM booking_links WHERE booking_kind = $1 AND code = $2 AND id <> $3', [kind, code, keepId]);
      return result.rowCount ?? 0;
    },
  };
}
