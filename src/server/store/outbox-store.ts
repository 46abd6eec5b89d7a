import type { OutboxChannel, OutboxMessageKind } from '../../booking/outbox.ts';

/** A message the mail worker has claimed, to send now. */
export interface ClaimedMessage {
  id: number;
  key: string;
  kind: OutboxMessageKind;
  channel: OutboxChannel;
  /** An e-mail address, or a push subscription (JSON). */
  recipient: string;
  subject: string;
  body: string;
  /** Attempts so far, this one included. */
  attempts: number;
}

/** A message that had all its attempts, for the staff side: no address or subscription, no text. */
export interface FailedMessage {
  key: string;
  kind: OutboxMessageKind;
  channel: OutboxChannel;
  bookingCode: string;
  dueAt: string;
  attempts: number;
  lastError: string | null;
  failedAt: string;
}

/**
 * The outbox as the mail worker sees it. Messages are written by the booking changes themselves
 * (see CounterStore); here they are claimed, and marked sent, to retry, or failed.
 */
export interface OutboxStore {
  /**
   * Claims up to `limit` queued messages due at `now` and not leased to anyone, leasing them until
   * `leaseUntil` and counting the attempt. Two workers (two instances) never hold one message at
   * once; a worker that dies leaves its lease to run out, and the message is claimed again.
   * `channels`: only messages of these (a worker claims only what it can send); all when left out.
   */
  claimDue(now: string, leaseUntil: string, limit: number, channels?: readonly OutboxChannel[]): Promise<ClaimedMessage[]>;
  markSent(id: number, now: string): Promise<void>;
  /** The attempt failed: lift the lease and wait until `nextAttemptAt`. */
  markRetry(id: number, nextAttemptAt: string, error: string): Promise<void>;
  /**
   * The last attempt failed, or the message can never be delivered (a push subscription its push
   * service says is gone): the message stays, failed, for the staff to see.
   */
  markFailed(id: number, now: string, error: string): Promise<void>;
  /** The newest `limit` messages that had all their attempts, newest first. */
  failedMessages(limit: number): Promise<FailedMessage[]>;
}
