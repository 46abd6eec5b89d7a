import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import '../domain/validation.ts';
import { AUDIT_RETENTION_MIN_DAYS } from './retention.ts';
import { base64UrlBytes } from '../domain/push-notification.ts';
import { DEFAULT_PUSH_SERVICE_HOSTS, MAX_PUSH_SERVICE_HOSTS, parsePushServiceHosts } from '../domain/push-service-hosts.ts';
import { isScryptHash } from './scrypt-hash.ts';

/** Whether text is a VAPID key as `npm run push:keys` prints it: base64url of the bytes, no padding. */
function isVapidKey(text: string, bytes: number, first: number | null): boolean {
  const decoded = base64UrlBytes(text);
  return decoded !== null && decoded.length === bytes && (first === null || decoded[0] === first);
}

const vapidKey = (bytes: number, first: number | null, message: string) => z.string().refine((text) => isVapidKey(text, bytes, first), message);

const PRIVATE_KEY_MESSAGE = 'npm run push:keys で作った VAPID_PRIVATE_KEY の値を、そのまま入れてください。';

/** A key file holds one line of 43 characters; anything much larger is the wrong file. */
const MAX_KEY_FILE_BYTES = 1024;

/**
 * The private key read from a file (VAPID_PRIVATE_KEY_FILE), as a secret mounted by the container
 * platform or readable only by the server's user: then it is not in the process's environment,
 * which other tools print. The line's end is not part of the key.
 */
const vapidPrivateKeyFile = z
  .string()
  .max(4096, 'ファイルの場所が長すぎます。')
  .transform((path, context) => {
    let text: string;
    try {
      const stats = statSync(path);
      if (!stats.isFile() || stats.size > MAX_KEY_FILE_BYTES) {
        const why = stats.isFile() ? '大きすぎます' : 'ファイルではありません';
        context.addIssue({ code: 'custom', message: `${path} は鍵のファイルではありません（${why}）。${PRIVATE_KEY_MESSAGE}` });
        return z.NEVER;
      }
      text = readFileSync(path, 'utf8').trim();
    } catch (error) {
      const reason = error instanceof Error && 'code' in error ? String(error.code) : 'error';
      context.addIssue({
        code: 'custom',
        message: `${path} を読めません（${reason}）。ファイルの場所と、サーバーを動かすユーザーに読む権限があるかを確かめてください。`,
      });
      return z.NEVER;
    }
    if (!isVapidKey(text, 32, null)) {
      context.addIssue({ code: 'custom', message: `${path} の中身が VAPID の秘密鍵ではありません。${PRIVATE_KEY_MESSAGE}` });
      return z.NEVER;
    }
    return text;
  });

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Environment variables the server reads. Every one has a safe default; README lists them. */
const environmentSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    /** `localhost` keeps a fresh install off the network; set 0.0.0.0 behind a reverse proxy or in a container. */
    HOST: z.string().min(1).default('localhost'),
    DATA_DIR: z.string().min(1).default('./data'),
    /** Unset: SQLite under DATA_DIR. Set: PostgreSQL, for several instances on one database. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/./, 'postgres://ユーザー:パスワード@ホスト:ポート/データベース の形にしてください。')
      .optional(),
    /** Connections each instance keeps to PostgreSQL at most. */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    /** A PostgreSQL statement running longer is cancelled (and the request fails) rather than holding its locks. */
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
    /** Server processes on one port (Node's cluster); more than 1 needs DATABASE_URL, since they must share one database. */
    WORKERS: z.coerce.number().int().min(1).max(32).default(1),
    /** The built PWA. Defaults to `dist/client` next to the built server. */
    STATIC_DIR: z.string().min(1).optional(),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    /** Requests per minute per client address on `/api`. */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(300),
    /** Largest request body in bytes. Every API body is a small form. */
    BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(10 * 1024 * 1024)
      .default(64 * 1024),
    /** Past this event-loop delay the server answers 503 to everything, so a monitor restarts it. */
    MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
    /** Names, phones and e-mails of a booking are deleted this many days after the visit. */
    PERSONAL_DATA_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
    /**
     * The staff audit log is kept this many days, then the hourly job deletes it: 5 years by default
     * (the span over which a citizen or an auditor may still ask who did what to a booking), never
     * less than a day over the year the database itself protects (AUDIT_RETENTION_MIN_DAYS), at most 10 years.
     */
    AUDIT_RETENTION_DAYS: z.coerce
      .number()
      .int()
      .min(AUDIT_RETENTION_MIN_DAYS, `${String(AUDIT_RETENTION_MIN_DAYS)}日以上にしてください（1年より新しい操作の記録は、データベースが消させません）。`)
      .max(3650, '3650日（10年）以下にしてください。')
      .default(5 * 365),
    /** Set to `true` when a reverse proxy sets X-Forwarded-For (so rate limits see the citizen's address). */
    TRUST_PROXY: z.enum(['true', 'false']).default('false'),
    /** A staff session left alone this long ends (a counter PC is shared). */
    STAFF_IDLE_MINUTES: z.coerce.number().int().min(1).max(480).default(15),
    /** However busy, a staff session ends this long after sign-in. */
    STAFF_SESSION_HOURS: z.coerce.number().int().min(1).max(24).default(10),
    /** How long 5 wrong passwords lock a staff account (an administrator can lift it sooner). */
    STAFF_LOCKOUT_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    /**
     * Where staff open the portal (`https://…`, `http://localhost:…` for tests) for passkeys; unset, it is
     * PUBLIC_URL's origin, and with neither, passkey sign-in is off (passwords still work).
     */
    STAFF_PASSKEY_ORIGIN: z.url({ protocol: /^https?$/, error: 'https://… の形の、職員が開くポータルのアドレスにしてください。' }).optional(),
    /** The passkeys' relying-party id: the origin's host name (the default) or a domain it is under. */
    STAFF_PASSKEY_RP_ID: z
      .string()
      .regex(/^[a-z0-9.-]+$/, 'ドメイン名（例：city.togane.chiba.jp）にしてください。')
      .optional(),
    /** The scrypt hash of the staff PIN for キオスクモード (`npm run kiosk:pin-hash`); unset, kiosk setup is refused. */
    /** `true` only for a demonstration: facilities marked as samples in the content then take bookings. */
    SAMPLE_FACILITIES_BOOKABLE: z.enum(['true', 'false'], 'true か false にしてください。').default('false'),
    KIOSK_PIN_HASH: z
      .string()
      .refine(isScryptHash, 'npm run kiosk:pin-hash で作った値（scrypt: で始まる文字列）を、そのまま入れてください。暗証番号そのものは入れません。')
      .optional(),
    /** The mail server for reminders (`smtp://user:password@host:587` or `smtps://…:465`); unset, no e-mail is sent. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/./, 'smtp://ユーザー:パスワード@ホスト:587 または smtps://…:465 の形にしてください。')
      .optional(),
    /** The sender of the city's mails, e.g. `東金市役所 <no-reply@city.togane.chiba.jp>`. */
    MAIL_FROM: z
      .string()
      .regex(/^(?:[^<>]*<)?[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>?$/, 'no-reply@… か 東金市役所 <no-reply@…> の形にしてください。')
      .optional(),
    /** The portal's address as citizens open it (`https://…`), for the links in the mails. */
    PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'https://… の形の、市民が開くアドレスにしてください。' }).optional(),
    /** The server's VAPID key pair for Web Push (`npm run push:keys`); unset, push is not offered. */
    VAPID_PUBLIC_KEY: vapidKey(65, 0x04, 'npm run push:keys で作った VAPID_PUBLIC_KEY の値を、そのまま入れてください。').optional(),
    VAPID_PRIVATE_KEY: vapidKey(32, null, PRIVATE_KEY_MESSAGE).optional(),
    /** The file holding the private key instead (a mounted secret); never both. */
    VAPID_PRIVATE_KEY_FILE: vapidPrivateKeyFile.optional(),
    /**
     * The push services the server sends to (comma-separated host names, `*.domain`, `host:port`);
     * unset, the browsers' own services (DEFAULT_PUSH_SERVICE_HOSTS). For the tests and a private push service.
     */
    PUSH_ALLOWED_HOSTS: z
      .string()
      .max(4096)
      .transform((text, context) => {
        const hosts = parsePushServiceHosts(text);
        if (hosts) return hosts;
        context.addIssue({
          code: 'custom',
          message: `プッシュ通知を送ってよいサービスのホスト名を、カンマで区切って${String(MAX_PUSH_SERVICE_HOSTS)}個までにしてください（例：fcm.googleapis.com,*.push.apple.com,push.example.jp:8443）。IP アドレスや localhost は使えません。`,
        });
        return z.NEVER;
      })
      .optional(),
    /** Who the push services may contact about the city's pushes: `mailto:…` or `https://…`. */
    VAPID_SUBJECT: z
      .string()
      .regex(/^(mailto:[^\s@]+@[^\s@]+\.[^\s@]+|https:\/\/[^\s/]+\.[^\s]+)$/, 'mailto:（市の連絡先のメールアドレス）か https://… の形にしてください。')
      .optional(),
  })
  .superRefine((env, context) => {
    const passkeyHost = passkeyOrigin(env.STAFF_PASSKEY_ORIGIN, env.PUBLIC_URL)?.hostname;
    if (env.STAFF_PASSKEY_RP_ID !== undefined && !(passkeyHost === env.STAFF_PASSKEY_RP_ID || passkeyHost?.endsWith(`.${env.STAFF_PASSKEY_RP_ID}`)))
      context.addIssue({
        code: 'custom',
        path: ['STAFF_PASSKEY_RP_ID'],
        message: 'STAFF_PASSKEY_ORIGIN（なければ PUBLIC_URL）のホスト名か、それを含むドメインにしてください。',
      });
    // Two sources of one secret: whichever won, someone would be surprised the other was ignored.
    if (env.VAPID_PRIVATE_KEY !== undefined && env.VAPID_PRIVATE_KEY_FILE !== undefined)
      context.addIssue({
        code: 'custom',
        path: ['VAPID_PRIVATE_KEY_FILE'],
        message: 'VAPID_PRIVATE_KEY と VAPID_PRIVATE_KEY_FILE は、どちらか一方だけを設定してください。',
      });
    const privateKey = env.VAPID_PRIVATE_KEY ?? env.VAPID_PRIVATE_KEY_FILE;
    const push = { VAPID_PUBLIC_KEY: env.VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY: privateKey, VAPID_SUBJECT: env.VAPID_SUBJECT };
    // Half a configuration would offer push and never send it (or send with a key the phones do not know).
    if (Object.values(push).some((value) => value !== undefined) && Object.values(push).some((value) => value === undefined))
      for (const name of ['VAPID_PUBLIC_KEY', 'VAPID_PRIVATE_KEY', 'VAPID_SUBJECT'] as const)
        if (push[name] === undefined)
          context.addIssue({
            code: 'custom',
            path: [name],
            message: 'プッシュ通知には VAPID_PUBLIC_KEY、VAPID_PRIVATE_KEY、VAPID_SUBJECT の3つをそろえて設定してください。',
          });
    if (env.SMTP_URL === undefined) return;
    // A mail needs a sender and a link that works; better to stop now than to queue mails that cannot be right.
    if (env.MAIL_FROM === undefined)
      context.addIssue({ code: 'custom', path: ['MAIL_FROM'], message: 'SMTP_URL を設定したときは、送信元のメールアドレスも設定してください。' });
    if (env.PUBLIC_URL === undefined)
      context.addIssue({
        code: 'custom',
        path: ['PUBLIC_URL'],
        message: 'SMTP_URL を設定したときは、メールに書くポータルのアドレス（https://…）も設定してください。',
      });
  });

/** The origin passkeys are used from: STAFF_PASSKEY_ORIGIN, else PUBLIC_URL's. */
function passkeyOrigin(staffOrigin: string | undefined, publicUrl: string | undefined): URL | null {
  const address = staffOrigin ?? publicUrl;
  // The refinement runs even when the address failed its own field's check (which says so in Japanese): no origin then.
  if (address === undefined || !URL.canParse(address)) return null;
  const { origin } = new URL(address);
  return origin === 'null' ? null : new URL(origin);
}

export interface PasskeyConfig {
  /** The relying-party id the passkeys are bound to: a host name, never an IP address. */
  rpId: string;
  /** The page origin the browser must report, e.g. 'https://portal.city.togane.chiba.jp'. */
  origin: string;
}

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  databasePoolSize: number;
  databaseStatementTimeoutMs: number;
  workers: number;
  staticDir: string | null;
  logLevel: (typeof LOG_LEVELS)[number];
  rateLimitPerMinute: number;
  bodyLimitBytes: number;
  maxEventLoopDelayMs: number;
  personalDataRetentionDays: number;
  auditRetentionDays: number;
  trustProxy: boolean;
  staff: { idleMs: number; lifetimeMs: number; lockMs: number };
  /** Staff passkeys; null when no origin is configured (then only passwords sign in). */
  staffPasskeys: PasskeyConfig | null;
  kioskPinHash: string | null;
  sampleFacilitiesBookable: boolean;
  /** E-mail to citizens; null when SMTP_URL is unset (then no address is asked for). */
  mail: MailConfig | null;
  /** Web Push to citizens' phones; null when the VAPID keys are unset (then it is not offered). */
  push: PushConfig | null;
}

export interface PushConfig {
  publicKey: string;
  privateKey: string;
  subject: string;
  /** The push services' hosts a subscription may name (src/domain/push-service-hosts.ts). */
  allowedHosts: readonly string[];
}

export interface MailConfig {
  smtpUrl: string;
  from: string;
  publicUrl: string;
}

export class ConfigError extends Error {}

/** Reads the configuration; a wrong value stops the server with a message naming the variable. */
export function readConfig(environment: NodeJS.ProcessEnv, defaultStaticDir: string | null): ServerConfig {
  const present = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== ''));
  const result = environmentSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`環境変数の値が正しくありません:\n${lines.join('\n')}`);
  }
  const env = result.data;
  const privateKey = env.VAPID_PRIVATE_KEY ?? env.VAPID_PRIVATE_KEY_FILE;
  if (env.WORKERS > 1 && !env.DATABASE_URL) {
    // Each process would open the SQLite file on its own, with its own cache of answers and its own
    // rate-limit windows in memory of the file's lock: PostgreSQL is the engine for several processes.
    throw new ConfigError(
      '環境変数の値が正しくありません:\n  WORKERS: 2 以上にするときは DATABASE_URL（PostgreSQL）も設定してください。SQLite は 1 つのプロセスで使います。',
    );
  }
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir: resolve(env.DATA_DIR),
    databaseUrl: env.DATABASE_URL ?? null,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    databaseStatementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    workers: env.WORKERS,
    staticDir: env.STATIC_DIR ? resolve(env.STATIC_DIR) : defaultStaticDir,
    logLevel: env.LOG_LEVEL,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    maxEventLoopDelayMs: env.MAX_EVENT_LOOP_DELAY_MS,
    personalDataRetentionDays: env.PERSONAL_DATA_RETENTION_DAYS,
    auditRetentionDays: env.AUDIT_RETENTION_DAYS,
    trustProxy: env.TRUST_PROXY === 'true',
    staff: {
      idleMs: env.STAFF_IDLE_MINUTES * 60_000,
      lifetimeMs: env.STAFF_SESSION_HOURS * 3_600_000,
      lockMs: env.STAFF_LOCKOUT_MINUTES * 60_000,
    },
    staffPasskeys: passkeyConfig(passkeyOrigin(env.STAFF_PASSKEY_ORIGIN, env.PUBLIC_URL), env.STAFF_PASSKEY_RP_ID),
    kioskPinHash: env.KIOSK_PIN_HASH ?? null,
    sampleFacilitiesBookable: env.SAMPLE_FACILITIES_BOOKABLE === 'true',
    mail: env.SMTP_URL && env.MAIL_FROM && env.PUBLIC_URL ? { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, publicUrl: env.PUBLIC_URL } : null,
    push:
      env.VAPID_PUBLIC_KEY && privateKey && env.VAPID_SUBJECT
        ? { publicKey: env.VAPID_PUBLIC_KEY, privateKey, subject: env.VAPID_SUBJECT, allowedHosts: env.PUSH_ALLOWED_HOSTS ?? DEFAULT_PUSH_SERVICE_HOSTS }
        : null,
  };
}

function passkeyConfig(origin: URL | null, rpId: string | undefined): PasskeyConfig | null {
  return origin ? { rpId: rpId ?? origin.hostname, origin: origin.origin } : null;
}
