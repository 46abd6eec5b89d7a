import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeJapanese, queryWords, tokensOf } from './japanese-text.ts';

describe('normalizeJapanese', () => {
  it.each([
    ['ｼﾞｭｳﾐﾝﾋｮｳ', 'じゆうみんひよう'],
    ['ジューミンヒョー', 'じゆうみんひよう'],
    ['じゅうみんひょう', 'じゆうみんひよう'],
    ['マイナンバーカード', 'まいなんばあかあど'],
    ['ﾏｲﾅﾝﾊﾞｰｶｰﾄﾞ', 'まいなんばあかあど'],
    ['ＡＢＣ　１２３', 'abc 123'],
    ['「印鑑登録」（証明書）', '印鑑登録 証明書'],
    ['ひっこし', 'ひつこし'],
    ['ヴ', 'ゔ'],
    ['せんせー', 'せんせい'],
    ['0475-50-1210', '0475 50 1210'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeJapanese(input)).toBe(expected);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const once = normalizeJapanese(text);
        expect(normalizeJapanese(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('folds katakana and half-width katakana to the same form as hiragana', () => {
    const hiragana = fc.constantFrom(
      ...'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをんがぎぐげござじずぜぞだぢづでどばびぶべぼぱぴぷぺぽゃゅょっ',
    );
    fc.assert(
      fc.property(fc.array(hiragana, { minLength: 1, maxLength: 12 }), (chars) => {
        const text = chars.join('');
        const katakana = [...text].map((char) => String.fromCodePoint((char.codePointAt(0) ?? 0) + 0x60)).join('');
        expect(normalizeJapanese(katakana)).toBe(normalizeJapanese(text));
        // NFKD-free half-width form, as old phones send it.
        const halfWidth = katakana.normalize('NFKC');
        expect(normalizeJapanese(halfWidth)).toBe(normalizeJapanese(text));
      }),
    );
  });
});

describe('tokensOf', () => {
  it('makes overlapping bigrams of kana and kanji runs, and keeps Latin words whole', () => {
    expect(tokensOf(normalizeJapanese('住民票 my number 14日'))).toEqual(['住民', '民票', 'my', 'number', '14', '日']);
  });

  it('keeps a single character as its own token', () => {
    expect(tokensOf('犬')).toEqual(['犬']);
  });
});

describe('queryWords', () => {
  it('splits on spaces of any width', () => {
    expect(queryWords('国保　やめる  ')).toEqual(['国保', 'やめる']);
  });
});
