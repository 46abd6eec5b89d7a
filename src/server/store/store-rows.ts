import type { StoredCounterReservation } from '../../booking/counter-store.ts';
import type { StoredWaitlistEntry } from '../../booking/counter-waitlist-store.ts';
import type { StoredRoomWaitlistEntry } from '../../booking/room-waitlist-store.ts';
import type { StoredFacilityBooking } from '../../booking/facility-store.ts';
import { FACILITY_SCHEDULED_MAILS } from '../../booking/outbox.ts';
import type { StaffRole } from '../../domain/staff-roles.ts';
import type { StaffAccountRecord, StaffPasskeyRecord } from './staff-store.ts';

/**
 * The rows both stores read, as their columns are named in both schemas, and how each becomes a
 * record. Where the engines' types differ (SQLite keeps a flag as 0/1 and a list as JSON text;
 * PostgreSQL has boolean and arrays) each store reads its column into the shape here first.
 */

export interface ReservationRow {
  code: string;
  kind_id: string;
  slot: string;
  people: number;
  proxy: boolean;
  status: 'booked' | 'cancelled';
  name_kana: string | null;
  phone: string | null;
  email: string | null;
  push_subscription: string | null;
  city_cancellation_reason: string | null;
  city_moved_from: string | null;
}

export function toReservation(row: ReservationRow): StoredCounterReservation {
  return {
    code: row.code,
    kindId: row.kind_id,
    slot: row.slot,
    people: row.people,
    proxy: row.proxy,
    status: row.status,
    nameKana: row.name_kana,
    phone: row.phone,
    email: row.email,
    pushSubscription: row.push_subscription,
    cityCancellationReason: row.city_cancellation_reason,
    cityMovedFrom: row.city_moved_from,
  };
}

export interface FacilityBookingRow {
  id: number;
  code: string;
  facility_id: string;
  room_id: string;
  dates: string[];
  block_ids: string[];
  residency: StoredFacilityBooking['residency'];
  group_type: StoredFacilityBooking['group'];
  head_count: number;
  fee: number;
  status: StoredFacilityBooking['status'];
  provisional_until: string | null;
  apply_by: string | null;
  purpose: string | null;
  group_name: string | null;
  name_kana: string | null;
  phone: string | null;
  email: string | null;
  city_cancellation_reason: string | null;
}

export function toFacilityBooking(row: FacilityBookingRow): StoredFacilityBooking {
  return {
    code: row.code,
    facilityId: row.facility_id,
    roomId: row.room_id,
    dates: row.dates,
    blockIds: row.block_ids,
    residency: row.residency,
    group: row.group_type,
    headCount: row.head_count,
    fee: row.fee,
    status: row.status,
    provisionalUntil: row.provisional_until,
    applyBy: row.apply_by,
    purpose: row.purpose,
    groupName: row.group_name,
    nameKana: row.name_kana,
    phone: row.phone,
    email: row.email,
    cityCancellationReason: row.city_cancellation_reason,
  };
}

export interface AccountRow {
  id: number;
  login_name: string;
  display_name: string;
  role: StaffRole;
  password_hash: string;
  locked_until: number | null;
  disabled_at: string | null;
  created_at: string;
}

export const ACCOUNT_COLUMNS = 'id, login_name, display_name, role, password_hash, locked_until, disabled_at, created_at';

export function toAccount(row: AccountRow): StaffAccountRecord {
  return {
    id: row.id,
    loginName: row.login_name,
    displayName: row.display_name,
    role: row.role,
    passwordHash: row.password_hash,
    lockedUntil: row.locked_until,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at,
  };
}

export interface PasskeyRow {
  id: number;
  account_id: number;
  credential_id: string;
  public_key: string;
  sign_count: number;
  /** Comma-separated. */
  transports: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

export function toPasskey(row: PasskeyRow): StaffPasskeyRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    credentialId: row.credential_id,
    publicKey: row.public_key,
    signCount: row.sign_count,
    transports: row.transports === '' ? [] : row.transports.split(','),
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  };
}

export interface WaitlistRow {
  id: number;
  slot: string;
  kind_id: string;
  people: number;
  proxy: boolean;
  state: StoredWaitlistEntry['state'];
  name_kana: string | null;
  phone: string | null;
  email: string | null;
  held_until: string | null;
  booking_code: string | null;
}

export function toWaitlistEntry(row: WaitlistRow): StoredWaitlistEntry {
  return {
    id: row.id,
    slot: row.slot,
    kindId: row.kind_id,
    people: row.people,
    proxy: row.proxy,
    state: row.state,
    heldUntil: row.held_until,
    nameKana: row.name_kana,
    phone: row.phone,
    email: row.email,
    bookingCode: row.booking_code,
  };
}

export interface RoomWaitlistRow {
  id: number;
  facility_id: string;
  room_id: string;
  date: string;
  block_ids: string[];
  residency: StoredRoomWaitlistEntry['residency'];
  group_type: StoredRoomWaitlistEntry['group'];
  head_count: number;
  state: StoredRoomWaitlistEntry['state'];
  purpose: string | null;
  group_name: string | null;
  name_kana: string | null;
  phone: string | null;
  email: string | null;
  held_until: string | null;
  booking_code: string | null;
}

export function toRoomWaitlistEntry(row: RoomWaitlistRow): StoredRoomWaitlistEntry {
  return {
    id: row.id,
    facilityId: row.facility_id,
    roomId: row.room_id,
    date: row.date,
    blockIds: row.block_ids,
    residency: row.residency,
    group: row.group_type,
    headCount: row.head_count,
    state: row.state,
    heldUntil: row.held_until,
    purpose: row.purpose,
    groupName: row.group_name,
    nameKana: row.name_kana,
    phone: row.phone,
    email: row.email,
    bookingCode: row.booking_code,
  };
}

/**
 * Which outbox rows of a facility booking a change of it makes wrong: the mails written ahead for its
 * days (FACILITY_SCHEDULED_MAILS), while unsent. A mail a worker is sending at this very moment still
 * goes out; its row is simply gone when the worker marks it. The same SQL in both engines.
 */
export const UNSENT_SCHEDULED_FACILITY_MAILS = `status = 'queued' AND kind IN (${FACILITY_SCHEDULED_MAILS.map((kind) => `'${kind}'`).join(', ')})`;
