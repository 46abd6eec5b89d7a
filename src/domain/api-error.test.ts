import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readApiError } from './api-error.ts';

describe('readApiError', () => {
  it('reads our error shape, with field problems', () => {
    const body = {
      error: { code: 'validation_failed', message: '入力内容に誤りがあります。', fields: [{ path: 'phone', message: '入力してください。' }] },
    };
    expect(readApiError(body)).toEqual(body.error);
  });

  it('refuses an unknown code or a message that is not text', () => {
    expect(readApiError({ error: { code: 'teapot', message: 'x' } })).toBeNull();
    expect(readApiError({ error: { code: 'not_found', message: 404 } })).toBeNull();
  });

  it('never throws, whatever arrives from the network', () => {
    fc.assert(fc.property(fc.anything(), (body) => void readApiError(body)));
  });
});
