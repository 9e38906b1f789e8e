import type { Region } from './regions';
import type { FirmKind, FirmRole } from './roles';

/*
 * Firm records as the API returns them. `T` is how times are typed: `Date` where the API builds the
 * record, an ISO 8601 string (the default) once it has travelled as JSON.
 */

/** A row of `GET /api/firms`. */
export interface FirmRecord<T = string> {
  id: string;
  name: string;
  taxId: string;
  kind: FirmKind;
  region: Region;
  version: number;
  activeAdminCount: number;
  /** No active administrator: flagged until GA support names one. */
  needsAdmin: boolean;
  /** 4 for a General Agency; null: a broker agency has no cap. */
  adminCap: number | null;
  /** Open invitations to become an administrator: each holds a seat under the cap. */
  pendingAdminInvitationCount: number;
  createdAt: T;
  updatedAt: T;
}

export interface FirmUserRecord<T = string> {
  id: string;
  name: string;
  email: string;
  role: FirmRole;
  active: boolean;
  grantedById: string | null;
  deactivatedAt: T | null;
}

export interface InvitationRecord<T = string> {
  id: string;
  firmId: string;
  email: string;
  name: string;
  role: FirmRole;
  userId: string | null;
  invitedById: string | null;
  expiresAt: T;
  createdAt: T;
}

/** `GET /api/firms/:id`: the firm with all its users and its open invitations. */
export interface FirmDetail<T = string> extends FirmRecord<T> {
  users: FirmUserRecord<T>[];
  /** Invitations not yet accepted and not expired. */
  invitations: InvitationRecord<T>[];
}
