import type { FirmKind, FirmRole, Region } from '@sbo/shared';

/** A row of `GET /api/firms` (api/src/delegation/firms.service.ts). */
export interface FirmRecord {
  id: string;
  name: string;
  taxId: string;
  kind: FirmKind;
  region: Region;
  version: number;
  activeAdminCount: number;
  needsAdmin: boolean;
  /** 4 for a General Agency; null: a broker agency has no cap. */
  adminCap: number | null;
  /** Open invitations to become an administrator: each holds a seat under the cap. */
  pendingAdminInvitationCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface FirmUser {
  id: string;
  name: string;
  email: string;
  role: FirmRole;
  active: boolean;
  grantedById: string | null;
  deactivatedAt: string | null;
}

export interface FirmInvitation {
  id: string;
  firmId: string;
  email: string;
  name: string;
  role: FirmRole;
  userId: string | null;
  invitedById: string | null;
  expiresAt: string;
  createdAt: string;
}

/** `GET /api/firms/:id`: the firm with all its users and its open invitations. */
export interface FirmDetail extends FirmRecord {
  users: FirmUser[];
  invitations: FirmInvitation[];
}

/** Administrator seats taken: active administrators plus open invitations to become one. */
export const takenAdminSeats = (firm: FirmRecord) => firm.activeAdminCount + firm.pendingAdminInvitationCount;

/** Whether one more administrator fits under the cap (always, in a broker agency). */
export const hasFreeAdminSeat = (firm: FirmRecord, freed = 0) =>
  firm.adminCap === null || takenAdminSeats(firm) - freed < firm.adminCap;
