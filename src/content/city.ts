import type { CityContent, Department } from '../domain/city.ts';
import data from './city.json';

/**
 * The city's facts for the browser. The build checks `city.json` against `cityContentSchema`
 * (see `scripts/content-plugin.ts`), so the cast here is safe and keeps zod out of the home bundle.
 */
export const city = data as CityContent;

export function findDepartment(id: string): Department | undefined {
  return city.departments.find((department) => department.id === id);
}

/** The department that answers for the portal; the content check guarantees it exists with a phone. */
export const portalContact = findDepartment(city.portalContact.departmentId) as Department & { phone: string };

/** The city hall's main number (代表電話), offered wherever a department's own number is not confirmed. */
export const mainPhone = city.cityHall.phone.number;
