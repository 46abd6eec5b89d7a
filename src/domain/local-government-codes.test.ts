import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localGovernmentCheckDigit, localGovernmentCodesSchema, slipIssuer } from './local-government-codes.ts';

const list = localGovernmentCodesSchema.parse(JSON.parse(readFileSync(resolve(import.meta.dirname, '../content/local-government-codes.json'), 'utf8')));

describe('the issuer of a slip', () => {
  it('names a real local government by its code without the check digit', () => {
    expect(slipIssuer('12213', list.codes)).toEqual({ kind: 'known', name: '千葉県東金市' });
    expect(slipIssuer('12000', list.codes)).toEqual({ kind: 'known', name: '千葉県' });
    expect(slipIssuer('13101', list.codes)).toEqual({ kind: 'known', name: '東京都千代田区' });
  });

  it('does not vouch for an invented number', () => {
    expect(slipIssuer('12345', list.codes)).toEqual({ kind: 'unknown' });
    expect(slipIssuer('99999', list.codes)).toEqual({ kind: 'unknown' });
    // An own property only: nothing inherited passes for a town.
    expect(slipIssuer('toString', list.codes)).toEqual({ kind: 'unknown' });
  });

  it('holds every prefecture and 市区町村 of the list, with its source', () => {
    expect(Object.keys(list.codes).filter((code) => code.endsWith('000'))).toHaveLength(47);
    expect(Object.keys(list.codes).length).toBeGreaterThan(1700);
    expect(list.source.url).toBe('https://www.soumu.go.jp/denshijiti/code.html');
  });

  it('computes the 総務省 check digit', () => {
    expect(localGovernmentCheckDigit('12213')).toBe(1); // 東金市 122131
    expect(localGovernmentCheckDigit('01100')).toBe(2); // 札幌市 011002
    expect(localGovernmentCheckDigit('13101')).toBe(6); // 千代田区 131016
  });
});
