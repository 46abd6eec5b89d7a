/**
 * Who may do what on the staff side. Each account has one role; each staff API route names the
 * area it belongs to, and the server checks the account's role against it on every request.
 */
export const STAFF_ROLES = ['counter', 'facility', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_ROLE_NAMES: Record<StaffRole, string> = {
  counter: '窓口',
  facility: '施設',
  admin: '管理者',
};

/**
 * The areas of work. The administrator manages accounts and reads the audit log but does not work
 * the desks: who checked a citizen in is then always a clerk of that desk (separation of duties).
 */
export type StaffArea = 'counter-desk' | 'counter-schedule' | 'facility-desk' | 'facility-schedule' | 'administration';

const AREA_ROLES: Record<StaffArea, readonly StaffRole[]> = {
  'counter-desk': ['counter'],
  // Reading the counter's closures: the clerk tells a citizen on the phone why a day or an hour is
  // closed, and sees them beside the day's list. Closing and reopening is the administrator's
  // (`administration`), like the desks of a day: both change what every citizen may book.
  'counter-schedule': ['counter', 'admin'],
  'facility-desk': ['facility'],
  // Blocking a room for the city's own use (市の行事, 設備点検) is decided by the facility desk or the administrator.
  'facility-schedule': ['facility', 'admin'],
  administration: ['admin'],
};

export function roleMayWorkIn(role: StaffRole, area: StaffArea): boolean {
  return AREA_ROLES[area].includes(role);
}
