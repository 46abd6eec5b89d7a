/**
 * The procedure catalogue's code lists (those of the national inventory, 行政手続等の棚卸調査, and the
 * city's own) and the facts a procedure's page states. Kept apart from the catalogue's schema
 * (procedures.ts) so the screens that only name a code or a fact do not load zod and build every
 * schema on a phone: the content is checked when the app is built, never in the browser.
 */

/** 手続類型. */
export const PROCEDURE_TYPES = ['申請等', '処分通知等', '縦覧等', '作成・保存等'] as const;

/** オンライン化の実施状況 (1 実施済 / 2 未実施 / 3 適用除外 / 4 その他). */
export const ONLINE_STATUSES = ['実施済', '未実施', '適用除外', 'その他'] as const;

/** 本人確認手法 for the paper route. */
export const IDENTITY_CHECKS = ['押印+印鑑証明', '押印', '署名', '本人確認書類', 'その他', '不要'] as const;

/** 納付方法. */
export const PAYMENT_METHODS = ['窓口', '銀行', '郵便局', 'コンビニ', 'Pay-easy', 'クレジットカード', 'QRコード決済', 'その他'] as const;

/** 添付書類 as the national inventory codes them. */
export const ATTACHMENTS = ['住民票', '戸籍', '印鑑登録証明書', '所得証明書・納税証明書', '登記事項証明書', 'その他', 'なし'] as const;

/** 手続が行われるイベント(個人): the 14 personal life events of the national inventory, in its order. */
export const LIFE_EVENTS = [
  '妊娠',
  '出生・こども',
  '引越し',
  '就職・転職',
  '結婚・離婚',
  '自動車の購入・保有',
  '住宅の購入・保有',
  '介護',
  '医療・健康',
  '税金',
  '年金の受給',
  '死亡・相続',
  'その他イベント(個人)',
  'その他',
] as const;

/**
 * What the procedure is about: the 20 standardised back-office areas (標準化20業務) first, then the
 * everyday areas people look for. Used for browsing and the department-free filter.
 */
export const PROCEDURE_AREAS = [
  '児童手当',
  '子ども・子育て支援',
  '住民基本台帳',
  '戸籍の附票',
  '印鑑登録',
  '選挙人名簿',
  '固定資産税',
  '個人住民税',
  '法人住民税',
  '軽自動車税',
  '戸籍',
  '就学',
  '健康管理',
  '児童扶養手当',
  '生活保護',
  '障害者福祉',
  '介護保険',
  '国民健康保険',
  '後期高齢者医療',
  '国民年金',
  'ごみ・環境',
  '犬・ペット',
  '各種証明書',
  '税の納付',
  '住宅・土地',
  '道路・河川',
  '学校・教育',
  '選挙',
  'マイナンバーカード',
  '交通・移動',
  '防災・安全',
  '文化・スポーツ',
  '事業者',
  'その他',
] as const;

export const APPLICANTS = ['本人', '同一世帯', '代理人'] as const;

export const ONLINE_PROVIDERS = ['ぴったりサービス', 'スマート申請', '市の申請フォーム', '国・県のサイト'] as const;

export type LifeEvent = (typeof LIFE_EVENTS)[number];
export type ProcedureArea = (typeof PROCEDURE_AREAS)[number];

/**
 * The facts a procedure's page states, each of which a source may confirm; the words are the ones
 * the page, the notice and the city's checklist (content:report) use.
 */
export const PROCEDURE_FACTS = {
  summary: '内容・対象となる人',
  department: '担当課',
  channels: '申し込みの方法と窓口',
  hours: '受付時間',
  applicants: '申し込める人',
  deadline: '期限',
  fee: '手数料',
  bring: '持っていくもの',
  processingTime: 'かかる時間',
} as const;

export type ProcedureFact = keyof typeof PROCEDURE_FACTS;
export const PROCEDURE_FACT_KEYS = Object.keys(PROCEDURE_FACTS) as ProcedureFact[];

/** The facts the procedure's page states: 受付時間 and かかる時間 only when the content gives them. */
export function statedFacts(procedure: { hours?: string; processingTime?: object }): ProcedureFact[] {
  return PROCEDURE_FACT_KEYS.filter(
    (fact) => (fact !== 'hours' || procedure.hours !== undefined) && (fact !== 'processingTime' || procedure.processingTime !== undefined),
  );
}

/** The stated facts a source confirms, in PROCEDURE_FACTS order. */
export function confirmedFacts(procedure: {
  hours?: string;
  processingTime?: object;
  sources: readonly { facts: readonly ProcedureFact[] }[];
}): ProcedureFact[] {
  const unconfirmed = unconfirmedFacts(procedure);
  return statedFacts(procedure).filter((fact) => !unconfirmed.includes(fact));
}

/** The stated facts no source confirms, in PROCEDURE_FACTS order. */
export function unconfirmedFacts(procedure: {
  hours?: string;
  processingTime?: object;
  sources: readonly { facts: readonly ProcedureFact[] }[];
}): ProcedureFact[] {
  const confirmed = new Set(procedure.sources.flatMap((source) => source.facts));
  return statedFacts(procedure).filter((fact) => !confirmed.has(fact));
}
