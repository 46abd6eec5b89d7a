import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cityContentSchema } from './city.ts';
import { procedureSchema, proceduresContentSchema } from './procedures.ts';
import { unconfirmedFacts } from './procedure-codes.ts';

/**
 * What Togane's own pages say (shared brief, togane-facts.md) stays in the content: a correction
 * that slips back makes these fail.
 */
const contentDir = resolve(import.meta.dirname, '../content');
const contentFiles = readdirSync(contentDir).filter((name) => name.endsWith('.json'));

describe('corrections from the city’s own pages', () => {
  it('names the department 国保年金課 (city page ID 216), never 保険年金課', () => {
    for (const name of contentFiles) expect(readFileSync(resolve(contentDir, name), 'utf8'), name).not.toContain('保険年金課');
  });
});

describe('what the sources confirm', () => {
  const pack = proceduresContentSchema.parse(JSON.parse(readFileSync(resolve(contentDir, 'procedures.json'), 'utf8')));
  const byId = new Map(pack.procedures.map((procedure) => [procedure.id, procedure]));

  it('refuses a verified procedure without a source, or whose sources leave a stated fact unconfirmed', () => {
    const kokuho = byId.get('kokuho-kanyu');
    if (!kokuho) throw new Error('kokuho-kanyu');
    const noSource = procedureSchema.safeParse({ ...kokuho, verified: true, sources: [] });
    expect(noSource.success ? [] : noSource.error.issues.map((issue) => issue.message)).toContain(
      '確認済み（verified: true）の手続きには出典（sources）が必要です。',
    );
    const partly = procedureSchema.safeParse({ ...kokuho, verified: true });
    expect(partly.success ? [] : partly.error.issues.map((issue) => issue.message)).toEqual([
      '確認済み（verified: true）にできるのは、出典がすべての項目を確かめた手続きだけです。',
    ]);
    for (const procedure of pack.procedures.filter((item) => item.verified)) {
      expect(procedure.sources.length, procedure.id).toBeGreaterThan(0);
      expect(unconfirmedFacts(procedure), procedure.id).toEqual([]);
    }
  });

  it('cites the city’s pages for the procedures they cover (togane-facts.md §8(b)), with the page ID and the date read', () => {
    const pages: Record<string, string> = {
      'kokuho-kanyu': '216',
      'kokuho-dattai': '216',
      'kokuho-henko': '216',
      'nenkin-1go': '305',
      'nenkin-nini': '305',
      'jido-teate-nintei': '12670',
      'jido-teate-gakukaitei': '12670',
      'jido-teate-kakuninsho': '12670',
      'hoiku-moshikomi': '8744',
      'myna-shinsei': '3704',
      'sodai-gomi': '1057',
      'gomi-mochikomi': '1057',
      'kaden-recycle': '1057',
    };
    for (const [id, pageId] of Object.entries(pages)) {
      const procedure = byId.get(id);
      expect(
        procedure?.sources.map((source) => source.pageId),
        id,
      ).toContain(pageId);
      expect(procedure?.sample, id).toBe(false);
    }
  });

  it('sends 粗大ごみ and ごみの持ち込み to the クリーンセンター, and the 保育 deadline is two months before', () => {
    for (const id of ['sodai-gomi', 'gomi-mochikomi']) expect(byId.get(id)?.departmentId, id).toBe('clean-center');
    expect(byId.get('hoiku-moshikomi')?.deadline).toContain('入所したい月の2か月前の月末まで');
    const city = cityContentSchema.parse(JSON.parse(readFileSync(resolve(contentDir, 'city.json'), 'utf8')));
    expect(city.cityHall.phone.number).toBe('0475-50-1111');
    expect(city.departments.find((department) => department.id === 'clean-center')?.desks?.map((desk) => desk.phone)).toEqual(['0475-50-5300', '0475-55-9141']);
  });

  it('keeps a merged id working: it redirects to a procedure that exists', () => {
    expect(pack.redirects.map((redirect) => redirect.from).sort()).toEqual(
      ['gomi-jiko-hannyu', 'gomi-station', 'kaigo-kyotaku-keikaku', 'kokuho-gakusei', 'kokuho-genmen', 'kokuho-hijihatsu-shitsugyo'].sort(),
    );
    for (const redirect of pack.redirects) expect(byId.has(redirect.to), redirect.to).toBe(true);
  });
});
