import { beforeAll } from 'vitest';
import { describeStoreContract } from '../../../booking/store-contract.ts';
import { createTestDatabase } from '../../testing/postgres-test-database.ts';
import { describeRoomBlockContract } from '../room-block-contract.ts';
import { describeLookupContract } from '../lookup-contract.ts';
import { describeOutboxContract } from '../outbox-contract.ts';
import { describeWaitlistContract } from '../waitlist-contract.ts';
import { openPostgresStore } from './postgres-store.ts';

let url: string;
beforeAll(async () => {
  url = await createTestDatabase();
}, 130_000);

async function makeStore() {
  const store = await openPostgresStore({ url, poolSize: 10, statementTimeoutMs: 5_000 });
  return { store, close: () => store.close() };
}

describeStoreContract('PostgreSQL', makeStore);
describeOutboxContract('PostgreSQL', makeStore);
describeRoomBlockContract('PostgreSQL', makeStore);
describeWaitlistContract('PostgreSQL', makeStore);
describeLookupContract('PostgreSQL', makeStore);
