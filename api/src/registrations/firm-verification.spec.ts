import { type FirmVerification, taxIdDigits, verifyFirmTaxId } from './firm-verification';

describe('verifying a registration against its firm', () => {
  it.each([
    ['58-1000003', '581000003'],
    [' 58 1000003 ', '581000003'],
    ['', ''],
  ])('the digits of "%s" are "%s"', (taxId, digits) => {
    expect(taxIdDigits(taxId)).toBe(digits);
  });

  const REASON = 'The agency changed its EIN in 2025; confirmed by phone.';
  it.each<[string, string, string | undefined, FirmVerification]>([
    ['58-1000003', '58-1000003', undefined, 'MATCH'],
    ['58-1000003', '581000003', undefined, 'MATCH'],
    ['77-1234567', '58-1000003', undefined, 'MISMATCH'],
    ['58-1000004', '58-1000003', undefined, 'MISMATCH'],
    ['77-1234567', '58-1000003', REASON, 'OVERRIDDEN'],
    ['58-1000003', '58-1000003', REASON, 'NOTHING_TO_OVERRIDE'],
  ])('registered %s, firm %s, override reason %s: %s', (registered, firm, reason, expected) => {
    expect(verifyFirmTaxId(registered, firm, reason)).toBe(expected);
  });
});
