import type { Agent } from 'node:https';
import webPush from 'web-push';
import { isAllowedPushEndpoint } from '../../domain/push-service-hosts.ts';
import type { PushConfig } from '../config.ts';

/** A push that could not be delivered: why, in words for the staff (never the subscription), and whether to try again. */
export class PushNotDelivered extends Error {
  constructor(
    message: string,
    /** The push service says the subscription is gone (404, 410): no later attempt can succeed. */
    readonly gone: boolean,
  ) {
    super(message);
  }
}

export interface PushSender {
  /** Encrypts `payload` to the subscription (JSON, as stored) and hands it to its push service; throws PushNotDelivered. */
  send(subscription: string, payload: string): Promise<void>;
}

export interface PushSenderSettings {
  vapid: PushConfig;
  /** How long to wait for the push service's answer. */
  timeoutMs?: number;
  /** The HTTPS agent; tests trust their own push service's certificate through it. */
  agent?: Agent;
}

/**
 * How long a push service keeps a message for a phone that is off: a day, then it is dropped (a
 * reminder or a notice about a visit is stale after that, and the citizen's page says it all).
 */
const TIME_TO_LIVE_SECONDS = 24 * 60 * 60;

/**
 * Sends Web Push with the `web-push` package: the payload encrypted to the subscription's keys
 * (aes128gcm, RFC 8291) and signed with the server's VAPID key (RFC 8292). The push service's
 * address and the keys never reach a log or the staff: failures are described by status alone.
 */
export function createPushSender({ vapid, timeoutMs = 30_000, agent }: PushSenderSettings): PushSender {
  return {
    async send(subscription, payload) {
      const parsed = JSON.parse(subscription) as webPush.PushSubscription;
      // Checked at booking; checked again here, as the list may have been narrowed since.
      if (!isAllowedPushEndpoint(parsed.endpoint, vapid.allowedHosts))
        throw new PushNotDelivered('プッシュ通知サービスとして認めていない宛先のため、送りませんでした', true);
      try {
        await webPush.sendNotification(parsed, payload, {
          vapidDetails: { subject: vapid.subject, publicKey: vapid.publicKey, privateKey: vapid.privateKey },
          TTL: TIME_TO_LIVE_SECONDS,
          contentEncoding: 'aes128gcm',
          timeout: timeoutMs,
          ...(agent ? { agent } : {}),
        });
      } catch (error) {
        if (error instanceof webPush.WebPushError) {
          const gone = error.statusCode === 404 || error.statusCode === 410;
          const why = gone ? '（この携帯電話の登録が、もうありません）' : '';
          throw new PushNotDelivered(`プッシュ通知サービスの応答 ${String(error.statusCode)}${why}`, gone);
        }
        // A network error's message names the host and port; its code (ETIMEDOUT, ECONNREFUSED …) says enough.
        const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : error instanceof Error ? error.message : '';
        throw new PushNotDelivered(`プッシュ通知サービスにつながりませんでした（${code.slice(0, 60)}）`, false);
      }
    },
  };
}
