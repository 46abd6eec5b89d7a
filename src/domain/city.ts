import { z } from 'zod';
import './validation.ts';

/** 2026-11-24 style dates, as content authors write them. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日付は 2026-11-24 の形で書いてください。')
  // Date.parse rolls 2026-02-30 over to March 2: the date must come back unchanged.
  .refine((value) => {
    const time = Date.parse(`${value}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
  }, '存在しない日付です。');

/** Japanese landline or mobile numbers with hyphens, as printed for citizens: 0475-50-1210. */
export const phoneNumberSchema = z.string().regex(/^0\d{1,4}-\d{1,4}-\d{3,4}$/, '電話番号は 0475-50-1210 の形で書いてください。');

/**
 * Provenance carried by every fact about Togane. A fact is `verified` only when we can say where it
 * was published and when we last checked it; otherwise the portal shows it with a note and a phone.
 */
export const provenanceSchema = z
  .object({
    verified: z.boolean(),
    source: z.string().min(1).optional(),
    lastVerified: isoDateSchema.optional(),
    note: z.string().min(1).optional(),
  })
  .refine((fact) => !fact.verified || (fact.source !== undefined && fact.lastVerified !== undefined), {
    message: '確認済み（verified: true）の情報には出典（source）と確認日（lastVerified）が必要です。',
  });

export const departmentSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'id は半角英小文字・数字・ハイフンで書いてください。'),
  name: z.string().min(1),
  /** Omitted while the number is unknown: the portal then offers the city hall's main number instead. */
  phone: phoneNumberSchema.optional(),
  /** Where it is, when it is not in the city hall (東金市外三市町環境クリーンセンター). */
  address: z.string().min(1).optional(),
  /** Desks with their own numbers and hours (粗大ごみ受付 …). */
  desks: z.array(z.object({ name: z.string().min(1), phone: phoneNumberSchema, hours: z.string().min(1) })).optional(),
  provenance: provenanceSchema,
});

export const cityContentSchema = z
  .object({
    cityName: z.string().min(1),
    portalName: z.string().min(1),
    cityHall: z.object({
      postalCode: z.string().regex(/^\d{3}-\d{4}$/, '郵便番号は 283-8511 の形で書いてください。'),
      address: z.string().min(1),
      provenance: provenanceSchema,
      /** 代表電話: offered wherever a department's own number is not confirmed. */
      phone: z.object({ number: phoneNumberSchema, provenance: provenanceSchema }),
    }),
    /** Who answers for the portal itself (and for features still 準備中). */
    portalContact: z.object({
      departmentId: z.string(),
    }),
    departments: z.array(departmentSchema).min(1),
  })
  .superRefine((city, context) => {
    const ids = city.departments.map((department) => department.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) {
        context.addIssue({ code: 'custom', path: ['departments', index, 'id'], message: `id「${id}」が重複しています。` });
      }
    });
    const contact = city.departments.find((department) => department.id === city.portalContact.departmentId);
    if (!contact) {
      context.addIssue({
        code: 'custom',
        path: ['portalContact', 'departmentId'],
        message: `departments に「${city.portalContact.departmentId}」がありません。`,
      });
    } else if (!contact.phone) {
      context.addIssue({
        code: 'custom',
        path: ['portalContact', 'departmentId'],
        message: 'ポータルの問い合わせ先には電話番号が必要です。',
      });
    }
  });

export type Provenance = z.infer<typeof provenanceSchema>;
export type Department = z.infer<typeof departmentSchema>;
export type CityContent = z.infer<typeof cityContentSchema>;
