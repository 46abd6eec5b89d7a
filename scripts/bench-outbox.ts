/**
 * `npm run bench:outbox`: how fast the mail worker drains the outbox. 10,000 reminders (or
 * `-- --messages=N`) all fall due at once, as the day-before reminders do at 17:00, in a SQLite
 * database written by the real booking store; one worker sends them to a local SMTP server
 * (smtp-server) over real SMTP. Prints messages per second and the worst delay past the due time,
 * with the machine's load average: figures from a busy machine are not comparable with a quiet one.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { outboxMessage } from '../src/booking/outbox.ts';
import { createMailWorker } from '../src/server/notify/mail-worker.ts';
import { applyMigrations, loadMigrations } from '../src/server/store/migrations.ts';
import { sqliteCounterStore } from '../src/server/store/sqlite-counter-store.ts';
import { sqliteOutboxStore } from '../src/server/store/sqlite-outbox-store.ts';
import { startSmtpSink } from '../src/server/testing/smtp-sink.ts';

const count = Number(/^--messages=(\d+)$/.exec(process.argv.find((arg) => arg.startsWith('--messages=')) ?? '')?.[1] ?? 10_000);
const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');

const migrationsDir = new URL('../src/server/store/migrations/', import.meta.url);
const migrations = loadMigrations(Object.fromEntries(readdirSync(migrationsDir).map((name) => [name, readFileSync(new URL(name, migrationsDir), 'utf8')])));
const dir = mkdtempSync(join(tmpdir(), 'togane-bench-outbox-'));
const db = new Database(join(dir, 'togane.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('foreign_keys = ON');
applyMigrations(db, migrations);
const sink = await startSmtpSink();

try {
  console.log(`# outbox: ${String(count)} reminders due at once → local SMTP (${String(cpus().length)} cores, load average ${load()})`);
  // Filling the outbox is not what is measured: the bookings go in without waiting for the disk.
  db.pragma('synchronous = OFF');
  const counter = sqliteCounterStore(db);
  const filled = new Date();
  const mail = {
    subject: '【東金市】あした 12月1日（火） 10:30から マイナンバーカードの窓口の予約があります',
    body: 'マイナンバーカードの窓口の予約は、あしたです。\n'.repeat(30),
  };
  for (let index = 0; index < count; index++) {
    const code = `B${String(index).padStart(7, '0')}`;
    await counter.book(
      {
        code,
        tokenHash: code,
        kindId: 'card-pickup',
        slot: '2026-12-01T10:30',
        capacity: count,
        people: 1,
        proxy: false,
        nameKana: 'トウガネ',
        phone: '0475501210',
        email: `citizen${String(index)}@example.jp`,
        pushSubscription: null,
        reminders: [outboxMessage('reminder', mail, `citizen${String(index)}@example.jp`, filled)],
        now: filled.toISOString(),
      },
      null,
      () => '{}',
    );
  }
  db.pragma('synchronous = FULL');
  // All of them fall due the moment the worker starts, as at 17:00 (filling took its own time).
  const dueAt = new Date();
  db.prepare('UPDATE outbox SET due_at = ?, next_attempt_at = ?').run(dueAt.toISOString(), dueAt.toISOString());

  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const worker = createMailWorker({
    outbox: sqliteOutboxStore(db),
    smtp: { url: sink.url, from: '東金市役所 <no-reply@example.jp>' },
    now: () => new Date(),
    log: quiet,
    batchSize: 50,
  });
  const started = Date.now();
  while ((await worker.sendDue()) > 0);
  const finished = Date.now();
  await worker.stop();

  const { sent, lastFinished } = db.prepare("SELECT count(*) AS sent, max(finished_at) AS lastFinished FROM outbox WHERE status = 'sent'").get() as {
    sent: number;
    lastFinished: string;
  };
  const distinct = new Set(sink.received.map((received) => received.headers.get('message-id'))).size;
  const seconds = (finished - started) / 1000;
  console.log(
    `sent ${String(sent)} (the SMTP server received ${String(sink.received.length)}, ${String(distinct)} distinct Message-IDs) in ${seconds.toFixed(1)} s`,
  );
  console.log(`messages per second: ${(sent / seconds).toFixed(0)}`);
  console.log(`worst delay past the due time: ${((Date.parse(lastFinished) - dueAt.getTime()) / 1000).toFixed(1)} s (the last mail marked sent)`);
  console.log(`load average after: ${load()}`);
  if (sent !== count || distinct !== count) process.exitCode = 1;
} finally {
  await sink.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
