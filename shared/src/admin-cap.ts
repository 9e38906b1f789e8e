import type { FirmKind } from './roles';

/**
 * The cap of administrators: the FAQ caps "a General Agency" at four; broker agencies have no cap.
 * The database trigger takes its cap from this constant too (the admin-cap migration), and a
 * property test in the API checks that both refuse the same changes.
 */
export const GA_ADMIN_CAP = 4;

export const adminCapFor = (kind: FirmKind): number | null => (kind === 'GENERAL_AGENCY' ? GA_ADMIN_CAP : null);

/** A firm's administrator seats: active administrators plus open invitations to become one. */
export interface AdminSeats {
  activeAdmins: number;
  pendingAdminInvitations: number;
}

/** Whether one more administrator (or an invitation to become one) fits under the firm's cap. */
export function hasFreeAdminSeat(kind: FirmKind, seats: AdminSeats): boolean {
  const cap = adminCapFor(kind);
  return cap === null || seats.activeAdmins + seats.pendingAdminInvitations < cap;
}
