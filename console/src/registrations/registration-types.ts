import type { FirmKind, FirmRole, Region, RegistrationAction, RegistrationStatus } from '@sbo/shared';

/** A row of `GET /api/registrations`. */
export interface RegistrationRecord {
  id: string;
  email: string;
  name: string;
  firmName: string;
  firmTaxId: string;
  status: RegistrationStatus;
  firmId: string | null;
  userId: string | null;
  decisionReason: string | null;
  decidedById: string | null;
  decidedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** The decisions the API accepts now, from the registration's status. */
  allowedActions: RegistrationAction[];
}

/** `GET /api/registrations/:id`. */
export interface RegistrationDetail extends RegistrationRecord {
  /** The firm it was approved into, or else the firm with the registered tax ID. */
  matchingFirm: { id: string; name: string; taxId: string; kind: FirmKind; region: Region } | null;
  account: { id: string; active: boolean; role: FirmRole | null } | null;
}

export const STATUS_LABELS: Record<RegistrationStatus, string> = {
  PENDING: 'Pending',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  LOCKED: 'Locked',
  DEACTIVATED: 'Deactivated',
};

export const STATUS_COLORS: Record<RegistrationStatus, 'warning' | 'success' | 'error' | 'default' | 'info'> = {
  PENDING: 'warning',
  APPROVED: 'success',
  REJECTED: 'error',
  LOCKED: 'info',
  DEACTIVATED: 'default',
};
