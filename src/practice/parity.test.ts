import { describe, expect, it } from 'vitest';
import { individualNumberCheckDigit } from '../domain/individual-number.ts';
import type { ServerConfig } from '../server/config.ts';
import { startTestServer, type TestServer } from '../server/testing/test-server.ts';
import { createPracticeStore, memoryStorage } from './practice-store.ts';
import { createPracticeTransport } from './practice-transport.ts';

/**
 * The practice mode refuses exactly what the server refuses: one list of scenarios runs against the
 * real server (over HTTP, SQLite) and against the practice transport (in memory), on the same clock,
 * and every step must get the same status, the same error code and the same Japanese message — and,
 * when it succeeds, the same answer (booking codes and tokens aside, which are random).
 */

// Tuesday 24 November 2026, 10:00 in Japan.
const NOW = new Date('2026-11-24T01:00:00Z');
const now = () => NOW;

interface Answer {
  status: number;
  body: Record<string, unknown>;
  replayed: string | null;
}

/** Sends one request to a target: the server or the practice transport. */
type Send = (method: string, path: string, options?: { body?: unknown; rawBody?: string; headers?: Record<string, string> }) => Promise<Answer>;
type Target = (path: string, init: RequestInit) => Promise<Response>;

function sender(target: Target): Send {
  return async (method, path, { body, rawBody, headers = {} } = {}) => {
    const text = rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
    const response = await target(`/api/v1${path}`, {
      method,
      headers: { Accept: 'application/json', ...(text === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      ...(text === undefined ? {} : { body: text }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown>, replayed: response.headers.get('idempotent-replayed') };
  };
}

/** What is compared: random codes and tokens are replaced by placeholders, everything else is kept. */
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === 'code' && typeof inner === 'string' && inner.length === 8 ? '<code>' : key === 'token' ? '<token>' : comparable(inner),
    ]),
  );
}

type Step = { step: string; status: number; replayed: string | null; body: unknown };
type Expected = { step: string; status: number };
type Scenario = (send: Send) => Promise<{ steps: Step[]; expected: Expected[] }>;

const first11 = '12345678901';
const individualNumber = `${first11}${String(individualNumberCheckDigit(first11))}`;
const visitor = { kindId: 'card-pickup', nameKana: 'とうがね はなこ', phone: '0475-50-1210', people: 1, proxy: false };
const sampleChoice = {
  facilityId: 'sample-kominkan',
  roomId: 'meeting',
  dates: ['2026-12-01'],
  blockIds: ['morning'],
  residency: 'resident',
  group: 'general',
};
const applicant = { purpose: '自治会の会議', headCount: 12, groupName: '東金一丁目自治会', nameKana: 'とうがね はなこ', phone: '0475-50-1210', email: '' };
const key = () => crypto.randomUUID();
const bearer = (token: unknown) => ({ Authorization: `Bearer ${String(token)}` });

/** Records each answer under a name; the scenario reads codes and tokens from the answers it got. */
function recorder() {
  const steps: Step[] = [];
  const expected: Expected[] = [];
  return {
    steps,
    expected,
    /** `status` is what the server must answer; the practice mode must then answer the same. */
    record: (step: string, status: number, answer: Answer): Answer => {
      steps.push({ step, status: answer.status, replayed: answer.replayed, body: comparable(answer.body) });
      expected.push({ step, status });
      return answer;
    },
  };
}

async function firstFreeSlot(send: Send): Promise<{ date: string; time: string }> {
  const { body } = await send('GET', '/counter/availability');
  for (const day of body.days as { date: string; slots: { time: string; bookable: boolean }[] }[]) {
    const slot = day.slots.find((candidate) => candidate.bookable);
    if (slot) return { date: day.date, time: slot.time };
  }
  throw new Error('no free counter slot');
}

const scenarios: Record<string, Scenario> = {
  async 'counter: book, fill the slot, refuse one more, change, cancel, cancel again'(send) {
    const { steps, expected, record } = recorder();
    record('availability', 200, await send('GET', '/counter/availability?from=2026-11-24&to=2026-11-30'));
    const slot = await firstFreeSlot(send);
    const booked = record('book', 201, await send('POST', '/counter/reservations', { body: { ...visitor, slot }, headers: { 'Idempotency-Key': key() } }));
    record('second seat', 201, await send('POST', '/counter/reservations', { body: { ...visitor, slot }, headers: { 'Idempotency-Key': key() } }));
    record('full', 409, await send('POST', '/counter/reservations', { body: { ...visitor, slot }, headers: { 'Idempotency-Key': key() } }));
    const code = String((booked.body.reservation as { code: string }).code);
    const token = booked.body.token;
    record('view', 200, await send('GET', `/counter/reservations/${code}`, { headers: bearer(token) }));
    record('change to the slot it has', 200, await send('PATCH', `/counter/reservations/${code}`, { body: { slot }, headers: bearer(token) }));
    record(
      'change',
      200,
      await send('PATCH', `/counter/reservations/${code}`, { body: { slot: { date: '2026-12-03', time: '10:00' } }, headers: bearer(token) }),
    );
    record('availability after the change', 200, await send('GET', `/counter/availability?from=${slot.date}&to=2026-12-03`));
    record('cancel', 200, await send('DELETE', `/counter/reservations/${code}`, { headers: bearer(token) }));
    record('cancel twice', 200, await send('DELETE', `/counter/reservations/${code}`, { headers: bearer(token) }));
    record(
      'change after cancelling',
      409,
      await send('PATCH', `/counter/reservations/${code}`, { body: { slot: { date: '2026-12-04', time: '10:00' } }, headers: bearer(token) }),
    );
    return { steps, expected };
  },

  async 'counter: one booking per Idempotency-Key, and another body under it is refused'(send) {
    const { steps, expected, record } = recorder();
    const slot = await firstFreeSlot(send);
    const sameKey = key();
    const first = record('book', 201, await send('POST', '/counter/reservations', { body: { ...visitor, slot }, headers: { 'Idempotency-Key': sameKey } }));
    const again = record('retry', 201, await send('POST', '/counter/reservations', { body: { ...visitor, slot }, headers: { 'Idempotency-Key': sameKey } }));
    expect(again.body).toEqual(first.body);
    record(
      'another body',
      422,
      await send('POST', '/counter/reservations', { body: { ...visitor, people: 2, slot }, headers: { 'Idempotency-Key': sameKey } }),
    );
    record('malformed key', 400, await send('POST', '/counter/reservations', { body: { ...visitor, slot }, headers: { 'Idempotency-Key': 'not-a-uuid' } }));
    return { steps, expected };
  },

  async 'counter: bad dates, far dates, unknown kinds, too many people, a 個人番号, bad JSON'(send) {
    const { steps, expected, record } = recorder();
    record('impossible date', 400, await send('POST', '/counter/reservations', { body: { ...visitor, slot: { date: '2026-02-30', time: '10:00' } } }));
    record('far date', 422, await send('POST', '/counter/reservations', { body: { ...visitor, slot: { date: '2099-01-06', time: '10:00' } } }));
    record('past date', 422, await send('POST', '/counter/reservations', { body: { ...visitor, slot: { date: '2026-11-20', time: '10:00' } } }));
    record('a Sunday', 422, await send('POST', '/counter/reservations', { body: { ...visitor, slot: { date: '2026-11-29', time: '10:00' } } }));
    record('no such time', 422, await send('POST', '/counter/reservations', { body: { ...visitor, slot: { date: '2026-12-01', time: '10:07' } } }));
    record(
      'unknown kind',
      400,
      await send('POST', '/counter/reservations', { body: { ...visitor, kindId: 'nothing', slot: { date: '2026-12-01', time: '10:00' } } }),
    );
    record(
      'too many people',
      400,
      await send('POST', '/counter/reservations', { body: { ...visitor, people: 5, slot: { date: '2026-12-01', time: '10:00' } } }),
    );
    record(
      '個人番号 in the name',
      400,
      await send('POST', '/counter/reservations', {
        body: { ...visitor, nameKana: `とうがね ${individualNumber}`, slot: { date: '2026-12-01', time: '10:00' } },
      }),
    );
    record('bad JSON', 400, await send('POST', '/counter/reservations', { rawBody: '{"kindId":' }));
    record('no body', 400, await send('POST', '/counter/reservations'));
    record('range backwards', 400, await send('GET', '/counter/availability?from=2026-12-10&to=2026-12-01'));
    record('range far away', 400, await send('GET', '/counter/availability?from=2099-01-01&to=2099-01-05'));
    record('range not a date', 400, await send('GET', '/counter/availability?from=2026-13-01'));
    return { steps, expected };
  },

  async 'counter: wrong tokens, wrong codes, the look-up by phone and closing other links'(send) {
    const { steps, expected, record } = recorder();
    const slot = await firstFreeSlot(send);
    const booked = await send('POST', '/counter/reservations', { body: { ...visitor, slot } });
    const code = String((booked.body.reservation as { code: string }).code);
    record('no token', 404, await send('GET', `/counter/reservations/${code}`));
    record('wrong token', 404, await send('GET', `/counter/reservations/${code}`, { headers: bearer('A'.repeat(43)) }));
    record('malformed token', 400, await send('GET', `/counter/reservations/${code}`, { headers: bearer('short') }));
    record('malformed code', 400, await send('GET', '/counter/reservations/0000', { headers: bearer(booked.body.token) }));
    record('cancel with a wrong token', 404, await send('DELETE', `/counter/reservations/${code}`, { headers: bearer('B'.repeat(43)) }));
    record('look-up with a wrong phone', 404, await send('POST', '/counter/reservations/lookup', { body: { code, phone: '0475-00-0000' } }));
    const found = record('look-up', 200, await send('POST', '/counter/reservations/lookup', { body: { code, phone: '0475501210' } }));
    record('view with the found link', 200, await send('GET', `/counter/reservations/${code}`, { headers: bearer(found.body.token) }));
    record('close the other links', 200, await send('DELETE', `/counter/reservations/${code}/links`, { headers: bearer(found.body.token) }));
    record('the closed link', 404, await send('GET', `/counter/reservations/${code}`, { headers: bearer(booked.body.token) }));
    return { steps, expected };
  },

  async 'facilities: quote, book, overlap, change, cancel, and the rules'(send) {
    const { steps, expected, record } = recorder();
    record('search', 200, await send('GET', '/facilities/search?purpose=会議&date=2026-12-01&headCount=10'));
    record('availability', 200, await send('GET', '/facilities/sample-kominkan/rooms/meeting/availability?from=2026-12-01&to=2026-12-07'));
    record('quote', 200, await send('POST', '/facilities/quote', { body: sampleChoice }));
    const booked = record(
      'book',
      201,
      await send('POST', '/facilities/bookings', { body: { ...sampleChoice, ...applicant }, headers: { 'Idempotency-Key': key() } }),
    );
    record('overlap', 409, await send('POST', '/facilities/bookings', { body: { ...sampleChoice, blockIds: ['all-day'], ...applicant } }));
    const code = String((booked.body.booking as { code: string }).code);
    const token = booked.body.token;
    record('view', 200, await send('GET', `/facilities/bookings/${code}`, { headers: bearer(token) }));
    record('look-up with a wrong phone', 404, await send('POST', '/facilities/bookings/lookup', { body: { code, phone: '0475-00-0000' } }));
    record('look-up of a malformed code', 400, await send('POST', '/facilities/bookings/lookup', { body: { code: '0000', phone: '0475501210' } }));
    const found = record(
      'look-up, typed with full-width digits and hyphens',
      200,
      await send('POST', '/facilities/bookings/lookup', {
        body: { code: `${code.slice(0, 4)}－${code.slice(4).toLowerCase()}`, phone: '０４７５－５０－１２１０' },
      }),
    );
    record('view with the found link', 200, await send('GET', `/facilities/bookings/${code}`, { headers: bearer(found.body.token) }));
    record(
      'change',
      200,
      await send('PATCH', `/facilities/bookings/${code}`, { body: { dates: ['2026-12-02'], blockIds: ['afternoon', 'evening'] }, headers: bearer(token) }),
    );
    record('held after the change', 200, await send('GET', '/facilities/sample-kominkan/rooms/meeting/availability?from=2026-12-01&to=2026-12-02'));
    record('cancel', 200, await send('DELETE', `/facilities/bookings/${code}`, { headers: bearer(token) }));
    record('cancel twice', 200, await send('DELETE', `/facilities/bookings/${code}`, { headers: bearer(token) }));
    record(
      'change after cancelling',
      409,
      await send('PATCH', `/facilities/bookings/${code}`, { body: { dates: ['2026-12-03'], blockIds: ['morning'] }, headers: bearer(token) }),
    );
    record('wrong token', 404, await send('GET', `/facilities/bookings/${code}`, { headers: bearer('C'.repeat(43)) }));
    record(
      'too many people',
      400,
      await send('POST', '/facilities/bookings', { body: { ...sampleChoice, ...applicant, dates: ['2026-12-08'], headCount: 31 } }),
    );
    record(
      '個人番号 in the purpose',
      400,
      await send('POST', '/facilities/bookings', { body: { ...sampleChoice, ...applicant, dates: ['2026-12-08'], purpose: `番号 ${individualNumber}` } }),
    );
    record('far date', 422, await send('POST', '/facilities/quote', { body: { ...sampleChoice, dates: ['2099-01-06'] } }));
    record('unknown room', 404, await send('POST', '/facilities/quote', { body: { ...sampleChoice, roomId: 'nothing' } }));
    record('not bookable here', 422, await send('GET', '/facilities/togane-arena/rooms/main-arena/availability'));
    record(
      'a 仮予約 of the 文化会館',
      201,
      await send('POST', '/facilities/bookings', {
        body: { ...sampleChoice, ...applicant, facilityId: 'bunka-kaikan', roomId: 'meeting-1', dates: ['2026-12-19'] },
      }),
    );
    record('search a far date', 400, await send('GET', '/facilities/search?date=2099-01-01'));
    return { steps, expected };
  },
};

const sampleRefusal: Scenario = async (send) => {
  const { steps, expected, record } = recorder();
  record(
    'a sample facility',
    409,
    await send('POST', '/facilities/bookings', { body: { ...sampleChoice, ...applicant }, headers: { 'Idempotency-Key': key() } }),
  );
  record('its blocks stay free', 200, await send('GET', '/facilities/sample-kominkan/rooms/meeting/availability?from=2026-12-01&to=2026-12-01'));
  return { steps, expected };
};

function practice(sampleFacilitiesBookable: boolean): Target {
  const answer = createPracticeTransport({ store: createPracticeStore(memoryStorage(), 'parity'), now, sampleFacilitiesBookable });
  return (path, init) => answer(new Request(`http://practice.test${path}`, init));
}

/** A fresh server per scenario, so both sides start from empty data. */
async function onServer(config: Partial<ServerConfig>, scenario: Scenario): ReturnType<Scenario> {
  const server: TestServer = await startTestServer({ rateLimitPerMinute: 100_000, ...config }, now);
  try {
    return await scenario(sender((path, init) => fetch(`${server.baseUrl}${path}`, init)));
  } finally {
    await server.close();
  }
}

describe('the practice mode answers as the server does', () => {
  for (const [name, scenario] of Object.entries(scenarios)) {
    it(name, async () => {
      // The sample 公民館 is the one facility that allows changes: the server runs as a demonstration would.
      const onTheServer = await onServer({ sampleFacilitiesBookable: true }, scenario);
      expect(onTheServer.steps.map(({ step, status }) => ({ step, status }))).toEqual(onTheServer.expected);
      const inPractice = await scenario(sender(practice(true)));
      expect(inPractice.steps).toEqual(onTheServer.steps);
    });
  }

  it('refuses a sample facility where the deployment does (the default), and books nothing', async () => {
    const onTheServer = await onServer({}, sampleRefusal);
    expect(onTheServer.steps.map(({ step, status }) => ({ step, status }))).toEqual(onTheServer.expected);
    expect((await sampleRefusal(sender(practice(false)))).steps).toEqual(onTheServer.steps);
  });
});
