/**
 * `npm run bench:booking`: the counter booking API under load, on loopback, against the built server
 * (`dist/server/main.js`) with a throw-away database.
 *  0. Three unmeasured seconds of each availability request, so start-up costs are not counted.
 *  1. Availability at a steady 500 requests/s for 10 s: p50/p99 latency (goal p99 ≤ 20 ms).
 *  2. Availability as fast as it goes: requests/s.
 *  3. The race: 5 rounds of 200 simultaneous bookings for one slot of 2 seats, each with its own
 *     Idempotency-Key as a browser sends them: successes per round
 *     (must be exactly 2) and booking latency p50/p99 (goal p99 ≤ 100 ms).
 *  4–5. The same for facilities: a room's availability (35 days, every block) at 500 requests/s, and
 *     5 rounds of 200 simultaneous bookings of one block of one room (must be exactly 1 each).
 * `-- --store=postgres` runs the same against PostgreSQL: a throw-away cluster (PostgreSQL 15 from
 * Debian, as in the tests) started for the run and deleted afterwards, reached through DATABASE_URL;
 * `-- --store=postgres --workers=N` with N server processes on the port (WORKERS), and then:
 *  6. kill -9 of one worker in the middle of 300 bookings sent 20 at a time: every booking acknowledged
 *     (201) is found afterwards, no slot's seat count differs from its bookings, and the other worker
 *     answered meanwhile.
 * `-- --compare` runs SQLite with 1 worker, PostgreSQL with 1 and with 2 workers one after another in
 * the same run, and prints their figures side by side.
 *
 * Each run also measures the floor (scripts/bench-floor-server.ts, a child process on BENCH_PORT + 1):
 * a bare Fastify route sending the same bytes as each availability answer, and the same booking
 * transaction (the store's own booking call with its idempotency record, on a throw-away database of
 * the same kind) behind a bare route, raced 200-way like ours. Our figures are printed as ratios to it: availability flat
 * out (goal ≥ 0.8× the bare route) and the race's p99 (goal ≤ 1.2× the bare route's), with the
 * load average, since figures from a busy machine are not comparable with a quiet one.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { createDatabase, freePort, startCluster, stopCluster } from '../src/server/testing/postgres-cluster.ts';

// BENCH_PORT lets two checkouts run their benches side by side.
const PORT = Number(process.env.BENCH_PORT ?? 4919);
const BASE = `http://127.0.0.1:${String(PORT)}`;
const FLOOR_PORT = PORT + 1;
const FLOOR = `http://127.0.0.1:${String(FLOOR_PORT)}`;
const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ');

interface Setup {
  store: 'sqlite' | 'postgres';
  workers: number;
}

function setupsFromArguments(): Setup[] {
  if (process.argv.includes('--compare')) {
    return [
      { store: 'sqlite', workers: 1 },
      { store: 'postgres', workers: 1 },
      { store: 'postgres', workers: 2 },
    ];
  }
  const workers = Number(/^--workers=(\d+)$/.exec(process.argv.find((argument) => argument.startsWith('--workers=')) ?? '')?.[1] ?? 1);
  return [{ store: process.argv.includes('--store=postgres') ? 'postgres' : 'sqlite', workers }];
}

async function startServer(dataDir: string, databaseUrl: string | null, workers: number): Promise<ChildProcess> {
  // A server left from an earlier run would answer the health check below in this one's place.
  const earlier = await fetch(`${BASE}/api/v1/health`).catch(() => null);
  if (earlier) throw new Error(`ポート ${String(PORT)} で別のサーバーが動いています。止めるか、BENCH_PORT を変えてください。`);
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '10000000',
      WORKERS: String(workers),
    },
    stdio: 'inherit',
  });
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(`${BASE}/api/v1/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGTERM');
  throw new Error('サーバーが起動しませんでした（先に npm run build が必要です）。');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function availabilityAtRate(rate: number | undefined, seconds: number, path = '/api/v1/counter/availability', base = BASE) {
  const result = await autocannon({
    url: `${base}${path}`,
    connections: 20,
    duration: seconds,
    ...(rate ? { overallRate: rate } : {}),
  });
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx };
}

/** 200 bookings at once, each with its own Idempotency-Key, as the browser sends one per confirmation. */
async function race(path: string, body: (index: number) => unknown, base = BASE) {
  const latencies: number[] = [];
  const statuses = await Promise.all(
    Array.from({ length: 200 }, async (_unused, index) => {
      const started = performance.now();
      const response = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify(body(index)),
      });
      await response.arrayBuffer();
      latencies.push(performance.now() - started);
      return response.status;
    }),
  );
  return { booked: statuses.filter((status) => status === 201).length, full: statuses.filter((status) => status === 409).length, latencies };
}

interface Figures {
  steady: Awaited<ReturnType<typeof availabilityAtRate>>;
  flat: Awaited<ReturnType<typeof availabilityAtRate>>;
  counterBooked: number[];
  counterP99: number;
  roomSteady: Awaited<ReturnType<typeof availabilityAtRate>>;
  roomBooked: number[];
  roomP99: number;
  floor: FloorFigures | null;
  roomFlat: Awaited<ReturnType<typeof availabilityAtRate>>;
  kill?: { acknowledged: number; lost: number; mismatchedSlots: number; answeredAfterKill: number; failedConnections: number };
}

interface FloorFigures {
  counterFlat: number;
  roomFlat: number;
  counterBooked: number[];
  counterP99: number;
  roomBooked: number[];
  roomP99: number;
}

const counterBody = (slot: { date: string; time: string }) => (index: number) => ({
  kindId: 'card-pickup',
  slot,
  nameKana: 'トウガネ タロウ',
  phone: `090${String(10_000_000 + index)}`,
  people: 1,
  proxy: false,
});
const roomBody = (date: string) => (index: number) => ({
  facilityId: 'bunka-kaikan',
  roomId: 'meeting-1',
  dates: [date],
  blockIds: index % 2 === 0 ? ['morning'] : ['all-day'],
  residency: 'resident',
  group: 'general',
  purpose: '会議',
  headCount: 10,
  groupName: '',
  nameKana: 'トウガネ タロウ',
  phone: `090${String(10_000_000 + index)}`,
});
const p99Of = (rounds: { latencies: number[] }[]) =>
  percentile(
    rounds.flatMap((round) => round.latencies).sort((a, b) => a - b),
    99,
  );

/**
 * The floor: the bare routes of scripts/bench-floor-server.ts with our answers' bytes and the same
 * store, raced on the same slots and dates as ours (its database is its own, so they are free).
 */
async function measureFloor(
  dataDir: string,
  answers: { counter: string; room: string },
  slots: { date: string; time: string }[],
  roomDates: string[],
): Promise<FloorFigures> {
  const answerFile = join(dataDir, 'floor-answers.json');
  writeFileSync(answerFile, JSON.stringify(answers));
  const floorDir = join(dataDir, 'floor');
  mkdirSync(floorDir);
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench-floor-server.ts'], {
    env: { ...process.env, PORT: String(FLOOR_PORT), DATA_DIR: floorDir, FLOOR_ANSWER_FILE: answerFile },
    stdio: 'inherit',
  });
  try {
    for (let attempt = 0; ; attempt++) {
      if (
        await fetch(`${FLOOR}/availability/counter`).then(
          (response) => response.ok,
          () => false,
        )
      )
        break;
      if (attempt > 100) throw new Error('床の測定用サーバーが起動しませんでした。');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await availabilityAtRate(undefined, 3, '/availability/counter', FLOOR);
    const counterFlat = await availabilityAtRate(undefined, 10, '/availability/counter', FLOOR);
    const roomFlat = await availabilityAtRate(undefined, 10, '/availability/room', FLOOR);
    const counterRounds = [];
    for (const slot of slots) counterRounds.push(await race('/counter', counterBody(slot), FLOOR));
    const roomRounds = [];
    for (const date of roomDates) roomRounds.push(await race('/facilities', roomBody(date), FLOOR));
    return {
      counterFlat: counterFlat.requestsPerSecond,
      roomFlat: roomFlat.requestsPerSecond,
      counterBooked: counterRounds.map((round) => round.booked),
      counterP99: p99Of(counterRounds),
      roomBooked: roomRounds.map((round) => round.booked),
      roomP99: p99Of(roomRounds),
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

/** Step 6: kill -9 one worker while bookings arrive; what was acknowledged must all be there. */
async function killOneWorkerDuringBookings(server: ChildProcess, databaseUrl: string): Promise<NonNullable<Figures['kill']>> {
  const { days } = (await (await fetch(`${BASE}/api/v1/counter/availability`)).json()) as {
    days: { date: string; slots: { time: string; bookable: boolean }[] }[];
  };
  const slots = days.flatMap((day) => day.slots.filter((slot) => slot.bookable).map((slot) => ({ date: day.date, time: slot.time }))).slice(-150);
  const workerPids = execFileSync('pgrep', ['-P', String(server.pid)])
    .toString()
    .trim()
    .split('\n')
    .map(Number);
  const acknowledged: { code: string; token: string }[] = [];
  let failedConnections = 0;
  let answeredAfterKill = 0;
  let killed = false;
  const attempts = Array.from({ length: 300 }, (_unused, index) => index);
  const send = async (index: number) => {
    const slot = slots[index % slots.length];
    try {
      const response = await fetch(`${BASE}/api/v1/counter/reservations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify({ kindId: 'card-pickup', slot, nameKana: 'トウガネ タロウ', phone: `080${String(10_000_000 + index)}`, people: 1, proxy: false }),
      });
      const answer = (await response.json()) as { reservation?: { code: string }; token?: string };
      if (response.status === 201 && answer.reservation && answer.token) acknowledged.push({ code: answer.reservation.code, token: answer.token });
      if (killed) answeredAfterKill++;
    } catch {
      failedConnections++;
    }
  };
  while (attempts.length > 0) {
    const batch = attempts.splice(0, 20);
    if (!killed && batch[0] === 100) {
      process.kill(workerPids[0] ?? 0, 'SIGKILL');
      killed = true;
    }
    await Promise.all(batch.map(send));
  }
  let lost = 0;
  for (const { code, token } of acknowledged) {
    const found = await fetch(`${BASE}/api/v1/counter/reservations/${code}`, { headers: { Authorization: `Bearer ${token}` } });
    if (found.status !== 200) lost++;
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ mismatched: string }>(
    `SELECT count(*) AS mismatched FROM counter_slots s
      WHERE s.booked <> (SELECT coalesce(sum(r.people), 0) FROM counter_reservations r WHERE r.slot = s.slot AND r.status = 'booked')`,
  );
  await client.end();
  return { acknowledged: acknowledged.length, lost, mismatchedSlots: Number(rows[0]?.mismatched ?? -1), answeredAfterKill, failedConnections };
}

function printAgainstFloor(ours: Pick<Figures, 'flat' | 'roomFlat' | 'counterP99' | 'roomP99' | 'counterBooked' | 'roomBooked'>, floor: FloorFigures): void {
  const ratio = (value: number) => `${value.toFixed(2)}×`;
  console.log(`\n== 床との比（同じ実行の中で測った素の Fastify の経路に対して。負荷 ${load()}、1/5/15分平均）`);
  console.log('| | わたしたち | 床 | 比 | 目標 |');
  console.log('|---|---|---|---|---|');
  const row = (name: string, our: number, bare: number, unit: string, goal: string, value: number) =>
    console.log(
      `| ${name} | ${our.toFixed(unit === 'req/s' ? 0 : 1)} ${unit} | ${bare.toFixed(unit === 'req/s' ? 0 : 1)} ${unit} | ${ratio(value)} | ${goal} |`,
    );
  row('窓口の空き状況 上限', ours.flat.requestsPerSecond, floor.counterFlat, 'req/s', '≥ 0.8×', ours.flat.requestsPerSecond / floor.counterFlat);
  row('施設の空き状況 上限', ours.roomFlat.requestsPerSecond, floor.roomFlat, 'req/s', '≥ 0.8×', ours.roomFlat.requestsPerSecond / floor.roomFlat);
  row('窓口の競争 p99', ours.counterP99, floor.counterP99, 'ms', '≤ 1.2×', ours.counterP99 / floor.counterP99);
  row('施設の競争 p99', ours.roomP99, floor.roomP99, 'ms', '≤ 1.2×', ours.roomP99 / floor.roomP99);
  console.log(
    `成功数 わたしたち 窓口 ${ours.counterBooked.join(',')} / 施設 ${ours.roomBooked.join(',')}、床 窓口 ${floor.counterBooked.join(',')} / 施設 ${floor.roomBooked.join(',')}（窓口は各回2、施設は各回1であること）`,
  );
}

async function runSetup(setup: Setup): Promise<Figures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'togane-bench-'));
  let databaseUrl: string | null = null;
  if (setup.store === 'postgres') {
    const port = await freePort();
    await startCluster(dataDir, port);
    databaseUrl = await createDatabase(port, 'bench');
  }
  const server = await startServer(dataDir, databaseUrl, setup.workers);
  console.log(`\n== データベース: ${setup.store === 'postgres' ? 'PostgreSQL（使い捨てのクラスター）' : 'SQLite'}、ワーカー ${String(setup.workers)}`);
  try {
    // Warm-up, not measured: the JIT, SQLite's page cache and the first connections settle first.
    await availabilityAtRate(undefined, 3);
    await availabilityAtRate(undefined, 3, '/api/v1/facilities/bunka-kaikan/rooms/meeting-1/availability');
    const roomPath = '/api/v1/facilities/bunka-kaikan/rooms/meeting-1/availability';
    // The bytes our server sends (autocannon asks for no compression), for the floor's bare routes.
    const answers = {
      counter: await (await fetch(`${BASE}/api/v1/counter/availability`, { headers: { 'Accept-Encoding': 'identity' } })).text(),
      room: await (await fetch(`${BASE}${roomPath}`, { headers: { 'Accept-Encoding': 'identity' } })).text(),
    };
    const steady = await availabilityAtRate(500, 10);
    const flat = await availabilityAtRate(undefined, 10);
    const roomFlat = await availabilityAtRate(undefined, 10, roomPath);
    const { days } = (await (await fetch(`${BASE}/api/v1/counter/availability`)).json()) as {
      days: { date: string; slots: { time: string; bookable: boolean }[] }[];
    };
    const slots = days.flatMap((day) => day.slots.filter((slot) => slot.bookable).map((slot) => ({ date: day.date, time: slot.time }))).slice(0, 5);
    const rounds = [];
    for (const slot of slots) {
      rounds.push(await race('/api/v1/counter/reservations', counterBody(slot)));
    }
    const latencies = rounds.flatMap((round) => round.latencies).sort((a, b) => a - b);

    console.log('\n== 空き状況 GET /api/v1/counter/availability（31日分、ループバック）');
    console.log(
      `500 req/s を10秒: 実測 ${steady.requestsPerSecond.toFixed(0)} req/s, p50 ${String(steady.p50)} ms, p99 ${String(steady.p99)} ms（目標 p99 ≤ 20 ms）, エラー ${String(steady.errors + steady.non2xx)}`,
    );
    console.log(`上限（20接続、10秒）: ${flat.requestsPerSecond.toFixed(0)} req/s, p50 ${String(flat.p50)} ms, p99 ${String(flat.p99)} ms`);
    console.log('\n== 競争: 定員2の枠に200件を同時に予約、5回');
    console.log(
      `成功数: ${rounds.map((round) => round.booked).join(', ')}（各回ちょうど2であること）, 満員の応答: ${rounds.map((round) => round.full).join(', ')}`,
    );
    console.log(
      `予約の応答時間: p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms（目標 p99 ≤ 100 ms）, 最大 ${(latencies.at(-1) ?? 0).toFixed(1)} ms`,
    );
    if (rounds.some((round) => round.booked !== 2)) process.exitCode = 1;

    const roomSteady = await availabilityAtRate(500, 10, roomPath);
    const roomDays = ((await (await fetch(`${BASE}${roomPath}`)).json()) as { days: { date: string; blocks: { id: string; bookable: boolean }[] }[] }).days;
    const roomDates = roomDays
      .filter((day) => day.blocks.some((block) => block.id === 'morning' && block.bookable))
      .map((day) => day.date)
      .slice(0, 5);
    const roomRounds = [];
    for (const date of roomDates) {
      roomRounds.push(await race('/api/v1/facilities/bookings', roomBody(date)));
    }
    const roomLatencies = roomRounds.flatMap((round) => round.latencies).sort((a, b) => a - b);
    console.log('\n== 施設の空き状況 GET ' + roomPath + '（35日分、全区分）');
    console.log(
      `500 req/s を10秒: 実測 ${roomSteady.requestsPerSecond.toFixed(0)} req/s, p50 ${String(roomSteady.p50)} ms, p99 ${String(roomSteady.p99)} ms（目標 p99 ≤ 20 ms）, エラー ${String(roomSteady.errors + roomSteady.non2xx)}`,
    );
    console.log('\n== 競争: 同じ部屋の同じ日に200件を同時に予約（半分は午前、半分は全日）、5回');
    console.log(
      `成功数: ${roomRounds.map((round) => round.booked).join(', ')}（各回ちょうど1であること）, 重なりの応答: ${roomRounds.map((round) => round.full).join(', ')}`,
    );
    console.log(
      `予約の応答時間: p50 ${percentile(roomLatencies, 50).toFixed(1)} ms, p99 ${percentile(roomLatencies, 99).toFixed(1)} ms（目標 p99 ≤ 100 ms）, 最大 ${(roomLatencies.at(-1) ?? 0).toFixed(1)} ms`,
    );
    if (roomRounds.some((round) => round.booked !== 1)) process.exitCode = 1;
    // The floor's store is SQLite's only (the PostgreSQL store's module reads its migrations through Vite).
    const floor = setup.store === 'sqlite' ? await measureFloor(dataDir, answers, slots, roomDates) : null;
    if (floor) {
      printAgainstFloor(
        {
          flat,
          roomFlat,
          counterP99: percentile(latencies, 99),
          roomP99: percentile(roomLatencies, 99),
          counterBooked: rounds.map((round) => round.booked),
          roomBooked: roomRounds.map((round) => round.booked),
        },
        floor,
      );
      if (floor.counterBooked.some((booked) => booked !== 2) || floor.roomBooked.some((booked) => booked !== 1)) process.exitCode = 1;
    }
    const figures: Figures = {
      floor,
      roomFlat,
      steady,
      flat,
      counterBooked: rounds.map((round) => round.booked),
      counterP99: percentile(latencies, 99),
      roomSteady,
      roomBooked: roomRounds.map((round) => round.booked),
      roomP99: percentile(roomLatencies, 99),
    };
    if (databaseUrl && setup.workers > 1) {
      figures.kill = await killOneWorkerDuringBookings(server, databaseUrl);
      const { kill } = figures;
      console.log('\n== kill -9: 300件の予約（20件ずつ）の途中で、ワーカー1つを強制終了');
      console.log(
        `受け付けた予約 ${String(kill.acknowledged)} 件のうち見つからないもの ${String(kill.lost)} 件（0であること）, 席数と予約が合わない枠 ${String(kill.mismatchedSlots)}（0であること）, 強制終了のあとに応答した件数 ${String(kill.answeredAfterKill)}, 切れた接続 ${String(kill.failedConnections)}`,
      );
      if (kill.lost > 0 || kill.mismatchedSlots !== 0 || kill.answeredAfterKill === 0) process.exitCode = 1;
    }
    return figures;
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    if (setup.store === 'postgres') await stopCluster(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const setups = setupsFromArguments();
const results: { setup: Setup; figures: Figures }[] = [];
for (const setup of setups) results.push({ setup, figures: await runSetup(setup) });
if (results.length > 1) {
  console.log(
    `\n== 比較（同じ実行の中で順に。負荷 ${loadavg()
      .map((value) => value.toFixed(1))
      .join(' / ')}、1/5/15分平均）`,
  );
  console.log('| 構成 | 空き状況 上限 req/s | 500 req/s の p99 ms | 窓口の競争 成功数 | 窓口の競争 p99 ms | 施設の競争 成功数 | 施設の競争 p99 ms |');
  console.log('|---|---|---|---|---|---|---|');
  for (const { setup, figures } of results) {
    console.log(
      `| ${setup.store} × ${String(setup.workers)} | ${figures.flat.requestsPerSecond.toFixed(0)} | ${String(figures.steady.p99)} | ${figures.counterBooked.join(',')} | ${figures.counterP99.toFixed(1)} | ${figures.roomBooked.join(',')} | ${figures.roomP99.toFixed(1)} |`,
    );
  }
}
console.log(
  `\n負荷（1/5/15分平均）: ${loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ')}`,
);
