import { addMonths, type IsoDate } from './japan-time.ts';

/**
 * When a MyNumber card and its e-certificates expire, and from which day renewal can be booked.
 * The rules (brief: services.md): the card runs to the 10th birthday after issue for people 18 or
 * over at issue, to the 5th for younger people; the e-certificates run to the 5th birthday after
 * their issue, or to the card's expiry if that comes first. Renewal opens 3 months before expiry.
 * The date printed on the card always wins over this calculation.
 */
export const RENEWAL_OPENS_MONTHS_BEFORE = 3;

/** The Nth birthday strictly after a date. A 2/29 birthday falls on 2/28 in other years (unverified). */
export function nthBirthdayAfter(birthDate: IsoDate, after: IsoDate, n: number): IsoDate {
  const [, month = '01', day = '01'] = birthDate.split('-');
  const afterYear = Number(after.slice(0, 4));
  const birthdayIn = (year: number): IsoDate => {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const safeDay = month === '02' && day === '29' && !leap ? '28' : day;
    return `${String(year).padStart(4, '0')}-${month}-${safeDay}`;
  };
  const firstYear = birthdayIn(afterYear) > after ? afterYear : afterYear + 1;
  return birthdayIn(firstYear + n - 1);
}

/** Age in whole years on a day. */
export function ageOn(birthDate: IsoDate, date: IsoDate): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

export type ValidityState = 'valid' | 'renewable' | 'expired';

export interface Validity {
  expires: IsoDate;
  renewalOpens: IsoDate;
  state: ValidityState;
}

export function validityOn(expires: IsoDate, today: IsoDate): Validity {
  const renewalOpens = addMonths(expires, -RENEWAL_OPENS_MONTHS_BEFORE);
  const state: ValidityState = today > expires ? 'expired' : today >= renewalOpens ? 'renewable' : 'valid';
  return { expires, renewalOpens, state };
}

export interface CardValidity {
  card: Validity;
  certificate: Validity;
}

/** From the birthday and the day the card (and its first e-certificates) were issued. */
export function validityFromIssue(birthDate: IsoDate, issueDate: IsoDate, today: IsoDate): CardValidity {
  const cardYears = ageOn(birthDate, issueDate) >= 18 ? 10 : 5;
  const cardExpires = nthBirthdayAfter(birthDate, issueDate, cardYears);
  const certificateByBirthday = nthBirthdayAfter(birthDate, issueDate, 5);
  const certificateExpires = certificateByBirthday < cardExpires ? certificateByBirthday : cardExpires;
  return { card: validityOn(cardExpires, today), certificate: validityOn(certificateExpires, today) };
}
