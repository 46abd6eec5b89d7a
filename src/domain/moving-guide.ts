import { z } from 'zod';
import { addDays, isIsoDate, type IsoDate } from './japan-time.ts';

/**
 * 引っ越しガイド: a few answers about a household's move → its own checklist of procedures, in the
 * order they are met (before the move, within 14 days, after), with concrete dates when the day of
 * the move is known. 「わからない」 is always a valid answer: it never drops a procedure that 「はい」
 * would add; it keeps it, marked 「該当する場合」.
 */

export type YesNo = 'yes' | 'no' | 'unknown';
export const DIRECTIONS = ['in', 'out', 'within', 'unknown'] as const;
export type Direction = (typeof DIRECTIONS)[number];
/** 国民健康保険 / 後期高齢者医療 / both in one household / neither (会社の保険など). */
export const INSURANCES = ['kokuho', 'koki', 'both', 'neither', 'unknown'] as const;
export type Insurance = (typeof INSURANCES)[number];
/** 軽自動車 / 原付 (125cc 以下) / both / none. */
export const VEHICLES = ['kei', 'genchari', 'both', 'none', 'unknown'] as const;
export type Vehicle = (typeof VEHICLES)[number];
export const YES_NO = ['yes', 'no', 'unknown'] as const;
export const MAX_MEMBERS = 9;

export interface MovingAnswers {
  direction: Direction;
  /** The day of the move, Japan time; null when not known yet. */
  date: IsoDate | null;
  /** People moving (9 means 9 or more); null when not known. */
  members: number | null;
  schoolChildren: YesNo;
  nurseryChildren: YesNo;
  insurance: Insurance;
  /** Someone with a 介護 certification (要介護・要支援の認定). */
  care: YesNo;
  vehicle: Vehicle;
  dog: YesNo;
}

export const PHASES = ['before', 'within14', 'after'] as const;
export type Phase = (typeof PHASES)[number];

export interface ChecklistItem {
  procedureId: string;
  phase: Phase;
  /** An answer was 「わからない」: the item stays, marked 「該当する場合」. */
  ifApplicable: boolean;
  /** First day it can be done, when that matters and the move's date is known. */
  from: IsoDate | null;
  /** Last day, when there is a deadline and the move's date is known. */
  by: IsoDate | null;
}

type Moving = Exclude<Direction, 'unknown'>;

interface Rule {
  procedureId: string;
  phase: Phase;
  directions: readonly Moving[];
  applies: (answers: MovingAnswers) => YesNo;
  /** Days from the move: the first and the last day. */
  fromDays?: number;
  byDays?: number;
}

const always = (): YesNo => 'yes';
/** Needed only by some (印鑑登録: when you need a 実印): always 「該当する場合」. */
const sometimes = (): YesNo => 'unknown';

function either(...answers: YesNo[]): YesNo {
  if (answers.includes('yes')) return 'yes';
  return answers.includes('unknown') ? 'unknown' : 'no';
}

function both(left: YesNo, right: YesNo): YesNo {
  if (left === 'no' || right === 'no') return 'no';
  return left === 'unknown' || right === 'unknown' ? 'unknown' : 'yes';
}

const hasKokuho = ({ insurance }: MovingAnswers): YesNo =>
  insurance === 'unknown' ? 'unknown' : insurance === 'kokuho' || insurance === 'both' ? 'yes' : 'no';
const hasKoki = ({ insurance }: MovingAnswers): YesNo => (insurance === 'unknown' ? 'unknown' : insurance === 'koki' || insurance === 'both' ? 'yes' : 'no');
const hasKei = ({ vehicle }: MovingAnswers): YesNo => (vehicle === 'unknown' ? 'unknown' : vehicle === 'kei' || vehicle === 'both' ? 'yes' : 'no');
const hasGenchari = ({ vehicle }: MovingAnswers): YesNo => (vehicle === 'unknown' ? 'unknown' : vehicle === 'genchari' || vehicle === 'both' ? 'yes' : 'no');

/** In the order a household meets them; the checklist keeps this order within each phase. */
const RULES: readonly Rule[] = [
  { procedureId: 'tenshutsu', phase: 'before', directions: ['out'], applies: always, fromDays: -14, byDays: 14 },
  { procedureId: 'kokuho-dattai', phase: 'before', directions: ['out'], applies: hasKokuho, byDays: 14 },
  { procedureId: 'koki-futan-kubun-shomei', phase: 'before', directions: ['out'], applies: hasKoki, byDays: 0 },
  { procedureId: 'kaigo-jukyu-shikaku-shomei', phase: 'before', directions: ['out'], applies: (a) => a.care, byDays: 0 },
  { procedureId: 'tenko', phase: 'before', directions: ['out'], applies: (a) => a.schoolChildren, byDays: 0 },
  { procedureId: 'gentsuki-haisha', phase: 'before', directions: ['out'], applies: hasGenchari, byDays: 15 },
  { procedureId: 'hoiku-moshikomi', phase: 'before', directions: ['in', 'within'], applies: (a) => a.nurseryChildren },
  { procedureId: 'tennyu', phase: 'within14', directions: ['in'], applies: always, byDays: 14 },
  { procedureId: 'tenkyo', phase: 'within14', directions: ['within'], applies: always, byDays: 14 },
  { procedureId: 'kokuho-kanyu', phase: 'within14', directions: ['in'], applies: hasKokuho, byDays: 14 },
  { procedureId: 'koki-tennyu', phase: 'within14', directions: ['in'], applies: hasKoki, byDays: 14 },
  { procedureId: 'koki-jusho-henko', phase: 'within14', directions: ['within'], applies: hasKoki, byDays: 14 },
  { procedureId: 'kaigo-tennyu', phase: 'within14', directions: ['in'], applies: (a) => a.care, byDays: 14 },
  {
    procedureId: 'jido-teate-nintei',
    phase: 'within14',
    directions: ['in'],
    applies: (a) => either(a.schoolChildren, a.nurseryChildren),
    byDays: 15,
  },
  { procedureId: 'tenko', phase: 'within14', directions: ['in', 'within'], applies: (a) => a.schoolChildren },
  { procedureId: 'juminhyo', phase: 'after', directions: ['in', 'within'], applies: hasKei },
  { procedureId: 'kei-yonrin-shinkoku', phase: 'after', directions: ['in', 'within', 'out'], applies: hasKei, byDays: 15 },
  { procedureId: 'gentsuki-toroku', phase: 'after', directions: ['in'], applies: hasGenchari, byDays: 15 },
  { procedureId: 'inu-henko', phase: 'after', directions: ['in', 'within'], applies: (a) => a.dog, byDays: 30 },
  { procedureId: 'inkan-toroku', phase: 'after', directions: ['in'], applies: sometimes },
];

/** Every procedure the guide can put on a checklist (the content must have them all). */
export const MOVING_GUIDE_PROCEDURE_IDS: readonly string[] = [...new Set(RULES.map((rule) => rule.procedureId))];

function directionMatch(rule: Rule, direction: Direction): YesNo {
  if (direction === 'unknown') return 'unknown';
  return rule.directions.includes(direction) ? 'yes' : 'no';
}

/** The household's checklist: phases in order, the rule order within each, each procedure once. */
export function movingChecklist(answers: MovingAnswers): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  const seen = new Set<string>();
  for (const phase of PHASES) {
    for (const rule of RULES) {
      if (rule.phase !== phase || seen.has(rule.procedureId)) continue;
      const match = both(directionMatch(rule, answers.direction), rule.applies(answers));
      if (match === 'no') continue;
      seen.add(rule.procedureId);
      items.push({
        procedureId: rule.procedureId,
        phase,
        ifApplicable: match === 'unknown',
        from: answers.date !== null && rule.fromDays !== undefined ? addDays(answers.date, rule.fromDays) : null,
        by: answers.date !== null && rule.byDays !== undefined ? addDays(answers.date, rule.byDays) : null,
      });
    }
  }
  return items;
}

// ---- Sharing: the answers, and only the answers, as a short URL-safe string -----------------------

const DIRECTION_CODES: Record<Direction, string> = { in: 'i', out: 'o', within: 'w', unknown: 'u' };
const YES_NO_CODES: Record<YesNo, string> = { yes: 'y', no: 'n', unknown: 'u' };
const INSURANCE_CODES: Record<Insurance, string> = { kokuho: 'k', koki: 'c', both: 'b', neither: 'n', unknown: 'u' };
const VEHICLE_CODES: Record<Vehicle, string> = { kei: 'k', genchari: 'g', both: 'b', none: 'n', unknown: 'u' };
const ANSWERS_VERSION = '1';

function decodeWith<Value extends string>(codes: Record<Value, string>, code: string | undefined): Value | null {
  const entry = Object.entries(codes).find(([, value]) => value === code);
  return entry ? (entry[0] as Value) : null;
}

/** `1.i.20261201.3.y.n.k.n.g.y`: version, then each answer (u = わからない). */
export function encodeAnswers(answers: MovingAnswers): string {
  return [
    ANSWERS_VERSION,
    DIRECTION_CODES[answers.direction],
    answers.date === null ? 'u' : answers.date.replaceAll('-', ''),
    answers.members === null ? 'u' : String(answers.members),
    YES_NO_CODES[answers.schoolChildren],
    YES_NO_CODES[answers.nurseryChildren],
    INSURANCE_CODES[answers.insurance],
    YES_NO_CODES[answers.care],
    VEHICLE_CODES[answers.vehicle],
    YES_NO_CODES[answers.dog],
  ].join('.');
}

/** The answers of a shared link, or null when the text is not a set of answers this guide wrote. */
export function decodeAnswers(text: string | null | undefined): MovingAnswers | null {
  if (!text || text.length > 64) return null;
  const [version, direction, date, members, school, nursery, insurance, care, vehicle, dog, ...rest] = text.split('.');
  if (version !== ANSWERS_VERSION || rest.length > 0) return null;
  let isoDate: IsoDate | null = null;
  if (date !== 'u') {
    const match = /^(\d{4})(\d{2})(\d{2})$/.exec(date ?? '');
    isoDate = match ? `${match[1] ?? ''}-${match[2] ?? ''}-${match[3] ?? ''}` : '';
    if (!isIsoDate(isoDate)) return null;
  }
  let memberCount: number | null = null;
  if (members !== 'u') {
    if (!/^[1-9]$/.test(members ?? '')) return null;
    memberCount = Number(members);
  }
  const decoded = {
    direction: decodeWith(DIRECTION_CODES, direction),
    schoolChildren: decodeWith(YES_NO_CODES, school),
    nurseryChildren: decodeWith(YES_NO_CODES, nursery),
    insurance: decodeWith(INSURANCE_CODES, insurance),
    care: decodeWith(YES_NO_CODES, care),
    vehicle: decodeWith(VEHICLE_CODES, vehicle),
    dog: decodeWith(YES_NO_CODES, dog),
  };
  if (Object.values(decoded).some((value) => value === null)) return null;
  return { ...(decoded as Omit<MovingAnswers, 'date' | 'members'>), date: isoDate, members: memberCount };
}

// ---- Kept on the device: one versioned record, checked on read --------------------------------------

export const savedChecklistSchema = z.object({
  version: z.literal(1),
  /** encodeAnswers() of the answers. */
  answers: z.string().refine((text) => decodeAnswers(text) !== null),
  /** Procedure ids ticked off. */
  done: z.array(z.string().max(100)).max(100),
});

export type SavedChecklist = z.infer<typeof savedChecklistSchema>;

/** The saved checklist, or null for nothing saved or anything this version cannot read. */
export function parseSavedChecklist(raw: string | null): SavedChecklist | null {
  if (raw === null) return null;
  try {
    const result = savedChecklistSchema.safeParse(JSON.parse(raw));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
