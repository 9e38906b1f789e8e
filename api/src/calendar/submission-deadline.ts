import { type BusinessCalendar, isIsoDate } from './business-calendar';

/*
 * The new-group cutoff lives with the calendar, not with the intake rules that enforce it, so the
 * calendar's deadline route depends on nothing of the submission domain.
 */

/** A NEW_GROUP is accepted up to and including this business day of its effective month. */
export const LATE_CUTOFF_BUSINESS_DAY = 5;

/** The last day the portal accepts a NEW_GROUP for `effectiveDate`: the 5th business day of its month. */
export function submissionDeadline(effectiveDate: string, calendar: BusinessCalendar): string {
  if (!isIsoDate(effectiveDate)) throw new RangeError(`"${effectiveDate}" is not a date in the form YYYY-MM-DD.`);
  const [year, month] = effectiveDate.split('-').map(Number);
  return calendar.nthBusinessDayOfMonth(year, month, LATE_CUTOFF_BUSINESS_DAY);
}
