import { LIFE_EVENTS, type LifeEvent } from './procedure-codes.ts';

/**
 * The 14 personal life events of the national inventory as the portal addresses and names them:
 * a URL-safe slug for `/procedures/life-events/:event`, and the words shown to people (the
 * inventory's own 「その他イベント(個人)」 is a code, not something to read).
 */
const EVENT_WORDS: Record<LifeEvent, { slug: string; label: string }> = {
  妊娠: { slug: 'pregnancy', label: '妊娠' },
  '出生・こども': { slug: 'birth-children', label: '出産・子育て' },
  引越し: { slug: 'moving', label: '引っ越し' },
  '就職・転職': { slug: 'work', label: '就職・転職' },
  '結婚・離婚': { slug: 'marriage-divorce', label: '結婚・離婚' },
  '自動車の購入・保有': { slug: 'car', label: '車やバイク' },
  '住宅の購入・保有': { slug: 'housing', label: '家を買う・持つ' },
  介護: { slug: 'care', label: '介護' },
  '医療・健康': { slug: 'health', label: '医療・健康' },
  税金: { slug: 'tax', label: '税金' },
  年金の受給: { slug: 'pension', label: '年金を受け取る' },
  '死亡・相続': { slug: 'death', label: 'おくやみ・相続' },
  'その他イベント(個人)': { slug: 'other-events', label: 'そのほかの出来事' },
  その他: { slug: 'other', label: 'そのほか' },
};

export function lifeEventSlug(event: LifeEvent): string {
  return EVENT_WORDS[event].slug;
}

export function lifeEventLabel(event: LifeEvent): string {
  return EVENT_WORDS[event].label;
}

/** The event a slug names, or undefined for an unknown address. */
export function lifeEventFromSlug(slug: string | undefined): LifeEvent | undefined {
  return LIFE_EVENTS.find((event) => EVENT_WORDS[event].slug === slug);
}
