import { adminCapFor, type FirmKind, type FirmRole, hasFreeAdminSeat, type Role } from '@sbo/shared';
import { QueryFailedError } from 'typeorm';
import { adminCapReached, isAdminCapViolation, needsAdmin, partnerRoleFor } from './admin-cap';

describe('the cap of administrators', () => {
  it.each<[FirmKind, number | null]>([
    ['GENERAL_AGENCY', 4],
    ['BROKER_AGENCY', null],
  ])('a %s has a cap of %s', (kind, cap) => {
    expect(adminCapFor(kind)).toBe(cap);
  });

  it.each<[FirmKind, number, number, boolean]>([
    ['GENERAL_AGENCY', 0, 0, true],
    ['GENERAL_AGENCY', 3, 0, true],
    ['GENERAL_AGENCY', 4, 0, false],
    ['GENERAL_AGENCY', 2, 1, true],
    ['GENERAL_AGENCY', 3, 1, false],
    ['GENERAL_AGENCY', 0, 4, false],
    ['BROKER_AGENCY', 4, 0, true],
    ['BROKER_AGENCY', 9, 3, true],
  ])('%s with %i active administrators and %i open invitations has a free seat: %s', (kind, active, pending, free) => {
    expect(hasFreeAdminSeat(kind, { activeAdmins: active, pendingAdminInvitations: pending })).toBe(free);
  });

  it.each([
    [0, true],
    [1, false],
    [4, false],
  ])('a firm with %i active administrators needs one: %s', (count, expected) => {
    expect(needsAdmin(count)).toBe(expected);
  });

  it.each<[FirmKind, FirmRole, Role]>([
    ['BROKER_AGENCY', 'ADMIN', 'broker'],
    ['BROKER_AGENCY', 'DELEGATE', 'broker'],
    ['GENERAL_AGENCY', 'ADMIN', 'ga_admin'],
    ['GENERAL_AGENCY', 'DELEGATE', 'ga_delegate'],
  ])('a %s %s logs in as %s', (kind, firmRole, role) => {
    expect(partnerRoleFor(kind, firmRole)).toBe(role);
  });

  it('refuses with 422 ADMIN_CAP_REACHED and the seat count', () => {
    const error = adminCapReached('Peachtree', { activeAdmins: 3, pendingAdminInvitations: 1 });
    expect(error).toMatchObject({ status: 422, code: 'ADMIN_CAP_REACHED', details: { cap: 4, activeAdmins: 3 } });
    expect(error.message).toContain('Peachtree');
  });

  it('recognises the database cap trigger by its constraint name only', () => {
    const fromDb = (constraint?: string) =>
      new QueryFailedError('UPDATE app_user ...', [], Object.assign(new Error('x'), { constraint }));
    expect(isAdminCapViolation(fromDb('firm_admin_cap'))).toBe(true);
    expect(isAdminCapViolation(fromDb('app_user_email_unique'))).toBe(false);
    expect(isAdminCapViolation(new Error('firm_admin_cap'))).toBe(false);
  });
});
