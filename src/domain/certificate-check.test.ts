import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANSWERS, judge, keepAskedAnswers, nextQuestion, questionsFor, type CheckAnswers, type QuestionId } from './certificate-check.ts';

const READY: CheckAnswers = { device: 'card', age: 'over15', pin: 'known', validity: 'valid', certificate: 'juminhyo' };

/** Answers every question the check asks, in order, the way the screen does. */
function walk(pick: (question: QuestionId) => string): { asked: QuestionId[]; answers: CheckAnswers } {
  let answers: CheckAnswers = {};
  const asked: QuestionId[] = [];
  for (let question = nextQuestion(answers); question !== null; question = nextQuestion(answers)) {
    asked.push(question);
    answers = keepAskedAnswers({ ...answers, [question]: pick(question) });
  }
  return { asked, answers };
}

const anyAnswers: fc.Arbitrary<CheckAnswers> = fc.record(
  {
    device: fc.constantFrom(...ANSWERS.device),
    age: fc.constantFrom(...ANSWERS.age),
    pin: fc.constantFrom(...ANSWERS.pin),
    validity: fc.constantFrom(...ANSWERS.validity),
    certificate: fc.constantFrom(...ANSWERS.certificate),
  },
  { requiredKeys: [] },
);

describe('できるかチェック: the questions', () => {
  it('asks the five questions in order for a card holder', () => {
    expect(walk((question) => READY[question] ?? 'unknown').asked).toEqual(['device', 'age', 'pin', 'validity', 'certificate']);
  });

  it('skips the PIN for an iPhone, where Face ID replaces it', () => {
    expect(walk((question) => (question === 'device' ? 'iphone' : 'unknown')).asked).toEqual(['device', 'age', 'validity', 'certificate']);
  });

  it('stops at once when there is no card, or the holder is under 15', () => {
    expect(walk(() => 'none').asked).toEqual(['device']);
    expect(walk((question) => (question === 'age' ? 'under15' : 'card')).asked).toEqual(['device', 'age']);
  });

  it('never asks more than five questions, nor the same one twice, whatever the answers', () => {
    fc.assert(
      fc.property(fc.func(fc.nat()), (choose) => {
        const { asked } = walk((question) => {
          const options = ANSWERS[question];
          return options[choose(question) % options.length] ?? 'unknown';
        });
        expect(asked.length).toBeLessThanOrEqual(5);
        expect(new Set(asked).size).toBe(asked.length);
      }),
    );
  });

  it('offers 「わからない」 on every question', () => {
    for (const options of Object.values(ANSWERS)) expect(options).toContain('unknown');
  });

  it('forgets the PIN answer when the device changes to an iPhone', () => {
    expect(keepAskedAnswers({ ...READY, device: 'iphone' })).not.toHaveProperty('pin');
    expect(questionsFor({ device: 'iphone' })).not.toContain('pin');
  });
});

describe('できるかチェック: the result', () => {
  it('says yes, with the device and certificate, when everything is in order', () => {
    expect(judge(READY)).toEqual({ kind: 'can', device: 'card', certificate: 'juminhyo' });
    expect(judge({ ...READY, device: 'android', certificate: 'koseki-here' })).toEqual({
      kind: 'can',
      device: 'android',
      certificate: 'koseki-here',
    });
    const { pin: _skipped, ...iphone } = { ...READY, device: 'iphone' as const, certificate: 'shotoku' as const };
    expect(judge(iphone)).toEqual({ kind: 'can', device: 'iphone', certificate: 'shotoku' });
  });

  it('sends people without a card to get one first', () => {
    expect(judge({ device: 'none' })).toEqual({ kind: 'need-first', todos: ['get-card'], unknowns: [] });
  });

  it('sends under-15s to the counter or the post', () => {
    expect(judge({ device: 'card', age: 'under15' })).toEqual({ kind: 'other-way' });
  });

  it('asks for a PIN reset at the counter when the PIN is forgotten or locked', () => {
    expect(judge({ ...READY, pin: 'forgotten' })).toEqual({ kind: 'need-first', todos: ['reset-pin'], unknowns: [] });
    expect(judge({ ...READY, pin: 'locked' })).toEqual({ kind: 'need-first', todos: ['reset-pin'], unknowns: [] });
  });

  it('tells Android users how to reset the phone’s own PIN', () => {
    expect(judge({ ...READY, device: 'android', pin: 'forgotten' })).toEqual({
      kind: 'need-first',
      todos: ['reset-phone-pin'],
      unknowns: [],
    });
  });

  it('asks for a renewal when the e-certificate has expired', () => {
    expect(judge({ ...READY, validity: 'expired' })).toEqual({ kind: 'need-first', todos: ['renew-certificate'], unknowns: [] });
  });

  it('asks for the one-time registration when the 本籍 is in another municipality', () => {
    expect(judge({ ...READY, certificate: 'koseki-elsewhere' })).toEqual({
      kind: 'need-first',
      todos: ['register-honseki'],
      unknowns: [],
    });
  });

  it('lists every thing to do first, and the answers still to check', () => {
    expect(judge({ ...READY, pin: 'locked', validity: 'expired', certificate: 'unknown' })).toEqual({
      kind: 'need-first',
      todos: ['reset-pin', 'renew-certificate'],
      unknowns: ['certificate'],
    });
  });

  it.each(['device', 'age', 'pin', 'validity', 'certificate'] as const)('asks to check first when 「%s」 is わからない', (question) => {
    expect(judge({ ...READY, [question]: 'unknown' })).toEqual({ kind: 'check-first', unknowns: [question] });
  });

  it('treats an unanswered question as わからない', () => {
    expect(judge({})).toEqual({ kind: 'check-first', unknowns: ['device', 'age', 'pin', 'validity', 'certificate'] });
  });

  it('never says yes when any answer is わからない or blocks', () => {
    fc.assert(
      fc.property(anyAnswers, (answers) => {
        const asked = questionsFor(answers);
        const result = judge(answers);
        const unsure = asked.some((question) => answers[question] === undefined || answers[question] === 'unknown');
        const blocked =
          answers.device === 'none' ||
          answers.age === 'under15' ||
          (asked.includes('pin') && (answers.pin === 'forgotten' || answers.pin === 'locked')) ||
          answers.validity === 'expired' ||
          answers.certificate === 'koseki-elsewhere';
        expect(result.kind === 'can').toBe(!unsure && !blocked);
      }),
    );
  });
});
