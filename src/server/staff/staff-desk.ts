import type { CounterContent } from '../../domain/counter.ts';
import type { FacilitiesContent } from '../../domain/facilities.ts';
import { formatReservationCode } from '../../domain/citizen-fields.ts';
import { formatTime, japanClock, parseTime } from '../../domain/japan-time.ts';
import type {
  BookedFacilityBooking,
  CounterClosure,
  CounterDeskBooking,
  CounterDeskPhone,
  DayDesksListing,
  ProvisionalFacilityBooking,
} from '../../domain/staff-api.ts';
import { type FeePayment, feePaymentLabel } from '../../domain/facility-fee.ts';
import { desksLabel, desksRefusalMessage } from '../../domain/staff-desks.ts';
import { mayMarkNoShow } from '../../domain/no-show.ts';
import { monthRange, roomOccupancy, type StaffFigures } from '../../domain/staff-figures.ts';
import { closureHours, closureSlots, WHOLE_DAY } from '../../domain/staff-closures.ts';
import type { FacilityService } from '../../booking/facility-service.ts';
import type { StoredCounterReservation } from '../../booking/counter-store.ts';
import type { CounterService } from '../../booking/counter-service.ts';
import { counterMailFacts, type MailSettings, type NewOutboxMessage, outboxMessage } from '../../booking/outbox.ts';
import { cancelledByCityMail } from '../../domain/counter-mail.ts';
import { facilityDeclinedMail } from '../../domain/facility-mail.ts';
import type { StoredFacilityBooking } from '../../booking/facility-store.ts';
import { ApiHttpError } from '../../domain/api-refusal.ts';
import { roleMayWorkIn } from '../../domain/staff-roles.ts';
import { MAIL_DESKS, UNDELIVERED_MAIL_LIMIT, type UndeliveredMail, withoutAddresses } from '../../domain/undelivered-mail.ts';
import { COUNTER_MESSAGES } from '../../domain/counter-reservation.ts';
import type { Store } from '../store/store.ts';
import { recordAudit } from './audit.ts';
import type { SignedIn } from './staff-auth.ts';
import { roomBlockDesk } from './room-block-desk.ts';

export interface StaffDeskDependencies {
  store: Store;
  counter: CounterContent;
  facilities: FacilitiesContent;
  /** A 仮予約 is confirmed by the citizens' own facility rules, which also refresh availability. */
  facilityService: FacilityService;
  /**
   * Told when the desk frees or closes counter seats, so kept availability and known full slots are
   * dropped; and the booking engine's own move, which the desk's move reuses.
   */
  counterService: Pick<CounterService, 'counterChangedByStaff' | 'moveByCity'>;
  /** Null when no mail server is configured: then a cancelled citizen is only phoned. */
  mail: MailSettings | null;
  now: () => Date;
}

const NOT_FOUND = new ApiHttpError(404, 'not_found', 'その予約番号の予約は見つかりませんでした。');

/** What the desks do to a citizen's booking; each action leaves an audit row. */
export function staffDesk({ store, counter, facilities, facilityService, counterService, mail, now }: StaffDeskDependencies) {
  const kindName = (kindId: string) => counter.visitKinds.find((kind) => kind.id === kindId)?.name ?? kindId;

  /** The mail telling the citizen the city cancelled, when they gave an address and mail is configured. */
  function cancellationNotice(booking: StoredCounterReservation, reason: string): NewOutboxMessage | null {
    if (!mail || !booking.email) return null;
    const facts = counterMailFacts(counter, mail, booking);
    return facts && outboxMessage('city-cancellation', cancelledByCityMail(facts, reason), booking.email, now());
  }

  /** The mail telling the citizen the facility desk declined their 仮予約, when they gave an address and mail is configured. */
  function declineNotice(booking: StoredFacilityBooking, reason: string): NewOutboxMessage | null {
    if (!mail || !booking.email) return null;
    const facility = facilities.facilities.find((candidate) => candidate.id === booking.facilityId);
    const room = facility?.rooms.find((candidate) => candidate.id === booking.roomId);
    if (!facility || !room) return null;
    return outboxMessage('facility-declined', facilityDeclinedMail({ ...booking, facility, room }, reason), booking.email, now());
  }

  /** A room as the desk names it; the ids where the content no longer has it. */
  function roomNames(facilityId: string, roomId: string): { facilityName: string; roomName: string } {
    const facility = facilities.facilities.find((candidate) => candidate.id === facilityId);
    const room = facility?.rooms.find((candidate) => candidate.id === roomId);
    return { facilityName: facility?.name ?? facilityId, roomName: room?.name ?? roomId };
  }

  return {
    ...roomBlockDesk({ store, facilities, facilityService, now }),

    async counterDay(date: string): Promise<CounterDeskBooking[]> {
      const rows = await store.staff.counterDay(date);
      return rows.map((row) => ({
        code: row.code,
        time: row.slot.slice(11),
        kindId: row.kindId,
        kindName: kindName(row.kindId),
        people: row.people,
        proxy: row.proxy,
        nameKana: row.nameKana,
        status: row.status === 'cancelled' ? 'cancelled' : row.checkedIn ? 'checked-in' : row.noShow ? 'no-show' : 'booked',
        cancelReason: row.cancelReason,
      }));
    },

    async checkIn(code: string, who: SignedIn): Promise<void> {
      const outcome = await store.staff.checkIn(code, who.account.id, now().toISOString());
      if (outcome === 'not-booked') {
        if (!(await store.counter.find(code))) throw NOT_FOUND;
        throw new ApiHttpError(409, 'conflict', 'この予約は取り消されているため、来庁済みにできません。');
      }
      if (outcome === 'checked-in') await recordAudit(store.staff, now, who.account.loginName, 'counter-check-in', code);
    },

    /** 来なかった, once the booking's time has come. A citizen who then arrives late is checked in as usual. */
    async markNoShow(code: string, who: SignedIn): Promise<void> {
      const booking = await store.counter.find(code);
      if (!booking) throw NOT_FOUND;
      const cancelled = new ApiHttpError(409, 'conflict', 'この予約は取り消されているため、記録できません。');
      if (booking.status !== 'booked') throw cancelled;
      if (!mayMarkNoShow(booking.slot, now())) throw new ApiHttpError(409, 'conflict', '予約の時刻になってから記録できます。');
      // The store checks again in its transaction: a cancel may have come in between.
      const outcome = await store.staff.markNoShow(code, who.account.id, now().toISOString());
      if (outcome === 'not-booked') throw cancelled;
      if (outcome === 'checked-in') throw new ApiHttpError(409, 'conflict', 'この予約は来庁済みです。');
      if (outcome === 'marked') await recordAudit(store.staff, now, who.account.loginName, 'counter-no-show', code);
    },

    /**
     * The reason is written before the booking is cancelled, and taken back if the cancel does not
     * happen: a booking the desk cancelled never lacks its reason.
     */
    async cancel(code: string, reason: string, who: SignedIn): Promise<void> {
      const booking = await store.counter.find(code);
      if (!booking) throw NOT_FOUND;
      const day = await store.staff.counterDay(booking.slot.slice(0, 10));
      if (day.find((row) => row.code === code)?.checkedIn) throw new ApiHttpError(409, 'conflict', '来庁済みの予約は取り消せません。');
      if (booking.status !== 'booked') throw new ApiHttpError(409, 'conflict', 'この予約はもう取り消されています。');
      await store.staff.recordCancelReason(code, reason, who.account.id, now().toISOString());
      // The notice is written in the cancel's own transaction: no cancel without it, no notice without the cancel.
      // The store checks the visit again there, so a check-in at another desk a moment ago is not undone.
      const outcome = await store.counter.cancel(code, now().toISOString(), cancellationNotice(booking, reason));
      if (outcome !== 'cancelled') {
        await store.staff.forgetCancelReason(code);
        throw new ApiHttpError(409, 'conflict', outcome === 'visit-recorded' ? COUNTER_MESSAGES.visitRecorded : 'この予約はもう取り消されています。');
      }
      counterService.counterChangedByStaff();
      await recordAudit(store.staff, now, who.account.loginName, 'counter-cancel', code);
    },

    /**
     * The mails the worker gave up on, for the desk whose bookings they were about (the
     * administrator sees all): the clerk phones those citizens. No address, no text.
     */
    async undeliveredMail(who: SignedIn): Promise<UndeliveredMail[]> {
      const failed = await store.outbox.failedMessages(UNDELIVERED_MAIL_LIMIT);
      const role = who.account.role;
      return failed
        .filter((mail) => role === 'admin' || roleMayWorkIn(role, MAIL_DESKS[mail.kind]))
        .map((mail) => ({
          bookingCode: mail.bookingCode,
          kind: mail.kind,
          dueAt: mail.dueAt,
          failedAt: mail.failedAt,
          attempts: mail.attempts,
          problem: withoutAddresses(mail.lastError),
        }));
    },

    /**
     * The citizen's phone number, for a clerk who needs to call them; the day list never carries
     * it. Each request is audited (the booking's code, never the number).
     */
    async phone(code: string, who: SignedIn): Promise<CounterDeskPhone> {
      const booking = await store.counter.find(code);
      if (!booking) throw NOT_FOUND;
      await recordAudit(store.staff, now, who.account.loginName, 'counter-phone-viewed', code);
      return { phone: booking.phone };
    },

    /**
     * Moves a booking to another day or time after a phone call, through the booking engine's own
     * move (new seat first, desks enforced); see staffMoveRefusal for why the citizen's cut-off
     * does not bind the clerk. A visit already checked in or marked 来なかった is not moved: it
     * has happened (or not) at its time, and the figures count it there.
     */
    async move(code: string, slot: { date: string; time: string }, who: SignedIn): Promise<{ from: string; to: string }> {
      const booking = await store.counter.find(code);
      if (!booking) throw NOT_FOUND;
      const row = (await store.staff.counterDay(booking.slot.slice(0, 10))).find((candidate) => candidate.code === code);
      if (row?.checkedIn) throw new ApiHttpError(409, 'conflict', '来庁済みの予約は日時を変えられません。');
      if (row?.noShow) throw new ApiHttpError(409, 'conflict', '「来なかった」と記録した予約は日時を変えられません。');
      const moved = await counterService.moveByCity(code, slot, who.account.id);
      const readable = (stored: string) => stored.replace('T', ' ');
      await recordAudit(store.staff, now, who.account.loginName, 'counter-move', code, { before: readable(moved.from), after: readable(moved.to) });
      return moved;
    },

    /**
     * Closes the counter for a day or some hours. Refused while a booking is held there: a
     * citizen's booking is never dropped unseen. The answer names them, so the clerk can phone
     * each citizen and cancel with a reason (which their page shows), then close.
     */
    async closeCounter(closure: Omit<CounterClosure, 'id'>, who: SignedIn): Promise<void> {
      const outcome = await store.staff.closeCounter({
        ...closure,
        slots: closureSlots(closure.date, closure.startTime, closure.endTime, counter),
        accountId: who.account.id,
        now: now().toISOString(),
      });
      if (!outcome.closed) {
        const held = outcome.bookings
          .map((booking) => `${formatTime(parseTime(booking.slot.slice(11)) ?? 0)} ${formatReservationCode(booking.code)}`)
          .join('、');
        throw new ApiHttpError(
          409,
          'conflict',
          `この時間には予約が${String(outcome.bookings.length)}件あります（${held}）。予約の方に連絡して、先に取り消してから休みにしてください。`,
        );
      }
      counterService.counterChangedByStaff();
      await recordAudit(store.staff, now, who.account.loginName, 'counter-closed', `${closure.date} ${closureHours(closure.startTime, closure.endTime)}`);
    },

    async reopenCounter(id: number, who: SignedIn): Promise<void> {
      const reopened = await store.staff.reopenCounter(
        id,
        (closure) => closureSlots(closure.date, closure.startTime, closure.endTime, counter),
        counter.desksPerSlot,
      );
      if (!reopened) throw new ApiHttpError(404, 'not_found', 'その休みは見つかりませんでした。');
      counterService.counterChangedByStaff();
      await recordAudit(store.staff, now, who.account.loginName, 'counter-reopened', `${reopened.date} ${closureHours(reopened.startTime, reopened.endTime)}`);
    },

    /**
     * Sets the desks (seats per slot) of one day, or gives it the content's default again (null).
     * Never below what a slot of the day already holds: refused, the answer names those slots. A day
     * before today is not changed (its bookings are history).
     */
    async setDayDesks(date: string, desks: number | null, who: SignedIn): Promise<void> {
      if (date < japanClock(now()).date) throw new ApiHttpError(409, 'conflict', '今日より前の日の受付数は変えられません。');
      const outcome = await store.staff.setDayDesks({
        date,
        desks,
        defaultDesks: counter.desksPerSlot,
        slots: closureSlots(date, WHOLE_DAY.startTime, WHOLE_DAY.endTime, counter),
        accountId: who.account.id,
        now: now().toISOString(),
      });
      const target = desks ?? counter.desksPerSlot;
      if (!outcome.set) {
        throw new ApiHttpError(
          409,
          'conflict',
          outcome.over.length > 0 ? desksRefusalMessage(target, outcome.over) : 'ちょうど予約が入りました。もう一度お試しください。',
          [{ path: 'desks', message: '予約の数より少なくはできません。' }],
        );
      }
      counterService.counterChangedByStaff();
      await recordAudit(store.staff, now, who.account.loginName, 'counter-desks', date, {
        before: desksLabel(outcome.before, counter.desksPerSlot),
        after: desksLabel(desks, counter.desksPerSlot),
      });
    },

    async dayDesks(): Promise<DayDesksListing> {
      return { defaultDesks: counter.desksPerSlot, days: await store.staff.listDayDesks(japanClock(now()).date) };
    },

    /** Closures from today on. */
    closures(): Promise<CounterClosure[]> {
      return store.staff.listClosures(japanClock(now()).date);
    },

    /** The month's counts, in a fixed order whatever the database's collation (the CSV is compared month to month). */
    async figures(month: string): Promise<StaffFigures> {
      const { first, last } = monthRange(month);
      const [counterRows, roomRows, held] = await Promise.all([
        store.staff.counterFigures(first, last),
        store.staff.roomFigures(first, last),
        store.staff.heldRoomDays(first, last),
      ]);
      const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
      return {
        month,
        counter: counterRows.map((row) => ({ ...row, kindName: kindName(row.kindId) })).sort((a, b) => byText(a.date, b.date) || byText(a.kindId, b.kindId)),
        rooms: roomRows
          .map((row) => {
            const facility = facilities.facilities.find((candidate) => candidate.id === row.facilityId);
            const room = facility?.rooms.find((candidate) => candidate.id === row.roomId);
            return { ...row, name: `${facility?.name ?? row.facilityId} ${room?.name ?? row.roomId}` };
          })
          .sort((a, b) => byText(a.facilityId, b.facilityId) || byText(a.roomId, b.roomId)),
        occupancy: roomOccupancy(month, facilities.facilities, held),
      };
    },

    /** Confirmed bookings from today on, for recording their fees as paid. */
    async bookedFacilityBookings(): Promise<BookedFacilityBooking[]> {
      const rows = await store.staff.bookedFacilityBookings(japanClock(now()).date);
      return rows.map(({ facilityId, roomId, ...row }) => ({ ...row, ...roomNames(facilityId, roomId) }));
    },

    /** The fee was paid (at the till, by transfer…): how, and the receipt number; only for a 本予約, once. */
    async recordFeePayment(code: string, payment: FeePayment, who: SignedIn): Promise<void> {
      const outcome = await store.staff.recordFeePayment({ code, ...payment, accountId: who.account.id, now: now().toISOString() });
      if (outcome === 'not-found') throw NOT_FOUND;
      if (!outcome.recorded) throw new ApiHttpError(409, 'conflict', outcome.refusal);
      await recordAudit(store.staff, now, who.account.loginName, 'facility-fee-paid', code, { before: '未払い', after: feePaymentLabel(payment) });
    },

    async provisionalFacilityBookings(): Promise<ProvisionalFacilityBooking[]> {
      const rows = await store.staff.provisionalFacilityBookings(now().toISOString());
      return rows.map(({ facilityId, roomId, ...row }) => ({ ...row, ...roomNames(facilityId, roomId) }));
    },

    async confirmFacilityBooking(code: string, who: SignedIn): Promise<void> {
      await facilityService.confirm(code);
      await recordAudit(store.staff, now, who.account.loginName, 'facility-confirm', code);
    },

    /**
     * Declines a 仮予約 (the application did not come in order, the room is needed by the city…):
     * the booking is cancelled with the reason, which the citizen's page shows and a mail tells
     * them, and its blocks are free for others at once. A confirmed booking is not declined here.
     */
    async declineFacilityBooking(code: string, reason: string, who: SignedIn): Promise<void> {
      const booking = await store.facilities.find(code);
      if (!booking) throw NOT_FOUND;
      const outcome = await store.staff.declineFacilityBooking({
        code,
        reason,
        accountId: who.account.id,
        now: now().toISOString(),
        notice: declineNotice(booking, reason),
      });
      if (outcome === 'not-provisional') throw new ApiHttpError(409, 'conflict', 'この予約は仮予約ではないか、申し込みの期限が過ぎているため、断れません。');
      facilityService.facilitiesChangedByStaff();
      await recordAudit(store.staff, now, who.account.loginName, 'facility-decline', code, { before: '仮予約', after: '市役所が取り消し' });
    },
  };
}

export type StaffDesk = ReturnType<typeof staffDesk>;
