import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, searchProcedures, type SearchDocument } from './procedure-search.ts';

const documents: SearchDocument[] = [
  { id: 'tennyu', title: '転入届', reading: 'てんにゅうとどけ', keywords: ['引越し'], summary: '市外から東金市に引っ越してきたときの届け出です。', inLinks: 0 },
  { id: 'tenshutsu', title: '転出届', reading: 'てんしゅつとどけ', keywords: ['引越し'], summary: '東金市から市外へ引っ越すときの届け出です。', inLinks: 0 },
  {
    id: 'juminhyo',
    title: '住民票の写しの交付',
    reading: 'じゅうみんひょうのうつしのこうふ',
    keywords: ['証明書'],
    summary: '住民票の写しを窓口や郵便で請求できます。',
    inLinks: 0,
  },
  {
    id: 'inkan',
    title: '印鑑登録証明書の交付',
    reading: 'いんかんとうろくしょうめいしょのこうふ',
    keywords: ['証明書'],
    summary: '登録した印鑑の証明書です。',
    inLinks: 0,
  },
  {
    id: 'kokuho-out',
    title: '国民健康保険の資格喪失届',
    reading: 'こくみんけんこうほけんのしかくそうしつとどけ',
    keywords: ['やめる', '脱退'],
    summary: '会社の健康保険に入ったときの届け出です。',
    inLinks: 0,
  },
  { id: 'inu', title: '犬の登録', reading: 'いぬのとうろく', keywords: ['狂犬病'], summary: '犬を飼い始めたら登録します。', inLinks: 0 },
  { id: 'my', title: 'マイナンバーカードの交付', reading: 'まいなんばあかあどのこうふ', keywords: [], summary: 'カードを受け取ります。', inLinks: 0 },
];
const synonyms = {
  groups: [
    ['国保', '国民健康保険'],
    ['引っ越し', '引越し', 'ひっこし', '転入', '転出'],
    ['印鑑証明', '印鑑登録証明書'],
  ],
};
const index = buildSearchIndex(documents, synonyms);
const ids = (query: string) => searchProcedures(index, query).map((hit) => hit.id);

describe('searchProcedures', () => {
  it('finds by kanji, reading, half-width katakana and partial input', () => {
    expect(ids('転入')[0]).toBe('tennyu');
    expect(ids('じゅうみんひょう')[0]).toBe('juminhyo');
    expect(ids('ｼﾞｭｳﾐﾝﾋｮｳ')[0]).toBe('juminhyo');
    expect(ids('ジューミンヒョー')[0]).toBe('juminhyo');
    expect(ids('いんかんとう')[0]).toBe('inkan');
  });

  it('expands synonyms, also while the synonym is being typed', () => {
    expect(ids('印鑑証明')[0]).toBe('inkan');
    expect(ids('ひっこし')).toEqual(expect.arrayContaining(['tennyu', 'tenshutsu']));
    expect(ids('ひっこ')).toEqual(expect.arrayContaining(['tennyu', 'tenshutsu']));
    expect(ids('国保やめる')[0]).toBe('kokuho-out');
  });

  it('narrows with every extra word', () => {
    expect(ids('国保 やめる')).toEqual(['kokuho-out']);
    expect(ids('証明書')).toEqual(expect.arrayContaining(['juminhyo', 'inkan']));
    expect(ids('証明書 印鑑')[0]).toBe('inkan');
    expect(ids('証明書 印鑑')).not.toContain('juminhyo');
  });

  it('matches one character by prefix', () => {
    expect(ids('犬')[0]).toBe('inu');
    expect(ids('ま')).toContain('my');
  });

  it('finds the word in a sentence, and finds nothing for unrelated words', () => {
    expect(ids('住民票を取りたい')[0]).toBe('juminhyo');
    expect(ids('宇宙旅行')).toEqual([]);
    expect(ids('ぴざ')).toEqual([]);
    expect(ids('   ')).toEqual([]);
  });

  it('ranks a title or reading hit above a summary hit', () => {
    const pair = buildSearchIndex(
      [
        {
          id: 'in-summary',
          title: '児童手当の認定請求',
          reading: 'じどうてあてのにんていせいきゅう',
          keywords: [],
          summary: '出生届の後に出します。',
          inLinks: 0,
        },
        { id: 'in-title', title: '出生届', reading: 'しゅっしょうとどけ', keywords: [], summary: '子どもが生まれたら出します。', inLinks: 0 },
      ],
      { groups: [['a', 'b']] },
    );
    expect(searchProcedures(pair, '出生届').map((hit) => hit.id)).toEqual(['in-title', 'in-summary']);
    expect(searchProcedures(pair, 'しゅっしょう').map((hit) => hit.id)).toEqual(['in-title']);
  });

  it('survives a round trip through JSON, as the build ships it', () => {
    const shipped = JSON.parse(JSON.stringify(index)) as typeof index;
    expect(searchProcedures(shipped, '国保 やめる')).toEqual(searchProcedures(index, '国保 やめる'));
  });

  it('never throws and only returns known ids, best first, for any input', () => {
    const known = new Set(documents.map((document) => document.id));
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (query) => {
        const hits = searchProcedures(index, query);
        for (const hit of hits) expect(known.has(hit.id)).toBe(true);
        for (let at = 1; at < hits.length; at += 1) expect(hits[at - 1]!.score).toBeGreaterThanOrEqual(hits[at]!.score);
      }),
      { numRuns: 1000 },
    );
  });

  it('a document found by a query is still found when words are added that it contains', () => {
    fc.assert(
      fc.property(fc.constantFrom(...documents), fc.integer({ min: 0, max: 3 }), (document, start) => {
        const word = [...document.title].slice(start, start + 2).join('');
        fc.pre(word.length > 0);
        expect(ids(word)).toContain(document.id);
        expect(ids(`${word} ${document.title}`)).toContain(document.id);
      }),
    );
  });
});
