import type { PortalEntry } from './portal-entries.ts';

/** Simple line pictures beside each home tile. Decorative: the tile's words carry the meaning. */
const PATHS: Record<PortalEntry['id'], string> = {
  procedures: 'M10 4a6 6 0 1 0 0 12a6 6 0 1 0 0-12zM14.5 14.5L20 20',
  facilities: 'M3 10L12 4l9 6M5 10v10h14V10M9 20v-6h6v6',
  payments: 'M5 3h14v18H5zM8 7h8M8 11h8M9 15h2v2H9zM13 15h2v2h-2z',
  certificates: 'M4 8h16v12H4zM7 8V4h10v4M8 13h8M8 16h5',
  mynumber: 'M3 6h18v12H3zM7 10a2 2 0 1 0 0.01 0M5 16c0-2 4-2 4 0M12 10h6M12 13h6',
  'text-size': 'M3 19L7 7l4 12M4.5 15h5M13 19l4-14l4 14M14.5 14h5',
};

export function EntryIcon({ id }: { id: PortalEntry['id'] }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      <path d={PATHS[id]} />
    </svg>
  );
}
