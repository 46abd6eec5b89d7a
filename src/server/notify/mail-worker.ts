import nodemailer from 'nodemailer';
import type { OutboxChannel } from '../../booking/outbox.ts';
import { nextAttemptAt, RETRY_DELAYS_MS } from '../../domain/counter-mail.ts';
import type { ClaimedMessage, OutboxStore } from '../store/outbox-store.ts';
import { PushNotDelivered, type PushSender } from './push-sender.ts';

/** How long to wait for the mail server; also what the lease must outlast. */
export interface SmtpTimeouts {
  connectionMs: number;
  greetingMs: number;
  socketMs: number;
}

const PRODUCTION_TIMEOUTS: SmtpTimeouts = { connectionMs: 30_000, greetingMs: 30_000, socketMs: 60_000 };

export interface MailWorkerSettings {
  outbox: OutboxStore;
  /** The mail server and the sender (`東金市役所 <no-reply@…>`, whose domain also ends every Message-ID); without them no mail is claimed. */
  smtp?: { url: string; from: string };
  /** Sends the outbox's pushes; without it no push is claimed. */
  push?: PushSender;
  now: () => Date;
  log: { info(object: object, message: string): void; warn(object: object, message: string): void; error(object: object, message: string): void };
  /** How often to look for due messages when the outbox had none. */
  pollMs?: number;
  /** Messages claimed and sent together (over as many SMTP connections). */
  batchSize?: number;
  timeouts?: SmtpTimeouts;
  retryDelays?: readonly number[];
}

export interface MailWorker {
  /** Polls the outbox until stopped (the server's way). */
  start(): void;
  /** Claims and sends what is due now, once; how many messages it claimed (tests, the benchmark). */
  sendDue(): Promise<number>;
  /** Stops claiming, lets the mails in flight finish and be marked, then closes the connections. */
  stop(): Promise<void>;
}

/**
 * The Message-ID of a message: the same on every attempt, so a mail sent twice (a worker killed
 * after the server took it but before it was marked sent) is recognisably one mail to the mail
 * systems that receive it, which keep one of the two.
 */
export function messageIdFor(key: string, from: string): string {
  const domain = /@([^\s<>@]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
  return `<${key}@${domain}>`;
}

/** A mail server's answer may quote the address back ("550 <taro@…>: no such user"): staff see the error, not the address. */
function describeFailure(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/[^\s<>"']+@[^\s<>"']+/g, '(宛先)').slice(0, 500);
}

/**
 * Sends the outbox's mails at least once. It claims due messages under a lease longer than any
 * send can take (every SMTP wait is bounded), sends each with its stable Message-ID, and marks it
 * sent; a failure is retried after the back-off and, after the last attempt, marked failed for the
 * staff to see. A worker that dies mid-send leaves its lease to run out; the message is then
 * claimed again (by this instance after a restart, or by another) and sent with the same Message-ID.
 */
export function createMailWorker(settings: MailWorkerSettings): MailWorker {
  const { outbox, smtp, push, now, log } = settings;
  const channels: OutboxChannel[] = [...(smtp ? (['email'] as const) : []), ...(push ? (['push'] as const) : [])];
  const batchSize = settings.batchSize ?? 20;
  const timeouts = settings.timeouts ?? PRODUCTION_TIMEOUTS;
  const retryDelays = settings.retryDelays ?? RETRY_DELAYS_MS;
  // Connect, greet, then at worst a socket wait per step of the transaction: twice their sum is ample.
  const leaseMs = 2 * (timeouts.connectionMs + timeouts.greetingMs + 4 * timeouts.socketMs);
  const transport =
    smtp &&
    nodemailer.createTransport({
      url: smtp.url,
      pool: true,
      maxConnections: Math.min(batchSize, 5),
      connectionTimeout: timeouts.connectionMs,
      greetingTimeout: timeouts.greetingMs,
      socketTimeout: timeouts.socketMs,
    });

  /** Hands the message to the mail server or the push service; throws when it was not taken. */
  async function deliver(message: ClaimedMessage): Promise<void> {
    if (message.channel === 'push') {
      // Only push rows are claimed when a push sender is given, and the other way round.
      await push?.send(message.recipient, message.body);
      return;
    }
    await transport?.sendMail({
      from: smtp?.from,
      to: message.recipient,
      subject: message.subject,
      text: message.body,
      messageId: messageIdFor(message.key, smtp?.from ?? ''),
      // RFC 3834: an automatic mail, so out-of-office replies are not sent back to the city.
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
  }

  async function send(message: ClaimedMessage): Promise<void> {
    try {
      await deliver(message);
    } catch (error) {
      const failure = describeFailure(error);
      // A push subscription its push service says is gone never comes back: failed now, no retries.
      const gone = error instanceof PushNotDelivered && error.gone;
      const retryAt = gone ? null : nextAttemptAt(message.attempts, now(), retryDelays);
      if (retryAt) {
        await outbox.markRetry(message.id, retryAt.toISOString(), failure);
        log.warn({ key: message.key, attempts: message.attempts, error: failure }, 'mail not sent; will retry');
      } else {
        await outbox.markFailed(message.id, now().toISOString(), failure);
        log.error({ key: message.key, attempts: message.attempts, error: failure }, gone ? 'push subscription gone' : 'mail failed after its last attempt');
      }
      return;
    }
    await outbox.markSent(message.id, now().toISOString());
  }

  async function sendDue(): Promise<number> {
    const instant = now();
    const claimed = await outbox.claimDue(instant.toISOString(), new Date(instant.getTime() + leaseMs).toISOString(), batchSize, channels);
    await Promise.all(claimed.map(send));
    return claimed.length;
  }

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  function loop(): void {
    running = sendDue()
      .then((claimed) => {
        // A full batch means more may be due: go on at once; otherwise wait for the next poll.
        if (!stopped) timer = setTimeout(loop, claimed === batchSize ? 0 : (settings.pollMs ?? 5_000));
      })
      .catch((error: unknown) => {
        log.error({ error: describeFailure(error) }, 'mail worker could not reach the outbox');
        if (!stopped) timer = setTimeout(loop, settings.pollMs ?? 5_000);
      });
  }

  return {
    start: loop,
    sendDue,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      transport?.close();
    },
  };
}
