import { z } from 'zod';
import { isoDateSchema } from './city.ts';
import {
  APPLICANTS,
  ATTACHMENTS,
  IDENTITY_CHECKS,
  LIFE_EVENTS,
  ONLINE_PROVIDERS,
  ONLINE_STATUSES,
  PAYMENT_METHODS,
  PROCEDURE_AREAS,
  PROCEDURE_FACT_KEYS,
  PROCEDURE_TYPES,
  type ProcedureFact,
  unconfirmedFacts,
} from './procedure-codes.ts';
import './validation.ts';

/**
 * The city's procedure catalogue (手続き), one schema shared by the content check, the CSV import,
 * the search index built at build time and the screens. Field meanings and code lists follow the
 * national inventory (行政手続等の棚卸調査, digital-go-jp/administrative-procedures-mcp
 * `datasets/procedures-survey-r7/dataset.yaml`) so the catalogue can later be joined to national data;
 * the city columns (department, hours, channels, who may apply, reading, keywords …) come on top.
 * The code lists and the facts a page states are in procedure-codes.ts, which the screens read without zod.
 */

const idSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, 'id は半角英小文字・数字・ハイフンで書いてください。');

/** A reading in hiragana (spaces and the long-vowel mark allowed), which the search indexes like the title. */
export const readingSchema = z
  .string()
  .min(1)
  .regex(/^[\u3041-\u3096ー・ \u3000]+$/, 'よみは ひらがな で書いてください。');

/**
 * Online routes go only to https addresses of public bodies or the national/official platforms the
 * city uses; the page shows the domain before anyone leaves.
 */
const OFFICIAL_ONLINE_HOST = /(^|\.)(go\.jp|lg\.jp|city\.togane\.chiba\.jp|myna\.go\.jp|logoform\.jp|graffer\.jp)$/;

export const onlineUrlSchema = z
  .string()
  .refine((value) => URL.canParse(value), 'https:// で始まるアドレスを書いてください。')
  .refine((value) => {
    if (!URL.canParse(value)) return true;
    const url = new URL(value);
    return url.protocol === 'https:' && url.username === '' && url.password === '' && OFFICIAL_ONLINE_HOST.test(url.hostname);
  }, 'オンライン申請の行き先は https:// の公的なアドレスだけにしてください。');

export const channelSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('online'),
    provider: z.enum(ONLINE_PROVIDERS),
    url: onlineUrlSchema,
    /** What to have ready (マイナンバーカード, the app …), in plain words. */
    note: z.string().min(1).optional(),
  }),
  z.object({
    kind: z.literal('counter'),
    /** Where, in words a visitor can follow: 「本庁舎1階 市民課」. */
    place: z.string().min(1),
    note: z.string().min(1).optional(),
  }),
  z.object({ kind: z.literal('post'), note: z.string().min(1).optional() }),
  z.object({ kind: z.literal('konbini'), note: z.string().min(1).optional() }),
]);

/** One page (or document) of the city that confirms some facts of a procedure. */
export const procedureSourceSchema = z.object({
  /** The page's title as it shows it: 「国民健康保険の加入・脱退・変更」. */
  title: z.string().min(1),
  /** Omitted only for a printed document (東金市DX推進計画). */
  url: z.url({ protocol: /^https?$/, error: 'URL は http:// か https:// で始めてください。' }).optional(),
  /** The city site's page number (ページID 216). */
  pageId: z.string().regex(/^\d+$/, 'ページIDは数字で書いてください。').optional(),
  /** When it was read. */
  read: isoDateSchema,
  /** What the source says, in a sentence: what was checked against it. */
  confirms: z.string().min(1),
  /** Which facts of the page it confirms. */
  facts: z.array(z.enum(PROCEDURE_FACT_KEYS as [ProcedureFact, ...ProcedureFact[]])).min(1),
});

export type ProcedureSource = z.infer<typeof procedureSourceSchema>;

export const procedureSchema = z
  .object({
    id: idSchema,
    title: z.string().min(1),
    reading: readingSchema,
    /** One or two plain sentences: what it is and who needs it. */
    summary: z.string().min(1),
    type: z.enum(PROCEDURE_TYPES),
    online: z.object({
      status: z.enum(ONLINE_STATUSES),
      plannedYear: z.number().int().min(2025).max(2040).optional(),
      reason: z.string().min(1).optional(),
    }),
    /** A department id of city.json. */
    departmentId: idSchema,
    /** Only when they differ from the department's hours. */
    hours: z.string().min(1).optional(),
    channels: z.array(channelSchema).min(1),
    applicants: z.array(z.enum(APPLICANTS)).min(1),
    /** 代理人 needs a letter of attorney (委任状). */
    proxyNeedsLetter: z.boolean(),
    identityCheck: z.enum(IDENTITY_CHECKS),
    /** In words: 「引っ越した日から14日以内」; omitted when there is none. */
    deadline: z.string().min(1).optional(),
    fee: z.object({
      required: z.boolean(),
      /** In words: 「1通300円」. */
      amount: z.string().min(1).optional(),
      methods: z.array(z.enum(PAYMENT_METHODS)),
    }),
    processingTime: z.object({ online: z.string().min(1).optional(), offline: z.string().min(1).optional() }).optional(),
    attachments: z.array(z.enum(ATTACHMENTS)),
    /** What to bring to the counter, in plain words. */
    bring: z.array(z.string().min(1)),
    lifeEvents: z.array(z.enum(LIFE_EVENTS)),
    areas: z.array(z.enum(PROCEDURE_AREAS)).min(1),
    related: z.array(idSchema),
    /** Words people use for it (old names, colloquial words); the synonym table adds more. */
    keywords: z.array(z.string().min(1)),
    /** Where the content comes from, in words (for a sample: what it was modelled on). */
    source: z.string().min(1),
    /** The pages that confirm facts of this procedure; empty while none does. */
    sources: z.array(procedureSourceSchema),
    lastVerified: isoDateSchema,
    /** True only when the sources confirm every fact the page states (see unconfirmedFacts). */
    verified: z.boolean(),
    /** Plausible content written to show the shape of the catalogue; the page says so. */
    sample: z.boolean(),
  })
  .refine((procedure) => !(procedure.verified && procedure.sample), {
    message: '見本（sample: true）の手続きを確認済み（verified: true）にはできません。',
    path: ['verified'],
  })
  .refine((procedure) => !procedure.verified || procedure.sources.length > 0, {
    message: '確認済み（verified: true）の手続きには出典（sources）が必要です。',
    path: ['sources'],
  })
  .refine((procedure) => !procedure.verified || unconfirmedFacts(procedure).length === 0, {
    message: '確認済み（verified: true）にできるのは、出典がすべての項目を確かめた手続きだけです。',
    path: ['verified'],
  })
  .refine((procedure) => !procedure.sample || procedure.sources.length === 0, {
    message: '出典のある手続きは見本（sample: true）にはできません。',
    path: ['sample'],
  })
  .refine((procedure) => procedure.sources.every((source) => source.read <= procedure.lastVerified), {
    message: '最終確認日（lastVerified）は、出典を読んだ日より前にはできません。',
    path: ['lastVerified'],
  })
  .refine((procedure) => !procedure.fee.required || procedure.fee.amount !== undefined, {
    message: '手数料がある手続きには金額（fee.amount）を書いてください。',
    path: ['fee', 'amount'],
  })
  .refine((procedure) => (procedure.online.status === '実施済') === procedure.channels.some((channel) => channel.kind === 'online'), {
    message: 'オンライン化が「実施済」の手続きにはオンラインの窓口（kind: online）が必要で、それ以外には書けません。',
    path: ['channels'],
  });

export type Procedure = z.infer<typeof procedureSchema>;

export type ProcedureChannel = z.infer<typeof channelSchema>;

/** One life event as a household meets it: steps in order, each a list of procedures. */
export const lifeEventGuideSchema = z.object({
  event: z.enum(LIFE_EVENTS),
  /** One sentence for the list of events. */
  lead: z.string().min(1),
  steps: z
    .array(
      z.object({
        /** 「届け出から14日以内」「1か月以内」… */
        title: z.string().min(1),
        procedureIds: z.array(idSchema).min(1),
      }),
    )
    .min(1),
});

export type LifeEventGuide = z.infer<typeof lifeEventGuideSchema>;

export const proceduresContentSchema = z
  .object({
    procedures: z.array(procedureSchema).min(1),
    lifeEvents: z.array(lifeEventGuideSchema),
    /** Ids that were merged into another procedure: old links and saved checklists open the new one. */
    redirects: z.array(z.object({ from: idSchema, to: idSchema })),
  })
  .superRefine((pack, context) => {
    const ids = new Set<string>();
    pack.procedures.forEach((procedure, index) => {
      if (ids.has(procedure.id)) {
        context.addIssue({ code: 'custom', path: ['procedures', index, 'id'], message: `id「${procedure.id}」が重複しています。` });
      }
      ids.add(procedure.id);
    });
    pack.procedures.forEach((procedure, index) => {
      procedure.related.forEach((relatedId, relatedIndex) => {
        if (!ids.has(relatedId)) {
          context.addIssue({
            code: 'custom',
            path: ['procedures', index, 'related', relatedIndex],
            message: `関連する手続き「${relatedId}」がありません。`,
          });
        }
      });
    });
    const moved = new Set<string>();
    pack.redirects.forEach((redirect, index) => {
      if (ids.has(redirect.from) || moved.has(redirect.from)) {
        context.addIssue({
          code: 'custom',
          path: ['redirects', index, 'from'],
          message: `「${redirect.from}」は手続きの id か、ほかの転送先と重なっています。`,
        });
      }
      moved.add(redirect.from);
      if (!ids.has(redirect.to))
        context.addIssue({ code: 'custom', path: ['redirects', index, 'to'], message: `転送先の手続き「${redirect.to}」がありません。` });
    });
    const events = new Set<string>();
    pack.lifeEvents.forEach((guide, guideIndex) => {
      if (events.has(guide.event)) {
        context.addIssue({ code: 'custom', path: ['lifeEvents', guideIndex, 'event'], message: `「${guide.event}」が重複しています。` });
      }
      events.add(guide.event);
      guide.steps.forEach((step, stepIndex) =>
        step.procedureIds.forEach((procedureId, idIndex) => {
          if (!ids.has(procedureId)) {
            context.addIssue({
              code: 'custom',
              path: ['lifeEvents', guideIndex, 'steps', stepIndex, 'procedureIds', idIndex],
              message: `手続き「${procedureId}」がありません。`,
            });
          }
        }),
      );
    });
  });

export type ProceduresContent = z.infer<typeof proceduresContentSchema>;

/**
 * Synonym groups: every word in a group finds what any other word finds (引っ越し ⇔ 転入 ⇔ 転出 …).
 * Kept as content so staff can add the words citizens actually type.
 */
export const synonymsContentSchema = z
  .object({
    groups: z.array(z.array(z.string().min(1)).min(2, '同じ意味のことばは2つ以上書いてください。')).min(1),
  })
  .superRefine((content, context) => {
    // A word in two groups would silently join them; staff merge them instead.
    const seen = new Map<string, number>();
    content.groups.forEach((group, groupIndex) =>
      group.forEach((word, wordIndex) => {
        const first = seen.get(word);
        if (first !== undefined && first !== groupIndex) {
          context.addIssue({
            code: 'custom',
            path: ['groups', groupIndex, wordIndex],
            message: `「${word}」は ${String(first + 1)}番目のグループにもあります。1つのグループにまとめてください。`,
          });
        } else seen.set(word, groupIndex);
      }),
    );
  });

export type SynonymsContent = z.infer<typeof synonymsContentSchema>;
