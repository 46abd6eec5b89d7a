import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeAnswers,
  DIRECTIONS,
  encodeAnswers,
  INSURANCES,
  MAX_MEMBERS,
  MOVING_GUIDE_PROCEDURE_IDS,
  movingChecklist,
  parseSavedChecklist,
  PHASES,
  VEHICLES,
  YES_NO,
  type MovingAnswers,
} from './moving-guide.ts';
import { proceduresContentSchema } from './procedures.ts';

const base: MovingAnswers = {
  direction: 'in',
  date: '2026-12-01',
  members: 3,
  schoolChildren: 'no',
  nurseryChildren: 'no',
  insurance: 'neither',
  care: 'no',
  vehicle: 'none',
  dog: 'no',
};
const ids = (answers: Partial<MovingAnswers>) => movingChecklist({ ...base, ...answers }).map((item) => item.procedureId);

const isoDate = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const answersArbitrary: fc.Arbitrary<MovingAnswers> = fc.record({
  direction: fc.constantFrom(...DIRECTIONS),
  date: fc.option(isoDate, { nil: null }),
  members: fc.option(fc.integer({ min: 1, max: MAX_MEMBERS }), { nil: null }),
  schoolChildren: fc.constantFrom(...YES_NO),
  nurseryChildren: fc.constantFrom(...YES_NO),
  insurance: fc.constantFrom(...INSURANCES),
  care: fc.constantFrom(...YES_NO),
  vehicle: fc.constantFrom(...VEHICLES),
  dog: fc.constantFrom(...YES_NO),
});

/** For each question: its 「はい」, its 「いいえ」 and its 「わからない」. */
const QUESTIONS = {
  schoolChildren: ['yes', 'no', 'unknown'],
  nurseryChildren: ['yes', 'no', 'unknown'],
  insurance: ['both', 'neither', 'unknown'],
  care: ['yes', 'no', 'unknown'],
  vehicle: ['both', 'none', 'unknown'],
  dog: ['yes', 'no', 'unknown'],
} as const;
type Question = keyof typeof QUESTIONS;
const questionArbitrary = fc.constantFrom(...(Object.keys(QUESTIONS) as Question[]));

function withAnswer(answers: MovingAnswers, question: Question, which: 0 | 1 | 2): MovingAnswers {
  return { ...answers, [question]: QUESTIONS[question][which] };
}

describe('movingChecklist', () => {
  it('moving in: 転入届 within 14 days of the move, with its date', () => {
    expect(movingChecklist(base)).toEqual([
      { procedureId: 'tennyu', phase: 'within14', ifApplicable: false, from: null, by: '2026-12-15' },
      expect.objectContaining({ procedureId: 'inkan-toroku', ifApplicable: true }),
    ]);
  });

  it('moving out: 転出届 from 14 days before to 14 days after; 国保 and the school before the move', () => {
    const items = movingChecklist({ ...base, direction: 'out', insurance: 'kokuho', schoolChildren: 'yes' });
    expect(items.map((item) => item.procedureId)).toEqual(['tenshutsu', 'kokuho-dattai', 'tenko']);
    expect(items[0]).toMatchObject({ phase: 'before', from: '2026-11-17', by: '2026-12-15' });
    expect(items[2]).toMatchObject({ phase: 'before', by: '2026-12-01' });
  });

  it('within Togane: 転居届, and the dog and the car move with the household (the pack has no procedure for a 原付 moving within the city)', () => {
    expect(ids({ direction: 'within', dog: 'yes', vehicle: 'both' })).toEqual(['tenkyo', 'juminhyo', 'kei-yonrin-shinkoku', 'inu-henko']);
  });

  it('each 「はい」 adds its procedures', () => {
    expect(ids({ insurance: 'kokuho' })).toContain('kokuho-kanyu');
    expect(ids({ insurance: 'koki' })).toContain('koki-tennyu');
    expect(ids({ care: 'yes' })).toContain('kaigo-tennyu');
    expect(ids({ schoolChildren: 'yes' })).toEqual(expect.arrayContaining(['tenko', 'jido-teate-nintei']));
    expect(ids({ nurseryChildren: 'yes' })).toEqual(expect.arrayContaining(['hoiku-moshikomi', 'jido-teate-nintei']));
    expect(ids({ vehicle: 'kei' })).toContain('kei-yonrin-shinkoku');
    expect(ids({ vehicle: 'genchari' })).toContain('gentsuki-toroku');
    expect(ids({ dog: 'yes' })).toContain('inu-henko');
  });

  it('「わからない」 keeps the item, marked 「該当する場合」, and an unknown date gives no dates', () => {
    const items = movingChecklist({ ...base, dog: 'unknown', date: null });
    expect(items.find((item) => item.procedureId === 'inu-henko')).toEqual({
      procedureId: 'inu-henko',
      phase: 'after',
      ifApplicable: true,
      from: null,
      by: null,
    });
    expect(items.every((item) => item.by === null && item.from === null)).toBe(true);
  });

  it('an unknown direction lists what any move may need, each 「該当する場合」', () => {
    const items = movingChecklist({ ...base, direction: 'unknown' });
    expect(items.map((item) => item.procedureId)).toEqual(expect.arrayContaining(['tenshutsu', 'tennyu', 'tenkyo']));
    expect(items.every((item) => item.ifApplicable)).toBe(true);
  });

  it('property: 「はい」 only adds to 「いいえ」, and 「わからない」 never removes what 「はい」 adds', () => {
    fc.assert(
      fc.property(answersArbitrary, questionArbitrary, (answers, question) => {
        const yes = ids(withAnswer(answers, question, 0));
        const no = ids(withAnswer(answers, question, 1));
        const unknown = ids(withAnswer(answers, question, 2));
        expect(yes).toEqual(expect.arrayContaining(no));
        expect(unknown).toEqual(expect.arrayContaining(yes));
      }),
    );
  });

  it('property: with a known direction, an item is 「該当する場合」 only because of a 「わからない」', () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        const certain: MovingAnswers = { ...answers, direction: answers.direction === 'unknown' ? 'in' : answers.direction };
        const sure = withAnswer(
          withAnswer(
            withAnswer(withAnswer(withAnswer(withAnswer(certain, 'schoolChildren', 0), 'nurseryChildren', 0), 'insurance', 0), 'care', 0),
            'vehicle',
            0,
          ),
          'dog',
          0,
        );
        const flagged = movingChecklist(sure)
          .filter((item) => item.ifApplicable)
          .map((item) => item.procedureId);
        expect(flagged).toEqual(sure.direction === 'in' ? ['inkan-toroku'] : []);
      }),
    );
  });

  it('property: phases in order, each procedure once, and the same order whatever the other answers', () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        const items = movingChecklist(answers);
        const phaseOrder = items.map((item) => PHASES.indexOf(item.phase));
        expect(phaseOrder).toEqual([...phaseOrder].sort((a, b) => a - b));
        expect(new Set(items.map((item) => item.procedureId)).size).toBe(items.length);
        // Every list is the fullest list for the same move with items left out, in the same order.
        const fullest = movingChecklist({
          ...answers,
          schoolChildren: 'unknown',
          nurseryChildren: 'unknown',
          insurance: 'unknown',
          care: 'unknown',
          vehicle: 'unknown',
          dog: 'unknown',
        }).map((item) => `${item.phase}:${item.procedureId}`);
        const positions = items.map((item) => fullest.indexOf(`${item.phase}:${item.procedureId}`));
        expect(positions.every((position) => position >= 0)).toBe(true);
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
      }),
    );
  });

  it('property: dates are counted from the move day, never before 14 days ahead of it', () => {
    fc.assert(
      fc.property(answersArbitrary, isoDate, (answers, date) => {
        for (const item of movingChecklist({ ...answers, date })) {
          if (item.from !== null) expect(item.from < date).toBe(true);
          if (item.by !== null) expect(item.by >= date).toBe(true);
          if (item.phase === 'within14' && item.by !== null) expect(item.by > date).toBe(true);
        }
      }),
    );
  });
});

describe('sharing the answers', () => {
  it('writes a short, readable code', () => {
    expect(encodeAnswers(base)).toBe('1.i.20261201.3.n.n.n.n.n.n');
    expect(encodeAnswers({ ...base, date: null, members: null, direction: 'unknown' })).toBe('1.u.u.u.n.n.n.n.n.n');
  });

  it('property: what is written reads back the same', () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        expect(decodeAnswers(encodeAnswers(answers))).toEqual(answers);
      }),
    );
  });

  it('refuses anything else, including a broken date', () => {
    for (const text of [
      null,
      '',
      '1',
      '2.i.20261201.3.n.n.n.n.n.n',
      '1.x.20261201.3.n.n.n.n.n.n',
      '1.i.20260230.3.n.n.n.n.n.n',
      '1.i.20261201.0.n.n.n.n.n.n',
      '1.i.20261201.3.n.n.n.n.n.n.n',
      '1.i.2026-12-01.3.n.n.n.n.n.n',
    ]) {
      expect(decodeAnswers(text)).toBeNull();
    }
  });

  it('property: random text never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        expect(() => decodeAnswers(text)).not.toThrow();
      }),
    );
  });
});

describe('the saved checklist', () => {
  it('reads back what was saved, and ignores broken or old data', () => {
    const saved = { version: 1, answers: encodeAnswers(base), done: ['tennyu'] };
    expect(parseSavedChecklist(JSON.stringify(saved))).toEqual(saved);
    expect(parseSavedChecklist(null)).toBeNull();
    expect(parseSavedChecklist('{not json')).toBeNull();
    expect(parseSavedChecklist(JSON.stringify({ ...saved, version: 0 }))).toBeNull();
    expect(parseSavedChecklist(JSON.stringify({ ...saved, answers: 'x' }))).toBeNull();
    expect(parseSavedChecklist(JSON.stringify({ ...saved, done: 'all' }))).toBeNull();
  });
});

describe('the content pack', () => {
  it('has every procedure the guide can list', () => {
    const text = readFileSync(resolve(import.meta.dirname, '../content/procedures.json'), 'utf8');
    const ids = new Set(proceduresContentSchema.parse(JSON.parse(text)).procedures.map((procedure) => procedure.id));
    expect(MOVING_GUIDE_PROCEDURE_IDS.filter((id) => !ids.has(id))).toEqual([]);
  });
});
