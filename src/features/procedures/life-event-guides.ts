import guides from 'virtual:life-event-guides';
import type { LifeEventGuide } from '../../domain/procedures.ts';
import type { LifeEvent } from '../../domain/procedure-codes.ts';

/**
 * A life event as steps in order (the content's own guide, or every procedure tagged with the event),
 * made at build time by src/domain/procedure-catalogue.ts `lifeEventGuides`; none when no procedure has it.
 */
export function lifeEventGuide(event: LifeEvent): LifeEventGuide | undefined {
  return guides[event];
}
