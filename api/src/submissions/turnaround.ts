import { TURNAROUND_TARGET_BUSINESS_DAYS } from '@sbo/shared';
import { type BusinessCalendar, regionToday } from '../calendar/business-calendar';
import type { Submission } from './submission.entity';

/**
 * The turnaround clock: approval within TURNAROUND_TARGET_BUSINESS_DAYS business days of a
 * complete submission (docs/product.md, "Turnaround").
 *
 * - All dates are region-local calendar dates (convert timestamps with `regionToday`).
 * - The clock starts on the day the complete submission arrived; one arriving on a weekend or
 *   holiday is deemed to arrive on the next business day. That day itself is day 0.
 * - Business days spent waiting on the submitter (RETURNED, PENDING_ITEMS) do not count: they
 *   push the due date out and are left out of the age.
 * - A submission is breached (`businessDaysLeft` below 0) once its age exceeds the target, i.e.
 *   on the first business day after its due date (a weekend after a Friday due date is not yet).
 */

/** The day the clock starts for a submission that arrived on `arrivedDate`. */
export function clockStart(arrivedDate: string, calendar: BusinessCalendar): string {
  return calendar.businessDayOnOrAfter(arrivedDate);
}

/** The last business day on which approving the submission still meets the target. */
export function dueDate(completeSubmittedDate: string, calendar: BusinessCalendar, pausedBusinessDays = 0): string {
  return calendar.addBusinessDays(
    clockStart(completeSubmittedDate, calendar),
    TURNAROUND_TARGET_BUSINESS_DAYS + pausedBusinessDays,
  );
}

/** Business days the carrier has held the submission as of `today` (0 on the day it arrived). */
export function ageInBusinessDays(
  submittedDate: string,
  today: string,
  calendar: BusinessCalendar,
  pausedBusinessDays = 0,
): number {
  return Math.max(0, calendar.businessDaysBetween(clockStart(submittedDate, calendar), today) - pausedBusinessDays);
}

/** A stretch spent waiting on the submitter: from the day it was sent back to the day it came back. */
export interface WaitingPeriod {
  from: string;
  /** Null while still waiting: the period runs to `today`. */
  to: string | null;
}

/**
 * Business days paused over `periods`: those after each `from` up to and including its `to`,
 * so the day the submitter answers is still theirs and the carrier's clock resumes the next one.
 */
export function pausedBusinessDays(periods: readonly WaitingPeriod[], today: string, calendar: BusinessCalendar): number {
  return periods.reduce((sum, p) => sum + Math.max(0, calendar.businessDaysBetween(p.from, p.to ?? today)), 0);
}

/** What the turnaround clock needs to know about a submission; dates are region-local. */
export interface TurnaroundClock {
  /** The day the complete submission arrived; null before that. */
  completeSubmittedDate: string | null;
  pausedBusinessDays: number;
  /** The day it was sent back to the submitter; null while the carrier holds it. */
  waitingSince: string | null;
}

/**
 * The clock restarting when the submitter answers (resubmission, items received) or when staff
 * end the wait (referral offline): the days waited join the paused ones and the due date moves out.
 */
export function resumeClock(
  clock: TurnaroundClock,
  today: string,
  calendar: BusinessCalendar,
): { pausedBusinessDays: number; dueDate: string | null; waitingSince: null } {
  const paused =
    clock.pausedBusinessDays + (clock.waitingSince ? pausedBusinessDays([{ from: clock.waitingSince, to: today }], today, calendar) : 0);
  return {
    pausedBusinessDays: paused,
    dueDate: clock.completeSubmittedDate && dueDate(clock.completeSubmittedDate, calendar, paused),
    waitingSince: null,
  };
}

export interface Turnaround {
  dueAt: string | null;
  ageBusinessDays: number | null;
  /** Region business days from today to the due date: 0 due today, negative once past; null once decided. */
  businessDaysLeft: number | null;
}

/**
 * The due date and age staff see on `today` (or on the day it was decided, when the clock
 * stopped): a wait still under way is left out of the age and pushes the due date out.
 */
export function turnaroundOn(
  clock: TurnaroundClock & { decidedDate: string | null },
  today: string,
  calendar: BusinessCalendar,
): Turnaround {
  if (!clock.completeSubmittedDate) return { dueAt: null, ageBusinessDays: null, businessDaysLeft: null };
  const end = clock.decidedDate ?? today;
  const paused =
    clock.pausedBusinessDays + (clock.waitingSince ? pausedBusinessDays([{ from: clock.waitingSince, to: null }], end, calendar) : 0);
  const dueAt = dueDate(clock.completeSubmittedDate, calendar, paused);
  return {
    dueAt,
    ageBusinessDays: ageInBusinessDays(clock.completeSubmittedDate, end, calendar, paused),
    businessDaysLeft: clock.decidedDate ? null : calendar.businessDaysBetween(today, dueAt),
  };
}

/** A submission's clock as stored, in its region's dates: what resumeClock and turnaroundOn take. */
export const clockOf = (
  s: Pick<Submission, 'region' | 'completeSubmittedAt' | 'pausedBusinessDays' | 'waitingSince' | 'decidedAt'>,
): TurnaroundClock & { decidedDate: string | null } => ({
  completeSubmittedDate: s.completeSubmittedAt && regionToday(s.region, s.completeSubmittedAt),
  pausedBusinessDays: s.pausedBusinessDays,
  waitingSince: s.waitingSince,
  decidedDate: s.decidedAt && regionToday(s.region, s.decidedAt),
});
