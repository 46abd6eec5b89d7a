/**
 * `npm start` runs this (built to dist/server/main.js): read the configuration, open and migrate the
 * database, record the content pack, serve the PWA and the API, and shut down cleanly on SIGTERM.
 */
import cluster from 'node:cluster';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { ConfigError, readConfig } from './config.ts';
import { applyContentToStore, loadContentPack } from './content.ts';
import { createMailWorker } from './notify/mail-worker.ts';
import { createPushSender } from './notify/push-sender.ts';
import { startRetentionJob } from './retention.ts';
import { openStore } from './store/open-store.ts';
import { superviseWorkers } from './workers.ts';

async function main(): Promise<void> {
  const config = readConfig(process.env, fileURLToPath(new URL('../client', import.meta.url)));
  if (config.workers > 1 && cluster.isPrimary) {
    superviseWorkers({ count: config.workers, log: (message) => console.warn(message) });
    return;
  }
  const instance = process.env.WORKER_NUMBER ? `${hostname()} #${process.env.WORKER_NUMBER}` : hostname();
  const content = loadContentPack();
  const store = await openStore(config);
  await applyContentToStore(store, content, new Date());
  await store.recordContentFingerprint(content.fingerprint);
  const app = await buildApp({ config, store, content, version: __APP_VERSION__, instance });
  const stopRetentionJob = startRetentionJob(
    store,
    { personalDataDays: config.personalDataRetentionDays, auditDays: config.auditRetentionDays },
    () => new Date(),
    app.log,
    `${hostname()}:${String(process.pid)}`,
  );
  // Every instance runs a worker for the outbox's mails and pushes; the leases keep them from sending one message twice at once.
  const mailWorker =
    config.mail || config.push
      ? createMailWorker({
          outbox: store.outbox,
          ...(config.mail ? { smtp: { url: config.mail.smtpUrl, from: config.mail.from } } : {}),
          ...(config.push ? { push: createPushSender({ vapid: config.push }) } : {}),
          now: () => new Date(),
          log: app.log,
        })
      : null;
  mailWorker?.start();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    // Finish the requests and the mails in flight (so a mail the server took is marked sent, not
    // sent again after the restart), then close the database so the WAL is checkpointed.
    stopRetentionJob();
    await Promise.all([app.close(), mailWorker?.stop()]);
    await store.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info({ database: store.engine, dataDir: config.dataDir, version: __APP_VERSION__, instance }, 'つながる東金 started');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exit(1);
});
