import { setPracticeTransport } from '../client/practice-mode.ts';

/**
 * Called by the app at start-up: API calls made in practice mode are answered by the practice
 * engine, which is a separate chunk fetched the first time practice mode needs it, so the home
 * screen's JavaScript does not carry it.
 */
export function installPracticeTransport(): void {
  setPracticeTransport(async () => (await import('./practice-session.ts')).answerInPractice);
}
