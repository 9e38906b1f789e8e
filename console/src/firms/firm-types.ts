import { type FirmRecord, hasFreeAdminSeat as fitsUnderCap } from '@sbo/shared';

/** Administrator seats taken: active administrators plus open invitations to become one. */
export const takenAdminSeats = (firm: FirmRecord) => firm.activeAdminCount + firm.pendingAdminInvitationCount;

/** Whether one more administrator fits under the cap (the API's rule), once `freed` administrators leave. */
export const hasFreeAdminSeat = (firm: FirmRecord, freed = 0) =>
  fitsUnderCap(firm.kind, { activeAdmins: firm.activeAdminCount - freed, pendingAdminInvitations: firm.pendingAdminInvitationCount });
