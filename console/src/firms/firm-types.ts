import type { FirmRecord } from '@sbo/shared';

/** Administrator seats taken: active administrators plus open invitations to become one. */
export const takenAdminSeats = (firm: FirmRecord) => firm.activeAdminCount + firm.pendingAdminInvitationCount;

/** Whether one more administrator fits under the cap (always, in a broker agency). */
export const hasFreeAdminSeat = (firm: FirmRecord, freed = 0) =>
  firm.adminCap === null || takenAdminSeats(firm) - freed < firm.adminCap;
