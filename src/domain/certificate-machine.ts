import { MACHINE_STEP_IDS, type CertificateId, type MachineStepId } from './certificates.ts';

/**
 * The practice machine (練習する): the multi-copy machine's screens as a state machine. It follows the
 * same steps as the 手順 page (MACHINE_STEP_IDS). Nothing here is real: the PIN is a practice
 * number shown on the screen, and the person's own PIN is never asked for.
 */

/** Shown on the screen next to the keypad. Real PINs are never typed into the portal. */
export const PRACTICE_PIN = '1234';
export const PIN_LENGTH = 4;
/** The card locks after this many wrong PINs in a row (利用者証明用電子証明書). */
export const PIN_TRIES_BEFORE_LOCK = 3;
export const MAX_COPIES = 10;

export type MachinePhase = MachineStepId | 'locked' | 'done';

export interface MachineState {
  phase: MachinePhase;
  /** Digits typed so far on the practice keypad (never more than PIN_LENGTH). */
  pin: string;
  /** Wrong PINs in a row; only a correct PIN resets it, as on a real card. */
  wrongPins: number;
  certificateId: CertificateId | null;
  /** Index into the certificate's machine choices (世帯全員 / 自分だけ …). */
  choice: number;
  copies: number;
  /** Set when the last press did not do what the step asks: the screen explains. */
  hint: 'wrong-button' | 'wrong-pin' | 'short-pin' | null;
}

export type MachineEvent =
  | { type: 'press-menu'; item: 'copy' | 'print' | 'administrative' }
  | { type: 'press-service'; item: 'certificate' | 'registration' }
  | { type: 'place-card' }
  | { type: 'press-digit'; digit: string }
  | { type: 'clear-pin' }
  | { type: 'confirm-pin' }
  | { type: 'choose-certificate'; certificateId: CertificateId }
  | { type: 'choose-option'; choice: number }
  | { type: 'change-copies'; by: 1 | -1 }
  | { type: 'confirm-options' }
  | { type: 'pay' }
  | { type: 'printing-finished' }
  | { type: 'take-card' }
  | { type: 'start-over' };

export const initialMachineState: MachineState = {
  phase: 'menu',
  pin: '',
  wrongPins: 0,
  certificateId: null,
  choice: 0,
  copies: 1,
  hint: null,
};

function goTo(state: MachineState, phase: MachinePhase): MachineState {
  return { ...state, phase, hint: null };
}

/**
 * One press on the practice machine. Presses that do not belong to the current screen change
 * nothing, so a double tap or a stale button cannot skip a step.
 */
export function pressMachine(state: MachineState, event: MachineEvent): MachineState {
  if (event.type === 'start-over') return initialMachineState;
  switch (state.phase) {
    case 'menu':
      if (event.type !== 'press-menu') return state;
      return event.item === 'administrative' ? goTo(state, 'service') : { ...state, hint: 'wrong-button' };
    case 'service':
      if (event.type !== 'press-service') return state;
      return event.item === 'certificate' ? goTo(state, 'card') : { ...state, hint: 'wrong-button' };
    case 'card':
      return event.type === 'place-card' ? goTo(state, 'pin') : state;
    case 'pin':
      return pressPin(state, event);
    case 'certificate':
      if (event.type !== 'choose-certificate') return state;
      return { ...goTo(state, 'options'), certificateId: event.certificateId, choice: 0, copies: 1 };
    case 'options':
      if (event.type === 'choose-option') return { ...state, choice: Math.max(0, Math.trunc(event.choice)) };
      if (event.type === 'change-copies') {
        return { ...state, copies: Math.min(MAX_COPIES, Math.max(1, state.copies + event.by)) };
      }
      return event.type === 'confirm-options' ? goTo(state, 'fee') : state;
    case 'fee':
      return event.type === 'pay' ? goTo(state, 'printing') : state;
    case 'printing':
      return event.type === 'printing-finished' ? goTo(state, 'take') : state;
    case 'take':
      return event.type === 'take-card' ? goTo(state, 'done') : state;
    case 'locked':
    case 'done':
      return state;
  }
}

function pressPin(state: MachineState, event: MachineEvent): MachineState {
  switch (event.type) {
    case 'press-digit':
      if (!/^[0-9]$/.test(event.digit) || state.pin.length >= PIN_LENGTH) return state;
      return { ...state, pin: state.pin + event.digit, hint: null };
    case 'clear-pin':
      return { ...state, pin: '', hint: null };
    case 'confirm-pin': {
      if (state.pin.length < PIN_LENGTH) return { ...state, hint: 'short-pin' };
      if (state.pin === PRACTICE_PIN) return { ...goTo(state, 'certificate'), pin: '', wrongPins: 0 };
      const wrongPins = state.wrongPins + 1;
      if (wrongPins >= PIN_TRIES_BEFORE_LOCK) return { ...goTo(state, 'locked'), pin: '', wrongPins };
      return { ...state, pin: '', wrongPins, hint: 'wrong-pin' };
    }
    default:
      return state;
  }
}

/** 「手順 3 / 9」: where the person is among the machine's steps; null on the end screens. */
export function stepNumber(phase: MachinePhase): number | null {
  const index = (MACHINE_STEP_IDS as readonly string[]).indexOf(phase);
  return index === -1 ? null : index + 1;
}

export function triesLeft(state: MachineState): number {
  return PIN_TRIES_BEFORE_LOCK - state.wrongPins;
}

export const MACHINE_STEP_COUNT = MACHINE_STEP_IDS.length;
