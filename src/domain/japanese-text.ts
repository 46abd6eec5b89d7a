/**
 * Japanese text folding and tokenising for the procedure search. Queries and documents go through
 * exactly the same steps, so whatever a citizen types on any phone meets the content in one form:
 *
 *   ｼﾞｭｰﾐﾝﾋｮｳ → ジューミンヒョウ (NFKC) → じゅーみんひょう (hiragana) → じゅうみんひょう (long vowel)
 *   → じゆうみんひよう (small kana)
 *
 * Tokens are overlapping character bigrams of kana/kanji runs (no dictionary needed, and partial words
 * typed so far still match) and whole words of Latin letters and digits.
 */

const KATAKANA_START = 0x30a1; // ァ
const KATAKANA_END = 0x30f6; // ヶ
const KATAKANA_TO_HIRAGANA = 0x60;

/** Small kana and their full-size forms: people type ゆ for ゅ and old phones lack some small kana. */
const SMALL_TO_LARGE: Record<string, string> = {
  ぁ: 'あ',
  ぃ: 'い',
  ぅ: 'う',
  ぇ: 'え',
  ぉ: 'お',
  っ: 'つ',
  ゃ: 'や',
  ゅ: 'ゆ',
  ょ: 'よ',
  ゎ: 'わ',
  ゕ: 'か',
  ゖ: 'け',
};

/**
 * The vowel each kana ends in, written the way a long vowel is spelt in hiragana: お-row lengthens
 * with う (ひょう) and え-row with い (せんせい), as school orthography and the content's readings do.
 */
const LONG_VOWEL_BY_ROW: [string, string][] = [
  ['あかさたなはまやらわがざだばぱぁゃゎ', 'あ'],
  ['いきしちにひみりぎじぢびぴぃ', 'い'],
  ['うくすつぬふむゆるぐずづぶぷぅゅっゔ', 'う'],
  ['えけせてねへめれげぜでべぺぇ', 'い'],
  ['おこそとのほもよろをごぞどぼぽぉょ', 'う'],
];
const LONG_VOWEL = new Map<string, string>(LONG_VOWEL_BY_ROW.flatMap(([row, vowel]) => [...row].map((kana) => [kana, vowel] as [string, string])));

/** Dashes that stand for a long vowel after kana (ー, and the look-alikes NFKC leaves alone). */
const LONG_VOWEL_MARKS = /[ー―‐－-]/u;

function isKana(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code >= 0x3041 && code <= 0x3096;
}

function isKanji(char: string): boolean {
  return /[\p{Script=Han}々〆]/u.test(char);
}

function isLatinOrDigit(char: string): boolean {
  return /[a-z0-9]/.test(char);
}

/** Folds text for matching: width, case, katakana, long vowels, small kana and spaces. */
export function normalizeJapanese(text: string): string {
  const nfkc = text.normalize('NFKC').toLowerCase();
  let folded = '';
  for (const char of nfkc) {
    const code = char.codePointAt(0) ?? 0;
    const hiragana = code >= KATAKANA_START && code <= KATAKANA_END ? String.fromCodePoint(code - KATAKANA_TO_HIRAGANA) : char;
    if (LONG_VOWEL_MARKS.test(hiragana)) {
      const previous = folded.at(-1) ?? '';
      const vowel = LONG_VOWEL.get(previous);
      folded += vowel ?? (isKana(previous) || isKanji(previous) ? '' : ' ');
      continue;
    }
    folded += hiragana;
  }
  let result = '';
  for (const char of folded) {
    const large = SMALL_TO_LARGE[char] ?? char;
    result += isKana(large) || isKanji(large) || isLatinOrDigit(large) ? large : ' ';
  }
  return result.replace(/ +/g, ' ').trim();
}

/** Splits normalised text into the runs that tokens are made from: kana/kanji runs and Latin/digit words. */
function runs(normalized: string): string[] {
  return normalized.match(/[\u3041-\u3096\p{Script=Han}々〆]+|[a-z0-9]+/gu) ?? [];
}

/**
 * Tokens of normalised text: overlapping bigrams of each kana/kanji run (a run of one character is
 * its own token) and each Latin/digit word whole.
 */
export function tokensOf(normalized: string): string[] {
  const tokens: string[] = [];
  for (const run of runs(normalized)) {
    const chars = [...run];
    if (isLatinOrDigit(chars[0] ?? '') || chars.length === 1) {
      tokens.push(run);
      continue;
    }
    for (let index = 0; index + 1 < chars.length; index += 1) tokens.push(`${chars[index] ?? ''}${chars[index + 1] ?? ''}`);
  }
  return tokens;
}

/** The words of a query: what the citizen separated with spaces of any width. */
export function queryWords(query: string): string[] {
  return normalizeJapanese(query)
    .split(' ')
    .filter((word) => word !== '');
}
