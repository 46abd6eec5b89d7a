import { newCounterReservationSchema } from '../../domain/counter-reservation.ts';
import { newWaitlistEntrySchema } from '../../domain/counter-waitlist.ts';
import type { PushSubscriptionJson } from '../../domain/push-notification.ts';

/**
 * What the citizen has typed so far, kept in this tab's sessionStorage: a reload, a dropped network
 * or a step back loses nothing, and closing the tab forgets it. The idempotency key is made once
 * per booking, so every retry of 「この内容で予約する」 is the same request to the server.
 */
export interface BookingDraft {
  nameKana: string;
  phone: string;
  email: string;
  /** 「この携帯電話にお知らせを表示する」: the subscription this phone gave, or null. */
  pushSubscription: PushSubscriptionJson | null;
  people: string;
  proxy: 'self' | 'proxy' | null;
  idempotencyKey: string;
}

const KEY = 'tsunagaru-togane:counter-draft';

function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

export function emptyDraft(): BookingDraft {
  return { nameKana: '', phone: '', email: '', pushSubscription: null, people: '1', proxy: null, idempotencyKey: newIdempotencyKey() };
}

export function loadDraft(): BookingDraft {
  try {
    const parsed: unknown = JSON.parse(window.sessionStorage.getItem(KEY) ?? 'null');
    if (parsed && typeof parsed === 'object') return { ...emptyDraft(), ...(parsed as Partial<BookingDraft>) };
  } catch {
    // A broken or blocked store starts a fresh draft.
  }
  return emptyDraft();
}

export function saveDraft(draft: BookingDraft): void {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(draft));
  } catch {
    // Storage switched off: the form still works, it just forgets on reload.
  }
}

export function clearDraft(): void {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // nothing to clear
  }
}

/**
 * The draft as the API's booking (or キャンセル待ち, `waitlist`, where the address is required),
 * checked with the server's own schema (same messages).
 */
export function checkDraft(draft: BookingDraft, kindId: string, slot: { date: string; time: string }, waitlist = false) {
  return (waitlist ? newWaitlistEntrySchema : newCounterReservationSchema).safeParse({
    kindId,
    slot,
    nameKana: draft.nameKana,
    phone: draft.phone,
    email: draft.email,
    pushSubscription: draft.pushSubscription ?? undefined,
    people: Number(draft.people),
    proxy: draft.proxy === null ? undefined : draft.proxy === 'proxy',
  });
}
