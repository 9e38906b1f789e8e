import type { Region } from './regions';
import type { FirmKind, FirmRole } from './roles';

/** A partner's self-service registration, as EBS decides on it. PENDING is EBS's work queue. */
export const REGISTRATION_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'LOCKED', 'DEACTIVATED'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const REGISTRATION_ACTIONS = ['approve', 'reject', 'lock', 'unlock', 'reinvite', 'deactivate'] as const;
export type RegistrationAction = (typeof REGISTRATION_ACTIONS)[number];

/** A row of `GET /api/registrations`; `T` types times as in firms.ts. */
export interface RegistrationRecord<T = string> {
  id: string;
  email: string;
  name: string;
  firmName: string;
  firmTaxId: string;
  status: RegistrationStatus;
  firmId: string | null;
  userId: string | null;
  decisionReason: string | null;
  /** Why EBS approved into a firm whose tax ID is not the one registered; null when they matched. */
  taxIdOverrideReason: string | null;
  decidedById: string | null;
  decidedAt: T | null;
  version: number;
  createdAt: T;
  updatedAt: T;
  /** The decisions EBS may take now, from the registration's status. */
  allowedActions: RegistrationAction[];
}

/** `GET /api/registrations/:id`. */
export interface RegistrationDetail<T = string> extends RegistrationRecord<T> {
  /** The firm it was approved into, or else the firm with the registered tax ID: what EBS verifies against. */
  matchingFirm: { id: string; name: string; taxId: string; kind: FirmKind; region: Region } | null;
  /** The partner's account, once approved. */
  account: { id: string; active: boolean; role: FirmRole | null } | null;
}
