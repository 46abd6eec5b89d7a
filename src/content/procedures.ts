import type { Department } from '../domain/city.ts';
import type { LifeEvent, LifeEventGuide, Procedure, ProceduresContent, SynonymsContent } from '../domain/procedures.ts';
import { findDepartment } from './city.ts';
import data from './procedures.json';
import synonymsData from './synonyms.json';

/**
 * The procedure catalogue and the synonym table for the browser. The build checks both files
 * against their schemas and checks every procedure's department against city.json (see
 * `scripts/content-plugin.ts`), so the casts are safe and keep zod out of the bundle.
 */
export const proceduresContent = data as ProceduresContent;
export const procedures: readonly Procedure[] = proceduresContent.procedures;
export const synonyms: SynonymsContent = synonymsData;

const byId = new Map(procedures.map((procedure) => [procedure.id, procedure]));

export function findProcedure(id: string): Procedure | undefined {
  return byId.get(id);
}

/** The department that answers for a procedure; the content check guarantees it exists. */
export function departmentOf(procedure: Procedure): Department {
  return findDepartment(procedure.departmentId) as Department;
}

export function lifeEventGuide(event: LifeEvent): LifeEventGuide | undefined {
  return proceduresContent.lifeEvents.find((guide) => guide.event === event);
}
