import Holidays from 'date-holidays';
import type { Region } from '@sbo/shared';
import { REGION_TIME_ZONES } from './region-time-zones';

/**
 * Business-day arithmetic on ISO `YYYY-MM-DD` strings.
 *
 * Dates are handled as whole days counted from 1970-01-01 in UTC, so no local
 * timezone or daylight-saving change can shift a day.
 */

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2027-02-30). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function toDayNumber(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`"${date}" is not a date in the form YYYY-MM-DD.`);
  return Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;
}

function fromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday ... 6 = Saturday. */
const weekdayOf = (day: number) => (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday

/**
 * The days of the week that are never business days, as ISO weekdays (1 = Monday ... 7 = Sunday,
 * PostgreSQL's `isodow`): the one definition, which the calendar_day table is built from too
 * (see the calendar-rules-from-ts migration).
 */
export const WEEKEND_ISO_WEEKDAYS: readonly number[] = [6, 7];

const isWeekend = (day: number) => WEEKEND_ISO_WEEKDAYS.includes(weekdayOf(day) || 7);

/** The date `n` calendar days after `date` (n may be negative). */
export function addDays(date: string, n: number): string {
  return fromDayNumber(toDayNumber(date) + n);
}

export interface HolidayEntry {
  date: string;
  name: string;
}

/** The eleven US federal holidays (5 U.S.C. 6103), as date-holidays names them in US English. */
const FEDERAL_HOLIDAY_NAMES = new Set([
  "New Year's Day",
  'Martin Luther King Jr. Day',
  "Washington's Birthday",
  'Memorial Day',
  'Juneteenth',
  'Independence Day',
  'Labor Day',
  'Columbus Day',
  'Veterans Day',
  'Thanksgiving Day',
  'Christmas Day',
]);

const usHolidays = new Holidays('US', { languages: ['en-us'], types: ['public'] }); // plain 'en' says "Labour Day"

/**
 * A federal holiday falling on a Saturday is observed the Friday before, one on a Sunday the
 * Monday after. date-holidays reports these substitutes inconsistently (Veterans Day's is typed
 * `bank`), so the shift is applied here to the actual dates it computes.
 */
function observedDay(day: number): number {
  const w = weekdayOf(day);
  if (w === 6) return day - 1;
  if (w === 0) return day + 1;
  return day;
}

/**
 * US federal public holidays on their OBSERVED dates falling in `year`, in date order.
 * New Year's Day of `year + 1` falling on a Saturday is observed on December 31 of `year`,
 * so it belongs to `year`'s list (2028-01-01 → 2027-12-31); likewise it is absent from
 * `year + 1`'s.
 */
export function defaultHolidays(year: number): HolidayEntry[] {
  const entries: HolidayEntry[] = [];
  for (const y of [year, year + 1]) {
    for (const h of usHolidays.getHolidays(y)) {
      if (h.substitute || h.type !== 'public' || !FEDERAL_HOLIDAY_NAMES.has(h.name)) continue;
      const actual = toDayNumber(h.date.slice(0, 10));
      const observed = fromDayNumber(observedDay(actual));
      if (observed.startsWith(`${year}-`)) {
        entries.push({ date: observed, name: observed === fromDayNumber(actual) ? h.name : `${h.name} (observed)` });
      }
    }
  }
  return entries.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Business days: Monday to Friday, except the calendar's holidays. A calendar only knows the
 * holidays it was given, so build it with every year the caller's dates may reach.
 */
export class BusinessCalendar {
  private readonly holidays: ReadonlySet<number>;
  /** Weekday holidays in ascending order, for counting over long ranges. */
  private readonly weekdayHolidays: readonly number[];

  constructor(holidayDates: Iterable<string>) {
    this.holidays = new Set([...holidayDates].map(toDayNumber));
    this.weekdayHolidays = [...this.holidays].filter((d) => !isWeekend(d)).sort((a, b) => a - b);
  }

  isHoliday(date: string): boolean {
    return this.holidays.has(toDayNumber(date));
  }

  isBusinessDay(date: string): boolean {
    return this.isBusinessDayNumber(toDayNumber(date));
  }

  /** The first business day strictly after `date`. */
  nextBusinessDay(date: string): string {
    return this.addBusinessDays(date, 1);
  }

  /** `date` itself when it is a business day, else the next business day. */
  businessDayOnOrAfter(date: string): string {
    let day = toDayNumber(date);
    while (!this.isBusinessDayNumber(day)) day++;
    return fromDayNumber(day);
  }

  /**
   * Steps `n` business days forward from `date`: each step lands on the next business day.
   * Adding 0 returns `date` unchanged, even on a weekend or holiday; callers who mean "deemed
   * received on the next business day" roll forward first with `businessDayOnOrAfter`.
   * Defined this way, `businessDaysBetween(d, addBusinessDays(d, n)) === n` for every d.
   */
  addBusinessDays(date: string, n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`Business days to add must be a whole number ≥ 0, got ${n}.`);
    let day = toDayNumber(date);
    for (let left = n; left > 0; ) {
      day++;
      if (this.isBusinessDayNumber(day)) left--;
    }
    return fromDayNumber(day);
  }

  /** The `n`th (1-based) business day of `month` (1-12) of `year`. */
  nthBusinessDayOfMonth(year: number, month: number, n: number): string {
    if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Month must be 1-12, got ${month}.`);
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a whole number ≥ 1, got ${n}.`);
    const first = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
    const result = this.addBusinessDays(addDays(first, -1), n);
    if (result.slice(0, 7) !== first.slice(0, 7)) {
      throw new RangeError(`${first.slice(0, 7)} has fewer than ${n} business days.`);
    }
    return result;
  }

  /**
   * Business days after `from` up to and including `to` (0 when they are the same day): the
   * age of something that arrived on `from`, seen on `to`. When `to` is before `from` the
   * count is negated, so the result is antisymmetric.
   */
  businessDaysBetween(from: string, to: string): number {
    const start = toDayNumber(from);
    const end = toDayNumber(to);
    if (end < start) return -this.businessDaysBetween(to, from) || 0; // 0, not -0, over a weekend
    return this.weekdaysIn(start, end) - this.weekdayHolidays.filter((d) => d > start && d <= end).length;
  }

  private isBusinessDayNumber(day: number): boolean {
    return !isWeekend(day) && !this.holidays.has(day);
  }

  /** Weekdays in (start, end], in constant time: five per whole week, then the remainder. */
  private weekdaysIn(start: number, end: number): number {
    const days = end - start;
    let count = Math.floor(days / 7) * 5;
    for (let day = start + Math.floor(days / 7) * 7 + 1; day <= end; day++) if (!isWeekend(day)) count++;
    return count;
  }
}

export { REGION_TIME_ZONES };

/** One formatter per region: building an Intl.DateTimeFormat costs far more than using one (lists call this per row). */
const REGION_DATE_FORMATS = new Map<Region, Intl.DateTimeFormat>();
function regionDateFormat(region: Region): Intl.DateTimeFormat {
  let format = REGION_DATE_FORMATS.get(region);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: REGION_TIME_ZONES[region], year: 'numeric', month: '2-digit', day: '2-digit' });
    REGION_DATE_FORMATS.set(region, format);
  }
  return format;
}

/** The calendar date in `region` at the instant `now`, as `YYYY-MM-DD`. */
export function regionToday(region: Region, now: Date = new Date()): string {
  const parts = regionDateFormat(region).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}
