import type { HeldRoomDays } from '../../../domain/staff-figures.ts';
import type { Pool, PoolClient } from 'pg';
import type { AuditEntry } from '../../../domain/staff-api.ts';
import type { StaffRole } from '../../../domain/staff-roles.ts';
import type {
  CounterClosureRow,
  CounterDeskRow,
  CounterFigureRow,
  BookedFacilityRow,
  DayDesksOutcome,
  FacilityDecline,
  FeePaymentRecord,
  NewCounterClosure,
  ProvisionalFacilityRow,
  RoomFigureRow,
  SignInMethod,
  SignInTry,
  StaffSessionRecord,
  StaffStore,
} from '../staff-store.ts';
import { inTransaction, orRefused } from './transaction.ts';
import { postgresRoomBlocks } from './postgres-room-blocks.ts';
import { ACCOUNT_COLUMNS, type AccountRow, type PasskeyRow, toAccount, toPasskey } from '../store-rows.ts';
import { replaceFacilityMails } from './postgres-facility-store.ts';
import { feePaymentRefusal, type FeePaymentMethod } from '../../../domain/facility-fee.ts';

interface SessionRow {
  id: number;
  account_id: number;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  ended_at: number | null;
  sign_in_method: SignInMethod;
}

const SESSION_COLUMNS = 's.id, s.account_id, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at, s.ended_at, s.sign_in_method';

function toSession(row: SessionRow): StaffSessionRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    endedAt: row.ended_at,
    signInMethod: row.sign_in_method,
  };
}

const PASSKEY_COLUMNS = 'id, account_id, credential_id, public_key, sign_count, transports, name, created_at, last_used_at';

const CLOSURE_COLUMNS = 'id, date, start_time AS "startTime", end_time AS "endTime", reason';

/**
 * Takes the account row's lock until the transaction ends. Everything that counts, adds or forgets
 * an account's sign-in tries, or changes its lock, takes it first: so of a burst spread over any
 * number of instances the tries are counted one at a time, as SQLite's IMMEDIATE transactions do.
 */
async function lockAccount(client: PoolClient, accountId: number): Promise<AccountRow | undefined> {
  const { rows } = await client.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM staff_accounts WHERE id = $1 FOR UPDATE`, [accountId]);
  return rows[0];
}

async function lockAccountByName(client: PoolClient, loginName: string): Promise<AccountRow | undefined> {
  const { rows } = await client.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM staff_accounts WHERE login_name = $1 FOR UPDATE`, [loginName]);
  return rows[0];
}

async function endAccountSessions(client: PoolClient, accountId: number, nowMs: number): Promise<void> {
  await client.query("UPDATE staff_sessions SET ended_at = $1, ended_reason = 'account-changed' WHERE account_id = $2 AND ended_at IS NULL", [
    nowMs,
    accountId,
  ]);
}

async function forgetTries(client: PoolClient, accountId: number): Promise<void> {
  await client.query('DELETE FROM staff_sign_in_tries WHERE account_id = $1', [accountId]);
}

/** Bookings held in the closure's hours: read afresh, so one committed a moment ago is seen. */
async function heldBookings(client: PoolClient, closure: NewCounterClosure): Promise<{ code: string; slot: string }[]> {
  const { rows } = await client.query<{ code: string; slot: string }>(
    `SELECT code, slot FROM counter_reservations
     WHERE status = 'booked' AND visit_date = $1 AND substr(slot, 12) >= $2 AND substr(slot, 12) < $3 ORDER BY slot`,
    [closure.date, closure.startTime, closure.endTime],
  );
  return rows;
}

/** The staff side in PostgreSQL: the same rules as sqliteStaffStore, shared by every instance on the database. */
export function postgresStaffStore(pool: Pool): StaffStore {
  return {
    async addAccount(account) {
      // The unique login name decides between two adds of one name at once.
      const inserted = await pool.query(
        `INSERT INTO staff_accounts (login_name, display_name, role, password_hash, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (login_name) DO NOTHING`,
        [account.loginName, account.displayName, account.role, account.passwordHash, account.now],
      );
      return inserted.rowCount === 1 ? 'added' : 'name-taken';
    },
    async findAccount(loginName) {
      const { rows } = await pool.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM staff_accounts WHERE login_name = $1`, [loginName]);
      return rows[0] ? toAccount(rows[0]) : null;
    },
    async findAccountById(id) {
      const { rows } = await pool.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM staff_accounts WHERE id = $1`, [id]);
      return rows[0] ? toAccount(rows[0]) : null;
    },
    async listAccounts() {
      // COLLATE "C": the order SQLite gives, whatever the database's locale.
      const { rows } = await pool.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM staff_accounts ORDER BY role COLLATE "C", login_name COLLATE "C"`);
      return rows.map(toAccount);
    },
    resetPassword: (loginName, passwordHash, now, nowMs) =>
      inTransaction(pool, async (client) => {
        const row = await lockAccountByName(client, loginName);
        if (!row) return false;
        await client.query('UPDATE staff_accounts SET password_hash = $1, locked_until = NULL, updated_at = $2 WHERE id = $3', [passwordHash, now, row.id]);
        await forgetTries(client, row.id);
        await endAccountSessions(client, row.id, nowMs);
        return true;
      }),
    disableAccount: (loginName, now, nowMs) =>
      inTransaction(pool, async (client) => {
        const row = await lockAccountByName(client, loginName);
        if (!row) return false;
        await client.query('UPDATE staff_accounts SET disabled_at = coalesce(disabled_at, $1), updated_at = $1 WHERE id = $2', [now, row.id]);
        await endAccountSessions(client, row.id, nowMs);
        return true;
      }),

    reserveSignInTry: (accountId, rules) =>
      inTransaction(pool, async (client): Promise<SignInTry> => {
        const row = await lockAccount(client, accountId);
        if (row && row.locked_until !== null && row.locked_until > rules.nowMs) return { granted: false, lockedUntil: row.locked_until };
        await client.query('DELETE FROM staff_sign_in_tries WHERE account_id = $1 AND started_at <= $2', [accountId, rules.nowMs - rules.lockMs]);
        // Tries still being checked count too: they may all turn out wrong.
        const { rows } = await client.query<{ tries: number }>('SELECT count(*) AS tries FROM staff_sign_in_tries WHERE account_id = $1', [accountId]);
        if ((rows[0]?.tries ?? 0) >= rules.maxWrongTries) return { granted: false, lockedUntil: rules.nowMs + rules.lockMs };
        const inserted = await client.query<{ id: number }>(
          "INSERT INTO staff_sign_in_tries (account_id, started_at, state) VALUES ($1, $2, 'pending') RETURNING id",
          [accountId, rules.nowMs],
        );
        const id = inserted.rows[0]?.id;
        if (id === undefined) throw new Error('staff_sign_in_tries returned no id');
        return { granted: true, id };
      }),
    settleSignInTry: (id, outcome, rules) =>
      inTransaction(pool, async (client) => {
        const { rows } = await client.query<{ account_id: number }>('SELECT account_id FROM staff_sign_in_tries WHERE id = $1', [id]);
        const accountId = rows[0]?.account_id;
        // Gone: a password reset or a right password forgot the tries meanwhile.
        if (accountId === undefined) return { locked: false };
        await lockAccount(client, accountId);
        if (outcome === 'right') {
          await forgetTries(client, accountId);
          return { locked: false };
        }
        // Under the lock now: the try may have been forgotten while this waited for it.
        const failed = await client.query("UPDATE staff_sign_in_tries SET state = 'failed', started_at = $1 WHERE id = $2", [rules.nowMs, id]);
        if (failed.rowCount !== 1) return { locked: false };
        const wrong = await client.query<{ tries: number }>("SELECT count(*) AS tries FROM staff_sign_in_tries WHERE account_id = $1 AND state = 'failed'", [
          accountId,
        ]);
        if ((wrong.rows[0]?.tries ?? 0) < rules.maxWrongTries) return { locked: false };
        await client.query('UPDATE staff_accounts SET locked_until = $1 WHERE id = $2', [rules.nowMs + rules.lockMs, accountId]);
        await forgetTries(client, accountId);
        return { locked: true };
      }),

    async createSession({ tokenHash, csrfToken, accountId, nowMs, expiresAt, signInMethod }) {
      const { rows } = await pool.query<{ id: number }>(
        `INSERT INTO staff_sessions (token_hash, csrf_token, account_id, created_at, last_seen_at, expires_at, sign_in_method)
         VALUES ($1, $2, $3, $4, $4, $5, $6) RETURNING id`,
        [tokenHash, csrfToken, accountId, nowMs, expiresAt, signInMethod],
      );
      const id = rows[0]?.id;
      if (id === undefined) throw new Error('staff_sessions returned no id');
      return id;
    },
    async findSession(tokenHash) {
      const { rows } = await pool.query<SessionRow>(`SELECT ${SESSION_COLUMNS} FROM staff_sessions s WHERE s.token_hash = $1`, [tokenHash]);
      return rows[0] ? toSession(rows[0]) : null;
    },
    async touchSession(id, nowMs) {
      const changed = await pool.query('UPDATE staff_sessions SET last_seen_at = greatest(last_seen_at, $1) WHERE id = $2 AND ended_at IS NULL', [nowMs, id]);
      return changed.rowCount === 1;
    },
    async endSession(id, reason, nowMs) {
      const changed = await pool.query('UPDATE staff_sessions SET ended_at = $1, ended_reason = $2 WHERE id = $3 AND ended_at IS NULL', [nowMs, reason, id]);
      return changed.rowCount === 1;
    },
    async listOpenSessions(seenSince, nowMs) {
      const { rows } = await pool.query<SessionRow & { login_name: string; display_name: string; role: StaffRole }>(
        `SELECT ${SESSION_COLUMNS}, a.login_name, a.display_name, a.role FROM staff_sessions s JOIN staff_accounts a ON a.id = s.account_id
         WHERE s.ended_at IS NULL AND s.last_seen_at > $1 AND s.expires_at > $2 ORDER BY s.last_seen_at DESC`,
        [seenSince, nowMs],
      );
      return rows.map((row) => ({ ...toSession(row), loginName: row.login_name, displayName: row.display_name, role: row.role }));
    },

    addPasskeyChallenge: (challenge, maxLive) =>
      inTransaction(pool, async (client) => {
        // One count at a time over every instance: a transaction-scoped lock on the purpose (and account).
        await client.query("SELECT pg_advisory_xact_lock(hashtext('staff_passkey_challenges'), $1)", [challenge.accountId ?? 0]);
        await client.query('DELETE FROM staff_passkey_challenges WHERE expires_at <= $1', [challenge.nowMs]);
        const { rows } = await client.query<{ live: number }>(
          'SELECT count(*) AS live FROM staff_passkey_challenges WHERE purpose = $1 AND account_id IS NOT DISTINCT FROM $2',
          [challenge.purpose, challenge.accountId],
        );
        if ((rows[0]?.live ?? 0) >= maxLive) return false;
        await client.query('INSERT INTO staff_passkey_challenges (challenge, purpose, account_id, expires_at) VALUES ($1, $2, $3, $4)', [
          challenge.challenge,
          challenge.purpose,
          challenge.accountId,
          challenge.expiresAt,
        ]);
        return true;
      }),
    async takePasskeyChallenge(challenge, purpose, accountId, nowMs) {
      const { rows } = await pool.query<{ expires_at: number }>(
        'DELETE FROM staff_passkey_challenges WHERE challenge = $1 AND purpose = $2 AND account_id IS NOT DISTINCT FROM $3 RETURNING expires_at',
        [challenge, purpose, accountId],
      );
      return rows[0] !== undefined && rows[0].expires_at > nowMs;
    },
    addPasskey: (passkey, maxPerAccount) =>
      inTransaction(pool, async (client) => {
        // Under the account row's lock: two registrations at once cannot pass the count together.
        await lockAccount(client, passkey.accountId);
        const { rows } = await client.query<{ count: number }>('SELECT count(*) AS count FROM staff_passkeys WHERE account_id = $1', [passkey.accountId]);
        if ((rows[0]?.count ?? 0) >= maxPerAccount) return 'too-many' as const;
        const inserted = await client.query(
          `INSERT INTO staff_passkeys (account_id, credential_id, public_key, sign_count, transports, name, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (credential_id) DO NOTHING`,
          [passkey.accountId, passkey.credentialId, passkey.publicKey, passkey.signCount, passkey.transports.join(','), passkey.name, passkey.createdAt],
        );
        return inserted.rowCount === 1 ? ('added' as const) : ('already-registered' as const);
      }),
    async listPasskeys(accountId) {
      const { rows } = await pool.query<PasskeyRow>(`SELECT ${PASSKEY_COLUMNS} FROM staff_passkeys WHERE account_id = $1 ORDER BY id`, [accountId]);
      return rows.map(toPasskey);
    },
    async findPasskey(credentialId) {
      const { rows } = await pool.query<PasskeyRow>(`SELECT ${PASSKEY_COLUMNS} FROM staff_passkeys WHERE credential_id = $1`, [credentialId]);
      return rows[0] ? toPasskey(rows[0]) : null;
    },
    async usePasskey(id, signCount, now) {
      await pool.query('UPDATE staff_passkeys SET sign_count = $1, last_used_at = $2 WHERE id = $3', [signCount, now, id]);
    },
    async removePasskey(accountId, id) {
      const { rows } = await pool.query<PasskeyRow>(`DELETE FROM staff_passkeys WHERE id = $1 AND account_id = $2 RETURNING ${PASSKEY_COLUMNS}`, [
        id,
        accountId,
      ]);
      return rows[0] ? toPasskey(rows[0]) : null;
    },
    async countPasskeys() {
      const { rows } = await pool.query<{ accountId: number; count: number }>(
        'SELECT account_id AS "accountId", count(*) AS count FROM staff_passkeys GROUP BY account_id',
      );
      return rows;
    },

    async deleteAuditBefore(before) {
      return (await pool.query('DELETE FROM staff_audit_log WHERE at < $1', [before])).rowCount ?? 0;
    },
    async appendAudit({ at, actor, action, target, before, after }) {
      await pool.query('INSERT INTO staff_audit_log (at, actor, action, target, before_value, after_value) VALUES ($1, $2, $3, $4, $5, $6)', [
        at,
        actor,
        action,
        target,
        before,
        after,
      ]);
    },
    async listAudit(limit) {
      // The columns are aliased to the answer's names, so the row is the AuditEntry itself.
      const { rows } = await pool.query<AuditEntry>(
        'SELECT id, at, actor, action, target, before_value AS before, after_value AS after FROM staff_audit_log ORDER BY id DESC LIMIT $1',
        [limit],
      );
      return rows;
    },

    async counterDay(date) {
      const { rows } = await pool.query<{
        code: string;
        slot: string;
        kind_id: string;
        people: number;
        proxy: boolean;
        name_kana: string | null;
        status: 'booked' | 'cancelled';
        checked_in: boolean;
        no_show: boolean;
        cancel_reason: string | null;
      }>(
        `SELECT r.code, r.slot, r.kind_id, r.people, r.proxy, r.name_kana, r.status,
           c.code IS NOT NULL AS checked_in, n.code IS NOT NULL AS no_show, x.reason AS cancel_reason
         FROM counter_reservations r
         LEFT JOIN counter_check_ins c ON c.code = r.code
         LEFT JOIN counter_no_shows n ON n.code = r.code
         LEFT JOIN counter_staff_cancellations x ON x.code = r.code
         WHERE r.visit_date = $1 ORDER BY r.slot, r.created_at`,
        [date],
      );
      return rows.map((row): CounterDeskRow => ({
        code: row.code,
        slot: row.slot,
        kindId: row.kind_id,
        people: row.people,
        proxy: row.proxy,
        nameKana: row.name_kana,
        status: row.status,
        checkedIn: row.checked_in,
        noShow: row.no_show,
        cancelReason: row.cancel_reason,
      }));
    },
    checkIn: (code, accountId, now) =>
      inTransaction(pool, async (client) => {
        // The booking's row lock: a cancel running at the same moment finishes first or waits.
        const { rows } = await client.query<{ status: string }>('SELECT status FROM counter_reservations WHERE code = $1 FOR UPDATE', [code]);
        if (rows[0]?.status !== 'booked') return 'not-booked' as const;
        const inserted = await client.query(
          'INSERT INTO counter_check_ins (code, checked_in_at, account_id) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING',
          [code, now, accountId],
        );
        await client.query('DELETE FROM counter_no_shows WHERE code = $1', [code]);
        return inserted.rowCount === 1 ? ('checked-in' as const) : ('already' as const);
      }),
    async counterFigures(first, last) {
      // COUNT gives bigint, which pg reads as a string: cast to int (a month's bookings fit).
      const { rows } = await pool.query<CounterFigureRow>(
        `SELECT to_char(r.visit_date, 'YYYY-MM-DD') AS "date", r.kind_id AS "kindId",
           COUNT(*) FILTER (WHERE r.status = 'booked')::int AS "booked",
           COUNT(*) FILTER (WHERE r.status = 'booked' AND c.code IS NOT NULL)::int AS "checkedIn",
           COUNT(*) FILTER (WHERE r.status = 'booked' AND n.code IS NOT NULL)::int AS "noShow",
           COUNT(*) FILTER (WHERE r.status = 'cancelled')::int AS "cancelled",
           COALESCE(SUM(r.people) FILTER (WHERE r.status = 'booked'), 0)::int AS "people"
         FROM counter_reservations r
         LEFT JOIN counter_check_ins c ON c.code = r.code
         LEFT JOIN counter_no_shows n ON n.code = r.code
         WHERE r.visit_date BETWEEN $1 AND $2 GROUP BY r.visit_date, r.kind_id ORDER BY r.visit_date, r.kind_id`,
        [first, last],
      );
      return rows;
    },
    async roomFigures(first, last) {
      const { rows } = await pool.query<RoomFigureRow>(
        `SELECT facility_id AS "facilityId", room_id AS "roomId",
           COUNT(*) FILTER (WHERE status = 'booked')::int AS "booked",
           COUNT(*) FILTER (WHERE status = 'provisional')::int AS "provisional",
           COUNT(*) FILTER (WHERE status IN ('cancelled', 'released'))::int AS "cancelled",
           COALESCE(SUM(cardinality(dates) * cardinality(block_ids)) FILTER (WHERE status IN ('booked', 'provisional')), 0)::int AS "blocks"
         FROM facility_bookings WHERE first_date BETWEEN $1 AND $2 GROUP BY facility_id, room_id ORDER BY facility_id, room_id`,
        [first, last],
      );
      return rows;
    },
    async heldRoomDays(first, last) {
      const { rows } = await pool.query<HeldRoomDays>(
        `SELECT facility_id AS "facilityId", room_id AS "roomId",
           ARRAY(SELECT to_char(d, 'YYYY-MM-DD') FROM unnest(dates) AS d) AS "dates", block_ids AS "blockIds"
         FROM facility_bookings WHERE status IN ('booked', 'provisional') AND last_date >= $1 AND first_date <= $2`,
        [first, last],
      );
      return rows;
    },
    markNoShow: (code, accountId, now) =>
      inTransaction(pool, async (client) => {
        // The booking's row lock, as for a check-in: the two never pass each other.
        const { rows } = await client.query<{ status: string }>('SELECT status FROM counter_reservations WHERE code = $1 FOR UPDATE', [code]);
        if (rows[0]?.status !== 'booked') return 'not-booked' as const;
        if ((await client.query('SELECT 1 FROM counter_check_ins WHERE code = $1', [code])).rowCount) return 'checked-in' as const;
        const inserted = await client.query('INSERT INTO counter_no_shows (code, marked_at, account_id) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING', [
          code,
          now,
          accountId,
        ]);
        return inserted.rowCount === 1 ? ('marked' as const) : ('already' as const);
      }),
    async recordCancelReason(code, reason, accountId, now) {
      await pool.query(
        `INSERT INTO counter_staff_cancellations (code, reason, cancelled_at, account_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (code) DO UPDATE SET reason = excluded.reason, cancelled_at = excluded.cancelled_at, account_id = excluded.account_id`,
        [code, reason, now, accountId],
      );
    },
    async forgetCancelReason(code) {
      await pool.query('DELETE FROM counter_staff_cancellations WHERE code = $1', [code]);
    },
    closeCounter: (closure) =>
      inTransaction(pool, async (client) => {
        // Lock the slots' rows first: a booking taking a seat there finishes before the check below
        // (which then sees it), or waits and, once the closure is committed, finds the slot full.
        await client.query('SELECT 1 FROM counter_slots WHERE slot = ANY($1::text[]) ORDER BY slot FOR UPDATE', [closure.slots]);
        const held = await heldBookings(client, closure);
        if (held.length > 0) return { closed: false as const, bookings: held };
        // A slot without a row yet can still be booked between the check and its insert here: then
        // capacity 0 breaks booked <= capacity (23514), nothing is closed, and the check runs again.
        const closedAll = await orRefused(
          client,
          '23514',
          async () => {
            for (const slot of closure.slots) {
              await client.query('INSERT INTO counter_slots (slot, capacity) VALUES ($1, 0) ON CONFLICT (slot) DO UPDATE SET capacity = 0', [slot]);
            }
            return true;
          },
          false,
        );
        if (!closedAll) return { closed: false as const, bookings: await heldBookings(client, closure) };
        const { rows } = await client.query<{ id: number }>(
          'INSERT INTO counter_closures (date, start_time, end_time, reason, created_at, account_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
          [closure.date, closure.startTime, closure.endTime, closure.reason, closure.now, closure.accountId],
        );
        const id = rows[0]?.id;
        if (id === undefined) throw new Error('counter_closures returned no id');
        return { closed: true as const, id };
      }),
    reopenCounter: (id, slots, capacity) =>
      inTransaction(pool, async (client) => {
        const { rows } = await client.query<CounterClosureRow>(`DELETE FROM counter_closures WHERE id = $1 RETURNING ${CLOSURE_COLUMNS}`, [id]);
        const closure = rows[0];
        if (!closure) return null;
        // The trigger skips the slots another closure still covers.
        for (const slot of slots(closure)) await client.query('UPDATE counter_slots SET capacity = $1 WHERE slot = $2', [capacity, slot]);
        return closure;
      }),
    setDayDesks: (change) =>
      inTransaction(pool, async (client): Promise<DayDesksOutcome> => {
        const target = change.desks ?? change.defaultDesks;
        const overDesks = async () =>
          (
            await client.query<{ slot: string; booked: number }>(
              'SELECT slot, booked FROM counter_slots WHERE slot >= $1 AND slot < $2 AND booked > $3 ORDER BY slot',
              [change.date, `${change.date}~`, target],
            )
          ).rows;
        // The day's row first (its lock orders two changes of one day), then the slots' rows: a
        // booking taking a seat there finishes before the check below (which then sees it), or
        // waits and meets the new desks in counter_slots_day_desks.
        const { rows: beforeRows } = await client.query<{ desks: number }>('SELECT desks FROM counter_day_desks WHERE date = $1 FOR UPDATE', [change.date]);
        await client.query('SELECT 1 FROM counter_slots WHERE slot = ANY($1::text[]) ORDER BY slot FOR UPDATE', [change.slots]);
        const over = await overDesks();
        if (over.length > 0) return { set: false, over };
        // A slot without a row yet can still be booked between the check and its insert here: then
        // the lower capacity breaks booked <= capacity (23514), nothing changes (the savepoint takes
        // the day's desks back too), and the check runs again to name the slots.
        const setAll = await orRefused(
          client,
          '23514',
          async () => {
            if (change.desks === null) await client.query('DELETE FROM counter_day_desks WHERE date = $1', [change.date]);
            else
              await client.query(
                `INSERT INTO counter_day_desks (date, desks, updated_at, account_id) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (date) DO UPDATE SET desks = excluded.desks, updated_at = excluded.updated_at, account_id = excluded.account_id`,
                [change.date, change.desks, change.now, change.accountId],
              );
            for (const slot of change.slots) {
              await client.query('INSERT INTO counter_slots (slot, capacity) VALUES ($1, $2) ON CONFLICT (slot) DO UPDATE SET capacity = excluded.capacity', [
                slot,
                target,
              ]);
            }
            return true;
          },
          false,
        );
        if (!setAll) return { set: false, over: await overDesks() };
        return { set: true, before: beforeRows[0]?.desks ?? null };
      }),
    async listDayDesks(fromDate) {
      const { rows } = await pool.query<{ date: string; desks: number }>('SELECT date, desks FROM counter_day_desks WHERE date >= $1 ORDER BY date', [
        fromDate,
      ]);
      return rows;
    },
    async listClosures(fromDate) {
      const { rows } = await pool.query<CounterClosureRow>(`SELECT ${CLOSURE_COLUMNS} FROM counter_closures WHERE date >= $1 ORDER BY date, start_time`, [
        fromDate,
      ]);
      return rows;
    },
    async provisionalFacilityBookings(now) {
      const { rows } = await pool.query<{
        code: string;
        facility_id: string;
        room_id: string;
        dates: string[];
        head_count: number;
        fee: number;
        group_name: string | null;
        provisional_until: string;
      }>(
        `SELECT code, facility_id, room_id, dates::text[] AS dates, head_count, fee, group_name, provisional_until
         FROM facility_bookings WHERE status = 'provisional' AND provisional_until > $1 ORDER BY provisional_until, code COLLATE "C"`,
        [now],
      );
      return rows.map((row): ProvisionalFacilityRow => ({
        code: row.code,
        facilityId: row.facility_id,
        roomId: row.room_id,
        dates: row.dates,
        headCount: row.head_count,
        fee: row.fee,
        groupName: row.group_name,
        provisionalUntil: row.provisional_until,
      }));
    },
    declineFacilityBooking: (decline: FacilityDecline) =>
      inTransaction(pool, async (client) => {
        // The row lock orders this against a confirm, a cancel or the expiry job on the same booking.
        const { rows } = await client.query<{ id: number }>(
          "SELECT id FROM facility_bookings WHERE code = $1 AND status = 'provisional' AND provisional_until > $2 FOR UPDATE",
          [decline.code, decline.now],
        );
        const id = rows[0]?.id;
        if (id === undefined) return 'not-provisional' as const;
        await client.query('DELETE FROM facility_booked_segments WHERE booking_id = $1', [id]);
        await client.query("UPDATE facility_bookings SET status = 'cancelled', provisional_until = NULL, updated_at = $1 WHERE id = $2", [decline.now, id]);
        await client.query('INSERT INTO facility_staff_declines (code, reason, declined_at, account_id) VALUES ($1, $2, $3, $4)', [
          decline.code,
          decline.reason,
          decline.now,
          decline.accountId,
        ]);
        // The mails written ahead (its deadline notice) go; the city's notice comes.
        await replaceFacilityMails(client, decline.code, decline.notice ? [decline.notice] : [], decline.now);
        return 'declined' as const;
      }),
    recordFeePayment: (payment: FeePaymentRecord) =>
      inTransaction(pool, async (client) => {
        // The booking's row lock orders this against a cancel; two desks recording at once meet at the primary key.
        const { rows } = await client.query<{ status: Parameters<typeof feePaymentRefusal>[0]['status']; fee: number }>(
          'SELECT status, fee FROM facility_bookings WHERE code = $1 FOR UPDATE',
          [payment.code],
        );
        const row = rows[0];
        if (!row) return 'not-found' as const;
        const paid = ((await client.query('SELECT 1 FROM facility_fee_payments WHERE code = $1', [payment.code])).rowCount ?? 0) > 0;
        const refusal = feePaymentRefusal({ status: row.status, fee: row.fee, paid });
        if (refusal) return { recorded: false as const, refusal };
        await client.query('INSERT INTO facility_fee_payments (code, method, receipt_number, recorded_at, account_id) VALUES ($1, $2, $3, $4, $5)', [
          payment.code,
          payment.method,
          payment.receiptNumber,
          payment.now,
          payment.accountId,
        ]);
        return { recorded: true as const };
      }),
    ...postgresRoomBlocks(pool),
    async bookedFacilityBookings(fromDate) {
      const { rows } = await pool.query<{
        code: string;
        facility_id: string;
        room_id: string;
        dates: string[];
        head_count: number;
        fee: number;
        group_name: string | null;
        method: FeePaymentMethod | null;
        receipt_number: string | null;
        recorded_at: string | null;
        recorded_by: string | null;
      }>(
        `SELECT b.code, b.facility_id, b.room_id, b.dates::text[] AS dates, b.head_count, b.fee, b.group_name,
           p.method, p.receipt_number, p.recorded_at, a.display_name AS recorded_by
         FROM facility_bookings b
         LEFT JOIN facility_fee_payments p ON p.code = b.code
         LEFT JOIN staff_accounts a ON a.id = p.account_id
         WHERE b.status = 'booked' AND b.last_date >= $1 ORDER BY b.first_date, b.code COLLATE "C" LIMIT 500`,
        [fromDate],
      );
      return rows.map((row): BookedFacilityRow => ({
        code: row.code,
        facilityId: row.facility_id,
        roomId: row.room_id,
        dates: row.dates,
        headCount: row.head_count,
        fee: row.fee,
        groupName: row.group_name,
        payment:
          row.method && row.receipt_number && row.recorded_at
            ? { method: row.method, receiptNumber: row.receipt_number, recordedAt: row.recorded_at, recordedBy: row.recorded_by ?? '' }
            : null,
      }));
    },
  };
}
