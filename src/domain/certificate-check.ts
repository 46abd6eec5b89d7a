/**
 * できるかチェック: can this person get a certificate at a convenience-store machine today? At most
 * five questions, each of which may be answered 「わからない」. The result says plainly either how to
 * do it, or what to do first. Pure rules: the screen only puts words on them.
 */

export const QUESTION_IDS = ['device', 'age', 'pin', 'validity', 'certificate'] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];

/** Every question offers 'unknown' (「わからない」). */
export const ANSWERS = {
  /** What the person will hold to the machine. */
  device: ['card', 'android', 'iphone', 'none', 'unknown'],
  /** Whether the card holder is 15 or over; the machine refuses younger holders. */
  age: ['over15', 'under15', 'unknown'],
  /** The card's 4-digit PIN (or the Android phone's own PIN); three wrong tries lock it. */
  pin: ['known', 'forgotten', 'locked', 'unknown'],
  /** The 利用者証明用電子証明書 on the card (5 birthdays after issue). */
  validity: ['valid', 'expired', 'unknown'],
  /** Which certificate; for the family register, whether the 本籍 is in this city. */
  certificate: ['juminhyo', 'inkan', 'shotoku', 'koseki-here', 'koseki-elsewhere', 'unknown'],
} as const satisfies Record<QuestionId, readonly string[]>;

export type Answer<Q extends QuestionId> = (typeof ANSWERS)[Q][number];
export type CheckAnswers = { [Q in QuestionId]?: Answer<Q> };

/** Things to do before the machine will work, each with its own next step on the screen. */
export type Todo = 'get-card' | 'reset-pin' | 'reset-phone-pin' | 'renew-certificate' | 'register-honseki';

export type CheckResult =
  /** Go ahead: the screen shows the stores for this device, what to bring, the fee and the steps. */
  | { kind: 'can'; device: 'card' | 'android' | 'iphone'; certificate: Exclude<Answer<'certificate'>, 'unknown'> }
  /** Something must be done first (e.g. a PIN reset at the city counter). */
  | { kind: 'need-first'; todos: Todo[]; unknowns: QuestionId[] }
  /** Nothing blocks yet, but some answers were 「わからない」: how to find out each. */
  | { kind: 'check-first'; unknowns: QuestionId[] }
  /** The machine cannot serve this person at all: the counter or the post can. */
  | { kind: 'other-way' };

/** The iPhone's card uses Face ID instead of the 4-digit PIN, so the PIN question is skipped. */
function asksPin(answers: CheckAnswers): boolean {
  return answers.device !== 'iphone';
}

/**
 * The questions this person will be asked, given the answers so far. Once an answer settles the
 * result (no card, under 15), no more questions are asked.
 */
export function questionsFor(answers: CheckAnswers): QuestionId[] {
  if (answers.device === 'none') return ['device'];
  if (answers.age === 'under15') return ['device', 'age'];
  return QUESTION_IDS.filter((id) => id !== 'pin' || asksPin(answers));
}

/** The next unanswered question, or `null` when the result can be shown. */
export function nextQuestion(answers: CheckAnswers): QuestionId | null {
  return questionsFor(answers).find((id) => answers[id] === undefined) ?? null;
}

/** Drops the answers to questions no longer asked (e.g. the PIN after switching to iPhone). */
export function keepAskedAnswers(answers: CheckAnswers): CheckAnswers {
  const asked = new Set(questionsFor(answers));
  return Object.fromEntries(Object.entries(answers).filter(([id]) => asked.has(id as QuestionId)));
}

function todosFor(answers: CheckAnswers): Todo[] {
  const todos: Todo[] = [];
  // An answer left over from a question no longer asked (the PIN, for an iPhone) does not count.
  if (asksPin(answers) && (answers.pin === 'forgotten' || answers.pin === 'locked')) {
    todos.push(answers.device === 'android' ? 'reset-phone-pin' : 'reset-pin');
  }
  if (answers.validity === 'expired') todos.push('renew-certificate');
  if (answers.certificate === 'koseki-elsewhere') todos.push('register-honseki');
  return todos;
}

/** The result for a finished check. Unanswered questions count as 「わからない」. */
export function judge(answers: CheckAnswers): CheckResult {
  if (answers.age === 'under15') return { kind: 'other-way' };
  if (answers.device === 'none') return { kind: 'need-first', todos: ['get-card'], unknowns: [] };

  const asked = questionsFor(answers);
  const unknowns = asked.filter((id) => answers[id] === undefined || answers[id] === 'unknown');
  const todos = todosFor(answers);
  if (todos.length > 0) return { kind: 'need-first', todos, unknowns };

  const { device, certificate } = answers;
  const deviceKnown = device !== undefined && device !== 'unknown';
  if (unknowns.length === 0 && deviceKnown && certificate !== undefined && certificate !== 'unknown') {
    return { kind: 'can', device, certificate };
  }
  return { kind: 'check-first', unknowns };
}
