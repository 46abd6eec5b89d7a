import { z } from 'zod';
import { isoDateSchema, provenanceSchema } from './city.ts';
import { parseTime } from './japan-time.ts';
import './validation.ts';

const timeOfDaySchema = z.string().refine((value) => parseTime(value) !== null, '時刻は 09:00 の形で書いてください。');

/** One reason to come to the MyNumber counter, with what to bring and who may come. */
export const visitKindSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'id は半角英小文字・数字・ハイフンで書いてください。'),
  name: z.string().min(1),
  /** One sentence on who this is for, in the citizen's words. */
  summary: z.string().min(1),
  /** How long the visit takes at the desk, as a guide for the citizen. */
  minutes: z.number().int().min(5).max(120),
  bring: z.array(z.string().min(1)).min(1),
  proxy: z.string().min(1),
  underFifteen: z.string().min(1),
  notes: z.array(z.string().min(1)),
  provenance: provenanceSchema,
});

/**
 * The counter's calendar and rules. Togane has not published its hours, slot length or number of
 * desks, so this content stays `verified: false` until the city confirms it.
 */
export const counterContentSchema = z
  .object({
    counterName: z.string().min(1),
    departmentId: z.string().min(1),
    place: z.string().min(1),
    opens: timeOfDaySchema,
    closes: timeOfDaySchema,
    slotMinutes: z.number().int().min(10).max(120),
    desksPerSlot: z.number().int().min(1).max(20),
    /** Bookings open this many days ahead (today counts as day 0). */
    bookAheadDays: z.number().int().min(1).max(366),
    /** A slot can be booked, changed or cancelled until this many minutes before it starts. */
    closesMinutesBefore: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60),
    /** At most this many people in one booking (a household coming together). */
    maxPeople: z.number().int().min(1).max(10),
    /** E-mail reminders go out the day before the visit at this time, Japan time (after the working day). */
    reminderTime: timeOfDaySchema,
    /**
     * キャンセル待ち: a freed seat is held for the first person waiting this long (never past the
     * slot's own booking cut-off), and at most this many may wait for one slot.
     */
    waitlist: z.object({
      holdMinutes: z
        .number()
        .int()
        .min(15)
        .max(24 * 60),
      maxWaitingPerSlot: z.number().int().min(1).max(50),
      provenance: provenanceSchema,
    }),
    /** Days the counter is closed beyond weekends, public holidays and 12/29–1/3. */
    closures: z.array(z.object({ date: isoDateSchema, reason: z.string().min(1) })),
    provenance: provenanceSchema,
    visitKinds: z.array(visitKindSchema).min(1),
  })
  .superRefine((counter, context) => {
    const opens = parseTime(counter.opens) ?? 0;
    const closes = parseTime(counter.closes) ?? 0;
    if (closes - opens < counter.slotMinutes) {
      context.addIssue({ code: 'custom', path: ['closes'], message: '受付の終わりは、始まりより1枠以上あとにしてください。' });
    }
    const ids = counter.visitKinds.map((kind) => kind.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) {
        context.addIssue({ code: 'custom', path: ['visitKinds', index, 'id'], message: `id「${id}」が重複しています。` });
      }
    });
  });

export type VisitKind = z.infer<typeof visitKindSchema>;
export type CounterContent = z.infer<typeof counterContentSchema>;
