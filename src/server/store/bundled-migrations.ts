import { loadMigrations, type Migration } from './migrations.ts';

/**
 * The SQLite migrations bundled into the server by Vite. Apart from migrations.ts, so that a plain
 * Node script (the outbox benchmark) can apply the same files read from disk without Vite.
 */
export const bundledMigrations: Migration[] = loadMigrations(import.meta.glob<string>('./migrations/*.sql', { query: '?raw', import: 'default', eager: true }));
