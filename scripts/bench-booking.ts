/**
 * `npm run bench:booking`: the counter booking API under load, on loopback, against the built server
 * (`dist/server/main.js`) with a throw-away database.
 *  0. Three unmeasured seconds of each availability request, so start-up costs are not counted.
 *  1. Availability at a steady 500 requests/s for 10 s: p50/p99 latency (goal p99 ≤ 20 ms).
 *  2. Availability as fast as it goes: requests/s.
 *  3. The race: 5 rounds of 200 simultaneous bookings for one slot of 2 seats: successes per round
 *     (must be exactly 2) and booking latency p50/p99 (goal p99 ≤ 100 ms).
 *  4–5. The same for facilities: a room's availability (35 days, every block) at 500 requests/s, and
 *     5 rounds of 200 simultaneous bookings of one block of one room (must be exactly 1 each).
 * `-- --store=postgres` runs the same against PostgreSQL: a throw-away cluster (PostgreSQL 15 from
 * Debian, as in the tests) started for the run and deleted afterwards, reached through DATABASE_URL.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createDatabase, freePort, startCluster, stopCluster } from '../src/server/testing/postgres-cluster.ts';

// BENCH_PORT lets two checkouts run their benches side by side.
const PORT = Number(process.env.BENCH_PORT ?? 4919);
const BASE = `http://127.0.0.1:${String(PORT)}`;

const onPostgres = process.argv.includes('--store=postgres');

async function startServer(dataDir: string, databaseUrl: string | null): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '10000000',
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
  throw new Error('サーバーが起動しませんでした（先に npm run build が必要です）。');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function availabilityAtRate(rate: number | undefined, seconds: number, path = '/api/v1/counter/availability') {
  const result = await autocannon({
    url: `${BASE}${path}`,
    connections: 20,
    duration: seconds,
    ...(rate ? { overallRate: rate } : {}),
  });
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx };
}

async function race(path: string, body: (index: number) => unknown) {
  const latencies: number[] = [];
  const statuses = await Promise.all(
    Array.from({ length: 200 }, async (_unused, index) => {
      const started = performance.now();
      const response = await fetch(`${BASE}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body(index)),
      });
      await response.arrayBuffer();
      latencies.push(performance.now() - started);
      return response.status;
    }),
  );
  return { booked: statuses.filter((status) => status === 201).length, full: statuses.filter((status) => status === 409).length, latencies };
}

const dataDir = mkdtempSync(join(tmpdir(), 'togane-bench-'));
let databaseUrl: string | null = null;
if (onPostgres) {
  const port = await freePort();
  await startCluster(dataDir, port);
  databaseUrl = await createDatabase(port, 'bench');
}
const server = await startServer(dataDir, databaseUrl);
console.log(`\n== データベース: ${onPostgres ? 'PostgreSQL（使い捨てのクラスター）' : 'SQLite'}`);
try {
  // Warm-up, not measured: the JIT, SQLite's page cache and the first connections settle first.
  await availabilityAtRate(undefined, 3);
  await availabilityAtRate(undefined, 3, '/api/v1/facilities/bunka-kaikan/rooms/meeting-1/availability');
  const steady = await availabilityAtRate(500, 10);
  const flat = await availabilityAtRate(undefined, 10);
  const { days } = (await (await fetch(`${BASE}/api/v1/counter/availability`)).json()) as {
    days: { date: string; slots: { time: string; bookable: boolean }[] }[];
  };
  const slots = days.flatMap((day) => day.slots.filter((slot) => slot.bookable).map((slot) => ({ date: day.date, time: slot.time }))).slice(0, 5);
  const rounds = [];
  for (const slot of slots) {
    rounds.push(await race('/api/v1/counter/reservations', (index) => ({ kindId: 'card-pickup', slot, nameKana: 'トウガネ タロウ', phone: `090${String(10_000_000 + index)}`, people: 1, proxy: false })));
  }
  const latencies = rounds.flatMap((round) => round.latencies).sort((a, b) => a - b);

  console.log('\n== 空き状況 GET /api/v1/counter/availability（31日分、ループバック）');
  console.log(`500 req/s を10秒: 実測 ${steady.requestsPerSecond.toFixed(0)} req/s, p50 ${String(steady.p50)} ms, p99 ${String(steady.p99)} ms（目標 p99 ≤ 20 ms）, エラー ${String(steady.errors + steady.non2xx)}`);
  console.log(`上限（20接続、10秒）: ${flat.requestsPerSecond.toFixed(0)} req/s, p50 ${String(flat.p50)} ms, p99 ${String(flat.p99)} ms`);
  console.log('\n== 競争: 定員2の枠に200件を同時に予約、5回');
  console.log(`成功数: ${rounds.map((round) => round.booked).join(', ')}（各回ちょうど2であること）, 満員の応答: ${rounds.map((round) => round.full).join(', ')}`);
  console.log(`予約の応答時間: p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms（目標 p99 ≤ 100 ms）, 最大 ${(latencies.at(-1) ?? 0).toFixed(1)} ms`);
  if (rounds.some((round) => round.booked !== 2)) process.exitCode = 1;

  const roomPath = '/api/v1/facilities/bunka-kaikan/rooms/meeting-1/availability';
  const roomSteady = await availabilityAtRate(500, 10, roomPath);
  const roomDays = ((await (await fetch(`${BASE}${roomPath}`)).json()) as { days: { date: string; blocks: { id: string; bookable: boolean }[] }[] }).days;
  const roomDates = roomDays.filter((day) => day.blocks.some((block) => block.id === 'morning' && block.bookable)).map((day) => day.date).slice(0, 5);
  const roomRounds = [];
  for (const date of roomDates) {
    roomRounds.push(
      await race('/api/v1/facilities/bookings', (index) => ({
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
      })),
    );
  }
  const roomLatencies = roomRounds.flatMap((round) => round.latencies).sort((a, b) => a - b);
  console.log('\n== 施設の空き状況 GET ' + roomPath + '（35日分、全区分）');
  console.log(`500 req/s を10秒: 実測 ${roomSteady.requestsPerSecond.toFixed(0)} req/s, p50 ${String(roomSteady.p50)} ms, p99 ${String(roomSteady.p99)} ms（目標 p99 ≤ 20 ms）, エラー ${String(roomSteady.errors + roomSteady.non2xx)}`);
  console.log('\n== 競争: 同じ部屋の同じ日に200件を同時に予約（半分は午前、半分は全日）、5回');
  console.log(`成功数: ${roomRounds.map((round) => round.booked).join(', ')}（各回ちょうど1であること）, 重なりの応答: ${roomRounds.map((round) => round.full).join(', ')}`);
  console.log(`予約の応答時間: p50 ${percentile(roomLatencies, 50).toFixed(1)} ms, p99 ${percentile(roomLatencies, 99).toFixed(1)} ms（目標 p99 ≤ 100 ms）, 最大 ${(roomLatencies.at(-1) ?? 0).toFixed(1)} ms`);
  if (roomRounds.some((round) => round.booked !== 1)) process.exitCode = 1;
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  if (onPostgres) await stopCluster(dataDir);
  rmSync(dataDir, { recursive: true, force: true });
}
