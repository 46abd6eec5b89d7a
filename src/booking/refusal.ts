import { type ApiErrorCode, errorBody } from '../domain/api-error.ts';
import type { FieldProblem } from '../domain/validation.ts';
import { SerialisedJson } from './serialised-json.ts';

/**
 * A refusal a booking service returns rather than throws, for the refusals that are part of the
 * busy path (a slot that is full when 200 people race for it): the same status and body as the
 * ApiHttpError the error handler would answer, written out once, with no stack to capture.
 */
export interface BookingRefusal {
  refused: { status: number; body: SerialisedJson };
}

export function bookingRefusal(status: number, code: ApiErrorCode, message: string, fields?: FieldProblem[]): BookingRefusal {
  return { refused: { status, body: SerialisedJson.of(errorBody(code, message, fields)) } };
}
