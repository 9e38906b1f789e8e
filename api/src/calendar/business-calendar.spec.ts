import { BusinessCalendar, addDays, defaultHolidays, isIsoDate, regionToday } from './business-calendar';

const federal = (...years: number[]) => new BusinessCalendar(years.flatMap((y) => defaultHolidays(y).map((h) => h.date)));
const cal = federal(2022, 2026, 2027, 2028);

describe('defaultHolidays', () => {
  it('lists the eleven federal holidays of 2026 on their observed dates', () => {
    expect(defaultHolidays(2026)).toEqual([
      { date: '2026-01-01', name: "New Year's Day" },
      { date: '2026-01-19', name: 'Martin Luther King Jr. Day' },
      { date: '2026-02-16', name: "Washington's Birthday" },
      { date: '2026-05-25', name: 'Memorial Day' },
      { date: '2026-06-19', name: 'Juneteenth' },
      { date: '2026-07-03', name: 'Independence Day (observed)' }, // July 4 is a Saturday
      { date: '2026-09-07', name: 'Labor Day' },
      { date: '2026-10-12', name: 'Columbus Day' },
      { date: '2026-11-11', name: 'Veterans Day' },
      { date: '2026-11-26', name: 'Thanksgiving Day' },
      { date: '2026-12-25', name: 'Christmas Day' },
    ]);
  });

  it('moves 2027 weekend holidays and picks up New Year 2028 observed on 2027-12-31', () => {
    expect(defaultHolidays(2027).map((h) => h.date)).toEqual([
      '2027-01-01',
      '2027-01-18',
      '2027-02-15',
      '2027-05-31',
      '2027-06-18', // Juneteenth, Saturday 06-19
      '2027-07-05', // Independence Day, Sunday 07-04
      '2027-09-06',
      '2027-10-11',
      '2027-11-11',
      '2027-11-25',
      '2027-12-24', // Christmas, Saturday 12-25
      '2027-12-31', // New Year's Day 2028, Saturday
    ]);
  });

  it.each([
    ['2022-06-20', 'Juneteenth (observed)'], // Sunday 06-19
    ['2022-12-26', 'Christmas Day (observed)'], // Sunday 12-25
    ['2027-12-24', 'Christmas Day (observed)'],
    ['2027-12-31', "New Year's Day (observed)"],
    ['2028-11-10', 'Veterans Day (observed)'], // Saturday 11-11; date-holidays types this one `bank`
    ['2029-11-12', 'Veterans Day (observed)'], // Sunday 11-11
  ])('observes %s as %s', (date, name) => {
    expect(defaultHolidays(Number(date.slice(0, 4)))).toContainEqual({ date, name });
  });

  it.each([
    ['2022-06-19'],
    ['2022-12-25'],
    ['2027-12-25'],
    ['2028-01-01'], // observed in 2027, so not in 2028's list
    ['2028-11-11'],
  ])('leaves out the weekend date %s itself', (date) => {
    expect(defaultHolidays(Number(date.slice(0, 4))).map((h) => h.date)).not.toContain(date);
  });

  it('includes no observances, optional or bank days (Valentine, Christmas Eve, day after Thanksgiving)', () => {
    const dates = defaultHolidays(2026).map((h) => h.date);
    expect(dates).not.toContain('2026-02-14');
    expect(dates).not.toContain('2026-12-24');
    expect(dates).not.toContain('2026-11-27');
  });

  it('has only weekdays, eleven a year over two decades (twelve or ten when New Year moves across years)', () => {
    const weekdays = new BusinessCalendar([]);
    for (let year = 2021; year <= 2040; year++) {
      const list = defaultHolidays(year);
      for (const h of list) expect(weekdays.isBusinessDay(h.date)).toBe(true);
      const newYearNextIsSaturday = new Date(Date.UTC(year + 1, 0, 1)).getUTCDay() === 6;
      const newYearIsSaturday = new Date(Date.UTC(year, 0, 1)).getUTCDay() === 6;
      expect(list).toHaveLength(11 + (newYearNextIsSaturday ? 1 : 0) - (newYearIsSaturday ? 1 : 0));
    }
  });
});

describe('isIsoDate and addDays', () => {
  it.each([
    ['2027-02-28', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2027-13-01', false],
    ['2027-1-01', false],
    ['2027-01-01T00:00:00Z', false],
    ['', false],
  ])('isIsoDate(%p) is %p', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it.each([
    ['2027-12-31', 1, '2028-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2028-03-01', -1, '2028-02-29'],
    ['2026-03-07', 2, '2026-03-09'], // across the US spring-forward night: still whole days
  ])('addDays(%s, %i) is %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });
});

describe('BusinessCalendar', () => {
  it.each([
    ['2026-07-01', true, 'Wednesday'],
    ['2026-07-03', false, 'Independence Day observed'],
    ['2026-07-04', false, 'Saturday'],
    ['2026-07-05', false, 'Sunday'],
    ['2026-07-06', true, 'Monday'],
    ['2027-01-01', false, "New Year's Day, Friday"],
    ['2027-12-24', false, 'Christmas observed'],
    ['2027-12-31', false, 'New Year 2028 observed'],
    ['2028-01-03', true, 'first Monday of 2028'],
  ])('isBusinessDay(%s) is %p (%s)', (date, expected) => {
    expect(cal.isBusinessDay(date)).toBe(expected);
  });

  it('rejects malformed dates and holiday lists', () => {
    expect(() => cal.isBusinessDay('2027-02-30')).toThrow(RangeError);
    expect(() => new BusinessCalendar(['07/04/2026'])).toThrow(RangeError);
  });

  it('knows only the holidays it was given', () => {
    const plain = new BusinessCalendar([]);
    expect(plain.isBusinessDay('2026-07-03')).toBe(true);
    expect(plain.isHoliday('2026-07-03')).toBe(false);
    expect(cal.isHoliday('2026-07-03')).toBe(true);
    expect(cal.isHoliday('2026-07-04')).toBe(false); // a Saturday, not a holiday date itself
  });

  it.each([
    ['2026-07-01', 0, '2026-07-01'],
    ['2026-07-04', 0, '2026-07-04'], // adding 0 never moves the date
    ['2026-07-01', 1, '2026-07-02'],
    ['2026-07-02', 1, '2026-07-06'], // skips observed July 3 and the weekend
    ['2026-07-04', 1, '2026-07-06'], // from a Saturday the first step lands on Monday
    ['2026-07-01', 3, '2026-07-07'],
    ['2027-12-23', 1, '2027-12-27'], // Christmas observed Friday 12-24
    ['2027-12-30', 1, '2028-01-03'], // New Year observed Friday 12-31, across the year end
    ['2026-02-27', 2, '2026-03-03'], // month end
    ['2026-11-25', 1, '2026-11-27'], // Thanksgiving Thursday; the Friday after is a business day
  ])('addBusinessDays(%s, %i) is %s', (date, n, expected) => {
    expect(cal.addBusinessDays(date, n)).toBe(expected);
  });

  it.each([[-1], [1.5], [Number.NaN]])('refuses to add %p business days', (n) => {
    expect(() => cal.addBusinessDays('2026-07-01', n)).toThrow(RangeError);
  });

  it.each([
    ['2026-07-02', '2026-07-06'],
    ['2026-07-03', '2026-07-06'],
    ['2026-07-04', '2026-07-06'],
    ['2026-07-06', '2026-07-07'],
    ['2027-12-30', '2028-01-03'],
  ])('nextBusinessDay(%s) is %s', (date, expected) => {
    expect(cal.nextBusinessDay(date)).toBe(expected);
  });

  it.each([
    ['2026-07-01', '2026-07-01'],
    ['2026-07-03', '2026-07-06'],
    ['2026-07-05', '2026-07-06'],
    ['2027-12-24', '2027-12-27'],
    ['2027-12-31', '2028-01-03'],
  ])('businessDayOnOrAfter(%s) is %s', (date, expected) => {
    expect(cal.businessDayOnOrAfter(date)).toBe(expected);
  });

  it.each([
    [2027, 1, 1, '2027-01-04'], // Jan 1 is a holiday, Jan 2-3 a weekend
    [2027, 1, 5, '2027-01-08'],
    [2026, 7, 5, '2026-07-08'], // July 3 observed, July 4-5 weekend: 1, 2, 6, 7, 8
    [2026, 8, 5, '2026-08-07'], // month starts on a Saturday
    [2028, 1, 5, '2028-01-07'], // New Year observed in 2027, so Jan 3 is the first
    [2026, 2, 19, '2026-02-27'], // February 2026 has 20 weekdays, less Presidents Day
    [2026, 12, 22, '2026-12-31'],
  ])('nthBusinessDayOfMonth(%i, %i, %i) is %s', (year, month, n, expected) => {
    expect(cal.nthBusinessDayOfMonth(year, month, n)).toBe(expected);
  });

  it('refuses an n the month does not have, and bad months', () => {
    expect(() => cal.nthBusinessDayOfMonth(2026, 2, 20)).toThrow('2026-02 has fewer than 20 business days.');
    expect(() => cal.nthBusinessDayOfMonth(2026, 13, 1)).toThrow(RangeError);
    expect(() => cal.nthBusinessDayOfMonth(2026, 1, 0)).toThrow(RangeError);
  });

  it.each([
    ['2026-07-01', '2026-07-01', 0],
    ['2026-07-01', '2026-07-02', 1],
    ['2026-07-02', '2026-07-06', 1], // observed holiday and weekend do not count
    ['2026-07-03', '2026-07-06', 1],
    ['2026-07-04', '2026-07-05', 0],
    ['2026-07-01', '2026-07-08', 4],
    ['2027-12-23', '2028-01-03', 5], // 12-27..12-30 and 01-03: both year-end Fridays are holidays
    ['2026-01-01', '2026-12-31', 250],
    ['2026-07-06', '2026-07-01', -2], // reversed: minus the count from 07-01 to 07-06
  ])('businessDaysBetween(%s, %s) is %i', (from, to, expected) => {
    expect(cal.businessDaysBetween(from, to)).toBe(expected);
  });

  it('agrees with addBusinessDays from every day of a year, holidays and weekends included', () => {
    for (let day = 0; day < 400; day++) {
      const from = addDays('2026-12-01', day);
      for (const n of [0, 1, 3, 5, 22]) expect(cal.businessDaysBetween(from, cal.addBusinessDays(from, n))).toBe(n);
    }
  });
});

describe('regionToday', () => {
  // 2026-07-01T05:30Z: already July 1 in New York (01:30), still June 30 in Denver and Los Angeles.
  const instant = new Date('2026-07-01T05:30:00Z');
  it.each([
    ['CA', '2026-06-30'],
    ['CO', '2026-06-30'],
    ['GA', '2026-07-01'],
    ['MAS', '2026-07-01'],
  ] as const)('in %s it is %s', (region, expected) => {
    expect(regionToday(region, instant)).toBe(expected);
  });

  it.each([
    ['2027-01-01T07:59:59Z', 'CA', '2026-12-31'],
    ['2027-01-01T08:00:00Z', 'CA', '2027-01-01'],
    ['2027-01-01T06:59:59Z', 'CO', '2026-12-31'],
    ['2027-01-01T07:00:00Z', 'CO', '2027-01-01'],
    ['2026-11-01T03:59:59Z', 'GA', '2026-10-31'], // EDT, UTC-4
    ['2026-11-02T04:59:59Z', 'MAS', '2026-11-01'], // EST after the fall-back, UTC-5
  ] as const)('at %s in %s it is %s', (iso, region, expected) => {
    expect(regionToday(region, new Date(iso))).toBe(expected);
  });
});
