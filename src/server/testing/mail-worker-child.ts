/**
 * A mail worker in a process of its own, for the test that kills one mid-send (SIGKILL: no
 * clean-up, no mark). Arguments: the SQLite file, SMTP_URL, the sender and the instant it takes as now.
 */
import Database from 'better-sqlite3';
import { createMailWorker } from '../notify/mail-worker.ts';
import { sqliteOutboxStore } from '../store/sqlite-outbox-store.ts';

const [databaseFile = '', smtpUrl = '', from = '', now = ''] = process.argv.slice(2);
const db = new Database(databaseFile);
db.pragma('busy_timeout = 5000');
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
await createMailWorker({ outbox: sqliteOutboxStore(db), smtp: { url: smtpUrl, from }, now: () => new Date(now), log: quiet }).sendDue();
