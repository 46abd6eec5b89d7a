import type Database from 'better-sqlite3';
import { type BookingLink, type LinkStore, MAX_LINKS_PER_BOOKING } from '../../booking/link-store.ts';

interface LinkRow {
  id: number;
  opened_by: 'booking' | 'lookup';
  created_at: string;
}

const toLink = (row: LinkRow): BookingLink => ({ id: row.id, openedBy: row.opened_by, createdAt: row.created_at });

export function sqliteLinkStore(db: Database.Database): LinkStore {
  const findOne = db.prepare('SELECT id, opened_by, created_at FROM booking_links WHERE booking_kind = ? AND code = ? AND token_hash = ?');
  const listAll = db.prepare('SELECT id, opened_by, created_at FROM booking_links WHERE booking_kind = ? AND code = ? ORDER BY id');
  const insert = db.prepare("INSERT INTO booking_links (booking_kind, code, token_hash, opened_by, created_at) VALUES (?, ?, ?, 'lookup', ?)");
  const countAll = db.prepare('SELECT COUNT(*) FROM booking_links WHERE booking_kind = ? AND code = ?').pluck();
  const closeOldestFound = db.prepare(`DELETE FROM booking_links WHERE id = (
    SELECT id FROM booking_links WHERE booking_kind = ? AND code = ? AND opened_by = 'lookup' ORDER BY id LIMIT 1)`);
  const closeOthers = db.prepare('DELETE FROM booking_links WHERE booking_kind = ? AND code = ? AND id <> ?');

  const addFoundLink = db.transaction((kind: string, code: string, tokenHash: string, now: string) => {
    while ((countAll.get(kind, code) as number) >= MAX_LINKS_PER_BOOKING && closeOldestFound.run(kind, code).changes === 1);
    insert.run(kind, code, tokenHash, now);
  });

  return {
    find(kind, code, tokenHash) {
      const row = findOne.get(kind, code, tokenHash) as LinkRow | undefined;
      return Promise.resolve(row ? toLink(row) : null);
    },
    list: (kind, code) => Promise.resolve((listAll.all(kind, code) as LinkRow[]).map(toLink)),
    addFoundLink: (kind, code, tokenHash, now) => Promise.resolve(addFoundLink.immediate(kind, code, tokenHash, now)),
    closeOthers: (kind, code, keepId) => Promise.resolve(closeOthers.run(kind, code, keepId).changes),
  };
}
