import type { Direction, Insurance, Phase, Vehicle, YesNo } from '../../domain/moving-guide.ts';

/** The questions of 引っ越しガイド and the words of their answers; 「わからない」 is always one of them. */
export const DIRECTION_WORDS: Record<Direction, string> = {
  in: 'ほかの市区町村から東金市へ',
  out: '東金市からほかの市区町村へ',
  within: '東金市の中で',
  unknown: 'わからない',
};

export const YES_NO_WORDS: Record<YesNo, string> = { yes: 'はい', no: 'いいえ', unknown: 'わからない' };

export const INSURANCE_WORDS: Record<Insurance, string> = {
  kokuho: '国民健康保険（国保）',
  koki: '後期高齢者医療（75歳以上の人など）',
  both: '両方の人がいる',
  neither: 'どちらでもない（会社の健康保険など）',
  unknown: 'わからない',
};

export const VEHICLE_WORDS: Record<Vehicle, string> = {
  kei: '軽自動車',
  genchari: '原付バイク（125cc以下）',
  both: '両方',
  none: 'どちらも持っていない',
  unknown: 'わからない',
};

export const PHASE_WORDS: Record<Phase, string> = {
  before: '引っ越す前に',
  within14: '引っ越してから14日以内に',
  after: '落ち着いたら（引っ越してから1か月ほどのうちに）',
};
