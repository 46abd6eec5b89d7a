/**
 * An answer already written out as JSON. The availability answers (16 KB for a month of counter
 * slots) are asked for far more often than bookings change, so the booking services keep this text
 * in their answer cache and every transport sends it as it is, instead of serialising the same
 * objects again per request. A transport may keep its own encodings of the text in `encodings`
 * (the server keeps the UTF-8 bytes and their brotli and gzip twins there): they belong to the
 * cached answer, so they are dropped exactly when it is.
 */
export class SerialisedJson {
  readonly encodings = new Map<string, Uint8Array>();
  constructor(readonly text: string) {}

  static of(value: unknown): SerialisedJson {
    return new SerialisedJson(JSON.stringify(value));
  }
}
