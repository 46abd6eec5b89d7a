import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lifeEventGuides, procedureDetails, summariseProcedure } from './procedure-catalogue.ts';
import { proceduresContentSchema } from './procedures.ts';
import { LIFE_EVENTS } from './procedure-codes.ts';

/** The real pack, as the build cuts it (scripts/procedure-catalogue-plugin.ts). */
const pack = proceduresContentSchema.parse(JSON.parse(readFileSync(resolve(import.meta.dirname, '../content/procedures.json'), 'utf8')));

describe('the procedure catalogue cut for the phone', () => {
  it('summarises each procedure with what its card and the filters read', () => {
    for (const procedure of pack.procedures) {
      const summary = summariseProcedure(procedure);
      expect(summary.id).toBe(procedure.id);
      expect(summary.title).toBe(procedure.title);
      expect(summary.departmentId).toBe(procedure.departmentId);
      expect(summary.online, procedure.id).toBe(procedure.channels.some((channel) => channel.kind === 'online'));
      expect(summary.lifeEvents).toEqual(procedure.lifeEvents);
      expect(summary.counter).toBe(procedure.channels.find((channel) => channel.kind === 'counter')?.place);
      expect(summary.deadline).toBe(procedure.deadline);
      expect(summary.sample).toBe(procedure.sample);
    }
    // Both kinds occur, so the online filter is tested on both.
    expect(new Set(pack.procedures.map((procedure) => summariseProcedure(procedure).online))).toEqual(new Set([true, false]));
  });

  it('gives every procedure its own page, with its related procedures’ cards in the content’s order', () => {
    const details = procedureDetails(pack);
    for (const procedure of pack.procedures) {
      const detail = details.get(procedure.id);
      const { reading, type, identityCheck, lifeEvents, areas, keywords, related, ...onThePage } = procedure;
      expect(detail?.procedure).toEqual(onThePage);
      expect(reading.length + type.length + identityCheck.length + lifeEvents.length + areas.length + keywords.length).toBeGreaterThan(0);
      expect(detail?.related.map((card) => card.id)).toEqual(related);
    }
    expect(pack.procedures.some((procedure) => procedure.related.length > 0)).toBe(true);
  });

  it('gives a merged id the page of the procedure it was merged into, and nothing else', () => {
    expect(pack.redirects.length).toBeGreaterThan(0);
    const details = procedureDetails(pack);
    for (const redirect of pack.redirects) expect(details.get(redirect.from)?.procedure.id).toBe(redirect.to);
    expect(details.size).toBe(pack.procedures.length + pack.redirects.length);
  });

  it('keeps a life event’s own guide, lists the tagged procedures for one without, and leaves out an event no procedure has', () => {
    const guides = lifeEventGuides(pack);
    for (const event of LIFE_EVENTS) {
      const own = pack.lifeEvents.find((guide) => guide.event === event);
      const tagged = pack.procedures.filter((procedure) => procedure.lifeEvents.includes(event)).map((procedure) => procedure.id);
      if (own) expect(guides[event]).toBe(own);
      else if (tagged.length > 0) expect(guides[event]?.steps).toEqual([{ title: 'この出来事の手続き', procedureIds: tagged }]);
      else expect(guides[event]).toBeUndefined();
    }
    const withoutGuide = { ...pack, lifeEvents: [] };
    const [first] = pack.procedures;
    const event = first?.lifeEvents[0];
    if (!first || !event) throw new Error('the pack has no procedure with a life event');
    expect(lifeEventGuides(withoutGuide)[event]?.steps[0]?.procedureIds).toContain(first.id);
    expect(lifeEventGuides({ ...withoutGuide, procedures: [] })).toEqual({});
  });
});
