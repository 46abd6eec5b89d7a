/**
 * The floor `npm run bench:booking` measures our server against, started by it as a child process:
 * a bare Fastify app (no plugins, no hooks) with
 *  - GET /availability: the bytes of our availability answer (read from FLOOR_ANSWER_FILE), as they are;
 *  - POST /counter and POST /facilities: the real store's booking call, the same transaction our
 *    server runs (with the request's Idempotency-Key kept, the body's hash not computed), on its own
 *    throw-away SQLite database in DATA_DIR, with a fresh code per attempt;
 *    201 when booked, 409 otherwise. (No PostgreSQL floor yet: its store module reads its
 *    migrations through Vite.)
 * So the bench can say how far our hooks, checks and rules are above what the bytes and the
 * transaction cost by themselves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Fastify, { type FastifyRequest } from 'fastify';
import { facilitiesContent } from '../src/content/facilities.ts';
import { choiceSegments } from '../src/domain/facility-answers.ts';
import { applyMigrations, loadMigrations } from '../src/server/store/migrations.ts';
import { sqliteCounterStore } from '../src/server/store/sqlite-counter-store.ts';
import { sqliteFacilityStore } from '../src/server/store/sqlite-facility-store.ts';

const answers: Record<string, Buffer> = JSON.parse(readFileSync(process.env.FLOOR_ANSWER_FILE ?? '', 'utf8'), (key, value: unknown) =>
  key !== '' && typeof value === 'string' ? Buffer.from(value) : value,
) as Record<string, Buffer>;
// The SQLite store's own booking calls, on a database opened as openSqliteStore opens it (that
// module reads its migrations through Vite, so they are read from disk here, as bench-outbox does).
const db = new Database(join(process.env.DATA_DIR ?? '', 'floor.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
const migrationsDir = new URL('../src/server/store/migrations/', import.meta.url);
applyMigrations(db, loadMigrations(Object.fromEntries(readdirSync(migrationsDir).map((name) => [name, readFileSync(new URL(name, migrationsDir), 'utf8')]))));
const store = { counter: sqliteCounterStore(db), facilities: sqliteFacilityStore(db) };
const facility = facilitiesContent.facilities.find((candidate) => candidate.id === 'bunka-kaikan');
if (!facility) throw new Error('bunka-kaikan is not in the content');
let codes = 0;
/** A fresh code (and link token hash) per attempt, as the services make one. */
const code = () => `FL${String(++codes).padStart(6, '0')}`;

/** The request's Idempotency-Key as the store's booking call takes it (the key stands in for the body's hash). */
function idempotencyOf(request: FastifyRequest, scope: string) {
  const key = request.headers['idempotency-key'];
  return typeof key === 'string' ? { scope, key, requestHash: key } : null;
}

const app = Fastify();
app.get('/availability/:name', (request, reply) => {
  void reply.header('Content-Type', 'application/json; charset=utf-8').send(answers[(request.params as { name: string }).name]);
});
app.post('/counter', async (request, reply) => {
  const body = request.body as { slot: { date: string; time: string }; nameKana: string; phone: string };
  const now = new Date().toISOString();
  const fresh = code();
  const outcome = await store.counter.book(
    {
      code: fresh,
      tokenHash: `floor-${fresh}`,
      kindId: 'card-pickup',
      slot: `${body.slot.date}T${body.slot.time}`,
      capacity: 2,
      people: 1,
      proxy: false,
      nameKana: body.nameKana,
      phone: body.phone,
      email: null,
      pushSubscription: null,
      reminders: [],
      now,
    },
    idempotencyOf(request, 'counter.create'),
    () => '{}',
  );
  return reply
    .status(outcome.replayed === false && outcome.value === 'booked' ? 201 : 409)
    .send({ outcome: outcome.replayed === false ? outcome.value : 'replayed' });
});
app.post('/facilities', async (request, reply) => {
  const body = request.body as { dates: string[]; blockIds: string[]; nameKana: string; phone: string };
  const fresh = code();
  const outcome = await store.facilities.book(
    {
      code: fresh,
      facilityId: facility.id,
      roomId: 'meeting-1',
      dates: body.dates,
      blockIds: body.blockIds,
      residency: 'resident',
      group: 'general',
      headCount: 10,
      fee: 0,
      status: 'booked',
      provisionalUntil: null,
      applyBy: null,
      purpose: '会議',
      groupName: '',
      nameKana: body.nameKana,
      phone: body.phone,
      email: null,
      segments: choiceSegments(facility, body.dates, body.blockIds),
      tokenHash: `floor-${fresh}`,
      mails: [],
      now: new Date().toISOString(),
    },
    idempotencyOf(request, 'facilities.create'),
    () => '{}',
  );
  return reply
    .status(outcome.replayed === false && outcome.value === 'booked' ? 201 : 409)
    .send({ outcome: outcome.replayed === false ? outcome.value : 'replayed' });
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
