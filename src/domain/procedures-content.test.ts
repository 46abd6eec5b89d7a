import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContentFile } from './content-pack.ts';
import { type ProceduresContent, type SynonymsContent } from './procedures.ts';
import { LIFE_EVENTS, PROCEDURE_AREAS } from './procedure-codes.ts';

const contentDir = resolve(import.meta.dirname, '../content');
const pack = JSON.parse(readFileSync(resolve(contentDir, 'procedures.json'), 'utf8')) as ProceduresContent;
const synonyms = JSON.parse(readFileSync(resolve(contentDir, 'synonyms.json'), 'utf8')) as SynonymsContent;

/** The 20 standardised back-office areas (標準化20業務) come first in PROCEDURE_AREAS. */
const STANDARD_AREAS = PROCEDURE_AREAS.slice(0, 20);

describe('the procedure catalogue', () => {
  it('has at least 300 procedures covering every life event and every standardised back-office area', () => {
    expect(pack.procedures.length).toBeGreaterThanOrEqual(300);
    for (const event of LIFE_EVENTS)
      expect(pack.procedures.filter((procedure) => procedure.lifeEvents.includes(event)).length, event).toBeGreaterThanOrEqual(3);
    for (const area of STANDARD_AREAS)
      expect(
        pack.procedures.some((procedure) => procedure.areas.includes(area)),
        area,
      ).toBe(true);
  });

  it('has one guide per life event, in the national order, and each step lists procedures of that event', () => {
    expect(pack.lifeEvents.map((guide) => guide.event)).toEqual([...LIFE_EVENTS]);
    const byId = new Map(pack.procedures.map((procedure) => [procedure.id, procedure]));
    for (const guide of pack.lifeEvents) {
      for (const id of guide.steps.flatMap((step) => step.procedureIds)) expect(byId.get(id)?.lifeEvents, `${guide.event}: ${id}`).toContain(guide.event);
    }
  });

  it('offers an online route only for what the city has published, never in sample content', () => {
    const online = pack.procedures.filter((procedure) => procedure.channels.some((channel) => channel.kind === 'online'));
    expect(online.length).toBeGreaterThan(0);
    for (const procedure of online) expect(procedure.sample, procedure.id).toBe(false);
  });

  it('says what people call things: every procedure has keywords, and no title is repeated', () => {
    for (const procedure of pack.procedures) expect(procedure.keywords.length, procedure.id).toBeGreaterThan(0);
    const titles = pack.procedures.map((procedure) => procedure.title);
    expect(new Set(titles).size).toBe(titles.length);
    const summaries = pack.procedures.map((procedure) => procedure.summary);
    expect(new Set(summaries).size).toBe(summaries.length);
  });

  it('has at least 40 synonym groups with no word in two groups', () => {
    expect(synonyms.groups.length).toBeGreaterThanOrEqual(40);
    const words = synonyms.groups.flat();
    expect(words.filter((word, index) => words.indexOf(word) !== index)).toEqual([]);
  });
});

describe('synonymsContentSchema', () => {
  it('refuses a word in two groups, naming the other group', () => {
    const check = checkContentFile(
      'synonyms.json',
      JSON.stringify({
        groups: [
          ['国保', '国民健康保険'],
          ['こくほ', '国保'],
        ],
      }),
    );
    expect(check.ok ? [] : check.problems).toEqual([
      { path: 'groups.1.1', message: '「国保」は 1番目のグループにもあります。1つのグループにまとめてください。' },
    ]);
  });
});
