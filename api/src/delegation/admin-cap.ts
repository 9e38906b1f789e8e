import { type AdminSeats, type FirmKind, type FirmRole, GA_ADMIN_CAP, type Role } from '@sbo/shared';
import { QueryFailedError } from 'typeorm';
import { AppError, ruleRefused } from '../common/app-error';

// The cap itself (GA_ADMIN_CAP, adminCapFor, hasFreeAdminSeat) is in @sbo/shared, where the console
// and the database trigger's migration take it from too.

/** A firm with no active administrator is flagged until GA support names one. */
export const needsAdmin = (activeAdmins: number): boolean => activeAdmins === 0;

/** The partner role that goes with a firm role: brokers are brokers; a GA has administrators and delegates. */
export const partnerRoleFor = (kind: FirmKind, firmRole: FirmRole): Role =>
  kind === 'BROKER_AGENCY' ? 'broker' : firmRole === 'ADMIN' ? 'ga_admin' : 'ga_delegate';

export const adminCapReached = (firmName: string, seats?: AdminSeats): AppError =>
  ruleRefused(
    'ADMIN_CAP_REACHED',
    `${firmName} already has ${GA_ADMIN_CAP} administrators (counting open invitations to become one). ` +
      `A General Agency may have at most ${GA_ADMIN_CAP}: depart one first, or add this person as a delegate.`,
    { cap: GA_ADMIN_CAP, ...seats },
  );

const constraintOf = (error: unknown): string | undefined =>
  error instanceof QueryFailedError ? (error.driverError as { constraint?: string }).constraint : undefined;

/** True when PostgreSQL refused a change because of the named constraint or unique index. */
export const violates = (error: unknown, constraint: string): boolean => constraintOf(error) === constraint;

/** The database's cap trigger fired: a concurrent change took the last seat after our own check. */
export const isAdminCapViolation = (error: unknown): boolean => violates(error, 'firm_admin_cap');
