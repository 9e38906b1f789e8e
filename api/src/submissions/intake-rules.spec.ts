import { BusinessCalendar, defaultHolidays } from '../calendar/business-calendar';
import {
  type CompletenessInput,
  DEFAULT_SEP_WINDOW,
  type EligibilityContext,
  type EligibilityInput,
  checkEligibility,
  completenessProblems,
  isInSepWindow,
  parseSepWindow,
} from './intake-rules';
import { submissionDeadline } from '../calendar/submission-deadline';

const calendar = new BusinessCalendar([2026, 2027, 2028].flatMap((y) => defaultHolidays(y).map((h) => h.date)));

describe('submissionDeadline', () => {
  it.each([
    ['2027-01-01', '2027-01-08', "Jan 1 is New Year's Day, Jan 2-3 a weekend: 4, 5, 6, 7, 8"],
    ['2027-01-15', '2027-01-08', 'same month, whatever the day of the effective date'],
    ['2026-07-01', '2026-07-08', 'July 3 is Independence Day observed'],
    ['2026-08-01', '2026-08-07', 'month starting on a Saturday'],
    ['2026-09-01', '2026-09-08', 'Labor Day on the first Monday'],
    ['2026-12-01', '2026-12-07', 'plain month'],
    ['2028-01-01', '2028-01-07', 'New Year 2028 observed on 2027-12-31, so January is untouched'],
  ])('for an effective date of %s it is %s (%s)', (effective, deadline) => {
    expect(submissionDeadline(effective, calendar)).toBe(deadline);
  });

  it('refuses a malformed effective date', () => {
    expect(() => submissionDeadline('2027-02-30', calendar)).toThrow(RangeError);
  });
});

describe('parseSepWindow', () => {
  it.each([
    ['11-15', '12-15'],
    ['12-01', '01-31'],
    ['01-01', '12-31'],
    ['02-28', '02-28'],
  ])('accepts %s to %s', (start, end) => {
    expect(parseSepWindow(start, end)).toEqual({ start, end });
  });

  it.each([
    ['1-15', '12-15', 'start "1-15" must be a month and day written MM-DD'],
    ['11/15', '12-15', 'start "11/15" must be'],
    ['11-15', '13-01', 'end "13-01" must be'],
    ['00-10', '12-15', 'start "00-10" must be'],
    ['11-00', '12-15', 'start "11-00" must be'],
    ['11-15', '04-31', 'end "04-31" is not a day that exists every year'],
    ['02-29', '03-15', 'start "02-29" is not a day that exists every year'],
    ['11-15', '', 'end "" must be'],
    [' 11-15', '12-15', 'must be'],
  ])('refuses %p to %p', (start, end, message) => {
    expect(() => parseSepWindow(start, end)).toThrow(message);
  });
});

describe('isInSepWindow', () => {
  const wrapping = parseSepWindow('12-01', '01-31');
  it.each([
    ['2026-11-14', DEFAULT_SEP_WINDOW, false],
    ['2026-11-15', DEFAULT_SEP_WINDOW, true],
    ['2026-12-15', DEFAULT_SEP_WINDOW, true],
    ['2026-12-16', DEFAULT_SEP_WINDOW, false],
    ['2026-11-30', wrapping, false],
    ['2026-12-01', wrapping, true],
    ['2026-12-31', wrapping, true],
    ['2027-01-01', wrapping, true],
    ['2027-01-31', wrapping, true],
    ['2027-02-01', wrapping, false],
    ['2028-02-29', parseSepWindow('02-28', '03-01'), true],
  ])('%s in %o is %p', (date, window, expected) => {
    expect(isInSepWindow(date, window)).toBe(expected);
  });
});

describe('checkEligibility', () => {
  const base: EligibilityInput = {
    type: 'NEW_GROUP',
    region: 'CO',
    paymentMethod: 'EFT',
    group: { multiMarket: false, guaranteedAvailability: false },
    requestedEffectiveDate: '2027-01-01',
  };
  const ctx: EligibilityContext = { today: '2026-12-10', calendar, sepWindow: DEFAULT_SEP_WINDOW };
  const sep = { multiMarket: false, guaranteedAvailability: true };
  const everythingWrong: Partial<EligibilityInput> = {
    region: 'CA',
    paymentMethod: 'CHECK_COPY',
    group: { multiMarket: true, guaranteedAvailability: true },
    requestedEffectiveDate: '2026-07-01',
  };

  it.each<[string, string | null, string, Partial<EligibilityInput>]>([
    ['an eligible CO new group', null, '2026-12-10', {}],
    ['a multi-market group', 'MULTI_MARKET_OFFLINE', '2026-12-10', { group: { multiMarket: true, guaranteedAvailability: false } }],
    ['every rule broken: multi-market comes first', 'MULTI_MARKET_OFFLINE', '2026-12-20', everythingWrong],
    ['CA paying by check copy', 'CA_EFT_REQUIRED', '2026-12-10', { region: 'CA', paymentMethod: 'CHECK_COPY' }],
    ['CA with no payment method chosen', 'CA_EFT_REQUIRED', '2026-12-10', { region: 'CA', paymentMethod: null }],
    ['CA paying by EFT', null, '2026-12-10', { region: 'CA', paymentMethod: 'EFT' }],
    ['CO paying by check copy', null, '2026-12-10', { paymentMethod: 'CHECK_COPY' }],
    ['CA check copy, SEP closed and late: EFT comes first', 'CA_EFT_REQUIRED', '2026-12-20', { ...everythingWrong, group: sep }],
    ['SEP group the day before the window', 'SEP_WINDOW_CLOSED', '2026-11-14', { group: sep }],
    ['SEP group on the first day of the window', null, '2026-11-15', { group: sep }],
    ['SEP group on the last day of the window', null, '2026-12-15', { group: sep }],
    ['SEP group the day after the window', 'SEP_WINDOW_CLOSED', '2026-12-16', { group: sep }],
    ['SEP group closed and late: SEP comes first', 'SEP_WINDOW_CLOSED', '2026-11-01', { group: sep, requestedEffectiveDate: '2026-07-01' }],
    ['a regular group outside the SEP window', null, '2026-11-14', {}],
    ['effective 2027-01-01 on its deadline, Jan 8', null, '2027-01-08', {}],
    ['effective 2027-01-01 the day after its deadline', 'LATE_SUBMISSION', '2027-01-09', {}],
    ['effective 2027-01-01 the next business day after its deadline', 'LATE_SUBMISSION', '2027-01-11', {}],
    ['effective 2026-07-01 on July 8', null, '2026-07-08', { requestedEffectiveDate: '2026-07-01' }],
    ['effective 2026-07-01 on July 9', 'LATE_SUBMISSION', '2026-07-09', { requestedEffectiveDate: '2026-07-01' }],
    ['effective 2027-01-15 (mid-month) on Jan 12', 'LATE_SUBMISSION', '2027-01-12', { requestedEffectiveDate: '2027-01-15' }],
    ['effective 2027-02-01 seen from the previous year', null, '2026-12-31', { requestedEffectiveDate: '2027-02-01' }],
    ['a late QUOTE: the cutoff is for new groups only', null, '2027-01-20', { type: 'QUOTE' }],
    ['a late RENEWAL', null, '2027-01-20', { type: 'RENEWAL' }],
    ['a new group with no effective date yet (completeness reports it)', null, '2027-01-20', { requestedEffectiveDate: null }],
  ])('%s → %s on %s', (_name, expected, today, change) => {
    expect(checkEligibility({ ...base, ...change }, { ...ctx, today })?.code ?? null).toBe(expected);
  });

  it('honours a configured SEP window that wraps the year end', () => {
    const wrapping = { ...ctx, sepWindow: parseSepWindow('12-01', '01-31') };
    const input = { ...base, type: 'QUOTE' as const, group: sep };
    expect(checkEligibility(input, { ...wrapping, today: '2027-01-31' })).toBeNull();
    expect(checkEligibility(input, { ...wrapping, today: '2027-02-01' })?.code).toBe('SEP_WINDOW_CLOSED');
  });

  describe('messages name the rule and what to do instead', () => {
    it.each<[string, Partial<EligibilityInput>, string, string[]]>([
      [
        'multi-market',
        { group: { multiMarket: true, guaranteedAvailability: false } },
        '2026-12-10',
        ['Multi-market groups cannot be submitted through the portal', 'send it offline to your regional new-business enrollment team'],
      ],
      ['CA EFT', { region: 'CA', paymentMethod: 'CHECK_COPY' }, '2026-12-10', ['must pay by EFT', 'check copy cannot replace it', 'Choose EFT', 'offline']],
      ['SEP before the window', { group: sep }, '2026-11-14', ['special enrollment period, November 15 to December 15', 'opens on November 15, 2026']],
      ['SEP after the window', { group: sep }, '2026-12-16', ['opens on November 15, 2027', 'clear the guaranteed-availability flag']],
      [
        'late',
        {},
        '2027-01-11',
        ['effective date of January 1, 2027', 'submitted by January 8, 2027, the 5th business day of January 2027', 'even with an exception', 'later effective date', 'offline'],
      ],
    ])('%s', (_name, change, today, fragments) => {
      const message = checkEligibility({ ...base, ...change }, { ...ctx, today })?.message ?? '';
      for (const fragment of fragments) expect(message).toContain(fragment);
    });

    it('points to the contact the caller looked up', () => {
      const message = checkEligibility(
        { ...base, group: { multiMarket: true, guaranteedAvailability: false } },
        { ...ctx, offlineContact: 'the Colorado enrollment team at enroll.co@example.com' },
      )?.message;
      expect(message).toContain('send it offline to the Colorado enrollment team at enroll.co@example.com.');
    });
  });
});

describe('completenessProblems', () => {
  const complete: CompletenessInput = {
    region: 'CA',
    paymentMethod: 'EFT',
    requestedEffectiveDate: '2027-01-01',
    group: { name: 'Acme Bakery', employeeCount: 12 },
    plans: [{ planCode: 'CA-GOLD-500', tier: 'GOLD' }],
    census: { rowCount: 20, errorCount: 0 },
    documents: ['SIGNED_APPLICATION', 'EFT_AUTHORIZATION'],
  };

  it.each<[string, string[], Partial<CompletenessInput>]>([
    ['a complete CA submission', [], {}],
    ['a complete CO submission without EFT authorization', [], { region: 'CO', documents: ['SIGNED_APPLICATION'] }],
    ['CO paying by check copy', [], { region: 'CO', paymentMethod: 'CHECK_COPY', documents: ['SIGNED_APPLICATION'] }],
    ['CA paying by EFT without the authorization', ['MISSING_EFT_AUTHORIZATION'], { documents: ['SIGNED_APPLICATION'] }],
    ['no census uploaded', ['MISSING_CENSUS'], { census: null }],
    ['an empty census', ['MISSING_CENSUS'], { census: { rowCount: 0, errorCount: 0 } }],
    ['census rows with errors', ['CENSUS_ROW_ERRORS'], { census: { rowCount: 20, errorCount: 3 } }],
    ['no signed application', ['MISSING_SIGNED_APPLICATION'], { documents: ['EFT_AUTHORIZATION', 'OTHER'] }],
    ['no plan selected', ['MISSING_PLANS'], { plans: [] }],
    ['blank group name', ['MISSING_GROUP_NAME'], { group: { name: '  ', employeeCount: 12 } }],
    ['no employee count', ['MISSING_EMPLOYEE_COUNT'], { group: { name: 'Acme', employeeCount: null } }],
    ['zero employees', ['MISSING_EMPLOYEE_COUNT'], { group: { name: 'Acme', employeeCount: 0 } }],
    ['no effective date', ['MISSING_EFFECTIVE_DATE'], { requestedEffectiveDate: null }],
    [
      'no payment method (so no EFT authorization asked yet)',
      ['MISSING_PAYMENT_METHOD'],
      { paymentMethod: null, documents: ['SIGNED_APPLICATION'] },
    ],
    [
      'a new empty CA draft, in form order',
      [
        'MISSING_GROUP_NAME',
        'MISSING_EMPLOYEE_COUNT',
        'MISSING_EFFECTIVE_DATE',
        'MISSING_PAYMENT_METHOD',
        'MISSING_PLANS',
        'MISSING_CENSUS',
        'MISSING_SIGNED_APPLICATION',
      ],
      {
        paymentMethod: null,
        requestedEffectiveDate: null,
        group: { name: null, employeeCount: null },
        plans: [],
        census: null,
        documents: [],
      },
    ],
  ])('%s → %j', (_name, expected, change) => {
    expect(completenessProblems({ ...complete, ...change }).map((p) => p.code)).toEqual(expected);
  });

  it('says what to do, and points at the field', () => {
    expect(completenessProblems({ ...complete, census: { rowCount: 20, errorCount: 1 } })).toEqual([
      {
        code: 'CENSUS_ROW_ERRORS',
        field: 'census',
        message: 'The census has 1 row with errors; correct them in the spreadsheet and upload it again.',
      },
    ]);
    expect(completenessProblems({ ...complete, census: { rowCount: 20, errorCount: 3 } })[0].message).toContain('3 rows with errors');
    expect(completenessProblems({ ...complete, group: { name: null, employeeCount: 5 } })[0]).toMatchObject({
      field: 'group.name',
      message: "Enter the employer group's name.",
    });
  });
});
