import { practiceStorageKey, subscribePracticeMode } from '../client/practice-mode.ts';
import { createPracticeStore, type KeyValueStorage, memoryStorage } from './practice-store.ts';
import { createPracticeTransport, type Transport } from './practice-transport.ts';

/**
 * The practice engine of this browser tab, loaded only once practice mode is on (see install.ts).
 * Its bookings are kept in sessionStorage under the practice prefix, so leaving practice or the
 * instructor's reset removes them with the rest of the round.
 */
function tabStorage(): KeyValueStorage {
  try {
    return window.sessionStorage;
  } catch {
    // Storage switched off: the round lives as long as the page.
    return memoryStorage();
  }
}

let engine: Transport | null = null;

// A new round (start, reset, end) gets a new engine, so no answer kept for the last round is shown.
subscribePracticeMode(() => {
  engine = null;
});

export function answerInPractice(request: Request): Promise<Response> {
  engine ??= createPracticeTransport({ store: createPracticeStore(tabStorage(), practiceStorageKey('data')) });
  return engine(request);
}
