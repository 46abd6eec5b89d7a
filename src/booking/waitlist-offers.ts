import { ApiHttpError } from '../domain/api-refusal.ts';
import { OFFER_MESSAGES } from '../domain/waitlist-queue.ts';
import type { NewOutboxMessage } from './outbox.ts';
import { hashSecret, newManagementToken } from './secrets.ts';

/**
 * What the counter's and the rooms' キャンセル待ち engines share: offers made ready before a store's
 * transaction, the settling of one queue in rounds, and finding an offer by its link's secret.
 */

/** One offer the engine has ready: the hash of its link's secret, until when it holds, and its mail. */
export interface PreparedOffer<Entry> {
  tokenHash: string;
  heldUntil: string;
  mail: (entry: Entry) => NewOutboxMessage;
}

/** Offers made ready per store transaction; a queue freeing more at once is settled in more rounds. */
const OFFERS_PER_ROUND = 2;
const MAX_ROUNDS = 10;

/**
 * Offers made ready before the transaction (hashing is asynchronous); the store uses as many as it
 * can give. `mail` writes an offer's message with the page address carrying its secret.
 */
export async function prepareOffers<Entry>(heldUntil: Date, mail: (entry: Entry, token: string) => NewOutboxMessage): Promise<PreparedOffer<Entry>[]> {
  return Promise.all(
    Array.from({ length: OFFERS_PER_ROUND }, async () => {
      const token = newManagementToken();
      return { tokenHash: await hashSecret(token), heldUntil: heldUntil.toISOString(), mail: (entry: Entry) => mail(entry, token) };
    }),
  );
}

/**
 * Settles one queue: `round` prepares offers (none when too late to hold anything) and lets the
 * store make as many as it can; rounds go on while every prepared offer was made.
 */
export async function settleInRounds(round: () => Promise<{ prepared: number; made: number }>): Promise<void> {
  for (let count = 0; count < MAX_ROUNDS; count++) {
    const { prepared, made } = await round();
    if (made < prepared || prepared === 0) return;
  }
}

/** The page the offer's page builds its address from: '…#token=' and the secret. */
export const offerLink = (pageUrl: string, token: string) => `${pageUrl}#token=${token}`;

export const offerRefused = (status: 404 | 409, message: string) => new ApiHttpError(status, status === 404 ? 'not_found' : 'conflict', message);

/**
 * The entry whose offer a link's secret opens, with the secret's hash. An entry gets its secret only
 * with its offer, so a link never finds one still waiting.
 */
export async function offeredEntry<Entry extends { state: string }>(
  token: string | null,
  find: (tokenHash: string) => Promise<Entry | null>,
): Promise<Entry & { tokenHash: string }> {
  const tokenHash = token === null ? null : await hashSecret(token);
  const entry = tokenHash === null ? null : await find(tokenHash);
  if (!entry || entry.state === 'waiting' || tokenHash === null) throw offerRefused(404, OFFER_MESSAGES.offerNotFound);
  return { ...entry, tokenHash };
}
