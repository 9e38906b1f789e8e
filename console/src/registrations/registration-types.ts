import type { RegistrationStatus } from '@sbo/shared';

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
