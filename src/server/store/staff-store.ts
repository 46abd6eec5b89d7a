import type { HeldRoomDays } from '../../domain/staff-figures.ts';
import type { StaffRole } from '../../domain/staff-roles.ts';
import type { AuditAction, AuditEntry, SignInMethod } from '../../domain/staff-api.ts';
import type { NewOutboxMessage } from '../../booking/outbox.ts';
import type { FeePaymentMethod } from '../../domain/facility-fee.ts';
import type { BlockingBooking, DaySheetBooking } from '../../domain/room-blocks.ts';

export type { SignInMethod };

/**
 * What the staff side keeps: accounts, sign-in tries, sessions and the audit log, plus what the
 * desks record about a citizen's booking. Instants the rules compare are milliseconds since 1970
 * (UTC); instants only shown are ISO strings.
 */
export interface StaffAccountRecord {
  id: number;
  loginName: string;
  displayName: string;
  role: StaffRole;
  passwordHash: string;
  lockedUntil: number | null;
  disabled: boolean;
  createdAt: string;
}

export interface StaffSessionRecord {
  id: number;
  accountId: number;
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  endedAt: number | null;
  signInMethod: SignInMethod;
}

/** A passkey an account registered: its public key and the authenticator's counter, never a secret. */
export interface StaffPasskeyRecord {
  id: number;
  accountId: number;
  /** base64url, as the browser names the credential. */
  credentialId: string;
  /** base64url of the COSE public key. */
  publicKey: string;
  signCount: number;
  transports: string[];
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export type PasskeyChallengePurpose = 'register' | 'sign-in';

export interface NewPasskeyChallenge {
  challenge: string;
  purpose: PasskeyChallengePurpose;
  /** The signed-in account, for 'register'; null for 'sign-in', which names nobody yet. */
  accountId: number | null;
  nowMs: number;
  expiresAt: number;
}

export type SignInTry = { granted: true; id: number } | { granted: false; lockedUntil: number };

export interface SignInTryRules {
  maxWrongTries: number;
  /** How long a lock lasts, and how long a wrong try is remembered. */
  lockMs: number;
  nowMs: number;
}

export interface CounterDeskRow {
  code: string;
  slot: string;
  kindId: string;
  people: number;
  proxy: boolean;
  nameKana: string | null;
  status: 'booked' | 'cancelled';
  checkedIn: boolean;
  /** Marked 来なかった at the desk (never together with checkedIn). */
  noShow: boolean;
  cancelReason: string | null;
}

/** Counts for one visit kind on one day (see src/domain/staff-figures.ts). */
export interface CounterFigureRow {
  date: string;
  kindId: string;
  booked: number;
  checkedIn: number;
  noShow: number;
  cancelled: number;
  people: number;
}

/** Counts for one room's bookings whose first day is in the range. */
export interface RoomFigureRow {
  facilityId: string;
  roomId: string;
  booked: number;
  provisional: number;
  cancelled: number;
  blocks: number;
}

export interface ProvisionalFacilityRow {
  code: string;
  facilityId: string;
  roomId: string;
  dates: string[];
  headCount: number;
  fee: number;
  groupName: string | null;
  provisionalUntil: string;
}

export interface CounterClosureRow {
  id: number;
  date: string;
  startTime: string;
  endTime: string;
  reason: string;
}

export interface NewCounterClosure {
  date: string;
  startTime: string;
  endTime: string;
  reason: string;
  /** The slots ('YYYY-MM-DDTHH:MM') the closure covers, from the content's opening hours. */
  slots: string[];
  accountId: number;
  now: string;
}

export interface DayDesksChange {
  date: string;
  /** The day's desks, or null for the content's default again. */
  desks: number | null;
  /** The content's desksPerSlot: what the day takes when `desks` is null. */
  defaultDesks: number;
  /** The day's slots ('YYYY-MM-DDTHH:MM'), from the content's opening hours. */
  slots: string[];
  accountId: number;
  now: string;
}

export type DayDesksOutcome = { set: true; before: number | null } | { set: false; over: { slot: string; booked: number }[] };

/** The facility desk declines a 仮予約; `notice` is the citizen's mail, or null when none is sent. */
export interface FacilityDecline {
  code: string;
  reason: string;
  accountId: number;
  now: string;
  notice: NewOutboxMessage | null;
}

export interface FeePaymentRecord {
  code: string;
  method: FeePaymentMethod;
  receiptNumber: string;
  accountId: number;
  now: string;
}

/** A confirmed facility booking for the desk's list, with its fee's payment once recorded. */
export interface BookedFacilityRow {
  code: string;
  facilityId: string;
  roomId: string;
  dates: string[];
  headCount: number;
  fee: number;
  groupName: string | null;
  payment: { method: FeePaymentMethod; receiptNumber: string; recordedAt: string; recordedBy: string } | null;
}

/** The desk blocks a room for the city's use: the segments ('HH:MM' starts) of the chosen blocks on the day. */
export interface NewRoomBlockRecord {
  facilityId: string;
  roomId: string;
  date: string;
  blockIds: string[];
  segments: string[];
  reason: string;
  accountId: number;
  now: string;
}

export interface RoomBlockRow {
  id: number;
  facilityId: string;
  roomId: string;
  date: string;
  blockIds: string[];
  reason: string;
  createdAt: string;
  createdBy: string;
}

export type RoomBlockOutcome =
  | { blocked: true; id: number }
  /** Nothing changed: citizens' bookings (booked, or 仮予約 still in force) hold some of the segments, or another block does. */
  | { blocked: false; bookings: BlockingBooking[]; alreadyBlocked: boolean };

export interface StaffStore {
  addAccount(account: { loginName: string; displayName: string; role: StaffRole; passwordHash: string; now: string }): Promise<'added' | 'name-taken'>;
  findAccount(loginName: string): Promise<StaffAccountRecord | null>;
  findAccountById(id: number): Promise<StaffAccountRecord | null>;
  listAccounts(): Promise<StaffAccountRecord[]>;
  /** Sets a new password, lifts a lock and forgets wrong tries; the account's sessions end. */
  resetPassword(loginName: string, passwordHash: string, now: string, nowMs: number): Promise<boolean>;
  /** The account can no longer sign in; its sessions end. */
  disableAccount(loginName: string, now: string, nowMs: number): Promise<boolean>;

  /**
   * Reserves one password check, unless the account is locked or already has `maxWrongTries`
   * tries (wrong, or still being checked). Atomic: of any burst, at most that many are granted.
   */
  reserveSignInTry(accountId: number, rules: SignInTryRules): Promise<SignInTry>;
  /** A right password forgets the account's tries; the wrong try that reaches the limit locks it. */
  settleSignInTry(id: number, outcome: 'right' | 'wrong', rules: SignInTryRules): Promise<{ locked: boolean }>;

  createSession(session: {
    tokenHash: string;
    csrfToken: string;
    accountId: number;
    nowMs: number;
    expiresAt: number;
    signInMethod: SignInMethod;
  }): Promise<number>;
  findSession(tokenHash: string): Promise<StaffSessionRecord | null>;
  /** Marks the session as used now, if it has not ended meanwhile; false when it has. */
  touchSession(id: number, nowMs: number): Promise<boolean>;
  /** Ends a session; false when it had already ended. */
  endSession(id: number, reason: 'signed-out' | 'revoked', nowMs: number): Promise<boolean>;
  /** Sessions not ended, last used after `seenSince`, and not past their lifetime at `nowMs`. */
  listOpenSessions(seenSince: number, nowMs: number): Promise<(StaffSessionRecord & { loginName: string; displayName: string; role: StaffRole })[]>;

  /**
   * Keeps a new challenge, first forgetting expired ones; refused (false) while `maxLive` of the same
   * purpose (and, for 'register', the same account) are still live, so the table stays bounded.
   */
  addPasskeyChallenge(challenge: NewPasskeyChallenge, maxLive: number): Promise<boolean>;
  /** Takes (deletes) the challenge if it is live and is for this purpose and account: one use only. */
  takePasskeyChallenge(challenge: string, purpose: PasskeyChallengePurpose, accountId: number | null, nowMs: number): Promise<boolean>;
  /** Adds a passkey, unless the account has `maxPerAccount` already or the credential is registered. */
  addPasskey(passkey: Omit<StaffPasskeyRecord, 'id' | 'lastUsedAt'>, maxPerAccount: number): Promise<'added' | 'too-many' | 'already-registered'>;
  listPasskeys(accountId: number): Promise<StaffPasskeyRecord[]>;
  findPasskey(credentialId: string): Promise<StaffPasskeyRecord | null>;
  /** Records a sign-in with the passkey: the authenticator's new counter, and when. */
  usePasskey(id: number, signCount: number, now: string): Promise<void>;
  /** Removes one of the account's passkeys; null when the account has no such passkey. */
  removePasskey(accountId: number, id: number): Promise<StaffPasskeyRecord | null>;
  /** How many passkeys each account has (accounts with none are left out). */
  countPasskeys(): Promise<{ accountId: number; count: number }[]>;

  appendAudit(entry: { at: string; actor: string; action: AuditAction; target: string | null; before: string | null; after: string | null }): Promise<void>;
  /** The newest entries first. */
  listAudit(limit: number): Promise<AuditEntry[]>;
  /**
   * Deletes the audit entries older than `before` (ISO instant), for the retention job; the count. The
   * database refuses (throws) when any of them is younger than its floor (see AUDIT_RETENTION_FLOOR_DAYS).
   */
  deleteAuditBefore(before: string): Promise<number>;

  counterDay(date: string): Promise<CounterDeskRow[]>;
  /** The figures of the days from `first` to `last`, by day and visit kind / by room. */
  counterFigures(first: string, last: string): Promise<CounterFigureRow[]>;
  roomFigures(first: string, last: string): Promise<RoomFigureRow[]>;
  /** Bookings holding their room (confirmed or 仮予約) on some day from `first` to `last`, for the rooms' occupancy. */
  heldRoomDays(first: string, last: string): Promise<HeldRoomDays[]>;
  /** 'not-booked' when the booking does not exist or is cancelled. A 来なかった mark goes (a late arrival). */
  checkIn(code: string, accountId: number, now: string): Promise<'checked-in' | 'already' | 'not-booked'>;
  /** 来なかった; 'not-booked' when the booking does not exist or is cancelled, 'checked-in' when the citizen came. */
  markNoShow(code: string, accountId: number, now: string): Promise<'marked' | 'already' | 'not-booked' | 'checked-in'>;
  recordCancelReason(code: string, reason: string, accountId: number, now: string): Promise<void>;
  forgetCancelReason(code: string): Promise<void>;
  /**
   * Closes the counter's slots in one transaction, unless a booking is held in them: then nothing
   * changes and the bookings are returned, for the clerk to call those citizens first.
   */
  closeCounter(closure: NewCounterClosure): Promise<{ closed: true; id: number } | { closed: false; bookings: { code: string; slot: string }[] }>;
  /** Removes a closure; its slots take `capacity` again unless another closure still covers them. */
  reopenCounter(id: number, slots: (closure: CounterClosureRow) => string[], capacity: number): Promise<CounterClosureRow | null>;
  /**
   * Sets the desks of one day (or gives it the content's default again) and the capacity of its
   * slots, in one transaction; refused (nothing changes) where a slot already holds more bookings,
   * which are returned. `before` is the day's desks until now (null: the default).
   */
  setDayDesks(change: DayDesksChange): Promise<DayDesksOutcome>;
  /** Days on or after the date whose desks were set, earliest first. */
  listDayDesks(fromDate: string): Promise<{ date: string; desks: number }[]>;
  /** Closures on or after the day, earliest first. */
  listClosures(fromDate: string): Promise<CounterClosureRow[]>;
  /** 仮予約 not yet released, the soonest deadline first. */
  provisionalFacilityBookings(now: string): Promise<ProvisionalFacilityRow[]>;
  /**
   * Declines a 仮予約 still in force, in one transaction: the booking is cancelled, its segments
   * are free at once, the reason is kept for the citizen's page and the notice is queued.
   * 'not-provisional' (nothing changes) when it is booked, cancelled, released or past its deadline.
   */
  declineFacilityBooking(decline: FacilityDecline): Promise<'declined' | 'not-provisional'>;
  /**
   * Records a booking's fee as paid, in one transaction with the check of feePaymentRefusal
   * (src/domain/facility-fee.ts) on the booking as it is then; refused, nothing changes and the
   * refusal is returned. 'not-found' when there is no such booking.
   */
  recordFeePayment(payment: FeePaymentRecord): Promise<{ recorded: true } | { recorded: false; refusal: string } | 'not-found'>;
  /** Confirmed bookings whose last day is on or after the date, the earliest first day first. */
  bookedFacilityBookings(fromDate: string): Promise<BookedFacilityRow[]>;

  /**
   * Blocks the room's segments of the day for the city, in one transaction with the check: expired
   * 仮予約 are released first; where a booking in force or another block holds any of the segments,
   * nothing changes and those bookings are returned. The segments' overlap guard refuses a booking
   * that races the block (and the block, if a booking wins).
   */
  blockRoom(block: NewRoomBlockRecord): Promise<RoomBlockOutcome>;
  /** Removes a block and frees its segments at once; null when there is no such block. */
  unblockRoom(id: number): Promise<RoomBlockRow | null>;
  /** Blocks on or after the day, earliest first (at most 500). */
  listRoomBlocks(fromDate: string): Promise<RoomBlockRow[]>;
  /** A room's bookings in force on the day (booked, or 仮予約 not past their deadline) and its blocks. */
  roomDay(facilityId: string, roomId: string, date: string, now: string): Promise<{ bookings: DaySheetBooking[]; blocks: RoomBlockRow[] }>;
}
