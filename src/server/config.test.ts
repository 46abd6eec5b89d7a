import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';
import { hashWithScrypt } from './scrypt-hash.ts';
import { DEFAULT_PUSH_SERVICE_HOSTS } from '../domain/push-service-hosts.ts';

describe('readConfig', () => {
  it('has safe defaults for a fresh install', () => {
    expect(readConfig({}, '/srv/app/dist/client')).toEqual({
      port: 8080,
      host: 'localhost',
      dataDir: resolve('./data'),
      databaseUrl: null,
      databasePoolSize: 10,
      databaseStatementTimeoutMs: 5000,
      workers: 1,
      staticDir: '/srv/app/dist/client',
      logLevel: 'info',
      rateLimitPerMinute: 300,
      bodyLimitBytes: 65536,
      maxEventLoopDelayMs: 1000,
      personalDataRetentionDays: 30,
      auditRetentionDays: 1825,
      trustProxy: false,
      staff: { idleMs: 15 * 60_000, lifetimeMs: 10 * 3_600_000, lockMs: 30 * 60_000 },
      staffPasskeys: null,
      kioskPinHash: null,
      sampleFacilitiesBookable: false,
      mail: null,
      push: null,
    });
  });

  it('offers push only with the whole VAPID key pair and a subject, each checked', () => {
    // Made by `npm run push:keys` (web-push's generateVAPIDKeys).
    const push = {
      VAPID_PUBLIC_KEY: 'BJQ_8_UwsmkMu7pxmaLD-0zzAI_I0a-3UUNM5HXtzofpMa6xprwAEPY6iSgCe7tL9oJgKqH4w7Rfk6JDxgKI3RE',
      VAPID_PRIVATE_KEY: 'bl4soX8az4pPBoDyqETTT6d3a7xdRypdk8-PzPavthY',
      VAPID_SUBJECT: 'mailto:joho@city.togane.chiba.jp',
    };
    expect(readConfig(push, null).push).toEqual({
      publicKey: push.VAPID_PUBLIC_KEY,
      privateKey: push.VAPID_PRIVATE_KEY,
      subject: push.VAPID_SUBJECT,
      allowedHosts: DEFAULT_PUSH_SERVICE_HOSTS,
    });
    expect(readConfig({ ...push, VAPID_SUBJECT: 'https://city.togane.chiba.jp/' }, null).push?.subject).toBe('https://city.togane.chiba.jp/');
    expect(() => readConfig({ ...push, VAPID_PRIVATE_KEY: '' }, null)).toThrow(
      /VAPID_PRIVATE_KEY: プッシュ通知には VAPID_PUBLIC_KEY、VAPID_PRIVATE_KEY、VAPID_SUBJECT の3つ/,
    );
    expect(() => readConfig({ VAPID_SUBJECT: push.VAPID_SUBJECT }, null)).toThrow(
      /VAPID_PUBLIC_KEY: プッシュ通知には[\s\S]*VAPID_PRIVATE_KEY: プッシュ通知には/,
    );
    // The keys swapped, cut short, or with the standard alphabet's characters.
    expect(() => readConfig({ ...push, VAPID_PUBLIC_KEY: push.VAPID_PRIVATE_KEY }, null)).toThrow(/VAPID_PUBLIC_KEY: npm run push:keys で作った/);
    expect(() => readConfig({ ...push, VAPID_PRIVATE_KEY: push.VAPID_PUBLIC_KEY }, null)).toThrow(/VAPID_PRIVATE_KEY: npm run push:keys で作った/);
    expect(() => readConfig({ ...push, VAPID_PRIVATE_KEY: push.VAPID_PRIVATE_KEY.replace('-', '+') }, null)).toThrow(/VAPID_PRIVATE_KEY/);
    expect(() => readConfig({ ...push, VAPID_SUBJECT: 'joho@city.togane.chiba.jp' }, null)).toThrow(/VAPID_SUBJECT: mailto:/);
    expect(() => readConfig({ ...push, VAPID_SUBJECT: 'http://city.togane.chiba.jp' }, null)).toThrow(/VAPID_SUBJECT: mailto:/);
  });

  it('reads the VAPID private key from a file instead, refusing both, an unreadable file or a file without a key', () => {
    const push = {
      VAPID_PUBLIC_KEY: 'BJQ_8_UwsmkMu7pxmaLD-0zzAI_I0a-3UUNM5HXtzofpMa6xprwAEPY6iSgCe7tL9oJgKqH4w7Rfk6JDxgKI3RE',
      VAPID_SUBJECT: 'mailto:joho@city.togane.chiba.jp',
    };
    const privateKey = 'bl4soX8az4pPBoDyqETTT6d3a7xdRypdk8-PzPavthY';
    const dir = mkdtempSync(join(tmpdir(), 'togane-config-'));
    try {
      const keyFile = join(dir, 'vapid-private-key');
      // As an editor or `echo` writes it: the line's end is not part of the key.
      writeFileSync(keyFile, `${privateKey}\n`);
      expect(readConfig({ ...push, VAPID_PRIVATE_KEY_FILE: keyFile }, null).push?.privateKey).toBe(privateKey);
      expect(() => readConfig({ ...push, VAPID_PRIVATE_KEY: privateKey, VAPID_PRIVATE_KEY_FILE: keyFile }, null)).toThrow(
        /VAPID_PRIVATE_KEY_FILE: VAPID_PRIVATE_KEY と VAPID_PRIVATE_KEY_FILE は、どちらか一方だけ/,
      );
      const missing = join(dir, 'no-such-file');
      expect(() => readConfig({ ...push, VAPID_PRIVATE_KEY_FILE: missing }, null)).toThrow(`VAPID_PRIVATE_KEY_FILE: ${missing} を読めません（ENOENT）`);
      // A directory is not a file either.
      expect(() => readConfig({ ...push, VAPID_PRIVATE_KEY_FILE: dir }, null)).toThrow(
        /VAPID_PRIVATE_KEY_FILE: .* は鍵のファイルではありません（ファイルではありません）/,
      );
      const publicKeyFile = join(dir, 'public-key');
      writeFileSync(publicKeyFile, push.VAPID_PUBLIC_KEY);
      expect(() => readConfig({ ...push, VAPID_PRIVATE_KEY_FILE: publicKeyFile }, null)).toThrow(
        `VAPID_PRIVATE_KEY_FILE: ${publicKeyFile} の中身が VAPID の秘密鍵ではありません。`,
      );
      const bigFile = join(dir, 'big');
      writeFileSync(bigFile, 'x'.repeat(2048));
      expect(() => readConfig({ ...push, VAPID_PRIVATE_KEY_FILE: bigFile }, null)).toThrow(/鍵のファイルではありません（大きすぎます）/);
      // The file counts as the private key for "all three or none".
      expect(() => readConfig({ VAPID_PRIVATE_KEY_FILE: keyFile }, null)).toThrow(/VAPID_PUBLIC_KEY: プッシュ通知には/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sends pushes only to the browsers’ push services, unless PUSH_ALLOWED_HOSTS names others', () => {
    const push = {
      VAPID_PUBLIC_KEY: 'BJQ_8_UwsmkMu7pxmaLD-0zzAI_I0a-3UUNM5HXtzofpMa6xprwAEPY6iSgCe7tL9oJgKqH4w7Rfk6JDxgKI3RE',
      VAPID_PRIVATE_KEY: 'bl4soX8az4pPBoDyqETTT6d3a7xdRypdk8-PzPavthY',
      VAPID_SUBJECT: 'mailto:joho@city.togane.chiba.jp',
    };
    expect(readConfig({ ...push, PUSH_ALLOWED_HOSTS: ' push.city.example.jp:8443, *.push.apple.com ' }, null).push?.allowedHosts).toEqual([
      'push.city.example.jp:8443',
      '*.push.apple.com',
    ]);
    for (const wrong of ['127.0.0.1', 'localhost', 'push.example.jp:99999', 'https://push.example.jp', ',', '*.jp.', 'a'.repeat(70) + '.jp'])
      expect(() => readConfig({ ...push, PUSH_ALLOWED_HOSTS: wrong }, null), wrong).toThrow(/PUSH_ALLOWED_HOSTS: プッシュ通知を送ってよいサービスのホスト名を/);
  });

  it('sends e-mail only with a mail server, a sender and the portal’s address', () => {
    const mail = {
      SMTP_URL: 'smtp://mailer:secret@mail.example.jp:587',
      MAIL_FROM: '東金市役所 <no-reply@example.jp>',
      PUBLIC_URL: 'https://togane.example.jp',
    };
    expect(readConfig(mail, null).mail).toEqual({ smtpUrl: mail.SMTP_URL, from: mail.MAIL_FROM, publicUrl: mail.PUBLIC_URL });
    expect(() => readConfig({ ...mail, MAIL_FROM: '' }, null)).toThrow(/MAIL_FROM: SMTP_URL を設定したときは/);
    expect(() => readConfig({ ...mail, PUBLIC_URL: undefined }, null)).toThrow(/PUBLIC_URL: SMTP_URL を設定したときは/);
    expect(() => readConfig({ ...mail, PUBLIC_URL: 'javascript:alert(1)' }, null)).toThrow(/PUBLIC_URL: https:\/\/… の形/);
    expect(() => readConfig({ ...mail, SMTP_URL: 'mail.example.jp' }, null)).toThrow(/SMTP_URL/);
    expect(() => readConfig({ ...mail, MAIL_FROM: '東金市役所' }, null)).toThrow(/MAIL_FROM: no-reply@… か/);
  });

  it('reads the staff session times in minutes and hours', () => {
    expect(readConfig({ STAFF_IDLE_MINUTES: '5', STAFF_SESSION_HOURS: '8', STAFF_LOCKOUT_MINUTES: '60' }, null).staff).toEqual({
      idleMs: 300_000,
      lifetimeMs: 28_800_000,
      lockMs: 3_600_000,
    });
    expect(() => readConfig({ STAFF_IDLE_MINUTES: '0' }, null)).toThrow(/STAFF_IDLE_MINUTES/);
  });

  it('keeps the audit log for its own number of days, apart from the citizens’ data, never under a year and a day', () => {
    const config = readConfig({ AUDIT_RETENTION_DAYS: '3650', PERSONAL_DATA_RETENTION_DAYS: '7' }, null);
    expect([config.auditRetentionDays, config.personalDataRetentionDays]).toEqual([3650, 7]);
    expect(readConfig({ AUDIT_RETENTION_DAYS: '366' }, null).auditRetentionDays).toBe(366);
    expect(() => readConfig({ AUDIT_RETENTION_DAYS: '365' }, null)).toThrow(
      /AUDIT_RETENTION_DAYS: 366日以上にしてください（1年より新しい操作の記録は、データベースが消させません）。/,
    );
    expect(() => readConfig({ AUDIT_RETENTION_DAYS: '3651' }, null)).toThrow(/AUDIT_RETENTION_DAYS: 3650日（10年）以下にしてください。/);
    for (const value of ['5年', '1825.5', '-1']) expect(() => readConfig({ AUDIT_RETENTION_DAYS: value }, null)).toThrow(/AUDIT_RETENTION_DAYS/);
  });

  it('starts several workers only on PostgreSQL', () => {
    expect(readConfig({ WORKERS: '2', DATABASE_URL: 'postgres://togane@127.0.0.1/togane' }, null).workers).toBe(2);
    expect(() => readConfig({ WORKERS: '2' }, null)).toThrow(/WORKERS: 2 以上にするときは DATABASE_URL/);
    expect(() => readConfig({ WORKERS: '0' }, null)).toThrow(/WORKERS/);
  });

  it('turns sample facilities on only when asked to, for a demonstration', () => {
    expect(readConfig({ SAMPLE_FACILITIES_BOOKABLE: 'true' }, null).sampleFacilitiesBookable).toBe(true);
    expect(readConfig({ SAMPLE_FACILITIES_BOOKABLE: 'false' }, null).sampleFacilitiesBookable).toBe(false);
    expect(() => readConfig({ SAMPLE_FACILITIES_BOOKABLE: 'yes' }, null)).toThrow(/SAMPLE_FACILITIES_BOOKABLE: true か false にしてください。/);
  });

  it('reads every variable, and treats an empty one as unset', () => {
    const config = readConfig(
      {
        PORT: '9000',
        HOST: '0.0.0.0',
        DATA_DIR: '/var/lib/togane',
        STATIC_DIR: '/srv/www',
        LOG_LEVEL: 'warn',
        RATE_LIMIT_PER_MINUTE: '60',
        BODY_LIMIT_BYTES: '2048',
        TRUST_PROXY: 'true',
      },
      null,
    );
    expect(config).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      dataDir: '/var/lib/togane',
      staticDir: '/srv/www',
      logLevel: 'warn',
      rateLimitPerMinute: 60,
      bodyLimitBytes: 2048,
      trustProxy: true,
    });
    expect(readConfig({ PORT: '' }, null).port).toBe(8080);
  });

  it('chooses PostgreSQL by DATABASE_URL, with its pool size and statement timeout', () => {
    const config = readConfig(
      { DATABASE_URL: 'postgres://togane:secret@db.internal:5432/togane', DATABASE_POOL_SIZE: '20', DATABASE_STATEMENT_TIMEOUT_MS: '3000' },
      null,
    );
    expect(config).toMatchObject({ databaseUrl: 'postgres://togane:secret@db.internal:5432/togane', databasePoolSize: 20, databaseStatementTimeoutMs: 3000 });
    expect(() => readConfig({ DATABASE_URL: 'mysql://db/togane' }, null)).toThrow(/DATABASE_URL: postgres:\/\/ユーザー/);
    expect(() => readConfig({ DATABASE_POOL_SIZE: '0' }, null)).toThrow(/DATABASE_POOL_SIZE/);
  });

  it('stops with a Japanese message naming the wrong variable', () => {
    expect(() => readConfig({ PORT: 'eighty' }, null)).toThrow(ConfigError);
    expect(() => readConfig({ PORT: '70000', LOG_LEVEL: 'loud' }, null)).toThrow(/PORT: .*\n.*LOG_LEVEL: 選べる値ではありません。/);
  });

  it('takes the kiosk PIN only as the hash made by npm run kiosk:pin-hash, never the PIN itself', async () => {
    const hash = await hashWithScrypt('482916');
    expect(readConfig({ KIOSK_PIN_HASH: hash }, null).kioskPinHash).toBe(hash);
    expect(() => readConfig({ KIOSK_PIN_HASH: '482916' }, null)).toThrow(/KIOSK_PIN_HASH: npm run kiosk:pin-hash で作った値/);
    expect(() => readConfig({ KIOSK_PIN_HASH: hash.replace(':32768:', ':1024:') }, null)).toThrow(/KIOSK_PIN_HASH/);
  });
});
