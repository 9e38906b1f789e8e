import { BusinessCalendar, defaultHolidays } from '../calendar/business-calendar';
import { ageInBusinessDays, clockStart, dueDate, pausedBusinessDays, resumeClock, turnaroundOn } from './turnaround';

/** Past its due date on `today`, as staff see it: the business days left are negative. */
const isBreached = (submitted: string, today: string, calendar: BusinessCalendar, paused = 0) =>
  turnaroundOn({ completeSubmittedDate: submitted, pausedBusinessDays: paused, waitingSince: null, decidedDate: null }, today, calendar)
    .businessDaysLeft! < 0;

const calendar = new BusinessCalendar([2026, 2027, 2028].flatMap((y) => defaultHolidays(y).map((h) => h.date)));

describe('clockStart', () => {
  it.each([
    ['2026-06-01', '2026-06-01', 'a Monday'],
    ['2026-07-03', '2026-07-06', 'Independence Day observed'],
    ['2026-07-04', '2026-07-06', 'a Saturday'],
    ['2027-12-31', '2028-01-03', 'New Year 2028 observed, across the year end'],
  ])('a submission arriving %s starts the clock on %s (%s)', (arrived, start) => {
    expect(clockStart(arrived, calendar)).toBe(start);
  });
});

describe('dueDate', () => {
  it.each([
    ['2026-06-01', 0, '2026-06-04', 'Monday → Thursday'],
    ['2026-06-03', 0, '2026-06-08', 'Wednesday → Monday, over the weekend'],
    ['2026-07-01', 0, '2026-07-07', 'over observed July 3 and the weekend'],
    ['2026-07-03', 0, '2026-07-09', 'arrived on a holiday: counts from Monday'],
    ['2026-07-04', 0, '2026-07-09', 'arrived on a Saturday: counts from Monday'],
    ['2026-11-25', 0, '2026-12-01', 'over Thanksgiving, into the next month'],
    ['2027-12-23', 0, '2027-12-29', 'over Christmas observed'],
    ['2027-12-29', 0, '2028-01-04', 'over New Year observed on 2027-12-31, into the next year'],
    ['2026-06-01', 2, '2026-06-08', 'two business days waiting on the submitter'],
  ])('submitted %s, paused %i → due %s (%s)', (submitted, paused, due) => {
    expect(dueDate(submitted, calendar, paused)).toBe(due);
  });
});

describe('ageInBusinessDays and isBreached', () => {
  it.each([
    ['2026-06-01', '2026-06-01', 0, 0, false],
    ['2026-06-01', '2026-06-04', 0, 3, false], // the due date itself
    ['2026-06-01', '2026-06-05', 0, 4, true],
    ['2026-06-02', '2026-06-06', 0, 3, false], // Saturday after a Friday due date
    ['2026-06-02', '2026-06-08', 0, 4, true], // the Monday after
    ['2026-07-04', '2026-07-04', 0, 0, false], // arrived Saturday, seen the same day
    ['2026-07-04', '2026-07-06', 0, 0, false], // its first business day is day 0
    ['2026-07-02', '2026-07-06', 0, 1, false], // observed July 3 does not age it
    ['2026-07-01', '2026-07-07', 0, 3, false],
    ['2026-07-01', '2026-07-08', 0, 4, true],
    ['2026-06-01', '2026-06-08', 2, 3, false], // paused two days: due 06-08
    ['2026-06-01', '2026-06-09', 2, 4, true],
    ['2026-06-01', '2026-06-02', 3, 0, false], // never below zero
    ['2026-06-05', '2026-06-01', 0, 0, false], // today before arrival (clock skew)
  ])('submitted %s, today %s, paused %i → age %i, breached %p', (submitted, today, paused, age, breached) => {
    expect(ageInBusinessDays(submitted, today, calendar, paused)).toBe(age);
    expect(isBreached(submitted, today, calendar, paused)).toBe(breached);
  });

  it('breaches exactly on the first business day after the due date, over a whole year of arrival days', () => {
    for (let d = new Date(Date.UTC(2026, 0, 1)); d.getUTCFullYear() === 2026; d.setUTCDate(d.getUTCDate() + 1)) {
      const submitted = d.toISOString().slice(0, 10);
      const due = dueDate(submitted, calendar);
      expect(isBreached(submitted, due, calendar)).toBe(false);
      expect(isBreached(submitted, calendar.nextBusinessDay(due), calendar)).toBe(true);
    }
  });
});

describe('pausedBusinessDays', () => {
  it.each([
    [[], '2026-06-10', 0],
    [[{ from: '2026-06-02', to: '2026-06-04' }], '2026-06-10', 2], // returned Tuesday, back Thursday
    [[{ from: '2026-06-02', to: '2026-06-02' }], '2026-06-10', 0], // back the same day
    [[{ from: '2026-07-02', to: '2026-07-06' }], '2026-07-10', 1], // holiday and weekend are not business days
    [[{ from: '2026-06-02', to: null }], '2026-06-05', 3], // still waiting
    [
      [
        { from: '2026-06-02', to: '2026-06-04' },
        { from: '2026-06-08', to: '2026-06-09' },
      ],
      '2026-06-10',
      3,
    ],
  ])('%j as of %s → %i', (periods, today, expected) => {
    expect(pausedBusinessDays(periods, today, calendar)).toBe(expected);
  });

  it('freezes the age while the submitter is working, then resumes it', () => {
    // Submitted Monday 06-01, returned Tuesday 06-02, resubmitted Thursday 06-04.
    const ageOn = (today: string, to: string | null) =>
      ageInBusinessDays('2026-06-01', today, calendar, pausedBusinessDays([{ from: '2026-06-02', to }], today, calendar));
    expect(ageOn('2026-06-02', null)).toBe(1);
    expect(ageOn('2026-06-03', null)).toBe(1);
    expect(ageOn('2026-06-04', '2026-06-04')).toBe(1);
    expect(ageOn('2026-06-05', '2026-06-04')).toBe(2);
    expect(dueDate('2026-06-01', calendar, pausedBusinessDays([{ from: '2026-06-02', to: '2026-06-04' }], '2026-06-05', calendar))).toBe(
      '2026-06-08',
    );
  });
});

describe('turnaroundOn and resumeClock', () => {
  // Submitted Monday 06-01 (due Thursday 06-04), returned Tuesday 06-02.
  const returned = { completeSubmittedDate: '2026-06-01', pausedBusinessDays: 0, waitingSince: '2026-06-02' };

  it.each([
    ['2026-06-02', '2026-06-04', 1, 2],
    ['2026-06-03', '2026-06-05', 1, 2], // a day waited: due a day later, age frozen
    ['2026-06-05', '2026-06-09', 1, 2], // three days waited, over the weekend
  ])('while returned, on %s: due %s, age %i, %i days left', (today, due, age, left) => {
    expect(turnaroundOn({ ...returned, decidedDate: null }, today, calendar)).toEqual({
      dueAt: due,
      ageBusinessDays: age,
      businessDaysLeft: left,
    });
  });

  it('resumes on resubmission with the waited days paused, and ages again from the next day', () => {
    const resumed = resumeClock(returned, '2026-06-04', calendar);
    expect(resumed).toEqual({ pausedBusinessDays: 2, dueDate: '2026-06-08', waitingSince: null });
    const clock = { completeSubmittedDate: '2026-06-01', ...resumed, decidedDate: null };
    expect(turnaroundOn(clock, '2026-06-04', calendar)).toEqual({ dueAt: '2026-06-08', ageBusinessDays: 1, businessDaysLeft: 2 });
    expect(turnaroundOn(clock, '2026-06-05', calendar)).toEqual({ dueAt: '2026-06-08', ageBusinessDays: 2, businessDaysLeft: 1 });
    // Past due: the days left count down below zero.
    expect(turnaroundOn(clock, '2026-06-11', calendar)).toMatchObject({ dueAt: '2026-06-08', businessDaysLeft: -3 });
  });

  it('stops the age on the day it was decided', () => {
    const decided = { completeSubmittedDate: '2026-06-01', pausedBusinessDays: 0, waitingSince: null, decidedDate: '2026-06-03' };
    expect(turnaroundOn(decided, '2026-06-30', calendar)).toEqual({ dueAt: '2026-06-04', ageBusinessDays: 2, businessDaysLeft: null });
  });

  it('has no due date or age before a complete submission', () => {
    const draft = { completeSubmittedDate: null, pausedBusinessDays: 0, waitingSince: null, decidedDate: null };
    expect(turnaroundOn(draft, '2026-06-30', calendar)).toEqual({ dueAt: null, ageBusinessDays: null, businessDaysLeft: null });
    expect(resumeClock(draft, '2026-06-30', calendar).dueDate).toBeNull();
  });
});
