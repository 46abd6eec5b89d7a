/**
 * What citizens type, and the procedure each must find among the first three results. Written from
 * how people look for procedures (brief: words they know, old names, colloquial words, kana typed
 * before conversion, half-width ｶﾀｶﾅ from older phones, one character while typing), not from any
 * particular engine. The search engine's tests run every query; the content test checks that the
 * catalogue holds the words an engine needs (title, reading, keywords or the synonym table).
 */
export type AcceptanceKind = 'kanji' | 'reading' | 'halfwidth-katakana' | 'old-name' | 'colloquial' | 'two-words' | 'synonym' | 'prefix';

export interface AcceptanceQuery {
  query: string;
  /** A procedure id that must be in the top 3. */
  expected: string;
  kind: AcceptanceKind;
}

export const ACCEPTANCE_QUERIES: readonly AcceptanceQuery[] = [
  // kanji: the official word
  { query: '転入届', expected: 'tennyu', kind: 'kanji' },
  { query: '印鑑登録', expected: 'inkan-toroku', kind: 'kanji' },
  { query: '死亡届', expected: 'shibo-todoke', kind: 'kanji' },
  { query: '婚姻届', expected: 'konin-todoke', kind: 'kanji' },
  { query: '児童扶養手当', expected: 'jido-fuyo-nintei', kind: 'kanji' },
  { query: '期日前投票', expected: 'kijitsumae-tohyo', kind: 'kanji' },
  { query: '就学援助', expected: 'shugaku-enjo', kind: 'kanji' },
  { query: '狂犬病', expected: 'kyokenbyo', kind: 'kanji' },
  { query: '罹災証明書', expected: 'risai-shomei', kind: 'kanji' },
  { query: '名寄帳', expected: 'kotei-nayose', kind: 'kanji' },
  // reading: kana typed before conversion
  { query: 'ひっこし', expected: 'tennyu', kind: 'reading' },
  { query: 'じゅうみんひょう', expected: 'juminhyo', kind: 'reading' },
  { query: 'いんかんしょうめい', expected: 'inkan-shomei', kind: 'reading' },
  { query: 'こせきとうほん', expected: 'koseki-zenbu', kind: 'reading' },
  { query: 'そだいごみ', expected: 'sodai-gomi', kind: 'reading' },
  { query: 'ぼしてちょう', expected: 'ninshin-todoke', kind: 'reading' },
  { query: 'かいごにんてい', expected: 'kaigo-nintei', kind: 'reading' },
  { query: 'がくどう', expected: 'gakudo', kind: 'reading' },
  // half-width katakana from older phones
  { query: 'ｼﾞｭｳﾐﾝﾋｮｳ', expected: 'juminhyo', kind: 'halfwidth-katakana' },
  { query: 'ｿﾀﾞｲｺﾞﾐ', expected: 'sodai-gomi', kind: 'halfwidth-katakana' },
  { query: 'ｲﾝｶﾝﾄｳﾛｸ', expected: 'inkan-toroku', kind: 'halfwidth-katakana' },
  { query: 'ﾏｲﾅﾝﾊﾞｰｶｰﾄﾞ ｳｹﾄﾘ', expected: 'myna-uketori', kind: 'halfwidth-katakana' },
  { query: 'ﾃﾞﾏﾝﾄﾞﾀｸｼｰ', expected: 'demand-taxi-toroku', kind: 'halfwidth-katakana' },
  // old names
  { query: '子ども手当', expected: 'jido-teate-nintei', kind: 'old-name' },
  { query: '戸籍謄本', expected: 'koseki-zenbu', kind: 'old-name' },
  { query: '戸籍抄本', expected: 'koseki-kojin', kind: 'old-name' },
  { query: '母子手当', expected: 'jido-fuyo-nintei', kind: 'old-name' },
  { query: '成人式', expected: 'hatachi-tsudoi', kind: 'old-name' },
  { query: '原戸籍', expected: 'koseki-joseki', kind: 'old-name' },
  { query: '年金手帳', expected: 'nenkin-bango', kind: 'old-name' },
  // colloquial: what happened, in everyday words
  { query: '赤ちゃんが生まれた', expected: 'shussei-todoke', kind: 'colloquial' },
  { query: '家族が亡くなった', expected: 'shibo-todoke', kind: 'colloquial' },
  { query: '免許返納', expected: 'menkyo-henno', kind: 'colloquial' },
  { query: '墓じまい', expected: 'kaiso', kind: 'colloquial' },
  { query: '暗証番号 忘れた', expected: 'myna-pin', kind: 'colloquial' },
  { query: 'テレビ 捨てる', expected: 'kaden-recycle', kind: 'colloquial' },
  { query: '保険証 なくした', expected: 'kokuho-shikaku-kakunin', kind: 'colloquial' },
  // two words: the second narrows
  { query: '国保 やめる', expected: 'kokuho-dattai', kind: 'two-words' },
  { query: 'ごみ 大きい', expected: 'sodai-gomi', kind: 'two-words' },
  { query: '住民票 郵送', expected: 'juminhyo-yubin', kind: 'two-words' },
  { query: '犬 引っ越し', expected: 'inu-henko', kind: 'two-words' },
  { query: '原付 廃車', expected: 'gentsuki-haisha', kind: 'two-words' },
  { query: '保育園 申し込み', expected: 'hoiku-moshikomi', kind: 'two-words' },
  { query: '税金 払えない', expected: 'shizei-nofu-sodan', kind: 'two-words' },
  { query: '家賃 払えない', expected: 'jukyo-kakuho', kind: 'two-words' },
  // synonyms: found only through the synonym table or a keyword staff added
  { query: '印鑑証明', expected: 'inkan-shomei', kind: 'synonym' },
  { query: '大型ごみ', expected: 'sodai-gomi', kind: 'synonym' },
  { query: 'マイナ', expected: 'myna-shinsei', kind: 'synonym' },
  { query: '後期高齢', expected: 'koki-kanyu', kind: 'synonym' },
  { query: '入籍', expected: 'konin-todoke', kind: 'synonym' },
  { query: '出産届', expected: 'shussei-todoke', kind: 'synonym' },
  { query: '乗合タクシー', expected: 'demand-taxi-toroku', kind: 'synonym' },
  { query: 'お墓の引っ越し', expected: 'kaiso', kind: 'synonym' },
  // prefix: one character or a word cut short while typing
  { query: '犬', expected: 'inu-toroku', kind: 'prefix' },
  { query: '住', expected: 'juminhyo', kind: 'prefix' },
  { query: 'じゅうみ', expected: 'juminhyo', kind: 'prefix' },
  { query: 'ふるさと', expected: 'furusato-nozei', kind: 'prefix' },
  { query: 'ﾏｲﾅﾝﾊﾞｰｶ', expected: 'myna-shinsei', kind: 'prefix' },
];

/** Queries the catalogue has no answer for: the page must say so kindly, with the city's phone and the life events. */
export const NO_ANSWER_QUERIES: readonly string[] = ['宇宙旅行', 'ぴざ', '株価', '競馬'];
