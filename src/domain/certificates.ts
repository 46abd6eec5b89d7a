import { z } from 'zod';
import { provenanceSchema } from './city.ts';
import './validation.ts';

/**
 * コンビニ交付 (certificates from a convenience store's multi-copy machine), the city counter and the
 * post: the content file `src/content/certificates.json` and its schema. Facts about Togane carry
 * provenance; until the city confirms them they follow the national pattern and say so.
 */

export const CERTIFICATE_IDS = ['juminhyo', 'juminhyo-kisai', 'inkan', 'koseki', 'koseki-fuhyo', 'shotoku'] as const;
export type CertificateId = (typeof CERTIFICATE_IDS)[number];

/** The three ways to get a certificate, in the order the comparison shows them. */
export const WAYS = ['machine', 'counter', 'post'] as const;
export type Way = (typeof WAYS)[number];

/**
 * The machine's screens in the order a person meets them. The 手順 page lists them and the practice
 * machine walks through them, so both read the same words from the content file.
 */
export const MACHINE_STEP_IDS = ['menu', 'service', 'card', 'pin', 'certificate', 'options', 'fee', 'printing', 'take'] as const;
export type MachineStepId = (typeof MACHINE_STEP_IDS)[number];

/** Yen, as a whole number; `null` where the certificate cannot be had that way. */
const feeSchema = z.number().int().min(0).max(100_000).nullable();

const certificateSchema = z.object({
  id: z.enum(CERTIFICATE_IDS),
  name: z.string().min(1),
  /** One sentence in everyday words: what it is, what it is often asked for. */
  description: z.string().min(1),
  fees: z.object({ machine: feeSchema, counter: feeSchema, post: feeSchema }),
  /** The choices the machine offers for this certificate (e.g. 世帯全員 or 本人だけ); may be empty. */
  machineChoices: z.array(z.string().min(1)),
  /** Who and what cannot be had at the machine, in the citizen's words. */
  limits: z.array(z.string().min(1)),
  provenance: provenanceSchema,
});

const waySchema = z.object({
  id: z.enum(WAYS),
  name: z.string().min(1),
  where: z.string().min(1),
  hours: z.string().min(1),
  closed: z.string().min(1),
  bring: z.array(z.string().min(1)).min(1),
  payment: z.string().min(1),
  duration: z.string().min(1),
  goodFor: z.string().min(1),
  provenance: provenanceSchema,
});

const machineStepSchema = z.object({
  id: z.enum(MACHINE_STEP_IDS),
  /** What to do, as an instruction: 「『行政サービス』を押します」. */
  title: z.string().min(1),
  /** Why and what to look out for, one or two short sentences. */
  detail: z.string().min(1),
});

const troubleSchema = z.object({
  problem: z.string().min(1),
  answer: z.string().min(1),
});

export const certificatesContentSchema = z
  .object({
    /** Who answers questions about certificates (see `departments` in city.json). */
    departmentId: z.string().min(1),
    certificates: z.array(certificateSchema).min(1),
    ways: z.array(waySchema).length(WAYS.length),
    machine: z.object({
      stores: z.array(z.string().min(1)).min(1),
      androidStores: z.array(z.string().min(1)).min(1),
      iphoneStores: z.array(z.string().min(1)).min(1),
      printingTime: z.string().min(1),
      provenance: provenanceSchema,
    }),
    steps: z.array(machineStepSchema),
    troubles: z.array(troubleSchema).min(1),
  })
  .superRefine((content, context) => {
    const stepIds = content.steps.map((step) => step.id).join(',');
    if (stepIds !== MACHINE_STEP_IDS.join(',')) {
      context.addIssue({
        code: 'custom',
        path: ['steps'],
        message: `手順は ${MACHINE_STEP_IDS.join('、')} の順に、1つずつ書いてください。`,
      });
    }
    if (content.ways.map((way) => way.id).join(',') !== WAYS.join(',')) {
      context.addIssue({ code: 'custom', path: ['ways'], message: `取り方は ${WAYS.join('、')} の順に書いてください。` });
    }
    const ids = content.certificates.map((certificate) => certificate.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) {
        context.addIssue({ code: 'custom', path: ['certificates', index, 'id'], message: `id「${id}」が重複しています。` });
      }
    });
  });

export type CertificatesContent = z.infer<typeof certificatesContentSchema>;
export type Certificate = CertificatesContent['certificates'][number];
export type WayOfGetting = CertificatesContent['ways'][number];
export type MachineStep = CertificatesContent['steps'][number];

/** 「1,360円」: half-width digits with commas, as the writing guide asks. */
export function formatYen(amount: number): string {
  return `${amount.toLocaleString('ja-JP')}円`;
}
