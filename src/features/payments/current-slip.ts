import { isPracticeMode } from '../../client/practice-mode.ts';
import { slipStatus, type ElNumber, type ElQrSlip, type SlipStatus } from '../../domain/el-qr.ts';
import { isPracticeSlip } from '../../domain/el-qr-practice.ts';
import { japanClock } from '../../domain/japan-time.ts';

/** What the citizen is paying: read from the QR code, or typed as an eL番号 (no amount or dates). */
export type CurrentSlip = { kind: 'scanned'; slip: ElQrSlip } | { kind: 'typed'; elNumber: ElNumber };

/**
 * Kept in memory only, never in the address, storage or history state: the payload and the
 * eL番号 must not leave the device nor outlive the visit. A reload therefore asks for the slip again.
 */
let current: CurrentSlip | null = null;

export function rememberSlip(slip: CurrentSlip): void {
  current = slip;
}

export function currentSlip(): CurrentSlip | null {
  // The practice slip read during a スマホ講座 is forgotten once practice mode ends.
  if (current?.kind === 'scanned' && isPracticeSlip(current.slip) && !isPracticeMode()) current = null;
  return current;
}

export function elNumberOf(slip: CurrentSlip): string {
  return slip.kind === 'scanned' ? slip.slip.elNumber : slip.elNumber.digits;
}

export function institutionCodeOf(slip: CurrentSlip): string {
  return slip.kind === 'scanned' ? slip.slip.institutionCode : slip.elNumber.institutionCode;
}

export function taxItemCodeOf(slip: CurrentSlip): string {
  return slip.kind === 'scanned' ? slip.slip.taxItemCode : slip.elNumber.taxItemCode;
}

/** Today's standing of a scanned slip; a typed number carries no dates, so only the paper can tell. */
export function statusOf(slip: CurrentSlip): SlipStatus | null {
  return slip.kind === 'scanned' ? slipStatus(slip.slip, japanClock(new Date()).date) : null;
}
