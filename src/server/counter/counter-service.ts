import type { CounterContent } from '../../domain/counter.ts';
import { type ClosedReason, checkSlot, closedReason, earliestBookableStart, SLOT_REFUSAL_MESSAGES, slotStarts } from '../../domain/counter-calendar.ts';
import { dayAvailability } from '../../domain/day-availability.ts';
import type { CounterDay, CounterReservation, CounterReservationCreated, NewCounterReservation } from '../../domain/counter-reservation.ts';
import { addDays, daysBetween, formatTime, type IsoDate, japanClock, parseTime, timeKey } from '../../domain/japan-time.ts';
import { createAnswerCache } from '../answer-cache.ts';
import { ApiHttpError } from '../http-errors.ts';
import { hashRequest, hashSecret, newManagementToken, newReservationCode, secretMatches } from '../secrets.ts';
import type { StoredCounterReservation } from '../store/counter-store.ts';
import type { Store } from '../store/store.ts';

const MAX_RANGE_DAYS = 62;

const CLOSED_LABELS: Record<ClosedReason['kind'], string> = {
  weekend: '土曜日・日曜日',
  holiday: '祝日',
  'year-end': '年末年始',
  closure: '臨時休業',
  unknown: '予定が決まっていません',
};

function closedLabel(reason: ClosedReason): string {
  if (reason.kind === 'holiday') return reason.name;
  if (reason.kind === 'closure') return reason.reason;
  return CLOSED_LABELS[reason.kind];
}

const NOT_FOUND = new ApiHttpError(404, 'not_found', '予約が見つかりませんでした。予約番号と、確認用の情報をお確かめください。');

export interface CounterServiceDependencies {
  content: CounterContent;
  store: Store;
  now: () => Date;
}

/** The rules of booking the MyNumber counter, between the HTTP routes and the store. */
export function createCounterService({ content, store, now }: CounterServiceDependencies) {
  const capacity = content.desksPerSlot;

  // Keyed by the minute too: slots close as time passes.
  const availabilityCache = createAnswerCache<CounterDay[]>();

  function publicView(stored: StoredCounterReservation): CounterReservation {
    return {
      code: stored.code,
      kindId: stored.kindId,
      slot: { date: stored.slot.slice(0, 10), time: stored.slot.slice(11) },
      people: stored.people,
      proxy: stored.proxy,
      nameKana: stored.nameKana ?? '',
      phone: stored.phone ?? '',
      email: stored.email,
      status: stored.status,
    };
  }

  function requireBookableSlot(slot: { date: string; time: string }): string {
    const start = parseTime(slot.time) ?? -1;
    const refusal = checkSlot(slot.date, start, japanClock(now()), content);
    if (refusal) throw new ApiHttpError(422, 'unprocessable', SLOT_REFUSAL_MESSAGES[refusal], [{ path: 'slot', message: SLOT_REFUSAL_MESSAGES[refusal] }]);
    return `${slot.date}T${timeKey(start)}`;
  }

  async function findWithToken(code: string, token: string | null): Promise<StoredCounterReservation> {
    const stored = await store.counter.find(code);
    if (!stored || token === null || !secretMatches(token, stored.tokenHash)) throw NOT_FOUND;
    return stored;
  }

  const fullError = () =>
    new ApiHttpError(409, 'conflict', 'この時間は、ちょうど予約でいっぱいになりました。ほかの時間を選んでください。', [
      { path: 'slot', message: 'この時間は予約でいっぱいです。' },
    ]);

  return {
    async availability(from: IsoDate | undefined, to: IsoDate | undefined): Promise<CounterDay[]> {
      const instant = now();
      const clock = japanClock(instant);
      const first = from ?? clock.date;
      const last = to ?? addDays(clock.date, content.bookAheadDays);
      const span = daysBetween(first, last);
      if (span < 0 || span > MAX_RANGE_DAYS) {
        throw new ApiHttpError(400, 'validation_failed', `期間は${String(MAX_RANGE_DAYS)}日以内で、始まりを終わりより前にしてください。`);
      }
      const cacheKey = `${first}/${last}/${clock.date}T${String(clock.minutes)}`;
      const cached = availabilityCache.get(cacheKey, instant.getTime());
      if (cached) return cached;
      const taken = await store.counter.bookedSeats(first, last);
      const days: CounterDay[] = [];
      const starts = slotStarts(content);
      for (let date = first; date <= last; date = addDays(date, 1)) {
        const closed = closedReason(date, content);
        if (closed) {
          days.push({ date, availability: 'closed', closedReason: closedLabel(closed), slots: [] });
          continue;
        }
        const earliest = earliestBookableStart(date, clock, content);
        const slots = starts.map((start) => {
          const row = taken.get(`${date}T${timeKey(start)}`);
          const seatsLeft = Math.max(0, (row?.capacity ?? capacity) - (row?.booked ?? 0));
          const inWindow = earliest !== null && start >= earliest;
          return { time: timeKey(start), seatsLeft, inWindow, bookable: inWindow && seatsLeft > 0 };
        });
        const seats = slots.filter((slot) => slot.inWindow).map((slot) => slot.seatsLeft);
        days.push({
          date,
          availability: dayAvailability(seats, capacity),
          closedReason: seats.length === 0 ? '受付期間の外です' : null,
          slots: slots.map(({ time, seatsLeft, bookable }) => ({ time, seatsLeft, bookable })),
        });
      }
      availabilityCache.set(cacheKey, days, instant.getTime());
      return days;
    },

    async create(request: NewCounterReservation, idempotencyKey: string | null): Promise<{ created: CounterReservationCreated; replayed: boolean }> {
      const kind = content.visitKinds.find((candidate) => candidate.id === request.kindId);
      if (!kind) throw new ApiHttpError(400, 'validation_failed', undefined, [{ path: 'kindId', message: '用件を一覧から選んでください。' }]);
      if (request.people > content.maxPeople) {
        throw new ApiHttpError(400, 'validation_failed', undefined, [
          { path: 'people', message: `1回の予約は${String(content.maxPeople)}人までです。それより多いときは、分けて予約してください。` },
        ]);
      }
      const slot = requireBookableSlot(request.slot);
      const idempotency = idempotencyKey ? { scope: 'counter.create', key: idempotencyKey, requestHash: hashRequest(request) } : null;

      for (let attempt = 0; attempt < 5; attempt++) {
        const token = newManagementToken();
        const code = newReservationCode();
        const stamp = now().toISOString();
        const created: CounterReservationCreated = {
          token,
          reservation: {
            code,
            kindId: kind.id,
            slot: { date: request.slot.date, time: slot.slice(11) },
            people: request.people,
            proxy: request.proxy,
            nameKana: request.nameKana,
            phone: request.phone,
            email: request.email ? request.email : null,
            status: 'booked',
          },
        };
        const outcome = await store.counter.book(
          { code, tokenHash: hashSecret(token), kindId: kind.id, slot, capacity, people: request.people, proxy: request.proxy, nameKana: request.nameKana, phone: request.phone, email: created.reservation.email, now: stamp },
          idempotency,
          () => JSON.stringify(created),
        );
        if (outcome.replayed === false && outcome.value === 'booked') availabilityCache.invalidate();
        if (outcome.replayed === true) return { created: JSON.parse(outcome.responseJson) as CounterReservationCreated, replayed: true };
        if (outcome.replayed === 'mismatch') {
          throw new ApiHttpError(422, 'unprocessable', '同じ操作番号で、ちがう内容が送られました。画面を読み込み直して、もう一度お試しください。');
        }
        if (outcome.value === 'booked') return { created, replayed: false };
        if (outcome.value === 'full') throw fullError();
      }
      throw new ApiHttpError(503, 'service_unavailable');
    },

    async view(code: string, token: string | null): Promise<CounterReservation> {
      return publicView(await findWithToken(code, token));
    },

    /** The fallback when the link is lost: code + phone, rate-limited by the route. Issues a new token. */
    async lookUpByPhone(code: string, phone: string): Promise<CounterReservationCreated> {
      const stored = await store.counter.find(code);
      if (!stored || stored.phone === null || stored.phone !== phone) throw NOT_FOUND;
      const token = newManagementToken();
      await store.counter.replaceToken(code, hashSecret(token), now().toISOString());
      return { reservation: publicView(stored), token };
    },

    async change(code: string, token: string | null, slot: { date: string; time: string }): Promise<CounterReservation> {
      const stored = await findWithToken(code, token);
      if (stored.status !== 'booked') throw new ApiHttpError(409, 'conflict', 'この予約は取り消されています。');
      requireBookableSlot({ date: stored.slot.slice(0, 10), time: stored.slot.slice(11) });
      const target = requireBookableSlot(slot);
      const outcome = await store.counter.move(code, target, capacity, now().toISOString());
      if (outcome === 'moved') availabilityCache.invalidate();
      if (outcome === 'full') throw fullError();
      if (outcome === 'not-booked') throw new ApiHttpError(409, 'conflict', 'この予約は取り消されています。');
      return publicView((await store.counter.find(code)) ?? stored);
    },

    async cancel(code: string, token: string | null): Promise<CounterReservation> {
      const stored = await findWithToken(code, token);
      if (stored.status === 'cancelled') return publicView(stored);
      const start = parseTime(stored.slot.slice(11)) ?? 0;
      const clock = japanClock(now());
      if (checkSlot(stored.slot.slice(0, 10), start, clock, content) === 'too-late') {
        throw new ApiHttpError(422, 'unprocessable', `${formatTime(start)}からの予約は、時間が近いため、このアプリでは取り消せません。市民課の窓口へご連絡ください。`);
      }
      await store.counter.cancel(code, now().toISOString());
      availabilityCache.invalidate();
      return publicView((await store.counter.find(code)) ?? stored);
    },
  };
}

export type CounterService = ReturnType<typeof createCounterService>;
