import {
  formatSubmissionReference,
  parseSubmissionReference,
  SUBMISSION_REFERENCE,
  SUBMISSION_REFERENCE_PATTERN,
} from './submission-reference';

describe('formatSubmissionReference', () => {
  it.each([
    [1_000_001, 'T-1000001', 'the sequence’s first value'],
    [1_000_042, 'T-1000042', 'seven digits'],
    [9_999_999, 'T-9999999', 'the last seven-digit one'],
    [10_000_000, 'T-10000000', 'then an eighth digit, never a reuse'],
    [Number.MAX_SAFE_INTEGER, 'T-9007199254740991', 'the largest exact number'],
  ])('%d → %s (%s)', (n, reference) => {
    expect(formatSubmissionReference(n)).toBe(reference);
    expect(reference).toMatch(SUBMISSION_REFERENCE_PATTERN);
  });

  it.each([
    [0, 'zero'],
    [1, 'below the first value'],
    [SUBMISSION_REFERENCE.first - 1, 'just below the first value'],
    [-1_000_001, 'negative'],
    [1_000_001.5, 'not whole'],
    [Number.NaN, 'NaN'],
    [Number.MAX_SAFE_INTEGER + 1, 'not exact'],
  ])('refuses %d (%s)', (n) => {
    expect(() => formatSubmissionReference(n)).toThrow(RangeError);
  });
});

describe('SUBMISSION_REFERENCE_PATTERN', () => {
  it.each([
    ['T-1000001', true],
    ['T-12345678', true],
    ['T-0100000', false],
    ['T-999999', false],
    ['t-1000001', false],
    ['T1000001', false],
    ['1000001', false],
    ['T-10O0001', false],
    [' T-1000001', false],
    ['T-1000001\n', false],
  ])('%j matches: %s', (text, matches) => {
    expect(SUBMISSION_REFERENCE_PATTERN.test(text)).toBe(matches);
  });
});

describe('parseSubmissionReference', () => {
  it.each([
    ['T-1000001', 'T-1000001', 'as stored'],
    ['t-1000001', 'T-1000001', 'lower case'],
    ['  T-1000001 ', 'T-1000001', 'spaces around'],
    ['T 100 0001', 'T-1000001', 'read out in groups'],
    ['T1000001', 'T-1000001', 'no dash'],
    ['1000001', 'T-1000001', 'the number alone'],
    ['T-12345678', 'T-12345678', 'eight digits'],
    ['T-0100000', null, 'a leading zero'],
    ['T-999999', null, 'too short'],
    ['T-1000000', null, 'below the first value'],
    ['T-10O0001', null, 'a letter O'],
    ['TT-1000001', null, 'two letters'],
    ['X-1000001', null, 'another prefix'],
    ['T--1000001', null, 'two dashes'],
    ['Acme Bakery', null, 'a group name'],
    ['', null, 'nothing'],
    ['T-9007199254740991', 'T-9007199254740991', 'the largest exact number'],
    ['T-9007199254740992', null, 'past the largest exact number'],
    ['T-99999999999999999', null, 'too long'],
  ] as [string, string | null, string][])('%j → %j (%s)', (text, reference) => {
    expect(parseSubmissionReference(text)).toBe(reference);
  });
});
