import { describeStoreContract } from '../booking/store-contract.ts';
import { createPracticeStore, memoryStorage } from './practice-store.ts';

// The practice mode's store keeps the same invariants as the server's: a learner meets the same rules.
describeStoreContract('practice (browser storage)', () =>
  Promise.resolve({ store: createPracticeStore(memoryStorage(), 'practice-contract'), close: () => Promise.resolve() }),
);
