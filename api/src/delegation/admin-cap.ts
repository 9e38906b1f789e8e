import { type FirmKind, type FirmRole, GA_ADMIN_CAP, type Role } from '@sbo/shared';
import { QueryFailedError } from 'typeorm';
import { AppError, ruleRefused } from '../common/app-error';

/**
 * The cap of administrators. The FAQ caps "a General Agency" at four; broker agencies have no cap.
 * The database enforces the same rule (constraint `firm_admin_cap`, see the delegation migration).
 */
export const adminCapFor = (kind: FirmKind): number | null => (kind === 'GENERAL_AGENCY' ? GA_ADMIN_CAP : null);

/** A firm's administrator seats: active administrators plus open invitations to become one. */
export interface AdminSeats {
  activeAdmins: number;
  pendingAdminInvitations: number;
}

export function hasFreeAdminSeat(kind: FirmKind, seats: AdminSeats): boolean {
  const cap = adminCapFor(kind);
  return cap === null || seats.activeAdmins + seats.pendingAdminInvitations < cap;
}

/** A firm with no active administrator is flagged until GA support names one. */
export const needsAdmin = (activeAdmins: number): boolean => activeAdmins === 0;

/** The partner role that goes with a firm role: brokers are brokers; a GA has administrators and delegates. */
export const partnerRoleFor = (kind: FirmKind, firmRole: FirmRole): Role =>
  kind === 'BROKER_AGENCY' ? 'broker' : firmRole === 'ADMIN' ? 'ga_admin' : 'ga_delegate';

export const adminCapReached = (firmName: string, seats?: AdminSeats): AppError =>
  ruleRefused(
    'ADMIN_CAP_REACHED',
    `${firmName} already has ${GA_ADMIN_CAP} administrators (counting open invitations to become one). ` +
      'A General Agency may have at most 4: depart one first, or add this person as a delegate.',
    { cap: GA_ADMIN_CAP, ...seats },
  );

const constraintOf = (error: unknown): string | undefined =>
  error instanceof QueryFailedError ? (error.driverError as { constraint?: string }).constraint : undefined;

/** True when PostgreSQL refused a change because of the named constraint or unique index. */
export const violates = (error: unknown, constraint: string): boolean => constraintOf(error) === constraint;

/** The database's cap trigger fired: a concurrent change took the last seat after our own check. */
export const isAdminCapViolation = (error: unknown): boolean => violates(error, 'firm_admin_cap');
