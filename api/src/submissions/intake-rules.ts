import type { DocumentKind, ErrorCode, PaymentMethod, Region, SubmissionProblem, SubmissionType } from '@sbo/shared';
import type { BusinessCalendar } from '../calendar/business-calendar';
import { LATE_CUTOFF_BUSINESS_DAY, submissionDeadline } from '../calendar/submission-deadline';

/**
 * The intake rules of the portal and API channels (docs/product.md, "Intake rules"), as plain functions.
 * Staff entry of offline submissions may bypass them; that decision is the caller's.
 */

const longDate = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'long', day: 'numeric', year: 'numeric' });
const monthAndYear = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'long', year: 'numeric' });
const monthAndDay = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'long', day: 'numeric' });
const asUtc = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

/** The special enrollment period as month-day bounds, both inclusive; it may wrap the year end. */
export interface SepWindow {
  start: string;
  end: string;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function checkMonthDay(value: string, which: string): void {
  const m = /^(\d{2})-(\d{2})$/.exec(value);
  const month = m ? Number(m[1]) : 0;
  const day = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12 || day < 1) {
    throw new RangeError(`The SEP window ${which} "${value}" must be a month and day written MM-DD, e.g. 11-15.`);
  }
  // February 29 is refused: a window bound must exist every year.
  if (day > DAYS_IN_MONTH[month - 1]) {
    throw new RangeError(`The SEP window ${which} "${value}" is not a day that exists every year.`);
  }
}

/** Validates the two bounds of an SEP window (`MM-DD`), throwing a RangeError that says what is wrong. */
export function parseSepWindow(start: string, end: string): SepWindow {
  checkMonthDay(start, 'start');
  checkMonthDay(end, 'end');
  return { start, end };
}

export const DEFAULT_SEP_WINDOW: SepWindow = parseSepWindow('11-15', '12-15');

/** Whether `date` falls inside the window, bounds included; `start` after `end` means it wraps the year end. */
export function isInSepWindow(date: string, window: SepWindow): boolean {
  const monthDay = date.slice(5);
  return window.start <= window.end
    ? monthDay >= window.start && monthDay <= window.end
    : monthDay >= window.start || monthDay <= window.end;
}

/** The next day on or after `date` on which the window opens. */
function nextSepOpening(date: string, window: SepWindow): string {
  const thisYear = `${date.slice(0, 4)}-${window.start}`;
  return thisYear >= date ? thisYear : `${Number(date.slice(0, 4)) + 1}-${window.start}`;
}

export type EligibilityCode = Extract<
  ErrorCode,
  'MULTI_MARKET_OFFLINE' | 'CA_EFT_REQUIRED' | 'SEP_WINDOW_CLOSED' | 'LATE_SUBMISSION'
>;

export interface RuleViolation<C extends string = EligibilityCode> {
  code: C;
  message: string;
}

export interface EligibilityInput {
  type: SubmissionType;
  region: Region;
  paymentMethod: PaymentMethod | null;
  group: { multiMarket: boolean; guaranteedAvailability: boolean };
  /** Null while the partner has not chosen one: the late rule then waits, completeness reports it. */
  requestedEffectiveDate: string | null;
}

export interface EligibilityContext {
  /** Today's date in the submission's region (see `regionToday`). */
  today: string;
  /** The region's calendar, holding the holidays of the effective month's year. */
  calendar: BusinessCalendar;
  sepWindow: SepWindow;
  /** Where offline submissions go, e.g. "the CA enrollment team at ...": contacts are admin data. */
  offlineContact?: string;
}

/**
 * The first intake rule the submission breaks, in the order of docs/product.md, "Intake rules"
 * (offline-only groups first, timing last), or null when the portal may accept it.
 */
export function checkEligibility(input: EligibilityInput, ctx: EligibilityContext): RuleViolation | null {
  const sendOffline = `send it offline to ${ctx.offlineContact ?? 'your regional new-business enrollment team'}`;

  if (input.group.multiMarket) {
    return {
      code: 'MULTI_MARKET_OFFLINE',
      message: `Multi-market groups cannot be submitted through the portal or the API; ${sendOffline}.`,
    };
  }

  if (input.region === 'CA' && input.paymentMethod !== 'EFT') {
    return {
      code: 'CA_EFT_REQUIRED',
      message:
        'California groups must pay by EFT, and a check copy cannot replace it. Choose EFT and attach the signed ' +
        `EFT authorization, or, if the group pays by check, ${sendOffline}.`,
    };
  }

  if (input.group.guaranteedAvailability && !isInSepWindow(ctx.today, ctx.sepWindow)) {
    const { start, end } = ctx.sepWindow;
    const period = `${monthAndDay.format(asUtc(`2001-${start}`))} to ${monthAndDay.format(asUtc(`2001-${end}`))}`;
    const opens = longDate.format(asUtc(nextSepOpening(ctx.today, ctx.sepWindow)));
    return {
      code: 'SEP_WINDOW_CLOSED',
      message:
        'Groups submitted under guaranteed availability (not meeting the usual participation or contribution ' +
        `requirements) are accepted only during the special enrollment period, ${period}. Submit it again when ` +
        `the period opens on ${opens}, or clear the guaranteed-availability flag if the group now meets the requirements.`,
    };
  }

  if (input.type === 'NEW_GROUP' && input.requestedEffectiveDate !== null) {
    const deadline = submissionDeadline(input.requestedEffectiveDate, ctx.calendar);
    if (ctx.today > deadline) {
      const month = monthAndYear.format(asUtc(input.requestedEffectiveDate));
      return {
        code: 'LATE_SUBMISSION',
        message:
          `A new group with an effective date of ${longDate.format(asUtc(input.requestedEffectiveDate))} had to be ` +
          `submitted by ${longDate.format(asUtc(deadline))}, the ${LATE_CUTOFF_BUSINESS_DAY}th business day of ${month}; ` +
          `the portal cannot accept it after that, even with an exception. Choose a later effective date, or ` +
          `${sendOffline} for approval as a late submission.`,
      };
    }
  }

  return null;
}

export const COMPLETENESS_PROBLEM_CODES = [
  'MISSING_GROUP_NAME',
  'MISSING_EMPLOYEE_COUNT',
  'MISSING_EFFECTIVE_DATE',
  'MISSING_PAYMENT_METHOD',
  'MISSING_PLANS',
  'MISSING_CENSUS',
  'CENSUS_ROW_ERRORS',
  'MISSING_SIGNED_APPLICATION',
  'MISSING_EFT_AUTHORIZATION',
] as const;
export type CompletenessProblemCode = (typeof COMPLETENESS_PROBLEM_CODES)[number];

export type CompletenessProblem = SubmissionProblem<CompletenessProblemCode>;

export interface CompletenessInput {
  region: Region;
  paymentMethod: PaymentMethod | null;
  requestedEffectiveDate: string | null;
  group: { name: string | null; employeeCount: number | null };
  plans: readonly unknown[];
  census: { rowCount: number; errorCount: number } | null;
  documents: readonly DocumentKind[];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Everything still missing before the submission is complete, in the order a partner fills the
 * form; empty when complete. A complete submission is what the turnaround target is measured from.
 */
export function completenessProblems(input: CompletenessInput): CompletenessProblem[] {
  const problems: CompletenessProblem[] = [];
  const add = (code: CompletenessProblemCode, field: string, message: string) => problems.push({ code, field, message });

  if (!input.group.name?.trim()) add('MISSING_GROUP_NAME', 'group.name', "Enter the employer group's name.");
  if (input.group.employeeCount == null || input.group.employeeCount < 1) {
    add('MISSING_EMPLOYEE_COUNT', 'group.employeeCount', 'Enter how many employees the group has (at least 1).');
  }
  if (!input.requestedEffectiveDate) {
    add('MISSING_EFFECTIVE_DATE', 'requestedEffectiveDate', 'Choose the requested effective date of coverage.');
  }
  if (!input.paymentMethod) add('MISSING_PAYMENT_METHOD', 'paymentMethod', 'Choose how the group pays: EFT or check copy.');
  if (input.plans.length === 0) add('MISSING_PLANS', 'plans', 'Select at least one plan for the group.');

  if (!input.census || input.census.rowCount === 0) {
    add('MISSING_CENSUS', 'census', 'Upload the member census (employees and dependents) as a CSV or XLSX spreadsheet.');
  } else if (input.census.errorCount > 0) {
    add(
      'CENSUS_ROW_ERRORS',
      'census',
      `The census has ${plural(input.census.errorCount, 'row', 'rows')} with errors; correct them in the spreadsheet and upload it again.`,
    );
  }

  if (!input.documents.includes('SIGNED_APPLICATION')) {
    add('MISSING_SIGNED_APPLICATION', 'documents', "Upload the employer's signed application.");
  }
  // A CA group paying by EFT needs the signed authorization: CA's embedded payment (docs/product.md).
  if (input.region === 'CA' && input.paymentMethod === 'EFT' && !input.documents.includes('EFT_AUTHORIZATION')) {
    add('MISSING_EFT_AUTHORIZATION', 'documents', 'Upload the signed EFT authorization; California groups cannot skip EFT.');
  }

  return problems;
}
