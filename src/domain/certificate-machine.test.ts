import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  initialMachineState,
  MAX_COPIES,
  PIN_TRIES_BEFORE_LOCK,
  PRACTICE_PIN,
  pressMachine,
  stepNumber,
  triesLeft,
  type MachineEvent,
  type MachineState,
} from './certificate-machine.ts';
import { MACHINE_STEP_IDS } from './certificates.ts';

function press(events: MachineEvent[], from: MachineState = initialMachineState): MachineState {
  return events.reduce(pressMachine, from);
}

function typePin(pin: string): MachineEvent[] {
  return [...pin].map((digit) => ({ type: 'press-digit', digit }) as const);
}

const TO_PIN: MachineEvent[] = [{ type: 'press-menu', item: 'administrative' }, { type: 'press-service', item: 'certificate' }, { type: 'place-card' }];

const WHOLE_RUN: MachineEvent[] = [
  ...TO_PIN,
  ...typePin(PRACTICE_PIN),
  { type: 'confirm-pin' },
  { type: 'choose-certificate', certificateId: 'juminhyo' },
  { type: 'choose-option', choice: 1 },
  { type: 'change-copies', by: 1 },
  { type: 'confirm-options' },
  { type: 'pay' },
  { type: 'printing-finished' },
  { type: 'take-card' },
];

describe('the practice machine', () => {
  it('goes through every step of the 手順 page, in order, to the printed certificate', () => {
    const phases: string[] = [];
    WHOLE_RUN.reduce((state, event) => {
      if (phases.at(-1) !== state.phase) phases.push(state.phase);
      return pressMachine(state, event);
    }, initialMachineState);
    expect(phases).toEqual([...MACHINE_STEP_IDS]);
    expect(press(WHOLE_RUN)).toMatchObject({ phase: 'done', certificateId: 'juminhyo', choice: 1, copies: 2 });
  });

  it('stays on the menu and explains when another button is pressed', () => {
    expect(press([{ type: 'press-menu', item: 'copy' }])).toMatchObject({ phase: 'menu', hint: 'wrong-button' });
    expect(press([TO_PIN[0]!, { type: 'press-service', item: 'registration' }])).toMatchObject({
      phase: 'service',
      hint: 'wrong-button',
    });
  });

  it('takes at most four digits, and asks for all four before checking', () => {
    const typed = press([...TO_PIN, ...typePin('123456')]);
    expect(typed.pin).toBe('1234');
    expect(press([...TO_PIN, ...typePin('12'), { type: 'confirm-pin' }])).toMatchObject({ phase: 'pin', hint: 'short-pin', wrongPins: 0 });
    expect(press([...TO_PIN, ...typePin('12'), { type: 'clear-pin' }]).pin).toBe('');
  });

  it('locks after three wrong practice PINs in a row, and then only starting over helps', () => {
    const wrong = [...typePin('9999'), { type: 'confirm-pin' } as const];
    const once = press([...TO_PIN, ...wrong]);
    expect(once).toMatchObject({ phase: 'pin', wrongPins: 1, hint: 'wrong-pin' });
    expect(triesLeft(once)).toBe(2);
    const locked = press([...TO_PIN, ...wrong, ...wrong, ...wrong]);
    expect(locked).toMatchObject({ phase: 'locked', wrongPins: PIN_TRIES_BEFORE_LOCK });
    expect(press([...typePin(PRACTICE_PIN), { type: 'confirm-pin' }], locked).phase).toBe('locked');
    expect(pressMachine(locked, { type: 'start-over' })).toEqual(initialMachineState);
  });

  it('resets the count of wrong PINs only with the right PIN', () => {
    const wrong = [...typePin('0000'), { type: 'confirm-pin' } as const];
    const afterRight = press([...TO_PIN, ...wrong, ...wrong, ...typePin(PRACTICE_PIN), { type: 'confirm-pin' }]);
    expect(afterRight).toMatchObject({ phase: 'certificate', wrongPins: 0, pin: '' });
  });

  it('keeps the copies between 1 and the machine’s maximum', () => {
    const atOptions = press([...WHOLE_RUN.slice(0, 9)]);
    expect(atOptions.phase).toBe('options');
    const down = press(
      [
        { type: 'change-copies', by: -1 },
        { type: 'change-copies', by: -1 },
      ],
      atOptions,
    );
    expect(down.copies).toBe(1);
    const up = press(
      Array.from({ length: 20 }, () => ({ type: 'change-copies', by: 1 }) as const),
      atOptions,
    );
    expect(up.copies).toBe(MAX_COPIES);
  });

  it('numbers the steps as the 手順 page does', () => {
    expect(MACHINE_STEP_IDS.map(stepNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(stepNumber('locked')).toBeNull();
    expect(stepNumber('done')).toBeNull();
  });

  it('whatever is pressed: never more than four digits, never past three wrong PINs, locked only after three', () => {
    const event: fc.Arbitrary<MachineEvent> = fc.oneof(
      fc.constantFrom<MachineEvent>(
        { type: 'press-menu', item: 'administrative' },
        { type: 'press-menu', item: 'copy' },
        { type: 'press-service', item: 'certificate' },
        { type: 'press-service', item: 'registration' },
        { type: 'place-card' },
        { type: 'clear-pin' },
        { type: 'confirm-pin' },
        { type: 'choose-certificate', certificateId: 'inkan' },
        { type: 'change-copies', by: 1 },
        { type: 'change-copies', by: -1 },
        { type: 'confirm-options' },
        { type: 'pay' },
        { type: 'printing-finished' },
        { type: 'take-card' },
      ),
      fc.string({ minLength: 1, maxLength: 2 }).map((digit): MachineEvent => ({ type: 'press-digit', digit })),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 80 }), (events) => {
        let state = initialMachineState;
        for (const next of events) {
          state = pressMachine(state, next);
          expect(state.pin).toMatch(/^[0-9]{0,4}$/);
          expect(state.wrongPins).toBeLessThanOrEqual(PIN_TRIES_BEFORE_LOCK);
          expect(state.phase === 'locked').toBe(state.wrongPins === PIN_TRIES_BEFORE_LOCK);
          expect(state.copies).toBeGreaterThanOrEqual(1);
          expect(state.copies).toBeLessThanOrEqual(MAX_COPIES);
        }
      }),
    );
  });
});
