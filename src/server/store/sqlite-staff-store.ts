import type Database from 'better-sqlite3';
import type { AuditAction, AuditEntry } from '../../domain/staff-api.ts';
import type { StaffRole } from '../../domain/staff-roles.ts';
import type {
  CounterClosureRow,
  CounterDeskRow,
  CounterFigureRow,
  DayDesksChange,
  BookedFacilityRow,
  DayDesksOutcome,
  FacilityDecline,
  FeePaymentRecord,
  NewCounterClosure,
  NewPasskeyChallenge,
  ProvisionalFacilityRow,
  RoomFigureRow,
  SignInMethod,
  SignInTry,
  SignInTryRules,
  StaffSessionRecord,
  StaffStore,
} from './staff-store.ts';
import { sqliteFacilityMails } from './sqlite-facility-store.ts';
import { sqliteRoomBlocks } from './sqlite-room-blocks.ts';
import { type AccountRow, type PasskeyRow, toAccount, toPasskey } from './store-rows.ts';
import { feePaymentRefusal, type FeePaymentMethod } from '../../domain/facility-fee.ts';

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

/**
 * The staff side in SQLite. The sign-in tries run in IMMEDIATE transactions, and better-sqlite3
 * finishes each before the next request is served, so a burst is counted one try at a time.
 */
export function sqliteStaffStore(db: Database.Database): StaffStore {
  const accountByName = db.prepare('SELECT * FROM staff_accounts WHERE login_name = ?');
  const accountById = db.prepare('SELECT * FROM staff_accounts WHERE id = ?');
  const endAccountSessions = db.prepare("UPDATE staff_sessions SET ended_at = ?, ended_reason = 'account-changed' WHERE account_id = ? AND ended_at IS NULL");
  const forgetTries = db.prepare('DELETE FROM staff_sign_in_tries WHERE account_id = ?');

  const addAccount = db.transaction((account: Parameters<StaffStore['addAccount']>[0]) => {
    if (accountByName.get(account.loginName)) return 'name-taken' as const;
    db.prepare(
      `INSERT INTO staff_accounts (login_name, display_name, role, password_hash, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(account.loginName, account.displayName, account.role, account.passwordHash, account.now, account.now);
    return 'added' as const;
  });

  const resetPassword = db.transaction((loginName: string, passwordHash: string, now: string, nowMs: number) => {
    const row = accountByName.get(loginName) as AccountRow | undefined;
    if (!row) return false;
    db.prepare('UPDATE staff_accounts SET password_hash = ?, locked_until = NULL, updated_at = ? WHERE id = ?').run(passwordHash, now, row.id);
    forgetTries.run(row.id);
    endAccountSessions.run(nowMs, row.id);
    return true;
  });

  const disableAccount = db.transaction((loginName: string, now: string, nowMs: number) => {
    const row = accountByName.get(loginName) as AccountRow | undefined;
    if (!row) return false;
    db.prepare('UPDATE staff_accounts SET disabled_at = coalesce(disabled_at, ?), updated_at = ? WHERE id = ?').run(now, now, row.id);
    endAccountSessions.run(nowMs, row.id);
    return true;
  });

  const countTries = db.prepare('SELECT COUNT(*) FROM staff_sign_in_tries WHERE account_id = ?').pluck();
  const forgetOldTries = db.prepare('DELETE FROM staff_sign_in_tries WHERE account_id = ? AND started_at <= ?');
  const reserveTry = db.transaction((accountId: number, rules: SignInTryRules): SignInTry => {
    const row = accountById.get(accountId) as AccountRow | undefined;
    if (row && row.locked_until !== null && row.locked_until > rules.nowMs) return { granted: false, lockedUntil: row.locked_until };
    forgetOldTries.run(accountId, rules.nowMs - rules.lockMs);
    // Tries still being checked count too: they may all turn out wrong.
    if ((countTries.get(accountId) as number) >= rules.maxWrongTries) return { granted: false, lockedUntil: rules.nowMs + rules.lockMs };
    const inserted = db.prepare("INSERT INTO staff_sign_in_tries (account_id, started_at, state) VALUES (?, ?, 'pending')").run(accountId, rules.nowMs);
    return { granted: true, id: Number(inserted.lastInsertRowid) };
  });

  const tryById = db.prepare('SELECT account_id FROM staff_sign_in_tries WHERE id = ?').pluck();
  const countWrong = db.prepare("SELECT COUNT(*) FROM staff_sign_in_tries WHERE account_id = ? AND state = 'failed'").pluck();
  const settleTry = db.transaction((id: number, outcome: 'right' | 'wrong', rules: SignInTryRules) => {
    const accountId = tryById.get(id) as number | undefined;
    // Gone: a password reset forgot the tries meanwhile.
    if (accountId === undefined) return { locked: false };
    if (outcome === 'right') {
      forgetTries.run(accountId);
      return { locked: false };
    }
    db.prepare("UPDATE staff_sign_in_tries SET state = 'failed', started_at = ? WHERE id = ?").run(rules.nowMs, id);
    if ((countWrong.get(accountId) as number) < rules.maxWrongTries) return { locked: false };
    db.prepare('UPDATE staff_accounts SET locked_until = ? WHERE id = ?').run(rules.nowMs + rules.lockMs, accountId);
    forgetTries.run(accountId);
    return { locked: true };
  });

  const sessionByHash = db.prepare('SELECT * FROM staff_sessions WHERE token_hash = ?');
  const openSessions = db.prepare(`SELECT s.*, a.login_name, a.display_name, a.role FROM staff_sessions s JOIN staff_accounts a ON a.id = s.account_id
    WHERE s.ended_at IS NULL AND s.last_seen_at > ? AND s.expires_at > ? ORDER BY s.last_seen_at DESC`);

  const dayRows = db.prepare(`SELECT r.code, r.slot, r.kind_id, r.people, r.proxy, r.name_kana, r.status,
      c.code IS NOT NULL AS checked_in, n.code IS NOT NULL AS no_show, x.reason AS cancel_reason
    FROM counter_reservations r
    LEFT JOIN counter_check_ins c ON c.code = r.code
    LEFT JOIN counter_no_shows n ON n.code = r.code
    LEFT JOIN counter_staff_cancellations x ON x.code = r.code
    WHERE r.visit_date = ? ORDER BY r.slot, r.created_at`);
  const counterFigures = db.prepare(`SELECT r.visit_date AS date, r.kind_id AS kindId,
      SUM(r.status = 'booked') AS booked,
      SUM(r.status = 'booked' AND c.code IS NOT NULL) AS checkedIn,
      SUM(r.status = 'booked' AND n.code IS NOT NULL) AS noShow,
      SUM(r.status = 'cancelled') AS cancelled,
      SUM(CASE WHEN r.status = 'booked' THEN r.people ELSE 0 END) AS people
    FROM counter_reservations r
    LEFT JOIN counter_check_ins c ON c.code = r.code
    LEFT JOIN counter_no_shows n ON n.code = r.code
    WHERE r.visit_date BETWEEN ? AND ? GROUP BY r.visit_date, r.kind_id ORDER BY r.visit_date, r.kind_id`);
  const roomFigures = db.prepare(`SELECT facility_id AS facilityId, room_id AS roomId,
      SUM(status = 'booked') AS booked,
      SUM(status = 'provisional') AS provisional,
      SUM(status IN ('cancelled', 'released')) AS cancelled,
      SUM(CASE WHEN status IN ('booked', 'provisional') THEN json_array_length(dates_json) * json_array_length(block_ids_json) ELSE 0 END) AS blocks
    FROM facility_bookings WHERE first_date BETWEEN ? AND ? GROUP BY facility_id, room_id ORDER BY facility_id, room_id`);
  const heldRoomDays = db.prepare(`SELECT facility_id AS facilityId, room_id AS roomId, dates_json AS datesJson, block_ids_json AS blockIdsJson
    FROM facility_bookings WHERE status IN ('booked', 'provisional') AND last_date >= ? AND first_date <= ?`);
  const reservationStatus = db.prepare('SELECT status FROM counter_reservations WHERE code = ?').pluck();
  const checkIn = db.transaction((code: string, accountId: number, now: string) => {
    if (reservationStatus.get(code) !== 'booked') return 'not-booked' as const;
    const inserted = db
      .prepare('INSERT INTO counter_check_ins (code, checked_in_at, account_id) VALUES (?, ?, ?) ON CONFLICT (code) DO NOTHING')
      .run(code, now, accountId);
    db.prepare('DELETE FROM counter_no_shows WHERE code = ?').run(code);
    return inserted.changes === 1 ? ('checked-in' as const) : ('already' as const);
  });
  const markNoShow = db.transaction((code: string, accountId: number, now: string) => {
    if (reservationStatus.get(code) !== 'booked') return 'not-booked' as const;
    if (db.prepare('SELECT 1 FROM counter_check_ins WHERE code = ?').get(code)) return 'checked-in' as const;
    const inserted = db
      .prepare('INSERT INTO counter_no_shows (code, marked_at, account_id) VALUES (?, ?, ?) ON CONFLICT (code) DO NOTHING')
      .run(code, now, accountId);
    return inserted.changes === 1 ? ('marked' as const) : ('already' as const);
  });

  const heldInRange = db.prepare(`SELECT code, slot FROM counter_reservations
    WHERE status = 'booked' AND visit_date = ? AND substr(slot, 12) >= ? AND substr(slot, 12) < ? ORDER BY slot`);
  const closeSlot = db.prepare('INSERT INTO counter_slots (slot, capacity) VALUES (?, 0) ON CONFLICT (slot) DO UPDATE SET capacity = 0');
  const closeCounter = db.transaction((closure: NewCounterClosure) => {
    const bookings = heldInRange.all(closure.date, closure.startTime, closure.endTime) as { code: string; slot: string }[];
    if (bookings.length > 0) return { closed: false as const, bookings };
    for (const slot of closure.slots) closeSlot.run(slot);
    const inserted = db
      .prepare('INSERT INTO counter_closures (date, start_time, end_time, reason, created_at, account_id) VALUES (?, ?, ?, ?, ?, ?)')
      .run(closure.date, closure.startTime, closure.endTime, closure.reason, closure.now, closure.accountId);
    return { closed: true as const, id: Number(inserted.lastInsertRowid) };
  });
  const closureById = db.prepare('SELECT id, date, start_time AS startTime, end_time AS endTime, reason FROM counter_closures WHERE id = ?');
  const reopenCounter = db.transaction((id: number, slots: (closure: CounterClosureRow) => string[], capacity: number) => {
    const closure = closureById.get(id) as CounterClosureRow | undefined;
    if (!closure) return null;
    db.prepare('DELETE FROM counter_closures WHERE id = ?').run(id);
    // The trigger skips the slots another closure still covers.
    const reopen = db.prepare(
      'UPDATE counter_slots SET capacity = coalesce((SELECT desks FROM counter_day_desks WHERE date = substr(slot, 1, 10)), ?) WHERE slot = ?',
    );
    for (const slot of slots(closure)) reopen.run(capacity, slot);
    return closure;
  });

  const overDesks = db.prepare('SELECT slot, booked FROM counter_slots WHERE slot >= ? AND slot < ? AND booked > ? ORDER BY slot');
  const dayDesks = db.prepare('SELECT desks FROM counter_day_desks WHERE date = ?').pluck();
  const setDaySlot = db.prepare('INSERT INTO counter_slots (slot, capacity) VALUES (?, ?) ON CONFLICT (slot) DO UPDATE SET capacity = excluded.capacity');
  const setDayDesks = db.transaction((change: DayDesksChange): DayDesksOutcome => {
    const target = change.desks ?? change.defaultDesks;
    const over = overDesks.all(change.date, `${change.date}~`, target) as { slot: string; booked: number }[];
    if (over.length > 0) return { set: false, over };
    const before = (dayDesks.get(change.date) as number | undefined) ?? null;
    if (change.desks === null) db.prepare('DELETE FROM counter_day_desks WHERE date = ?').run(change.date);
    else
      db.prepare(
        `INSERT INTO counter_day_desks (date, desks, updated_at, account_id) VALUES (?, ?, ?, ?)
        ON CONFLICT (date) DO UPDATE SET desks = excluded.desks, updated_at = excluded.updated_at, account_id = excluded.account_id`,
      ).run(change.date, change.desks, change.now, change.accountId);
    // Every slot of the day gets a row at the day's desks (so the calendar reads them); the trigger
    // keeps a closed slot at 0.
    for (const slot of change.slots) setDaySlot.run(slot, target);
    return { set: true, before };
  });

  const forgetExpiredChallenges = db.prepare('DELETE FROM staff_passkey_challenges WHERE expires_at <= ?');
  const countLiveChallenges = db.prepare('SELECT COUNT(*) FROM staff_passkey_challenges WHERE purpose = ? AND account_id IS ?').pluck();
  const addChallenge = db.transaction((challenge: NewPasskeyChallenge, maxLive: number) => {
    forgetExpiredChallenges.run(challenge.nowMs);
    if ((countLiveChallenges.get(challenge.purpose, challenge.accountId) as number) >= maxLive) return false;
    db.prepare('INSERT INTO staff_passkey_challenges (challenge, purpose, account_id, expires_at) VALUES (?, ?, ?, ?)').run(
      challenge.challenge,
      challenge.purpose,
      challenge.accountId,
      challenge.expiresAt,
    );
    return true;
  });
  const takeChallenge = db.prepare('DELETE FROM staff_passkey_challenges WHERE challenge = ? AND purpose = ? AND account_id IS ? RETURNING expires_at').pluck();
  const countAccountPasskeys = db.prepare('SELECT COUNT(*) FROM staff_passkeys WHERE account_id = ?').pluck();
  const addPasskey = db.transaction((passkey: Parameters<StaffStore['addPasskey']>[0], maxPerAccount: number) => {
    if ((countAccountPasskeys.get(passkey.accountId) as number) >= maxPerAccount) return 'too-many' as const;
    const inserted = db
      .prepare(
        `INSERT INTO staff_passkeys (account_id, credential_id, public_key, sign_count, transports, name, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (credential_id) DO NOTHING`,
      )
      .run(passkey.accountId, passkey.credentialId, passkey.publicKey, passkey.signCount, passkey.transports.join(','), passkey.name, passkey.createdAt);
    return inserted.changes === 1 ? ('added' as const) : ('already-registered' as const);
  });
  const removePasskey = db.transaction((accountId: number, id: number) => {
    const row = db.prepare('SELECT * FROM staff_passkeys WHERE id = ? AND account_id = ?').get(id, accountId) as PasskeyRow | undefined;
    if (!row) return null;
    db.prepare('DELETE FROM staff_passkeys WHERE id = ?').run(id);
    return toPasskey(row);
  });

  const provisional = db.prepare(`SELECT code, facility_id, room_id, dates_json, head_count, fee, group_name, provisional_until
    FROM facility_bookings WHERE status = 'provisional' AND provisional_until > ? ORDER BY provisional_until, code`);

  const facilityMails = sqliteFacilityMails(db);
  const provisionalInForce = db.prepare("SELECT id FROM facility_bookings WHERE code = ? AND status = 'provisional' AND provisional_until > ?").pluck();
  const declineFacilityBooking = db.transaction((decline: FacilityDecline) => {
    const id = provisionalInForce.get(decline.code, decline.now) as number | undefined;
    if (id === undefined) return 'not-provisional' as const;
    db.prepare('DELETE FROM facility_booked_segments WHERE booking_id = ?').run(id);
    db.prepare("UPDATE facility_bookings SET status = 'cancelled', provisional_until = NULL, updated_at = ? WHERE id = ?").run(decline.now, id);
    db.prepare('INSERT INTO facility_staff_declines (code, reason, declined_at, account_id) VALUES (?, ?, ?, ?)').run(
      decline.code,
      decline.reason,
      decline.now,
      decline.accountId,
    );
    // The mails written ahead (its deadline notice) go; the city's notice comes.
    facilityMails.replace(decline.code, decline.notice ? [decline.notice] : [], decline.now);
    return 'declined' as const;
  });

  const bookingForFee = db.prepare(`SELECT b.status, b.fee, p.code IS NOT NULL AS paid FROM facility_bookings b
    LEFT JOIN facility_fee_payments p ON p.code = b.code WHERE b.code = ?`);
  const recordFeePayment = db.transaction((payment: FeePaymentRecord) => {
    const row = bookingForFee.get(payment.code) as { status: Parameters<typeof feePaymentRefusal>[0]['status']; fee: number; paid: number } | undefined;
    if (!row) return 'not-found' as const;
    const refusal = feePaymentRefusal({ status: row.status, fee: row.fee, paid: row.paid === 1 });
    if (refusal) return { recorded: false as const, refusal };
    db.prepare('INSERT INTO facility_fee_payments (code, method, receipt_number, recorded_at, account_id) VALUES (?, ?, ?, ?, ?)').run(
      payment.code,
      payment.method,
      payment.receiptNumber,
      payment.now,
      payment.accountId,
    );
    return { recorded: true as const };
  });
  const booked = db.prepare(`SELECT b.code, b.facility_id, b.room_id, b.dates_json, b.head_count, b.fee, b.group_name,
      p.method, p.receipt_number, p.recorded_at, a.display_name AS recorded_by
    FROM facility_bookings b
    LEFT JOIN facility_fee_payments p ON p.code = b.code
    LEFT JOIN staff_accounts a ON a.id = p.account_id
    WHERE b.status = 'booked' AND b.last_date >= ? ORDER BY b.first_date, b.code LIMIT 500`);

  return {
    addAccount: (account) => Promise.resolve(addAccount.immediate(account)),
    findAccount(loginName) {
      const row = accountByName.get(loginName) as AccountRow | undefined;
      return Promise.resolve(row ? toAccount(row) : null);
    },
    findAccountById(id) {
      const row = accountById.get(id) as AccountRow | undefined;
      return Promise.resolve(row ? toAccount(row) : null);
    },
    listAccounts() {
      const rows = db.prepare('SELECT * FROM staff_accounts ORDER BY role, login_name').all() as AccountRow[];
      return Promise.resolve(rows.map(toAccount));
    },
    resetPassword: (loginName, passwordHash, now, nowMs) => Promise.resolve(resetPassword.immediate(loginName, passwordHash, now, nowMs)),
    disableAccount: (loginName, now, nowMs) => Promise.resolve(disableAccount.immediate(loginName, now, nowMs)),

    reserveSignInTry: (accountId, rules) => Promise.resolve(reserveTry.immediate(accountId, rules)),
    settleSignInTry: (id, outcome, rules) => Promise.resolve(settleTry.immediate(id, outcome, rules)),

    createSession({ tokenHash, csrfToken, accountId, nowMs, expiresAt, signInMethod }) {
      const inserted = db
        .prepare(
          'INSERT INTO staff_sessions (token_hash, csrf_token, account_id, created_at, last_seen_at, expires_at, sign_in_method) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(tokenHash, csrfToken, accountId, nowMs, nowMs, expiresAt, signInMethod);
      return Promise.resolve(Number(inserted.lastInsertRowid));
    },
    findSession(tokenHash) {
      const row = sessionByHash.get(tokenHash) as SessionRow | undefined;
      return Promise.resolve(row ? toSession(row) : null);
    },
    touchSession(id, nowMs) {
      const changed = db.prepare('UPDATE staff_sessions SET last_seen_at = max(last_seen_at, ?) WHERE id = ? AND ended_at IS NULL').run(nowMs, id).changes;
      return Promise.resolve(changed === 1);
    },
    endSession(id, reason, nowMs) {
      const changed = db.prepare('UPDATE staff_sessions SET ended_at = ?, ended_reason = ? WHERE id = ? AND ended_at IS NULL').run(nowMs, reason, id).changes;
      return Promise.resolve(changed === 1);
    },
    listOpenSessions(seenSince, nowMs) {
      const rows = openSessions.all(seenSince, nowMs) as (SessionRow & { login_name: string; display_name: string; role: StaffRole })[];
      return Promise.resolve(rows.map((row) => ({ ...toSession(row), loginName: row.login_name, displayName: row.display_name, role: row.role })));
    },

    addPasskeyChallenge: (challenge, maxLive) => Promise.resolve(addChallenge.immediate(challenge, maxLive)),
    takePasskeyChallenge(challenge, purpose, accountId, nowMs) {
      const expiresAt = takeChallenge.get(challenge, purpose, accountId) as number | undefined;
      return Promise.resolve(expiresAt !== undefined && expiresAt > nowMs);
    },
    addPasskey: (passkey, maxPerAccount) => Promise.resolve(addPasskey.immediate(passkey, maxPerAccount)),
    listPasskeys(accountId) {
      const rows = db.prepare('SELECT * FROM staff_passkeys WHERE account_id = ? ORDER BY id').all(accountId) as PasskeyRow[];
      return Promise.resolve(rows.map(toPasskey));
    },
    findPasskey(credentialId) {
      const row = db.prepare('SELECT * FROM staff_passkeys WHERE credential_id = ?').get(credentialId) as PasskeyRow | undefined;
      return Promise.resolve(row ? toPasskey(row) : null);
    },
    usePasskey(id, signCount, now) {
      db.prepare('UPDATE staff_passkeys SET sign_count = ?, last_used_at = ? WHERE id = ?').run(signCount, now, id);
      return Promise.resolve();
    },
    removePasskey: (accountId, id) => Promise.resolve(removePasskey.immediate(accountId, id)),
    countPasskeys() {
      return Promise.resolve(
        db.prepare('SELECT account_id AS accountId, COUNT(*) AS count FROM staff_passkeys GROUP BY account_id').all() as { accountId: number; count: number }[],
      );
    },

    deleteAuditBefore: (before) => Promise.resolve(db.prepare('DELETE FROM staff_audit_log WHERE at < ?').run(before).changes),
    appendAudit({ at, actor, action, target, before, after }) {
      db.prepare('INSERT INTO staff_audit_log (at, actor, action, target, before_value, after_value) VALUES (?, ?, ?, ?, ?, ?)').run(
        at,
        actor,
        action,
        target,
        before,
        after,
      );
      return Promise.resolve();
    },
    listAudit(limit) {
      const rows = db
        .prepare('SELECT id, at, actor, action, target, before_value AS before, after_value AS after FROM staff_audit_log ORDER BY id DESC LIMIT ?')
        .all(limit) as { id: number; at: string; actor: string; action: AuditAction; target: string | null; before: string | null; after: string | null }[];
      return Promise.resolve(rows satisfies AuditEntry[]);
    },

    counterDay(date) {
      const rows = dayRows.all(date) as {
        code: string;
        slot: string;
        kind_id: string;
        people: number;
        proxy: number;
        name_kana: string | null;
        status: 'booked' | 'cancelled';
        checked_in: number;
        no_show: number;
        cancel_reason: string | null;
      }[];
      return Promise.resolve(
        rows.map((row): CounterDeskRow => ({
          code: row.code,
          slot: row.slot,
          kindId: row.kind_id,
          people: row.people,
          proxy: row.proxy === 1,
          nameKana: row.name_kana,
          status: row.status,
          checkedIn: row.checked_in === 1,
          noShow: row.no_show === 1,
          cancelReason: row.cancel_reason,
        })),
      );
    },
    checkIn: (code, accountId, now) => Promise.resolve(checkIn.immediate(code, accountId, now)),
    markNoShow: (code, accountId, now) => Promise.resolve(markNoShow.immediate(code, accountId, now)),
    counterFigures: (first, last) => Promise.resolve(counterFigures.all(first, last) as CounterFigureRow[]),
    roomFigures: (first, last) => Promise.resolve(roomFigures.all(first, last) as RoomFigureRow[]),
    heldRoomDays: (first, last) =>
      Promise.resolve(
        (heldRoomDays.all(first, last) as { facilityId: string; roomId: string; datesJson: string; blockIdsJson: string }[]).map((row) => ({
          facilityId: row.facilityId,
          roomId: row.roomId,
          dates: JSON.parse(row.datesJson) as string[],
          blockIds: JSON.parse(row.blockIdsJson) as string[],
        })),
      ),
    recordCancelReason(code, reason, accountId, now) {
      db.prepare(
        `INSERT INTO counter_staff_cancellations (code, reason, cancelled_at, account_id) VALUES (?, ?, ?, ?)
        ON CONFLICT (code) DO UPDATE SET reason = excluded.reason, cancelled_at = excluded.cancelled_at, account_id = excluded.account_id`,
      ).run(code, reason, now, accountId);
      return Promise.resolve();
    },
    forgetCancelReason(code) {
      db.prepare('DELETE FROM counter_staff_cancellations WHERE code = ?').run(code);
      return Promise.resolve();
    },
    closeCounter: (closure) => Promise.resolve(closeCounter.immediate(closure)),
    reopenCounter: (id, slots, capacity) => Promise.resolve(reopenCounter.immediate(id, slots, capacity)),
    setDayDesks: (change) => Promise.resolve(setDayDesks.immediate(change)),
    listDayDesks(fromDate) {
      return Promise.resolve(
        db.prepare('SELECT date, desks FROM counter_day_desks WHERE date >= ? ORDER BY date').all(fromDate) as { date: string; desks: number }[],
      );
    },
    listClosures(fromDate) {
      const rows = db
        .prepare('SELECT id, date, start_time AS startTime, end_time AS endTime, reason FROM counter_closures WHERE date >= ? ORDER BY date, start_time')
        .all(fromDate) as CounterClosureRow[];
      return Promise.resolve(rows);
    },
    provisionalFacilityBookings(now) {
      const rows = provisional.all(now) as {
        code: string;
        facility_id: string;
        room_id: string;
        dates_json: string;
        head_count: number;
        fee: number;
        group_name: string | null;
        provisional_until: string;
      }[];
      return Promise.resolve(
        rows.map((row): ProvisionalFacilityRow => ({
          code: row.code,
          facilityId: row.facility_id,
          roomId: row.room_id,
          dates: JSON.parse(row.dates_json) as string[],
          headCount: row.head_count,
          fee: row.fee,
          groupName: row.group_name,
          provisionalUntil: row.provisional_until,
        })),
      );
    },
    declineFacilityBooking: (decline) => Promise.resolve(declineFacilityBooking.immediate(decline)),
    recordFeePayment: (payment) => Promise.resolve(recordFeePayment.immediate(payment)),
    ...sqliteRoomBlocks(db),
    bookedFacilityBookings(fromDate) {
      const rows = booked.all(fromDate) as {
        code: string;
        facility_id: string;
        room_id: string;
        dates_json: string;
        head_count: number;
        fee: number;
        group_name: string | null;
        method: FeePaymentMethod | null;
        receipt_number: string | null;
        recorded_at: string | null;
        recorded_by: string | null;
      }[];
      return Promise.resolve(
        rows.map((row): BookedFacilityRow => ({
          code: row.code,
          facilityId: row.facility_id,
          roomId: row.room_id,
          dates: JSON.parse(row.dates_json) as string[],
          headCount: row.head_count,
          fee: row.fee,
          groupName: row.group_name,
          payment:
            row.method && row.receipt_number && row.recorded_at
              ? { method: row.method, receiptNumber: row.receipt_number, recordedAt: row.recorded_at, recordedBy: row.recorded_by ?? '' }
              : null,
        })),
      );
    },
  };
}
