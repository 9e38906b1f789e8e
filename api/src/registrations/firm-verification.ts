/**
 * EBS verifies a registration against its firm: the tax ID the partner registered with must be the
 * firm's. Approving into a firm with another tax ID takes a stated reason (a firm that changed its
 * EIN, a typo confirmed with the agency), recorded on the registration and in the audit trail.
 */

/** The EIN's digits: `58-1000003` and `581000003` are the same tax ID. */
export const taxIdDigits = (taxId: string): string => taxId.replace(/\D/g, '');

export type FirmVerification =
  /** The tax IDs match. */
  | 'MATCH'
  /** They differ and EBS said why. */
  | 'OVERRIDDEN'
  /** They differ and no reason was given: refused. */
  | 'MISMATCH'
  /** A reason to set aside a mismatch that is not there: refused, it would record an override that never happened. */
  | 'NOTHING_TO_OVERRIDE';

export function verifyFirmTaxId(registeredTaxId: string, firmTaxId: string, overrideReason: string | undefined): FirmVerification {
  const match = taxIdDigits(registeredTaxId) === taxIdDigits(firmTaxId);
  if (match) return overrideReason === undefined ? 'MATCH' : 'NOTHING_TO_OVERRIDE';
  return overrideReason === undefined ? 'MISMATCH' : 'OVERRIDDEN';
}
