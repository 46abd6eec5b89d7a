import { z } from 'zod';
import { provenanceSchema } from './city.ts';
import './validation.ts';

/**
 * Only government second-level domains: nobody but a public body can register a name under
 * go.jp or lg.jp, so even a mistaken content edit cannot send citizens to a look-alike site.
 */
const OFFICIAL_HOST = /(^|\.)(go|lg)\.jp$/;

export const handoffUrlSchema = z
  .string()
  .refine((value) => URL.canParse(value), 'https:// で始まるアドレスを書いてください。')
  .refine((value) => {
    if (!URL.canParse(value)) return true;
    const url = new URL(value);
    return url.protocol === 'https:' && url.username === '' && url.password === '' && OFFICIAL_HOST.test(url.hostname);
  }, '引き渡し先は https:// の公的機関のアドレス（go.jp・lg.jp）だけにしてください。');

const codeSchema = (digits: number) => z.string().regex(new RegExp(`^\\d{${String(digits)}}$`), `${String(digits)}けたの数字で書いてください。`);

export const paymentsContentSchema = z.object({
  /** 共通納税機関コード → the municipality that issued the slip. */
  issuers: z.array(
    z.object({
      code: codeSchema(5),
      name: z.string().min(1),
      /** The department of city.json that answers questions about these slips. */
      departmentId: z.string(),
      provenance: provenanceSchema,
    }),
  ),
  /** 税目・料金番号 → what the money is for. */
  taxItems: z.array(z.object({ code: codeSchema(3), name: z.string().min(1), provenance: provenanceSchema })),
  /** The official places the portal may send people, each shown with its domain before leaving. */
  handoffs: z.object({
    paymentSite: z.object({ name: z.string().min(1), url: handoffUrlSchema, provenance: provenanceSchema }),
    appList: z.object({ name: z.string().min(1), url: handoffUrlSchema, provenance: provenanceSchema }),
  }),
  apps: z.object({
    accepted: z.array(z.object({ name: z.string().min(1), note: z.string().min(1).optional() })).min(1),
    notAccepted: z.array(z.string().min(1)),
    provenance: provenanceSchema,
  }),
  /** Which public money can be paid with an eL-QR: what exists now and what the city plans. */
  funds: z.array(
    z.object({
      name: z.string().min(1),
      availability: z.enum(['now', 'planned']),
      /** For planned ones: when, in the city's words (「2027年度から」). */
      when: z.string().min(1).optional(),
      provenance: provenanceSchema,
    }),
  ),
  /** 納期: which taxes fall due in which month. */
  calendar: z.object({
    months: z.array(z.object({ month: z.number().int().min(1).max(12), items: z.array(z.string().min(1)).min(1) })),
    provenance: provenanceSchema,
  }),
});

export type PaymentsContent = z.infer<typeof paymentsContentSchema>;
export type Issuer = PaymentsContent['issuers'][number];
