import type { FacilitiesContent, Facility, Room } from '../domain/facilities.ts';
import data from './facilities.json';

/** The facilities for the browser; the build checks facilities.json against facilitiesContentSchema. */
export const facilitiesContent = data as FacilitiesContent;

export function findFacility(id: string | undefined): Facility | undefined {
  return facilitiesContent.facilities.find((facility) => facility.id === id);
}

export function findRoom(facility: Facility | undefined, id: string | undefined): Room | undefined {
  return facility?.rooms.find((room) => room.id === id);
}
