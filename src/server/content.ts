import { createHash } from 'node:crypto';
import type { CounterContent } from '../domain/counter.ts';
import { japanClock } from '../domain/japan-time.ts';
import type { FacilitiesContent } from '../domain/facilities.ts';
import type { Store } from './store/store.ts';
import { checkContentFile, checkContentPack, formatContentProblems, isContentFileName, type ContentFileName } from '../domain/content-pack.ts';

export interface ContentPack {
  /** Short hash of every content file: tells which content a running server has. */
  fingerprint: string;
  counter: CounterContent;
  facilities: FacilitiesContent;
}

const bundledFiles = import.meta.glob<string>('../content/*.json', { query: '?raw', import: 'default', eager: true });

/**
 * Checks the content pack again at start-up: the build already did, but a server started from a
 * hand-edited build must not serve content that breaks the rules.
 */
export function loadContentPack(files: Record<string, string> = bundledFiles): ContentPack {
  const hash = createHash('sha256');
  const parsed: Partial<Record<ContentFileName, unknown>> = {};
  for (const [path, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const name = path.split('/').pop() ?? path;
    if (!isContentFileName(name)) throw new Error(`src/content/${name} はコンテンツの一覧にありません。`);
    const check = checkContentFile(name, text);
    if (!check.ok) throw new Error(formatContentProblems(`src/content/${name}`, check.problems));
    parsed[name] = check.value;
    hash.update(name).update('\0').update(text).update('\0');
  }
  const [crossProblem] = checkContentPack(parsed);
  if (crossProblem) throw new Error(formatContentProblems(`src/content/${crossProblem.name}`, crossProblem.problems));
  const counter = parsed['mynumber-counter.json'];
  if (!counter) throw new Error('src/content/mynumber-counter.json がありません。');
  const facilities = parsed['facilities.json'];
  if (!facilities) throw new Error('src/content/facilities.json がありません。');
  // checkContentFile parsed each with its schema from CONTENT_FILES, so each has that shape.
  return { fingerprint: hash.digest('hex').slice(0, 16), counter: counter as CounterContent, facilities: facilities as FacilitiesContent };
}

/**
 * Brings the database in line with the content at start-up: every future counter slot takes the
 * content's desksPerSlot. A reduction below what is already booked stops the server with a message
 * naming the slots, rather than leaving more people booked than there are desks.
 */
export async function applyContentToStore(store: Store, content: ContentPack, now: Date): Promise<void> {
  const capacity = content.counter.desksPerSlot;
  const refused = await store.counter.applyCapacity(japanClock(now).date, capacity);
  if (refused.length > 0) {
    const slots = refused.map((row) => `${row.slot.replace('T', ' ')}（${String(row.booked)}件）`).join('、');
    throw new Error(
      `窓口の1枠の受付数（mynumber-counter.json の desksPerSlot）を ${String(capacity)} にすると、すでに予約が入っている枠が受付数を超えます: ${slots}。予約を別の枠に移してから減らすか、値を戻してください。`,
    );
  }
}
