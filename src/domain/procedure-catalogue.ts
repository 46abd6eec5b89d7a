import type { LifeEventGuide, Procedure, ProceduresContent } from './procedures.ts';
import { LIFE_EVENTS, type LifeEvent } from './procedure-codes.ts';

/**
 * The procedure catalogue as the phone receives it, cut at build time from the one content pack
 * (src/content/procedures.json) by scripts/procedure-catalogue-plugin.ts: the lists get a short
 * summary of every procedure, and each procedure's page gets its own details, so no screen waits
 * for all of them.
 */

/** What a list shows of a procedure (a search result's card, a life event's step), and what its filters read. */
export interface ProcedureSummary {
  id: string;
  title: string;
  departmentId: string;
  /** The city takes it online (the procedure has an online route). */
  online: boolean;
  lifeEvents: LifeEvent[];
  /** The first counter's place, for lists that say where to go. */
  counter?: string;
  deadline?: string;
  sample: boolean;
}

/** What only the search reads (it is in the search index), or what the page shows as cards instead (related). */
const NOT_ON_THE_PAGE = ['reading', 'type', 'identityCheck', 'lifeEvents', 'areas', 'keywords', 'related'] as const;

/** A procedure as its page shows it. */
export type ProcedurePageContent = Omit<Procedure, (typeof NOT_ON_THE_PAGE)[number]>;

/** One procedure's page: the procedure and the summaries of its related procedures, for their cards. */
export interface ProcedureDetail {
  procedure: ProcedurePageContent;
  related: ProcedureSummary[];
}

function pageContent(procedure: Procedure): ProcedurePageContent {
  const content: Partial<Procedure> = { ...procedure };
  for (const field of NOT_ON_THE_PAGE) delete content[field];
  return content as ProcedurePageContent;
}

export function summariseProcedure(procedure: Procedure): ProcedureSummary {
  const counter = procedure.channels.find((channel) => channel.kind === 'counter');
  return {
    id: procedure.id,
    title: procedure.title,
    departmentId: procedure.departmentId,
    online: procedure.channels.some((channel) => channel.kind === 'online'),
    lifeEvents: procedure.lifeEvents,
    ...(counter ? { counter: counter.place } : {}),
    ...(procedure.deadline === undefined ? {} : { deadline: procedure.deadline }),
    sample: procedure.sample,
  };
}

/** Every procedure's page, by id; an id merged into another (a redirect) gives the page it now opens. */
export function procedureDetails(content: ProceduresContent): Map<string, ProcedureDetail> {
  const byId = new Map(content.procedures.map((procedure) => [procedure.id, procedure]));
  const details = new Map<string, ProcedureDetail>();
  for (const procedure of content.procedures) {
    const related = procedure.related.map((id) => byId.get(id)).filter((other) => other !== undefined);
    details.set(procedure.id, { procedure: pageContent(procedure), related: related.map(summariseProcedure) });
  }
  for (const redirect of content.redirects) {
    const detail = details.get(redirect.to);
    if (detail) details.set(redirect.from, detail);
  }
  return details;
}

/**
 * Each life event as steps in order: the content's own guide when it has one, otherwise one step with
 * every procedure tagged with the event; an event no procedure has is left out.
 */
export function lifeEventGuides(content: ProceduresContent): Partial<Record<LifeEvent, LifeEventGuide>> {
  const guides: Partial<Record<LifeEvent, LifeEventGuide>> = {};
  for (const event of LIFE_EVENTS) {
    const own = content.lifeEvents.find((candidate) => candidate.event === event);
    const ids = content.procedures.filter((procedure) => procedure.lifeEvents.includes(event)).map((procedure) => procedure.id);
    if (own) guides[event] = own;
    else if (ids.length > 0) guides[event] = { event, lead: 'この出来事にかかわる手続きです。', steps: [{ title: 'この出来事の手続き', procedureIds: ids }] };
  }
  return guides;
}
