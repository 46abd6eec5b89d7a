import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeStoreContract } from '../../booking/store-contract.ts';
import { describeRoomBlockContract } from './room-block-contract.ts';
import { describeLookupContract } from './lookup-contract.ts';
import { describeOutboxContract } from './outbox-contract.ts';
import { describeWaitlistContract } from './waitlist-contract.ts';
import { openSqliteStore } from './sqlite-store.ts';

function makeStore() {
  const dir = mkdtempSync(join(tmpdir(), 'togane-contract-'));
  const store = openSqliteStore(dir);
  return Promise.resolve({
    store,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

describeStoreContract('SQLite', makeStore);
describeOutboxContract('SQLite', makeStore);
describeRoomBlockContract('SQLite', makeStore);
describeWaitlistContract('SQLite', makeStore);
describeLookupContract('SQLite', makeStore);
